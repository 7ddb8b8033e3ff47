package reminders

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"dutybot/knowledge"
)

// Retrying within a tick (issue 12 item 1) and handing back claims when a
// tick is stopped (item 3).

// errTemporary is a 5xx as the Slack sender reports it.
var errTemporary = fmt.Errorf("send reminder: %w: slack server error: 503", ErrTemporary)

// tickMovingClock runs d.Tick at now while moving the rig's fake clock
// forward whenever the tick waits on it, and returns the result.
func tickMovingClock(t *testing.T, g *rig, d *Dispatcher, now time.Time) Result {
	t.Helper()
	done := make(chan Result, 1)
	go func() {
		res, err := d.Tick(t.Context(), now)
		if err != nil {
			t.Error(err)
		}
		done <- res
	}()
	for deadline := time.Now().Add(30 * time.Second); ; {
		select {
		case res := <-done:
			return res
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("tick did not end")
		}
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Millisecond)
		if err := g.clock.BlockUntilContext(ctx, 1); err == nil {
			g.clock.Advance(100 * time.Millisecond)
		}
		cancel()
	}
}

func TestDispatcher_Tick_retriesWithinTick(t *testing.T) {
	tests := []struct {
		name        string
		errs        []error // the first answers of C-FAZHI, in order
		wait        time.Duration
		wantSent    int // of 法制支队's one reminder
		wantRetried int
		wantNext    time.Duration // after a failure: the next attempt, from the tick's now
	}{
		{"three 429 Retry-After: 1 are waited out", []error{rateLimited{time.Second}, rateLimited{time.Second}, rateLimited{time.Second}}, 30 * time.Second, 1, 3, 0},
		{"a 5xx is retried with backoff", []error{errTemporary, errTemporary}, 30 * time.Second, 1, 2, 0},
		{"a 5xx retried 3 times, then left to a later tick", []error{errTemporary, errTemporary, errTemporary, errTemporary}, 30 * time.Second, 0, 3, 37500 * time.Millisecond},
		{"a Retry-After past the wait is not waited", []error{rateLimited{time.Minute}}, 30 * time.Second, 0, 0, time.Minute},
		{"backoff past the wait is not waited", []error{errTemporary, errTemporary, errTemporary}, 2 * time.Second, 0, 1, 37500 * time.Millisecond},
		{"no retry wait, no retry", []error{rateLimited{time.Second}}, 0, 0, 0, time.Second},
		{"a lasting error is not retried", []error{errServer}, 30 * time.Second, 0, 0, 37500 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := newRig(t)
			var mu sync.Mutex
			calls := 0
			g.sender.fail = func(_ int, dl Delivery) error {
				if dl.Channel != "C-FAZHI" {
					return nil
				}
				mu.Lock()
				defer mu.Unlock()
				calls++
				if calls <= len(tt.errs) {
					return tt.errs[calls-1]
				}
				return nil
			}
			d := g.dispatcher(t, WithRetryWait(tt.wait))
			now := at(2019, 9, 4, 9, 0)
			res := tickMovingClock(t, g, d, now)
			if res.Retried != tt.wantRetried || res.Sent != 4+tt.wantSent {
				t.Errorf("result %+v: want %d retried within the tick, %d sent", res, tt.wantRetried, 4+tt.wantSent)
			}
			pending, _ := g.log.Reminders(t.Context(), knowledge.DeliveryPending)
			switch {
			case tt.wantSent == 1 && len(pending) != 0:
				t.Errorf("still pending: %+v", pending)
			case tt.wantSent == 0 && (len(pending) != 1 || pending[0].NextAttempt.Sub(now) != tt.wantNext || pending[0].Attempts != 1):
				t.Errorf("pending %+v: want one, tried once, next attempt %v after the tick", pending, tt.wantNext)
			}
			if res.Waiting() != 1-tt.wantSent {
				t.Errorf("Waiting() = %d, want %d", res.Waiting(), 1-tt.wantSent)
			}
			checkOnce(t, g.sender.messages())
			g.log.checkClean(t)
		})
	}
}

// TestDispatcher_Tick_stoppedHandsBack: a tick stopped in the middle (the
// process got SIGTERM) hands back the reminders it claimed and did not
// send, so that another replica, or the restarted process, sends them at
// once rather than when the claims lapse.
func TestDispatcher_Tick_stoppedHandsBack(t *testing.T) {
	g := newRig(t)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var mu sync.Mutex
	defaultCalls := 0
	var sent []Delivery
	stopping := SenderFunc(func(sctx context.Context, dl Delivery) (string, error) {
		mu.Lock()
		if dl.Channel == "C-DEFAULT" {
			defaultCalls++
			if defaultCalls == 2 {
				// SIGTERM while the second message is on its way.
				mu.Unlock()
				cancel()
				<-sctx.Done()
				return "", sctx.Err()
			}
		}
		defer mu.Unlock()
		sent = append(sent, dl)
		return "1.1", nil
	})
	a, err := NewDispatcher(g.src, g.log, stopping, g.policy, WithOwner("replica-a"), WithClock(g.clock),
		WithChannelGap(0), WithDefaultChannel("C-DEFAULT"), WithParallel(1), WithTranslator(BundleTranslator(g.bundle)))
	if err != nil {
		t.Fatal(err)
	}
	now := at(2019, 9, 4, 9, 0)
	res, err := a.Tick(ctx, now)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("stopped tick: err = %v, want it to say it was cancelled", err)
	}
	if res.Deferred == 0 || res.Sent == 0 {
		t.Fatalf("stopped tick %+v: want some sent, the rest handed back", res)
	}
	g.log.mu.Lock()
	for _, row := range g.log.rows {
		if row.lr.State == knowledge.DeliveryPending && row.owner != "" {
			t.Errorf("reminder %d still claimed by %s after the tick stopped", row.lr.ID, row.owner)
		}
	}
	g.log.mu.Unlock()

	// A minute later, another replica (or the restarted process).
	b := g.dispatcher(t, WithOwner("replica-b"))
	after := tick(t, b, now.Add(time.Minute))
	if after.Sent != res.Deferred {
		t.Errorf("a minute later the next tick sent %d of the %d handed back", after.Sent, res.Deferred)
	}
	if total := res.Sent + after.Sent; total != 5 {
		t.Errorf("%d reminders delivered in all, want the 5 due at 09:00", total)
	}
	g.log.checkClean(t)
}
