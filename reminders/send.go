package reminders

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// sendChannel sends one channel's messages in order, paced. After a
// rate-limit answer the rest of the channel waits for the next tick; other
// failures only fail their own message. Nothing is sent after stopAt (on
// the dispatcher's clock): those claims lapse and a later tick sends them.
func (d *Dispatcher) sendChannel(ctx context.Context, now, stopAt time.Time, ds []Delivery) (Result, error) {
	var res Result
	var errs []error
	fail := func(dl Delivery, errText string, next time.Time) {
		for _, lr := range dl.Items {
			if err := d.log.MarkFailed(ctx, lr.ID, now, errText, next); err != nil {
				errs = append(errs, fmt.Errorf("mark reminder %d failed: %w", lr.ID, err))
				continue
			}
			res.Failed++
		}
	}
	for i, dl := range ds {
		if dl.Channel == "" {
			next := now.Add(d.backoffMax)
			d.logger.Warn("reminder has no channel", "unit", dl.Unit, "retry", next)
			fail(dl, "no channel: bind one to unit "+dl.Unit+" or set DUTYBOT_REMINDER_CHANNEL", next)
			continue
		}
		held, err := d.pacer.wait(ctx, dl.Channel, now)
		if err != nil {
			// Cancelled: the claims lapse and the next tick takes them over.
			errs = append(errs, fmt.Errorf("send to %s: %w", dl.Channel, err))
			break
		}
		if held > 0 {
			fail(dl, "deferred: channel rate-limited", now.Add(held))
			continue
		}
		if d.clock.Now().After(stopAt) {
			for _, rest := range ds[i:] {
				res.Deferred += len(rest.Items)
			}
			d.logger.Warn("reminder tick ran out of claim time", "channel", dl.Channel, "deferred", res.Deferred)
			break
		}
		ts, err := d.sender.Send(ctx, dl)
		if err != nil {
			attempts := 0
			for _, lr := range dl.Items {
				attempts = max(attempts, lr.Attempts)
			}
			wait, limited := retryAfter(err)
			if !limited {
				wait = backoff(attempts+1, d.backoffBase, d.backoffMax, d.jitter)
			}
			next := now.Add(wait)
			d.logger.Warn("reminder send failed", "channel", dl.Channel, "unit", dl.Unit, "attempt", attempts+1, "retry", next, "err", err)
			fail(dl, err.Error(), next)
			if limited {
				d.pacer.hold(dl.Channel, next)
			}
			continue
		}
		res.Messages++
		for _, lr := range dl.Items {
			if err := d.log.MarkSent(ctx, lr.ID, now, dl.Channel, ts); err != nil {
				// Sent but not marked: the claim lapses and the reminder may
				// go again; report it loudly.
				errs = append(errs, fmt.Errorf("mark reminder %d sent: %w", lr.ID, err))
				continue
			}
			res.Sent++
		}
	}
	return res, errors.Join(errs...)
}

// pacer spaces messages to one channel by at least gap, on its clock,
// without holding up other channels.
type pacer struct {
	mu    sync.Mutex
	clock interface {
		Now() time.Time
		After(time.Duration) <-chan time.Time
	}
	gap  time.Duration
	next map[string]time.Time // earliest time of the next message
	held map[string]time.Time // rate-limited until (tick time)
}

func newPacer(clock interface {
	Now() time.Time
	After(time.Duration) <-chan time.Time
}, gap time.Duration) *pacer {
	return &pacer{clock: clock, gap: gap, next: map[string]time.Time{}, held: map[string]time.Time{}}
}

// wait blocks until a message may go to channel, and books the slot. A
// channel held after a rate-limit answer is not waited for: wait returns
// how long after the tick's time it stays held, and the message goes at a
// later tick. Holds are in tick time, like the log's next attempts; the
// spacing of messages is in clock time, since it is about real seconds.
func (p *pacer) wait(ctx context.Context, channel string, tickNow time.Time) (time.Duration, error) {
	p.mu.Lock()
	if until := p.held[channel]; until.After(tickNow) {
		p.mu.Unlock()
		return until.Sub(tickNow), nil
	}
	now := p.clock.Now()
	at := p.next[channel]
	if at.Before(now) {
		at = now
	}
	p.next[channel] = at.Add(p.gap)
	p.mu.Unlock()
	if d := at.Sub(now); d > 0 {
		select {
		case <-p.clock.After(d):
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
	return 0, nil
}

// hold keeps channel closed until tick time t (after a rate-limit answer).
func (p *pacer) hold(channel string, t time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if t.After(p.held[channel]) {
		p.held[channel] = t
	}
}
