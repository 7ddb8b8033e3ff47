package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"dutybot/knowledge"
)

// Record inserts the reminders that are not in the log yet (by Key) as
// pending and returns how many were new. Recording the same plan twice, or
// from two replicas at once, adds nothing the second time.
//
// The scheduler records its whole look-back window every minute, so nearly
// all of a plan is in the log already: Record first reads which keys are
// (one query per few thousand keys, on a reader) and inserts only the rest,
// in multi-row INSERT … ON CONFLICT DO NOTHING statements that still settle
// a race with another replica.
func (db *DB) Record(ctx context.Context, rs []knowledge.Reminder) (int, error) {
	if len(rs) == 0 {
		return 0, nil
	}
	rows := make([]recordRow, 0, len(rs))
	seen := make(map[string]bool, len(rs))
	for _, r := range rs {
		k := r.Key()
		if seen[k] {
			continue
		}
		seen[k] = true
		rows = append(rows, recordRow{key: k, r: r})
	}
	rows, err := db.unrecorded(ctx, rows)
	if err != nil {
		return 0, fmt.Errorf("record reminders: %w", err)
	}
	if len(rows) == 0 {
		return 0, nil
	}
	per := recordBatch[db.engine]
	var added int64
	err = db.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		args := make([]any, 0, per*recordParams)
		for i := 0; i < len(rows); i += per {
			chunk := rows[i:min(i+per, len(rows))]
			args = args[:0]
			for _, r := range chunk {
				at := utc(r.r.At)
				args = append(args, r.key, r.r.Notice, r.r.Task, r.r.Unit, string(r.r.Role), string(r.r.Kind), at, r.r.Due.String(), at)
			}
			res := tx.Exec(recordSQL(len(chunk)), args...)
			if res.Error != nil {
				return res.Error
			}
			added += res.RowsAffected
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("record reminders: %w", err)
	}
	return int(added), nil
}

// recordRow is a reminder to record with its key, computed once.
type recordRow struct {
	key string
	r   knowledge.Reminder
}

// recordBatch is how many reminders one INSERT carries. The SQLite driver
// binds parameters in time quadratic in their number, so its statements stay
// small; PostgreSQL takes up to 65,535 parameters and pays per round trip.
var recordBatch = map[Engine]int{SQLite: 40, Postgres: 1000}

// recordParams is the number of parameters of one row of recordSQL.
const recordParams = 9

// recordSQL inserts n pending reminders, leaving those already logged.
func recordSQL(n int) string {
	const row = "(?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, '', NULL, '', NULL, '', '', '')"
	var b strings.Builder
	b.WriteString("INSERT INTO reminders (reminder_key, notice, task, unit, role, kind, at, due, state, attempts, " +
		"next_attempt, claim_owner, claim_until, last_error, sent_at, channel, message_ts, reason) VALUES ")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	b.WriteString(" ON CONFLICT (reminder_key) DO NOTHING")
	return b.String()
}

// keysPerLookup is how many keys one existence query sends, as one JSON
// array parameter (a few hundred kilobytes).
const keysPerLookup = 5000

// unrecorded returns the rows whose key is not in the log yet.
func (db *DB) unrecorded(ctx context.Context, rows []recordRow) ([]recordRow, error) {
	q := `SELECT reminder_key FROM reminders WHERE reminder_key IN (SELECT value FROM json_each(?))`
	if db.engine == Postgres {
		q = `SELECT reminder_key FROM reminders WHERE reminder_key IN (SELECT json_array_elements_text(CAST(? AS json)))`
	}
	logged := map[string]bool{}
	keys := make([]string, 0, min(len(rows), keysPerLookup))
	for i := 0; i < len(rows); i += keysPerLookup {
		keys = keys[:0]
		for _, r := range rows[i:min(i+keysPerLookup, len(rows))] {
			keys = append(keys, r.key)
		}
		js, err := json.Marshal(keys)
		if err != nil {
			return nil, err
		}
		if err := db.scanKeys(ctx, q, string(js), logged); err != nil {
			return nil, fmt.Errorf("find logged reminders: %w", err)
		}
	}
	if len(logged) == 0 {
		return rows, nil
	}
	out := rows[:0:0]
	for _, r := range rows {
		if !logged[r.key] {
			out = append(out, r)
		}
	}
	return out, nil
}

// scanKeys runs q (one key column) and adds the keys to into.
func (db *DB) scanKeys(ctx context.Context, q, arg string, into map[string]bool) error {
	rs, err := db.r.WithContext(ctx).Raw(q, arg).Rows()
	if err != nil {
		return err
	}
	defer rs.Close()
	for rs.Next() {
		var k string
		if err := rs.Scan(&k); err != nil {
			return err
		}
		into[k] = true
	}
	return rs.Err()
}

