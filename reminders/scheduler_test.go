package reminders

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-co-op/gocron/v2"
	"github.com/jonboulle/clockwork"

	"dutybot/i18n"
	"dutybot/knowledge"
	"dutybot/knowledge/builtin"
)

// signalLocker reports each lock refused, so that a test knows a job run
// ended without a tick.
type signalLocker struct {
	inner  gocron.Locker
	denied func()
}

func (l signalLocker) Lock(ctx context.Context, key string) (gocron.Lock, error) {
	lk, err := l.inner.Lock(ctx, key)
	if err != nil {
		l.denied()
	}
	return lk, err
}

// countingSource counts the ticks running: each tick reads the notices once
// at its start, and reports its end through OnTick.
type countingSource struct {
	*fakeSource
	running atomic.Int64
}

func (c *countingSource) Notices(ctx context.Context) ([]*knowledge.Notice, error) {
	c.running.Add(1)
	return c.fakeSource.Notices(ctx)
}

// sim is a simulated deployment: replicas sharing one log, one lease table
// and one Slack stand-in, on one fake clock.
type sim struct {
	t      *testing.T
	src    *countingSource
	log    *fakeLog
	leases *fakeLeases
	sender *fakeSender
	clock  *clockwork.FakeClock
	policy *Policy
	bundle *i18n.Bundle
	events chan tickEvent
	seen   []string
}

// tickEvent is a job run of one replica: a tick, or a lock refused.
type tickEvent struct {
	replica string
	at      time.Time
	ticked  bool
}

func (s *sim) replica(name string) *Scheduler {
	s.t.Helper()
	d, err := NewDispatcher(s.src, s.log, s.sender, s.policy,
		WithOwner(name), WithClock(s.clock), WithChannelGap(0),
		WithDefaultChannel("C-DEFAULT"), WithAdminChannel("C-ADMIN"),
		WithTranslator(BundleTranslator(s.bundle)),
		WithJitter(func(n time.Duration) time.Duration { return n / 3 }))
	if err != nil {
		s.t.Fatal(err)
	}
	ll, err := NewLeaseLocker(s.leases, name, s.clock, 10*time.Minute)
	if err != nil {
		s.t.Fatal(err)
	}
	sc, err := NewScheduler(d,
		Every(time.Hour), WithSchedulerClock(s.clock),
		WithLocker(signalLocker{ll, func() { s.events <- tickEvent{name, s.clock.Now(), false} }}),
		OnTick(func(res Result, err error) {
			if err != nil {
				s.t.Errorf("%s: %v", name, err)
			}
			s.src.running.Add(-1)
			s.events <- tickEvent{name, res.At, true}
		}))
	if err != nil {
		s.t.Fatal(err)
	}
	sc.Start()
	return sc
}

// waitTimers waits until n timers wait on the clock: a started scheduler
// has armed its job.
func (s *sim) waitTimers(n int) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.t.Context(), 10*time.Second)
	defer cancel()
	if err := s.clock.BlockUntilContext(ctx, n); err != nil {
		s.t.Fatalf("schedulers did not arm their jobs: %v", err)
	}
}

// hour moves the clock to target, waits until some replica has ticked at
// target, then until no tick is running, so that the clock never jumps an
// hour in the middle of a tick (which no real clock does). Lock refusals
// are drained: gocron may fire a job more than once at one instant.
func (s *sim) hour(target time.Time) {
	s.t.Helper()
	s.clock.Advance(target.Sub(s.clock.Now()))
	deadline := time.After(10 * time.Second)
	for ticked := false; !ticked; {
		select {
		case e := <-s.events:
			s.seen = append(s.seen, fmt.Sprintf("%s %s ticked=%v", e.at.Format("01-02 15:04"), e.replica, e.ticked))
			ticked = e.ticked && !e.at.Before(target)
		case <-deadline:
			s.t.Fatalf("no tick at %s; last runs %v", target, s.seen[max(0, len(s.seen)-8):])
		}
	}
	for settled := 0; settled < 2; {
		select {
		case e := <-s.events:
			s.seen = append(s.seen, fmt.Sprintf("%s %s ticked=%v", e.at.Format("01-02 15:04"), e.replica, e.ticked))
		case <-deadline:
			s.t.Fatalf("tick at %s did not end", target)
		case <-time.After(200 * time.Microsecond):
			if s.src.running.Load() == 0 {
				settled++
			} else {
				settled = 0
			}
		}
	}
}

