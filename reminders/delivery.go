package reminders

import (
	"context"
	"errors"
	"time"

	"dutybot/knowledge"
)

// Delivery is one message to one chat channel: the reminders of one unit
// that are due in one tick, merged.
type Delivery struct {
	// Channel is the chat channel ID the message goes to.
	Channel string
	// Lang is the language Text is written in (zh-CN or en).
	Lang string
	// Unit is the unit the message is for (AdminUnit for the weekly summary).
	Unit string
	// Text is the whole message as a person reads it.
	Text string
	// Late is true when some reminder in it should have gone out earlier
	// (the bot was down): Text says so.
	Late bool
	// Items are the reminders the message carries, so that a rich adapter can
	// add buttons (mark done, details) per task.
	Items []knowledge.LoggedReminder
	// Attachment, when set, is a file that goes with the message (the
	// weekly 通报's ledger); a Sender that can share files uploads it.
	Attachment *Attachment
}

// Sender delivers a message to a chat channel; the Slack adapter implements
// it. An error that implements RetryAfterError says when to try again (HTTP
// 429); one that wraps ErrTemporary (5xx, network) is retried at once with
// backoff; any error is retried at later ticks with exponential backoff.
type Sender interface {
	// Send posts d and returns the message's timestamp (its ID in the channel).
	Send(ctx context.Context, d Delivery) (messageTS string, err error)
}

// ErrTemporary marks a failed send that may well succeed if tried again in
// a moment: an HTTP 5xx, a network error. A Sender wraps such errors with it
// (fmt.Errorf("…: %w: %w", ErrTemporary, err)); the dispatcher then retries
// within the tick (WithRetryWait). Any other error, such as a channel that
// does not exist, waits for a later tick.
var ErrTemporary = errors.New("temporary failure")

// SenderFunc adapts a function to Sender.
type SenderFunc func(ctx context.Context, d Delivery) (string, error)

// Send calls f.
func (f SenderFunc) Send(ctx context.Context, d Delivery) (string, error) { return f(ctx, d) }

var _ Sender = SenderFunc(nil)

// RetryAfterError is an error that knows when the other side accepts a retry
// (Slack's 429 with Retry-After).
type RetryAfterError interface {
	error
	RetryAfter() time.Duration
}

// retryAfter returns the wait err asks for, if it asks for one.
func retryAfter(err error) (time.Duration, bool) {
	var ra interface{ RetryAfter() time.Duration }
	if errors.As(err, &ra) {
		return max(ra.RetryAfter(), 0), true
	}
	return 0, false
}

// Jitter returns a random duration in [0, n); the dispatcher spreads retries
// with it so that replicas and channels do not retry in lockstep. Tests
// inject a deterministic one.
type Jitter func(n time.Duration) time.Duration

// backoff is the wait before attempt number attempts+1 after a failure:
// base doubling per attempt up to ceiling, plus up to half as much jitter.
func backoff(attempts int, base, ceiling time.Duration, jitter Jitter) time.Duration {
	d := base
	for i := 1; i < attempts && d < ceiling; i++ {
		d *= 2
	}
	d = min(d, ceiling)
	if jitter != nil && d > 1 {
		d += jitter(d / 2)
	}
	return d
}
