package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"dutybot/knowledge"
)

// Record inserts the reminders that are not in the log yet (by Key) as
// pending and returns how many were new. Recording the same plan twice, or
// from two replicas at once, adds nothing the second time.
func (db *DB) Record(ctx context.Context, rs []knowledge.Reminder) (int, error) {
	if len(rs) == 0 {
		return 0, nil
	}
	rows := make([]ReminderRow, 0, len(rs))
	seen := map[string]bool{}
	for _, r := range rs {
		k := r.Key()
		if seen[k] {
			continue
		}
		seen[k] = true
		at := utc(r.At)
		rows = append(rows, ReminderRow{
			Key: k, Notice: r.Notice, Task: r.Task, Unit: r.Unit, Role: string(r.Role),
			Kind: string(r.Kind), At: at, Due: r.Due.String(),
			State: string(knowledge.DeliveryPending), NextAttempt: at,
		})
	}
	var added int64
	err := db.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for i := 0; i < len(rows); i += batch {
			chunk := rows[i:min(i+batch, len(rows))]
			res := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "reminder_key"}}, DoNothing: true}).Create(&chunk)
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
	var rows []ReminderRow
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
		return tx.Model(&ReminderRow{}).Where("id IN ?", ids).
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
		res := tx.Model(&ReminderRow{}).Where("id = ? AND state = ?", id, string(knowledge.DeliveryPending)).Updates(upd)
		if res.Error != nil || res.RowsAffected == 1 {
			return res.Error
		}
		var row ReminderRow
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

// Reminders lists the log, only one state unless state is "", oldest At first.
func (db *DB) Reminders(ctx context.Context, state knowledge.DeliveryState) ([]knowledge.LoggedReminder, error) {
	q := db.r.WithContext(ctx).Order("at, id")
	if state != "" {
		q = q.Where("state = ?", string(state))
	}
	var rows []ReminderRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read reminders: %w", err)
	}
	out := make([]knowledge.LoggedReminder, len(rows))
	for i, r := range rows {
		out[i] = r.logged()
	}
	return out, nil
}

func (r ReminderRow) logged() knowledge.LoggedReminder {
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
