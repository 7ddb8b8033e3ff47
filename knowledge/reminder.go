package knowledge

import (
	"context"
	"strconv"
	"time"
)

// ReminderKind is why a reminder is sent.
type ReminderKind string

// The kinds of reminder (docs/cli.md §3).
const (
	KindBefore  ReminderKind = "before"
	KindDue     ReminderKind = "due"
	KindOverdue ReminderKind = "overdue"
	KindDigest  ReminderKind = "digest"
)

// Reminder is one planned message to one unit about one task.
type Reminder struct {
	Notice string
	Task   int // 0 for a digest that is not about one task
	Unit   string
	Role   Role
	Kind   ReminderKind
	At     time.Time // when it should go out
	Due    Date      // the milestone it is about (zero for ongoing duties)
}

// Key identifies a reminder for exactly-once delivery.
func (r Reminder) Key() string {
	return r.Notice + "|" + strconv.Itoa(r.Task) + "|" + r.Unit + "|" + string(r.Role) + "|" + string(r.Kind) + "|" + r.At.UTC().Format(time.RFC3339) + "|" + r.Due.String()
}

// DeliveryState is where a logged reminder is in its delivery.
type DeliveryState string

// The delivery states of a logged reminder.
const (
	DeliveryPending DeliveryState = "pending" // recorded, not yet sent (maybe failed and waiting to retry)
	DeliverySent    DeliveryState = "sent"
	DeliverySkipped DeliveryState = "skipped" // made pointless (task done, superseded by a later reminder)
)

// LoggedReminder is a reminder as the delivery log keeps it.
type LoggedReminder struct {
	ID       int64
	Reminder Reminder
	State    DeliveryState
	Attempts int
	// NextAttempt is the earliest time of the next try after a failure.
	NextAttempt time.Time
	LastError   string
	SentAt      time.Time
	Channel     string // the Slack channel it went to
	MessageTS   string // the Slack message timestamp, for later updates
	Reason      string // why it was skipped
}

// ReminderLog persists reminders so that each is delivered exactly once, even
// with several replicas: a reminder is recorded before it is sent, claimed by
// one sender at a time, and marked after.
type ReminderLog interface {
	// Record inserts the reminders that are not in the log yet (by Key) as
	// pending, and returns how many were new.
	Record(ctx context.Context, rs []Reminder) (int, error)
	// Claim atomically takes up to limit pending reminders whose At and
	// NextAttempt are at or before now and that no other owner holds a live
	// claim on, and holds them for owner until now+lease.
	Claim(ctx context.Context, owner string, now time.Time, lease time.Duration, limit int) ([]LoggedReminder, error)
	// MarkSent records a delivery (and releases the claim).
	MarkSent(ctx context.Context, id int64, at time.Time, channel, messageTS string) error
	// MarkFailed records a failed attempt and when to try next (and releases the claim).
	MarkFailed(ctx context.Context, id int64, at time.Time, errText string, next time.Time) error
	// MarkSkipped records that a reminder will never be sent, and why.
	MarkSkipped(ctx context.Context, id int64, at time.Time, reason string) error
	// Reminders lists the log, optionally only one state ("" for all), oldest At first.
	Reminders(ctx context.Context, state DeliveryState) ([]LoggedReminder, error)
}

// Leases is a database-backed lease, so that of several replicas only one
// runs a scheduled job at a time (gocron's Locker is built on it).
type Leases interface {
	// Acquire takes or renews the lease key for owner until now+ttl; it
	// returns false when another owner holds a live lease.
	Acquire(ctx context.Context, key, owner string, now time.Time, ttl time.Duration) (bool, error)
	// Release gives up owner's lease on key.
	Release(ctx context.Context, key, owner string) error
}
