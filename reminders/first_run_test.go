package reminders

import (
	"strings"
	"sync"
	"testing"
	"time"

	"dutybot/knowledge"
)

// The very first run of a deployment, and catching up on exactly the time
// it was down (issue 12 item 2).

// firstRunRig is a rig whose log has never seen a run.
func firstRunRig(t *testing.T) *rig {
	g := newRig(t)
	g.log = newFakeLog()
	return g
}

// unitsWithOpenParts are the fixture's recipients with something open on
// 2019-09-16 (groups with members as their members).
var unitsWithOpenParts = []string{"市局办公室", "法制支队", "人事处", "督察支队", "市局行政审批处", "治安支队", "交警支队", "各分县局"}

func TestDispatcher_Tick_firstRun(t *testing.T) {
	g := firstRunRig(t)
	d := g.dispatcher(t, WithUnitLanguage("督察支队", "en"))
	// Monday 2019-09-16, 09:05: task 1 is two weeks overdue, task 2 due in
	// two days; the old look-back would send weeks of reminders as late.
	now := at(2019, 9, 16, 9, 5)
	res := tick(t, d, now)
	if !res.First {
		t.Errorf("result %+v: want First", res)
	}
	msgs := g.sender.messages()
	perUnit := map[string]int{}
	for _, m := range msgs {
		perUnit[m.d.Unit]++
		if m.d.Late || strings.Contains(m.d.Text, "补发") || strings.Contains(m.d.Text, "Sent late") {
			t.Errorf("first run: message to %s says it is late:\n%s", m.d.Unit, m.d.Text)
		}
	}
	for _, u := range unitsWithOpenParts {
		if perUnit[u] != 1 {
			t.Errorf("%s got %d messages at the first run, want its status once", u, perUnit[u])
		}
	}
	if perUnit[AdminUnit] != 1 {
		t.Errorf("the weekly summary due at 09:00 went %d times, want once (it is on time)", perUnit[AdminUnit])
	}
	if len(perUnit) != len(unitsWithOpenParts)+1 {
		t.Errorf("messages to %v, want the units with open parts and the summary", perUnit)
	}
	texts := map[string]string{}
	for _, m := range msgs {
		texts[m.d.Unit] = m.d.Text
	}
	for _, want := range []string{
		"【任务提醒】致法制支队", "提醒服务已开通", "截至2019年9月16日",
		"已逾期（1项）：\n· 第1项（责任）：期限2019年8月底前，已逾期16天",
		"接下来到期（4项）：\n· 第2项（牵头）：期限2019年9月18日前，还有2天",
		"第5项（牵头）：期限2020年1月20日", // a yearly milestone comes next, never overdue
		"/duty task",
	} {
		if !strings.Contains(texts["法制支队"], want) {
			t.Errorf("法制支队's status lacks %q:\n%s", want, texts["法制支队"])
		}
	}
	if s := texts["市局办公室"]; !strings.Contains(s, "长期任务（1项）：第7项") || !strings.Contains(s, "第1项（牵头）") {
		t.Errorf("市局办公室 (leads task 1, task 7 ongoing) status:\n%s", s)
	}
	for _, want := range []string{"Reminders are on", "Coming up (2):", "- task 8 (responsible): due 2019-10-08 (2019年10月8日前), 22 days left", "- task 6 (lead): due 2019-12-31"} {
		if !strings.Contains(texts["督察支队"], want) {
			t.Errorf("督察支队's English status lacks %q:\n%s", want, texts["督察支队"])
		}
	}
	if s := texts[AdminUnit]; !strings.Contains(s, "工作通报") {
		t.Errorf("summary:\n%s", s)
	}

	t.Run("nothing old is logged as due", func(t *testing.T) {
		all, _ := g.log.Reminders(t.Context(), "")
		for _, lr := range all {
			if lr.Reminder.Kind != KindStatus && now.Sub(lr.Reminder.At) >= time.Hour {
				t.Errorf("logged a reminder from before the first run: %+v", lr.Reminder)
			}
		}
	})
	t.Run("later ticks are ordinary, none late", func(t *testing.T) {
		if res := tick(t, d, at(2019, 9, 16, 10, 5)); res.Claimed != 0 || res.First {
			t.Errorf("an hour later: %+v, want nothing", res)
		}
		before := len(g.sender.messages())
		res := tick(t, d, at(2019, 9, 18, 9, 0)) // task 2 due today
		if res.First || res.Sent == 0 {
			t.Fatalf("on task 2's deadline: %+v", res)
		}
		for _, m := range g.sender.messages()[before:] {
			if m.d.Late || !strings.Contains(m.d.Text, "今天到期") {
				t.Errorf("ordinary reminder to %s:\n%s", m.d.Unit, m.d.Text)
			}
		}
	})
	checkOnce(t, g.sender.messages())
	g.log.checkClean(t)
	if m := g.bundle.Missing(); len(m) > 0 {
		t.Errorf("messages missing from the bundle: %v", m)
	}
}