// TestScheduler_autumn2019 runs two replicas of the scheduler over the
// built-in notice from 2019-09-01 to 2019-12-31, an hour per step, with the
// Slack stand-in answering 429 or 500 now and then, one replica restarted
// midway, and units finishing their parts.
func TestScheduler_autumn2019(t *testing.T) {
	n, err := builtin.Notice()
	if err != nil {
		t.Fatal(err)
	}
	for i := range n.Units {
		switch n.Units[i].Name {
		case "各分县局":
			n.Units[i].Members = []string{"凤台县公安局", "寿县公安局", "田家庵分局"}
		case "法制支队":
			n.Units[i].Channel = "C-FAZHI"
		}
	}
	b, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	start, end := at(2019, 9, 1, 0, 0), at(2020, 1, 1, 0, 0)
	clock := clockwork.NewFakeClockAt(start)
	s := &sim{
		t: t, src: &countingSource{fakeSource: newFakeSource(n)}, log: newFakeLog().ranBefore(start), leases: newFakeLeases(),
		sender: &fakeSender{now: clock.Now, fail: func(call int, _ Delivery) error {
			switch {
			case call%7 == 3:
				return rateLimited{90 * time.Second}
			case call%11 == 5:
				return errServer
			}
			return nil
		}},
		clock: clock, policy: mustPolicy(t), bundle: b, events: make(chan tickEvent, 64),
	}
	initial := planFixture(t, s.src.fakeSource, s.policy, start, end)

	a, bb := s.replica("replica-a"), s.replica("replica-b")
	s.waitTimers(2)
	// Changes of state during the autumn: when, which task, which unit.
	type completion struct {
		at   time.Time
		task int
		unit string
	}
	var completions []completion
	for _, c := range []completion{
		{at(2019, 9, 20, 15, 0), 25, "法制支队"},
		{at(2019, 10, 15, 15, 0), 37, ""},
		{at(2019, 11, 5, 15, 0), 4, "各分县局"},
	} {
		if task := n.Task(c.task); task == nil || (c.unit != "" && !task.Has(c.unit, knowledge.RoleLead) && !task.Has(c.unit, knowledge.RoleResponsible)) {
			t.Fatalf("fixture: task %d has no unit %q", c.task, c.unit)
		}
		completions = append(completions, c)
	}
	restarted := false
	for target := start.Add(time.Hour); !target.After(end); target = target.Add(time.Hour) {
		s.hour(target)
		for _, c := range completions {
			if c.at.Equal(target) {
				s.src.setDone(t, c.task, c.unit, target)
			}
		}
		if !restarted && target.Equal(at(2019, 10, 20, 0, 0)) {
			if err := a.Shutdown(); err != nil {
				t.Fatal(err)
			}
			a = s.replica("replica-a-restarted")
			s.waitTimers(2)
			restarted = true
		}
	}
	for _, sc := range []*Scheduler{a, bb} {
		if err := sc.Shutdown(); err != nil {
			t.Error(err)
		}
	}

	msgs := s.sender.messages()
	sent := sentKeys(msgs)
	t.Run("no reminder twice", func(t *testing.T) {
		checkOnce(t, msgs)
		s.log.checkClean(t)
	})
	t.Run("nothing lost", func(t *testing.T) {
		pending, _ := s.log.Reminders(t.Context(), knowledge.DeliveryPending)
		for _, p := range pending {
			if p.Reminder.At.Before(end.Add(-2 * time.Hour)) {
				t.Errorf("still pending: %+v", p)
			}
		}
		if s.sender.calls == len(msgs) {
			t.Error("the Slack stand-in never failed: the test proves nothing about retries")
		}
	})
	t.Run("every unit of every milestone reminded", func(t *testing.T) {
		doneAt := func(r knowledge.Reminder) bool {
			for _, c := range completions {
				if r.Task == c.task && covers(n, c.unit, r.Unit) && !r.At.Before(c.at) {
					return true
				}
			}
			return false
		}
		want := 0
		for _, r := range initial {
			if r.Unit == AdminUnit || doneAt(r) {
				continue
			}
			want++
			if sent[r.Key()] != 1 {
				t.Errorf("not sent once: %+v", r)
			}
		}
		if want < 500 {
			t.Errorf("only %d reminders expected: fixture too small to prove much", want)
		}
		for _, u := range []string{"凤台县公安局", "寿县公安局", "田家庵分局"} {
			if len(find(initial, 0, u, knowledge.KindBefore)) == 0 {
				t.Errorf("member %s of 各分县局 never reminded", u)
			}
		}
	})
	t.Run("only planned reminders sent", func(t *testing.T) {
		planned := map[string]bool{}
		for _, r := range initial {
			planned[r.Key()] = true
		}
		for k := range sent {
			if !planned[k] {
				t.Errorf("sent but never planned: %s", k)
			}
		}
	})
	t.Run("nothing during National Day", func(t *testing.T) {
		for _, m := range msgs {
			if d := knowledge.DateOf(m.at.In(s.policy.Location())); !d.Before(date(2019, 10, 1)) && !d.After(date(2019, 10, 7)) {
				t.Errorf("message on %s to %s", d, m.d.Unit)
			}
		}
	})
	t.Run("nothing after completion", func(t *testing.T) {
		for _, m := range msgs {
			for _, it := range m.d.Items {
				for _, c := range completions {
					if it.Reminder.Task == c.task && covers(n, c.unit, it.Reminder.Unit) && m.at.After(c.at) {
						t.Errorf("task %d to %s at %s, done at %s", c.task, it.Reminder.Unit, m.at, c.at)
					}
				}
			}
		}
	})
	t.Run("weekly summaries reached the administrators", func(t *testing.T) {
		count := 0
		for _, m := range msgs {
			if m.d.Unit == AdminUnit {
				count++
				if m.d.Channel != "C-ADMIN" || !strings.Contains(m.d.Text, "工作通报") {
					t.Errorf("summary %+v", m.d)
				}
			}
		}
		if count < 12 {
			t.Errorf("%d weekly summaries in 17 weeks", count)
		}
	})
	if m := b.Missing(); len(m) > 0 {
		t.Errorf("messages missing from the bundle: %v", m)
	}
	t.Logf("%d messages carried %d reminders in %d send calls; %d lease refusals", len(msgs), len(sent), s.sender.calls, s.leases.denied)
}

