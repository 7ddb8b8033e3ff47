package reminders

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"

	"dutybot/i18n"
	"dutybot/knowledge"
)

// rig is a dispatcher over fakes, on the fixture notice.
type rig struct {
	src    *fakeSource
	log    *fakeLog
	sender *fakeSender
	clock  *clockwork.FakeClock
	bundle *i18n.Bundle
	policy *Policy
}

func newRig(t *testing.T) *rig {
	t.Helper()
	b, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	clock := clockwork.NewFakeClockAt(at(2019, 9, 1, 0, 0))
	return &rig{
		// A deployment that has run before: these tests are about ordinary
		// ticks (first_run_test.go is about the very first).
		src: newFakeSource(loadNotice(t, "notice.yaml")), log: newFakeLog().ranBefore(at(2019, 1, 1, 0, 0)),
		sender: &fakeSender{now: clock.Now}, clock: clock, bundle: b, policy: mustPolicy(t),
	}
}

// dispatcher returns a new dispatcher on the rig, as a restarted process would.
func (g *rig) dispatcher(t *testing.T, opts ...DispatcherOption) *Dispatcher {
	t.Helper()
	base := []DispatcherOption{
		WithClock(g.clock), WithChannelGap(0), WithDefaultChannel("C-DEFAULT"), WithAdminChannel("C-ADMIN"),
		WithTranslator(BundleTranslator(g.bundle)), WithJitter(func(n time.Duration) time.Duration { return n / 2 }),
		// The fake clock stands still during a tick: a wait to retry within
		// it would never end (retry_test.go moves the clock).
		WithRetryWait(0),
	}
	d, err := NewDispatcher(g.src, g.log, g.sender, g.policy, append(base, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func tick(t *testing.T, d *Dispatcher, now time.Time) Result {
	t.Helper()
	res, err := d.Tick(t.Context(), now)
	if err != nil {
		t.Fatalf("tick at %s: %v", now, err)
	}
	return res
}

// sentKeys counts, per reminder key, how many successful messages carried it.
func sentKeys(msgs []sentMessage) map[string]int {
	out := map[string]int{}
	for _, m := range msgs {
		for _, it := range m.d.Items {
			out[it.Reminder.Key()]++
		}
	}
	return out
}

func checkOnce(t *testing.T, msgs []sentMessage) {
	t.Helper()
	for k, n := range sentKeys(msgs) {
		if n != 1 {
			t.Errorf("reminder %s sent %d times", k, n)
		}
	}
}

func TestDispatcher_Tick(t *testing.T) {
	g := newRig(t)
	d := g.dispatcher(t)
	t.Run("nothing before its time", func(t *testing.T) {
		res := tick(t, d, at(2019, 9, 4, 8, 59))
		if res.Sent != 0 || len(g.sender.messages()) != 0 {
			t.Errorf("sent %+v before 09:00", res)
		}
	})
	t.Run("one message per unit at 09:00", func(t *testing.T) {
		res := tick(t, d, at(2019, 9, 4, 9, 0))
		// Task 2: 法制支队 (lead), 市局办公室, 治安支队, 交警支队, 各分县局.
		if res.Sent != 5 || res.Messages != 5 || res.Failed != 0 {
			t.Fatalf("result %+v, want 5 sent in 5 messages", res)
		}
		byUnit := map[string]Delivery{}
		for _, m := range g.sender.messages() {
			byUnit[m.d.Unit] = m.d
		}
		if byUnit["法制支队"].Channel != "C-FAZHI" || byUnit["治安支队"].Channel != "C-ZHIAN" || byUnit["人事处"].Channel != "" {
			t.Errorf("channels: %+v", byUnit)
		}
		if got := byUnit["各分县局"]; got.Channel != "C-DEFAULT" || !strings.Contains(got.Text, "各分县局") {
			t.Errorf("unbound unit to %q, text must name it: %s", got.Channel, got.Text)
		}
		lead := byUnit["法制支队"].Text
		for _, want := range []string{"第2项", "牵头单位", "统筹、协调、推进", "2019年9月18日", "还有14天", "/duty task 2"} {
			if !strings.Contains(lead, want) {
				t.Errorf("lead text lacks %q:\n%s", want, lead)
			}
		}
		if resp := byUnit["市局办公室"].Text; !strings.Contains(resp, "责任单位") || !strings.Contains(resp, "具体工作任务的开展") {
			t.Errorf("responsible text:\n%s", resp)
		}
		if byUnit["法制支队"].Late {
			t.Error("on-time message marked late")
		}
	})
	t.Run("same tick again sends nothing", func(t *testing.T) {
		if res := tick(t, d, at(2019, 9, 4, 9, 1)); res.Sent != 0 || res.Claimed != 0 {
			t.Errorf("second tick %+v", res)
		}
	})
	t.Run("restart sends nothing again", func(t *testing.T) {
		if res := tick(t, g.dispatcher(t), at(2019, 9, 4, 10, 0)); res.Sent != 0 {
			t.Errorf("after restart %+v", res)
		}
	})
	checkOnce(t, g.sender.messages())
	g.log.checkClean(t)
	if m := g.bundle.Missing(); len(m) > 0 {
		t.Errorf("messages missing from the bundle: %v", m)
	}
}

func TestDispatcher_Tick_afterDowntime(t *testing.T) {
	g := newRig(t)
	d := g.dispatcher(t)
	// Down from 09-03 to 09-19 10:00: task 2 (due 09-18) had 5 reminders
	// per unit, task 3 (due 09-30) its 14-day one, task 1 two chases.
	res := tick(t, d, at(2019, 9, 19, 10, 0))
	msgs := g.sender.messages()
	units := map[string]int{}
	for _, m := range msgs {
		units[m.d.Unit]++
		if !m.d.Late || !strings.Contains(m.d.Text, "补发") {
			t.Errorf("late message to %s not marked late:\n%s", m.d.Unit, m.d.Text)
		}
	}
	for u, n := range units {
		if n != 1 {
			t.Errorf("%s got %d messages, want one merged", u, n)
		}
	}
	var lead Delivery
	for _, m := range msgs {
		if m.d.Unit == "法制支队" {
			lead = m.d
		}
	}
	// 法制支队: task 1 (responsible, chase of 09-16), task 2 (lead, chase
	// of 09-19), task 3 (lead, 14 days before): the older ones are superseded.
	if len(lead.Items) != 3 {
		t.Errorf("法制支队 items %d, want 3: %+v", len(lead.Items), lead.Items)
	}
	for _, it := range lead.Items {
		if it.Reminder.Task == 2 && it.Reminder.Kind != knowledge.KindOverdue {
			t.Errorf("task 2 sent as %s, want the latest (the first chase, 09-19)", it.Reminder.Kind)
		}
	}
	for _, want := range []string{"已逾期1天", "第3项", "还有11天"} {
		if !strings.Contains(lead.Text, want) {
			t.Errorf("merged text lacks %q:\n%s", want, lead.Text)
		}
	}
	skipped, _ := g.log.Reminders(t.Context(), knowledge.DeliverySkipped)
	if len(skipped) == 0 || res.Skipped != len(skipped) {
		t.Errorf("skipped %d, result %+v", len(skipped), res)
	}
	for _, s := range skipped {
		if s.Reminder.Unit != AdminUnit && !strings.HasPrefix(s.Reason, "superseded") {
			t.Errorf("skipped %+v for %q", s.Reminder, s.Reason)
		}
	}
	pending, _ := g.log.Reminders(t.Context(), knowledge.DeliveryPending)
	if len(pending) != 0 {
		t.Errorf("%d reminders still pending", len(pending))
	}
	checkOnce(t, msgs)
	g.log.checkClean(t)
}

func TestDispatcher_Tick_doneSinceRecorded(t *testing.T) {
	g := newRig(t)
	d := g.dispatcher(t)
	now := at(2019, 9, 4, 9, 0)
	// Recorded by a tick that failed to send (every send fails)…
	g.sender.fail = func(int, Delivery) error { return errServer }
	tick(t, d, now)
	// …then the unit finishes, and the group 各行政执法警种 (its members) too.
	g.src.setDone(t, 2, "各分县局", now.Add(time.Hour))
	g.src.setDone(t, 2, "各行政执法警种", now.Add(time.Hour))
	g.sender.fail = nil
	tick(t, d, now.Add(2*time.Hour))
	for _, m := range g.sender.messages() {
		switch m.d.Unit {
		case "各分县局", "治安支队", "交警支队":
			t.Errorf("%s reminded after finishing", m.d.Unit)
		}
	}
	reasons := map[string]string{}
	skipped, _ := g.log.Reminders(t.Context(), knowledge.DeliverySkipped)
	for _, s := range skipped {
		reasons[s.Reminder.Unit] = s.Reason
	}
	for _, u := range []string{"各分县局", "治安支队", "交警支队"} {
		if reasons[u] != "unit done" {
			t.Errorf("%s skipped for %q, want unit done", u, reasons[u])
		}
	}
	g.src.setDone(t, 2, "", now.Add(3*time.Hour))
	tick(t, d, at(2019, 9, 11, 9, 0))
	for _, m := range g.sender.messages() {
		if m.at.After(now.Add(3 * time.Hour)) {
			t.Errorf("message after the task was done: %+v", m.d.Items)
		}
	}
}

func TestDispatcher_Tick_failures(t *testing.T) {
	tests := []struct {
		name      string
		err       error
		wantAfter time.Duration
	}{
		{"429 waits for Retry-After", rateLimited{90 * time.Second}, 90 * time.Second},
		{"500 backs off with jitter", errServer, 30*time.Second + 7500*time.Millisecond},
		{"network error backs off", context.DeadlineExceeded, 37500 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := newRig(t)
			d := g.dispatcher(t)
			now := at(2019, 9, 4, 9, 0)
			g.sender.fail = func(_ int, dl Delivery) error {
				if dl.Channel == "C-FAZHI" {
					return tt.err
				}
				return nil
			}
			res := tick(t, d, now)
			if res.Failed != 1 || res.Sent != 4 {
				t.Fatalf("result %+v, want 1 failed (other channels unaffected) and 4 sent", res)
			}
			pending, _ := g.log.Reminders(t.Context(), knowledge.DeliveryPending)
			if len(pending) != 1 || pending[0].Attempts != 1 || pending[0].LastError == "" {
				t.Fatalf("pending %+v", pending)
			}
			if got := pending[0].NextAttempt.Sub(now); got != tt.wantAfter {
				t.Errorf("next attempt after %v, want %v", got, tt.wantAfter)
			}
			if res := tick(t, d, now.Add(tt.wantAfter-time.Second)); res.Claimed != 0 {
				t.Errorf("retried before its time: %+v", res)
			}
			g.sender.fail = nil
			if res := tick(t, d, now.Add(tt.wantAfter)); res.Sent != 1 {
				t.Errorf("retry: %+v", res)
			}
			checkOnce(t, g.sender.messages())
			g.log.checkClean(t)
		})
	}
	t.Run("backoff doubles to its ceiling", func(t *testing.T) {
		none := func(time.Duration) time.Duration { return 0 }
		for attempts, want := range map[int]time.Duration{1: 30 * time.Second, 2: time.Minute, 4: 4 * time.Minute, 20: time.Hour} {
			if got := backoff(attempts, 30*time.Second, time.Hour, none); got != want {
				t.Errorf("backoff(%d) = %v, want %v", attempts, got, want)
			}
		}
	})
}

func TestDispatcher_Tick_noChannel(t *testing.T) {
	g := newRig(t)
	d, err := NewDispatcher(g.src, g.log, g.sender, g.policy, WithClock(g.clock), WithTranslator(BundleTranslator(g.bundle)))
	if err != nil {
		t.Fatal(err)
	}
	now := at(2019, 9, 4, 9, 0)
	res := tick(t, d, now)
	// Only 法制支队 and 治安支队 have channels; the rest wait, not dropped.
	if res.Sent != 2 || res.Failed != 3 {
		t.Fatalf("result %+v", res)
	}
	g.src.bind("各分县局", "C-XIANJU")
	g.src.bind("市局办公室", "C-BANGONG")
	g.src.bind("交警支队", "C-JIAOJING")
	if res := tick(t, d, now.Add(2*time.Hour)); res.Sent != 3 {
		t.Errorf("after binding: %+v", res)
	}
	checkOnce(t, g.sender.messages())
}

func TestDispatcher_Tick_concurrent(t *testing.T) {
	g := newRig(t)
	g.sender.fail = func(call int, _ Delivery) error {
		switch call % 5 {
		case 1:
			return rateLimited{time.Second}
		case 3:
			return errServer
		}
		return nil
	}
	ds := []*Dispatcher{g.dispatcher(t, WithBatch(3)), g.dispatcher(t, WithBatch(2)), g.dispatcher(t)}
	for day := date(2019, 9, 3); !day.After(date(2019, 10, 31)); day = day.AddDays(1) {
		for h := 9; h < 12; h++ {
			var wg sync.WaitGroup
			for _, d := range ds {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if _, err := d.Tick(t.Context(), at(day.Year, day.Month, day.Day, h, 0)); err != nil {
						t.Error(err)
					}
				}()
			}
			wg.Wait()
		}
	}
	// Failures of the last round are retried by the next ticks.
	pending, _ := g.log.Reminders(t.Context(), knowledge.DeliveryPending)
	for i := 0; i < 10 && len(pending) > 0; i++ {
		tick(t, ds[i%len(ds)], at(2019, 10, 31, 12+i, 0))
		pending, _ = g.log.Reminders(t.Context(), knowledge.DeliveryPending)
	}
	checkOnce(t, g.sender.messages())
	g.log.checkClean(t)
	if len(pending) != 0 {
		t.Errorf("%d reminders never delivered: first %+v", len(pending), pending[0])
	}
}

func sentTo(s *fakeSender, channel string) bool {
	for _, m := range s.messages() {
		if m.d.Channel == channel {
			return true
		}
	}
	return false
}

func TestDispatcher_pacing(t *testing.T) {
	g := newRig(t)
	// Nobody has a channel: everyone shares the default one, but 法制支队.
	for _, u := range []string{"治安支队"} {
		g.src.bind(u, "")
	}
	d := g.dispatcher(t, WithChannelGap(time.Second))
	start := g.clock.Now()
	done := make(chan Result)
	go func() {
		res, err := d.Tick(context.Background(), at(2019, 9, 4, 9, 0))
		if err != nil {
			t.Error(err)
		}
		done <- res
	}()
	// The other channel must not wait for the shared one: its message goes
	// out while the shared channel's sender waits on the fake clock, which
	// does not move until it has. (Advancing first made this test depend on
	// goroutine scheduling under load.)
	for deadline := time.Now().Add(10 * time.Second); !sentTo(g.sender, "C-FAZHI"); {
		if time.Now().After(deadline) {
			t.Fatal("other channel held up behind the shared one: nothing sent to C-FAZHI while C-DEFAULT waits")
		}
		time.Sleep(5 * time.Millisecond)
	}
	var res Result
	for waiting := true; waiting; {
		select {
		case res = <-done:
			waiting = false
		default:
			// One sender waits on the clock at a time, on the shared channel.
			ctx, cancel := context.WithTimeout(t.Context(), 10*time.Millisecond)
			if err := g.clock.BlockUntilContext(ctx, 1); err == nil {
				g.clock.Advance(100 * time.Millisecond)
			}
			cancel()
		}
	}
	if res.Messages != 5 {
		t.Fatalf("result %+v", res)
	}
	var shared []time.Time
	var other time.Time
	for _, m := range g.sender.messages() {
		switch m.d.Channel {
		case "C-DEFAULT":
			shared = append(shared, m.at)
		case "C-FAZHI":
			other = m.at
		}
	}
	if len(shared) != 4 {
		t.Fatalf("%d messages on the shared channel, want 4", len(shared))
	}
	if !other.Before(shared[3]) {
		t.Errorf("other channel held up behind the shared one: sent %v after start, shared channel done %v after",
			other.Sub(start), shared[3].Sub(start))
	}
	for i := 1; i < len(shared); i++ {
		if gap := shared[i].Sub(shared[i-1]); gap < time.Second {
			t.Errorf("messages %d and %d on one channel %v apart", i-1, i, gap)
		}
	}
}

func TestDispatcher_Tick_weeklySummary(t *testing.T) {
	g := newRig(t)
	d := g.dispatcher(t, WithUnitLanguage(AdminUnit, "en"))
	tick(t, d, at(2019, 9, 16, 9, 0))
	var summary *Delivery
	for _, m := range g.sender.messages() {
		if m.d.Unit == AdminUnit {
			summary = &m.d
		}
	}
	if summary == nil {
		t.Fatal("no summary on Monday 09-16")
	}
	if summary.Channel != "C-ADMIN" || summary.Lang != "en" {
		t.Errorf("summary to %s in %s", summary.Channel, summary.Lang)
	}
	for _, want := range []string{"Progress report", "Overdue:", "task 1 (16 days overdue)", "Due within 14 days:", "task 2 (due 2019-09-18)", "- 各分县局:"} {
		if !strings.Contains(summary.Text, want) {
			t.Errorf("summary lacks %q:\n%s", want, summary.Text)
		}
	}
	if m := g.bundle.Missing(); len(m) > 0 {
		t.Errorf("messages missing from the bundle: %v", m)
	}
}

func TestNewDispatcher_invalid(t *testing.T) {
	g := newRig(t)
	tests := []struct {
		name string
		opts []DispatcherOption
		want error
	}{
		{"empty owner", []DispatcherOption{WithOwner("")}, ErrEmptyOwner},
		{"nil clock", []DispatcherOption{WithClock(nil)}, ErrNilClock},
		{"negative gap", []DispatcherOption{WithChannelGap(-time.Second)}, ErrInvalidChannelGap},
		{"empty language", []DispatcherOption{WithLanguage("")}, ErrEmptyLanguage},
		{"unit without language", []DispatcherOption{WithUnitLanguage("法制支队", "")}, ErrEmptyLanguage},
		{"language without unit", []DispatcherOption{WithUnitLanguage("", "en")}, ErrEmptyLanguage},
		{"nil translator", []DispatcherOption{WithTranslator(nil)}, ErrNilTranslator},
		{"short lease", []DispatcherOption{WithLease(time.Millisecond)}, ErrInvalidLease},
		{"short lookback", []DispatcherOption{WithLookback(time.Minute)}, ErrInvalidLookback},
		{"zero late after", []DispatcherOption{WithLateAfter(0)}, ErrInvalidLateAfter},
		{"zero backoff base", []DispatcherOption{WithBackoff(0, time.Second)}, ErrInvalidBackoff},
		{"backoff ceiling below base", []DispatcherOption{WithBackoff(time.Minute, time.Second)}, ErrInvalidBackoff},
		{"negative retry wait", []DispatcherOption{WithRetryWait(-time.Second)}, ErrInvalidRetryWait},
		{"retry wait over half the lease", []DispatcherOption{WithLease(time.Minute), WithRetryWait(31 * time.Second)}, ErrInvalidRetryWait},
		{"nil jitter", []DispatcherOption{WithJitter(nil)}, ErrNilJitter},
		{"zero batch", []DispatcherOption{WithBatch(0)}, ErrInvalidBatch},
		{"zero parallel", []DispatcherOption{WithParallel(0)}, ErrInvalidParallel},
		{"nil logger", []DispatcherOption{WithLogger(nil)}, ErrNilLogger},
		{"nil audit head", []DispatcherOption{WithAuditHead(nil)}, ErrNilAuditHead},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewDispatcher(g.src, g.log, g.sender, g.policy, tt.opts...)
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	if _, err := NewDispatcher(nil, g.log, g.sender, g.policy); err == nil {
		t.Error("nil source accepted")
	}
}