// TestDispatcher_Tick_firstRunRace: two replicas that both start on a new
// database record the same status reminders, so each unit gets one.
func TestDispatcher_Tick_firstRunRace(t *testing.T) {
	g := firstRunRig(t)
	a, b := g.dispatcher(t, WithOwner("replica-a")), g.dispatcher(t, WithOwner("replica-b"))
	var wg sync.WaitGroup
	for i, d := range []*Dispatcher{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Seconds apart, on the same day.
			if _, err := d.Tick(t.Context(), at(2019, 9, 16, 9, 5).Add(time.Duration(i)*time.Second)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	perUnit := map[string]int{}
	for _, m := range g.sender.messages() {
		perUnit[m.d.Unit]++
	}
	for _, u := range unitsWithOpenParts {
		if perUnit[u] != 1 {
			t.Errorf("%s got %d status messages from two replicas starting together, want 1", u, perUnit[u])
		}
	}
	checkOnce(t, g.sender.messages())
	g.log.checkClean(t)
}

// TestDispatcher_Tick_statusLater: a status that could not be sent at the
// first run goes later, still as a status (not late); a unit that has
// finished everything meanwhile gets none.
func TestDispatcher_Tick_statusLater(t *testing.T) {
	g := firstRunRig(t)
	d := g.dispatcher(t)
	now := at(2019, 9, 16, 9, 5)
	g.sender.fail = func(int, Delivery) error { return errServer }
	if res := tick(t, d, now); res.Failed == 0 || res.Sent != 0 {
		t.Fatalf("every send failing: %+v", res)
	}
	g.sender.fail = nil
	g.src.setDone(t, 4, "人事处", now.Add(time.Minute)) // its only part
	res := tick(t, d, now.Add(2*time.Hour))
	if res.First || res.Sent == 0 {
		t.Fatalf("retry: %+v", res)
	}
	for _, m := range g.sender.messages() {
		if m.d.Unit == "人事处" {
			t.Errorf("人事处 finished everything but got:\n%s", m.d.Text)
		}
		if m.d.Unit != AdminUnit && (m.d.Late || !strings.Contains(m.d.Text, "提醒服务已开通")) {
			t.Errorf("status to %s sent later is not a status:\n%s", m.d.Unit, m.d.Text)
		}
	}
	skipped, _ := g.log.Reminders(t.Context(), knowledge.DeliverySkipped)
	if len(skipped) != 1 || skipped[0].Reminder.Unit != "人事处" || skipped[0].Reason != "nothing open" {
		t.Errorf("skipped %+v, want 人事处's status for nothing open", skipped)
	}
	checkOnce(t, g.sender.messages())
	g.log.checkClean(t)
}

// TestDispatcher_Tick_catchUpSinceLastRun: after downtime, what comes late
// is what fell due since the last run (said to be late), not the whole
// look-back window.
func TestDispatcher_Tick_catchUpSinceLastRun(t *testing.T) {
	g := newRig(t)
	last := at(2019, 9, 17, 10, 0)
	g.log = newFakeLog().ranBefore(last)
	d := g.dispatcher(t)
	tick(t, d, at(2019, 9, 19, 10, 0))
	msgs := g.sender.messages()
	if len(msgs) == 0 {
		t.Fatal("nothing sent after two days down")
	}
	for _, m := range msgs {
		if !m.d.Late || !strings.Contains(m.d.Text, "补发") {
			t.Errorf("late message to %s not said to be late:\n%s", m.d.Unit, m.d.Text)
		}
		for _, it := range m.d.Items {
			if it.Reminder.At.Before(last) {
				t.Errorf("sent a reminder due before the last run: %+v", it.Reminder)
			}
		}
	}
	all, _ := g.log.Reminders(t.Context(), "")
	for _, lr := range all {
		if lr.Reminder.At.Before(last) {
			t.Errorf("logged a reminder due before the last run: %+v", lr.Reminder)
		}
	}
	checkOnce(t, msgs)
}
