package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
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
type change struct {
	Action, Notice, Unit, Before, After string
	Task                                int
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
		var head AuditHeadRow
		if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).First(&head, 1).Error; err != nil {
			return fmt.Errorf("lock audit head: %w", err)
		}
		c := &chain{now: db.now()}
		if err := fn(tx, c); err != nil {
			return err
		}
		if len(c.changes) == 0 {
			return knowledge.ErrUnchanged
		}
		rows := make([]AuditRow, len(c.changes))
		for i, ch := range c.changes {
			r := AuditRow{
				Seq: head.Seq + 1, At: c.now, User: by.User, Via: by.Via,
				Action: ch.Action, Notice: ch.Notice, Task: ch.Task, Unit: ch.Unit,
				Before: ch.Before, After: ch.After, Prev: head.Hash,
			}
			r.Hash = auditHash(r)
			rows[i] = r
			head.Seq, head.Hash = r.Seq, r.Hash
		}
		if err := tx.CreateInBatches(rows, 200).Error; err != nil {
			return fmt.Errorf("append audit: %w", err)
		}
		res := tx.Model(&AuditHeadRow{}).Where("id = 1").Updates(map[string]any{"seq": head.Seq, "hash": head.Hash})
		if res.Error != nil {
			return fmt.Errorf("advance audit head: %w", res.Error)
		}
		return nil
	})
}

// auditHash is the hex SHA-256 of an entry's canonical encoding: a JSON
// array of every field but the hash, the previous entry's hash last. The
// encoding is pinned by testdata/audit_hash.golden: changing it breaks every
// existing chain.
func auditHash(r AuditRow) string {
	b, err := json.Marshal([]any{
		r.Seq, r.At.UTC().Format(time.RFC3339Nano), r.User, r.Via, r.Action,
		r.Notice, r.Task, r.Unit, r.Before, r.After, r.Prev,
	})
	if err != nil {
		panic(err) // strings and numbers always marshal
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func auditEntry(r AuditRow) knowledge.AuditEntry {
	return knowledge.AuditEntry{
		Seq: r.Seq, At: r.At.UTC(), Actor: knowledge.Actor{User: r.User, Via: r.Via},
		Action: r.Action, Notice: r.Notice, Task: r.Task, Unit: r.Unit,
		Before: r.Before, After: r.After, Hash: r.Hash, Prev: r.Prev,
	}
}

// Audit returns the audit log, oldest first.
func (db *DB) Audit(ctx context.Context) ([]knowledge.AuditEntry, error) {
	var rows []AuditRow
	if err := db.r.WithContext(ctx).Order("seq").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read audit log: %w", err)
	}
	out := make([]knowledge.AuditEntry, len(rows))
	for i, r := range rows {
		out[i] = auditEntry(r)
	}
	return out, nil
}

// ErrAuditBroken is wrapped by VerifyAudit's error when the chain does not hold.
var ErrAuditBroken = errors.New("audit chain broken")

// VerifyAudit recomputes the hash chain. It returns the first sequence number
// at which the log differs from a valid chain (an edited, missing, inserted or
// moved entry) with an error wrapping ErrAuditBroken that says why, or 0 and
// nil when the chain holds. A failure to read returns 0 and that error.
// The head row catches a deleted or appended last entry, which the chain by
// itself cannot.
func (db *DB) VerifyAudit(ctx context.Context) (int64, error) {
	var rows []AuditRow
	var head AuditHeadRow
	err := db.read(ctx, func(tx *gorm.DB) error {
		if err := tx.Order("seq").Find(&rows).Error; err != nil {
			return err
		}
		return tx.First(&head, 1).Error
	})
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return 1, fmt.Errorf("%w: the chain head row is missing", ErrAuditBroken)
	}
	if err != nil {
		return 0, fmt.Errorf("read audit log: %w", err)
	}
	prev := ""
	for i, r := range rows {
		want := int64(i + 1)
		switch {
		case r.Seq != want:
			return want, fmt.Errorf("%w: entry %d is missing (found %d in its place)", ErrAuditBroken, want, r.Seq)
		case r.Prev != prev:
			return want, fmt.Errorf("%w: entry %d does not follow entry %d (previous hash differs)", ErrAuditBroken, want, want-1)
		case auditHash(r) != r.Hash:
			return want, fmt.Errorf("%w: entry %d was altered (hash differs)", ErrAuditBroken, want)
		}
		prev = r.Hash
	}
	last := int64(len(rows))
	switch {
	case head.Seq > last:
		return last + 1, fmt.Errorf("%w: entries %d to %d are missing", ErrAuditBroken, last+1, head.Seq)
	case head.Seq < last:
		return head.Seq + 1, fmt.Errorf("%w: entry %d was added outside the store", ErrAuditBroken, head.Seq+1)
	case head.Hash != prev:
		return last, fmt.Errorf("%w: entry %d differs from the recorded chain head", ErrAuditBroken, last)
	}
	return 0, nil
}