// covers reports whether a completion by unit ("" for all) stops the
// reminders of recipient: the unit itself or a member of it.
func covers(n *knowledge.Notice, unit, recipient string) bool {
	return unit == "" || unit == recipient || isMember(n, unit, recipient)
}

func TestNewScheduler_invalid(t *testing.T) {
	g := newRig(t)
	d := g.dispatcher(t)
	tests := []struct {
		name string
		opt  SchedulerOption
		want error
	}{
		{"too often", Every(time.Millisecond), ErrInvalidEvery},
		{"nil clock", WithSchedulerClock(nil), ErrNilClock},
		{"nil locker", WithLocker(nil), ErrNilLocker},
		{"nil observer", OnTick(nil), ErrNilObserver},
		{"nil logger", WithSchedulerLogger(nil), ErrNilLogger},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewScheduler(d, tt.opt)
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	if _, err := NewScheduler(nil); err == nil {
		t.Error("nil dispatcher accepted")
	}
}

func TestLeaseLocker_Lock(t *testing.T) {
	leases := newFakeLeases()
	clock := clockwork.NewFakeClockAt(at(2019, 9, 1, 9, 0))
	a, err := NewLeaseLocker(leases, "a", clock, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := NewLeaseLocker(leases, "b", clock, time.Minute)
	ctx := t.Context()
	lk, err := a.Lock(ctx, JobName)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Lock(ctx, JobName); !errors.Is(err, ErrLocked) {
		t.Errorf("second replica: err = %v, want ErrLocked", err)
	}
	t.Run("expired lease is taken over", func(t *testing.T) {
		clock.Advance(2 * time.Minute)
		lk2, err := b.Lock(ctx, JobName)
		if err != nil {
			t.Fatalf("after expiry: %v", err)
		}
		if err := lk2.Unlock(ctx); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("released lease is free", func(t *testing.T) {
		if err := lk.Unlock(ctx); err != nil {
			t.Fatal(err)
		}
		lk3, err := b.Lock(ctx, JobName)
		if err != nil {
			t.Fatalf("after release: %v", err)
		}
		_ = lk3.Unlock(ctx)
	})
	if _, err := NewLeaseLocker(nil, "a", clock, time.Minute); err == nil {
		t.Error("nil leases accepted")
	}
}
