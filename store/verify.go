package store

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// ErrAuditBroken is wrapped by VerifyAudit's error when the chain does not hold.
var ErrAuditBroken = errors.New("audit chain broken")

// ErrHeadNotInChain is wrapped by VerifyHeads' error when a head published
// earlier is no longer part of the chain: the chain was rewritten since.
var ErrHeadNotInChain = errors.New("published audit head not in the chain")

// VerifyAudit checks the audit log in two ways, in one snapshot of the
// database. First it recomputes the hash chain: an entry edited, deleted,
// inserted or moved returns its sequence number and an error wrapping
// ErrAuditBroken that says why. The head row catches a deleted or appended
// last entry, which the chain by itself cannot. Then it replays the log and
// compares the state it describes with the state stored (notices, whether
// each is archived, completion of every part, channel bindings, group members, users' units):
// a change made without an entry returns an error wrapping ErrStateDiffers
// that names the first difference, with the sequence number of the entry
// the database contradicts (or, when no entry ever set that value, of the
// entry that should have recorded the change: the head's plus one). It
// returns 0 and nil when both hold, and 0 and the error when reading fails.
func (db *DB) VerifyAudit(ctx context.Context) (int64, error) {
	var rows []auditRow
	var head auditHeadRow
	var cur *current
	err := db.read(ctx, func(tx *gorm.DB) error {
		if err := tx.Order("seq").Find(&rows).Error; err != nil {
			return err
		}
		if err := tx.First(&head, 1).Error; err != nil {
			return err
		}
		var err error
		cur, err = readState(tx)
		return err
	})
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return 1, fmt.Errorf("%w: the chain head row is missing", ErrAuditBroken)
	}
	if err != nil {
		return 0, fmt.Errorf("read audit log: %w", err)
	}
	if seq, err := verifyChain(rows, head); err != nil {
		return seq, err
	}
	rp := newReplay()
	for _, r := range rows {
		rp.apply(r)
	}
	if d := rp.diff(cur); d != nil {
		if d.seq == 0 {
			d.seq = head.Seq + 1
		}
		return d.seq, d.err()
	}
	return 0, nil
}

// verifyChain recomputes the hash chain of rows (in sequence order) against
// the head row.
func verifyChain(rows []auditRow, head auditHeadRow) (int64, error) {
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

// AuditHead names the last entry of the audit chain. Published outside the
// database (the weekly 通报 carries it), it anchors the chain: whoever can
// rewrite the database can recompute every hash, but not make the chain
// pass through a head that was published before the rewrite.
type AuditHead struct {
	Seq  int64
	Hash string // hex SHA-256 of the entry
}

// String writes the head as SEQ:HASH, the form ParseAuditHead reads.
func (h AuditHead) String() string { return fmt.Sprintf("%d:%s", h.Seq, h.Hash) }

var hexHash = regexp.MustCompile(`^[0-9a-f]{64}$`)

// ParseAuditHead reads SEQ:HASH, the whole 64-digit hash (a prefix would
// let a forger search for a chain that matches it).
func ParseAuditHead(s string) (AuditHead, error) {
	seq, hash, ok := strings.Cut(strings.TrimSpace(s), ":")
	n, err := strconv.ParseInt(seq, 10, 64)
	hash = strings.ToLower(hash)
	if !ok || err != nil || n < 1 || !hexHash.MatchString(hash) {
		return AuditHead{}, fmt.Errorf("audit head %q: want SEQ:HASH, a positive sequence number and the 64 hex digits of its hash", s)
	}
	return AuditHead{Seq: n, Hash: hash}, nil
}

// AuditHead returns the chain's head as recorded by the last audited write;
// Seq is 0 and Hash empty while the log is empty.
func (db *DB) AuditHead(ctx context.Context) (AuditHead, error) {
	var head auditHeadRow
	if err := db.r.WithContext(ctx).First(&head, 1).Error; err != nil {
		return AuditHead{}, fmt.Errorf("read audit head: %w", err)
	}
	return AuditHead{Seq: head.Seq, Hash: head.Hash}, nil
}

// VerifyHeads checks that each published head is still in the chain: its
// entry exists and has the published hash. Together with VerifyAudit (the
// chain holds from its first entry) this proves that no entry up to the
// head has changed since it was published. The first head that fails
// returns its sequence number and an error wrapping ErrHeadNotInChain.
func (db *DB) VerifyHeads(ctx context.Context, heads ...AuditHead) (int64, error) {
	for _, h := range heads {
		var rows []auditRow
		if err := db.r.WithContext(ctx).Select("seq", "hash").Where("seq = ?", h.Seq).Find(&rows).Error; err != nil {
			return 0, fmt.Errorf("read audit entry %d: %w", h.Seq, err)
		}
		if len(rows) == 0 {
			var last auditHeadRow
			if err := db.r.WithContext(ctx).First(&last, 1).Error; err != nil {
				return 0, fmt.Errorf("read audit head: %w", err)
			}
			return h.Seq, fmt.Errorf("%w: %s: entry %d does not exist (the chain ends at entry %d)", ErrHeadNotInChain, h, h.Seq, last.Seq)
		}
		if got := rows[0].Hash; got != h.Hash {
			return h.Seq, fmt.Errorf("%w: %s: entry %d now has hash %s, so the chain up to it was rewritten", ErrHeadNotInChain, h, h.Seq, got)
		}
	}
	return 0, nil
}