// Claim atomically takes up to limit pending reminders due at or before now
// (At and NextAttempt) that no other owner holds a live claim on, and holds
// them for owner until now+lease. On PostgreSQL the candidates are locked
// FOR UPDATE SKIP LOCKED, so concurrent claimers take different rows; on
// SQLite the immediate transaction makes claimers take turns.
func (db *DB) Claim(ctx context.Context, owner string, now time.Time, lease time.Duration, limit int) ([]knowledge.LoggedReminder, error) {
	if owner == "" || lease <= 0 || limit <= 0 {
		return nil, fmt.Errorf("claim reminders: need an owner, a positive lease and limit (got %q, %v, %d)", owner, lease, limit)
	}
	now = utc(now)
	until := utc(now.Add(lease))
	var rows []reminderRow
	err := db.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		err := tx.Clauses(clause.Locking{Strength: "UPDATE", Options: "SKIP LOCKED"}).
			Where("state = ? AND at <= ? AND next_attempt <= ?", string(knowledge.DeliveryPending), now, now).
			Where("claim_until IS NULL OR claim_until <= ? OR claim_owner = ?", now, owner).
			Order("at, id").Limit(limit).Find(&rows).Error
		if err != nil || len(rows) == 0 {
			return err
		}
		ids := make([]int64, len(rows))
		for i := range rows {
			ids[i] = rows[i].ID
			rows[i].ClaimOwner, rows[i].ClaimUntil = owner, &until
		}
		return tx.Model(&reminderRow{}).Where("id IN ?", ids).
			Updates(map[string]any{"claim_owner": owner, "claim_until": until}).Error
	})
	if err != nil {
		return nil, fmt.Errorf("claim reminders for %s: %w", owner, err)
	}
	out := make([]knowledge.LoggedReminder, len(rows))
	for i, r := range rows {
		out[i] = r.logged()
	}
	return out, nil
}

// MarkSent records a delivery and releases the claim. A reminder already
// sent or skipped returns knowledge.ErrUnchanged; an unknown ID ErrNotFound.
func (db *DB) MarkSent(ctx context.Context, id int64, at time.Time, channel, messageTS string) error {
	return db.mark(ctx, id, "sent", map[string]any{
		"state": string(knowledge.DeliverySent), "sent_at": utc(at), "channel": channel, "message_ts": messageTS,
		"attempts": gorm.Expr("attempts + 1"), "last_error": "",
	})
}

// MarkFailed records a failed attempt and when to try next, and releases the
// claim; the reminder stays pending, so it is retried, never dropped.
func (db *DB) MarkFailed(ctx context.Context, id int64, at time.Time, errText string, next time.Time) error {
	return db.mark(ctx, id, "failed", map[string]any{
		"attempts": gorm.Expr("attempts + 1"), "last_error": errText, "next_attempt": utc(next),
	})
}

// MarkSkipped records that a reminder will never be sent, and why.
func (db *DB) MarkSkipped(ctx context.Context, id int64, at time.Time, reason string) error {
	return db.mark(ctx, id, "skipped", map[string]any{"state": string(knowledge.DeliverySkipped), "reason": reason})
}

// mark updates a pending reminder and releases its claim.
func (db *DB) mark(ctx context.Context, id int64, what string, upd map[string]any) error {
	upd["claim_owner"], upd["claim_until"] = "", nil
	err := db.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&reminderRow{}).Where("id = ? AND state = ?", id, string(knowledge.DeliveryPending)).Updates(upd)
		if res.Error != nil || res.RowsAffected == 1 {
			return res.Error
		}
		var row reminderRow
		if err := tx.Select("state").First(&row, id).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return knowledge.ErrNotFound
		} else if err != nil {
			return err
		}
		return fmt.Errorf("it is already %s: %w", row.State, knowledge.ErrUnchanged)
	})
	if err != nil {
		return fmt.Errorf("mark reminder %d %s: %w", id, what, err)
	}
	return nil
}

// ReleaseClaims gives up owner's claims on the reminders ids that are still
// pending, without counting an attempt: a sender that stops before sending
// them (a shutdown, a tick out of time) hands them back, so that the next
// tick of any replica takes them at once instead of when the claim lapses.
// Reminders claimed by someone else meanwhile, or already marked, are left
// alone.
func (db *DB) ReleaseClaims(ctx context.Context, owner string, ids []int64) error {
	if owner == "" {
		return errors.New("release reminders: empty owner")
	}
	for i := 0; i < len(ids); i += releaseBatch {
		chunk := ids[i:min(i+releaseBatch, len(ids))]
		err := db.w.WithContext(ctx).Model(&reminderRow{}).
			Where("id IN ? AND claim_owner = ? AND state = ?", chunk, owner, string(knowledge.DeliveryPending)).
			Updates(map[string]any{"claim_owner": "", "claim_until": nil}).Error
		if err != nil {
			return fmt.Errorf("release %d reminders claimed by %s: %w", len(ids), owner, err)
		}
	}
	return nil
}

// releaseBatch bounds the IDs of one UPDATE (the SQLite driver binds
// parameters slowly in their number).
const releaseBatch = 500

// Reminders lists the log, only one state unless state is "", oldest At first.
func (db *DB) Reminders(ctx context.Context, state knowledge.DeliveryState) ([]knowledge.LoggedReminder, error) {
	q := db.r.WithContext(ctx).Order("at, id")
	if state != "" {
		q = q.Where("state = ?", string(state))
	}
	var rows []reminderRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read reminders: %w", err)
	}
	out := make([]knowledge.LoggedReminder, len(rows))
	for i, r := range rows {
		out[i] = r.logged()
	}
	return out, nil
}

func (r reminderRow) logged() knowledge.LoggedReminder {
	l := knowledge.LoggedReminder{
		ID: r.ID,
		Reminder: knowledge.Reminder{
			Notice: r.Notice, Task: r.Task, Unit: r.Unit, Role: knowledge.Role(r.Role),
			Kind: knowledge.ReminderKind(r.Kind), At: r.At.UTC(),
		},
		State: knowledge.DeliveryState(r.State), Attempts: r.Attempts, NextAttempt: r.NextAttempt.UTC(),
		LastError: r.LastError, Channel: r.Channel, MessageTS: r.MessageTS, Reason: r.Reason,
	}
	_ = l.Reminder.Due.UnmarshalText([]byte(r.Due)) // written by Record from a Date
	if r.SentAt != nil {
		l.SentAt = r.SentAt.UTC()
	}
	return l
}
