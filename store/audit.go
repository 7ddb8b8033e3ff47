package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"dutybot/knowledge"
)

// The audit actions this store writes.
const (
	ActionImport  = "notice.import"
	ActionDone    = "task.done"
	ActionReopen  = "task.reopen"
	ActionBind    = "unit.bind"
	ActionMembers = "unit.members"
	ActionIAm     = "user.iam"
)

// change is one audit entry about to be written; the chain fills in the rest.
// Role names the unit's roles a change of a part applies to ("lead",
// "responsible" or both, comma-separated), so that replaying the log gives
// each part's state exactly.
type change struct {
	Action, Notice, Unit, Role, Before, After string
	Task                                      int
}

// chain collects the audit entries of one transaction.
type chain struct {
	now     time.Time
	changes []change
}

func (c *chain) add(ch change) { c.changes = append(c.changes, ch) }

// audited runs fn in a write transaction that first locks the audit chain's
// head and afterwards appends fn's changes to the chain. Locking the head
// first serialises audited writers on PostgreSQL (on SQLite the immediate
// transaction already does), so what fn reads is what it changes: no lost
// updates, no forked chain. fn returning an error rolls everything back.
func (db *DB) audited(ctx context.Context, by knowledge.Actor, fn func(tx *gorm.DB, c *chain) error) error {
	if by.User == "" || by.Via == "" {
		return fmt.Errorf("audit: actor needs a user and a channel (via), got %+v", by)
	}
	return db.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		head, err := lockHead(tx)
		if err != nil {
			return err
		}
		c := &chain{now: db.now()}
		if err := fn(tx, c); err != nil {
			return err
		}
		if len(c.changes) == 0 {
			return knowledge.ErrUnchanged
		}
		return head.append(tx, by, c.now, c.changes)
	})
}

// lockHead reads the chain's head row, locked for the rest of the
// transaction.
func lockHead(tx *gorm.DB) (*auditHeadRow, error) {
	var head auditHeadRow
	if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).First(&head, 1).Error; err != nil {
		return nil, fmt.Errorf("lock audit head: %w", err)
	}
	return &head, nil
}

// append writes changes as the next entries of the chain, by the actor at
// now, and moves the head (locked by lockHead) to the last of them.
func (head *auditHeadRow) append(tx *gorm.DB, by knowledge.Actor, now time.Time, changes []change) error {
	rows := make([]auditRow, len(changes))
	for i, ch := range changes {
		r := auditRow{
			Seq: head.Seq + 1, At: now, User: by.User, Via: by.Via, Channel: by.Channel, Team: by.Team,
			Action: ch.Action, Notice: ch.Notice, Task: ch.Task, Unit: ch.Unit, Role: ch.Role,
			Before: ch.Before, After: ch.After, Prev: head.Hash,
		}
		r.Hash = auditHash(r)
		rows[i] = r
		head.Seq, head.Hash = r.Seq, r.Hash
	}
	if err := tx.CreateInBatches(rows, 200).Error; err != nil {
		return fmt.Errorf("append audit: %w", err)
	}
	res := tx.Model(&auditHeadRow{}).Where("id = 1").Updates(map[string]any{"seq": head.Seq, "hash": head.Hash})
	if res.Error != nil {
		return fmt.Errorf("advance audit head: %w", res.Error)
	}
	return nil
}

// auditHash is the hex SHA-256 of an entry's canonical encoding: a JSON
// array of every field but the hash, the previous entry's hash after the
// fields of the first release, then the fields added since (channel, team,
// role) when any of them is set. An entry without them hashes as it always
// did, so chains written before they existed still verify, and removing a
// set one changes the hash like any other edit. The encodings are pinned by
// testdata/audit_hash*.golden: changing them breaks every existing chain.
func auditHash(r auditRow) string {
	fields := []any{
		r.Seq, r.At.UTC().Format(time.RFC3339Nano), r.User, r.Via, r.Action,
		r.Notice, r.Task, r.Unit, r.Before, r.After, r.Prev,
	}
	if r.Channel != "" || r.Team != "" || r.Role != "" {
		fields = append(fields, r.Channel, r.Team, r.Role)
	}
	b, err := json.Marshal(fields)
	if err != nil {
		panic(err) // strings and numbers always marshal
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func auditEntry(r auditRow) knowledge.AuditEntry {
	return knowledge.AuditEntry{
		Seq: r.Seq, At: r.At.UTC(), Actor: knowledge.Actor{User: r.User, Via: r.Via, Channel: r.Channel, Team: r.Team},
		Action: r.Action, Notice: r.Notice, Task: r.Task, Unit: r.Unit, Role: r.Role,
		Before: r.Before, After: r.After, Hash: r.Hash, Prev: r.Prev,
	}
}

// Audit returns the audit log, oldest first.
func (db *DB) Audit(ctx context.Context) ([]knowledge.AuditEntry, error) {
	var rows []auditRow
	if err := db.r.WithContext(ctx).Order("seq").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read audit log: %w", err)
	}
	out := make([]knowledge.AuditEntry, len(rows))
	for i, r := range rows {
		out[i] = auditEntry(r)
	}
	return out, nil
}
