package reminders

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// sendChannel sends one channel's messages in order, paced. A send that
// fails for a reason that passes (a 429's Retry-After, a 5xx, a network
// error) is retried within the tick while the wait ends before ru.retryUntil;
// what still fails is marked failed, to be retried at a later tick. After a
// rate-limit answer that is not waited out, the rest of the channel waits
// for a later tick; other failures only fail their own message. Nothing is
// sent after stopAt (on the dispatcher's clock) or once ctx ends: those
// claims are left unsettled, and Tick hands them back.
func (d *Dispatcher) sendChannel(ctx context.Context, ru *run, stopAt time.Time, ds []Delivery) (Result, error) {
	var res Result
	var errs []error
	now := ru.now
	// Marks record what happened even when the context ends mid-send.
	mctx := context.WithoutCancel(ctx)
	fail := func(dl Delivery, errText string, next time.Time) {
		for _, lr := range dl.Items {
			if err := d.log.MarkFailed(mctx, lr.ID, now, errText, next); err != nil {
				errs = append(errs, fmt.Errorf("mark reminder %d failed: %w", lr.ID, err))
				continue
			}
			ru.settle(lr.ID)
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
			// Stopped: Tick hands the claims back for the next tick.
			errs = append(errs, fmt.Errorf("send to %s: %w", dl.Channel, err))
			break
		}
		if held > 0 {
			fail(dl, "deferred: channel rate-limited", now.Add(held))
			continue
		}
		if d.clock.Now().After(stopAt) {
			left := 0
			for _, rest := range ds[i:] {
				left += len(rest.Items)
			}
			d.logger.Warn("reminder tick ran out of claim time; the rest is handed back", "channel", dl.Channel, "reminders", left)
			break
		}
		ts, stopped, err := d.sendRetrying(ctx, ru, stopAt, dl, &res)
		if stopped {
			errs = append(errs, fmt.Errorf("send to %s: %w", dl.Channel, ctx.Err()))
			break
		}
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
			// Sent: never hand it back, marked or not.
			ru.settle(lr.ID)
			if err := d.log.MarkSent(mctx, lr.ID, now, dl.Channel, ts); err != nil {
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

// sendRetrying sends dl, and again after a failure that passes, as long as
// the wait ends before ru.retryUntil and stopAt: after a 429 its
// Retry-After, else 1 s doubling (with jitter); a retry takes its turn in
// the channel's pacing like any message. It returns the last error, and
// stopped when ctx ended (the message is then not known to be sent, and is
// left to the next tick).
func (d *Dispatcher) sendRetrying(ctx context.Context, ru *run, stopAt time.Time, dl Delivery, res *Result) (ts string, stopped bool, err error) {
	for retry := 1; ; retry++ {
		ts, err = d.sender.Send(ctx, dl)
		switch {
		case err == nil:
			return ts, false, nil
		case ctx.Err() != nil:
			return "", true, err
		}
		wait, limited := retryAfter(err)
		if !limited {
			if !errors.Is(err, ErrTemporary) {
				return "", false, err
			}
			wait = backoff(retry, retryBase, retryBase<<retriesPerSend, d.jitter)
		}
		end := d.clock.Now().Add(wait)
		if retry > retriesPerSend || end.After(ru.retryUntil) || end.After(stopAt) {
			return "", false, err
		}
		d.logger.Info("reminder send failed; retrying within this run", "channel", dl.Channel, "unit", dl.Unit, "retry", retry, "in", wait, "err", err)
		select {
		case <-d.clock.After(wait):
		case <-ctx.Done():
			return "", true, err
		}
		if _, perr := d.pacer.wait(ctx, dl.Channel, ru.now); perr != nil {
			return "", true, err
		}
		res.Retried++
	}
}

// retryBase is the first wait before retrying a temporary failure within a
// tick; it doubles with each retry.
const retryBase = time.Second

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
