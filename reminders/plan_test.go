package reminders

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"dutybot/knowledge"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// autumn is the window of the simulated autumn 2019.
func autumn(p *Policy) (time.Time, time.Time) {
	return DayWindow(date(2019, 9, 1), date(2019, 12, 31), p)
}

func planFixture(t testing.TB, src *fakeSource, p *Policy, from, to time.Time) []knowledge.Reminder {
	t.Helper()
	ns, _ := src.Notices(t.Context())
	as, _ := src.Assignments(t.Context(), ns[0].Number)
	return Plan(ns, map[string][]knowledge.Assignment{ns[0].Number: as}, nil, p, from, to)
}

func TestPlan_golden(t *testing.T) {
	p := mustPolicy(t)
	from, to := autumn(p)
	rs := planFixture(t, newFakeSource(loadNotice(t, "notice.yaml")), p, from, to)
	var buf bytes.Buffer
	buf.WriteString("[\n")
	for i, e := range PlanJSON(rs, p.Location()) {
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(b)
		if i < len(rs)-1 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
	}
	buf.WriteString("]\n")
	golden := "testdata/plan_autumn2019.golden.json"
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	got := strings.Split(buf.String(), "\n")
	lines := strings.Split(string(want), "\n")
	for i := range max(len(got), len(lines)) {
		if i >= len(got) || i >= len(lines) || got[i] != lines[i] {
			t.Fatalf("plan differs from %s at line %d (go test -update rewrites it):\n got  %s\n want %s",
				golden, i+1, at0(got, i), at0(lines, i))
		}
	}
}

func at0(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(end of file)"
}

// find returns the reminders matching all the given fields ("" or 0: any).
func find(rs []knowledge.Reminder, task int, unit string, kind knowledge.ReminderKind) []knowledge.Reminder {
	var out []knowledge.Reminder
	for _, r := range rs {
		if (task == 0 || r.Task == task) && (unit == "" || r.Unit == unit) && (kind == "" || r.Kind == kind) {
			out = append(out, r)
		}
	}
	return out
}

func days(rs []knowledge.Reminder) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.At.Format("2006-01-02"))
	}
	return out
}

func TestPlan(t *testing.T) {
	p := mustPolicy(t)
	from, to := autumn(p)
	rs := planFixture(t, newFakeSource(loadNotice(t, "notice.yaml")), p, from, to)

	t.Run("every reminder on a working day at 09:00 +08:00", func(t *testing.T) {
		for _, r := range rs {
			if !p.Calendar().IsWorkday(knowledge.DateOf(r.At)) {
				t.Errorf("%+v on a day off", r)
			}
			if got := r.At.Format("15:04 -07:00"); got != "09:00 +08:00" {
				t.Errorf("%+v at %s", r, got)
			}
		}
	})
	t.Run("nothing during National Day", func(t *testing.T) {
		for _, r := range rs {
			if d := knowledge.DateOf(r.At); !d.Before(date(2019, 10, 1)) && !d.After(date(2019, 10, 7)) {
				t.Errorf("%+v during National Day", r)
			}
		}
	})
	t.Run("before and due of a plain milestone", func(t *testing.T) {
		// Task 2, due Wednesday 2019-09-18: 14 days before is 09-04, 7 is
		// 09-11, 3 is Sunday 09-15 (→ Thursday 09-12, as 09-13 is 中秋), 1 is 09-17.
		got := days(find(rs, 2, "法制支队", ""))
		want := []string{"2019-09-04", "2019-09-11", "2019-09-12", "2019-09-17", "2019-09-18"}
		if !slices.Equal(got[:5], want) {
			t.Errorf("task 2 lead: %v, want to start with %v", got, want)
		}
		if k := find(rs, 2, "法制支队", knowledge.KindDue); len(k) != 1 || k[0].Due != date(2019, 9, 18) || k[0].Role != knowledge.RoleLead {
			t.Errorf("due reminder = %+v", k)
		}
	})
	t.Run("holiday moves collapse to the reminder nearest the deadline", func(t *testing.T) {
		// Task 8, due 2019-10-08: 1, 3 and 7 days before all move to 09-30.
		var got []string
		for _, r := range find(rs, 8, "督察支队", "") {
			if r.Kind != knowledge.KindOverdue {
				got = append(got, r.At.Format("01-02")+" "+string(r.Kind))
			}
		}
		want := []string{"09-24 before", "09-30 before", "10-08 due"}
		if !slices.Equal(got, want) {
			t.Errorf("task 8: %v, want %v", got, want)
		}
	})
	t.Run("overdue first working day after, then weekly", func(t *testing.T) {
		got := days(find(rs, 3, "各分县局", knowledge.KindOverdue))
		want := []string{"2019-10-08", "2019-10-15", "2019-10-22", "2019-10-29"}
		if len(got) < 4 || !slices.Equal(got[:4], want) {
			t.Errorf("task 3 overdue: %v, want to start with %v", got, want)
		}
		if lead := find(rs, 3, "法制支队", knowledge.KindOverdue); len(lead) != len(got) {
			t.Errorf("lead chased %d times, units %d", len(lead), len(got))
		}
	})
	t.Run("nothing before the notice is issued", func(t *testing.T) {
		// Task 1 was due 08-31, before the notice of 09-03: only chases, from 09-09.
		got := days(find(rs, 1, "市局办公室", ""))
		if len(got) == 0 || got[0] != "2019-09-09" {
			t.Errorf("task 1: %v, want the first chase on 2019-09-09", got)
		}
	})
	t.Run("group with members fans out, group without stays", func(t *testing.T) {
		if n := len(find(rs, 2, "各行政执法警种", "")); n != 0 {
			t.Errorf("group with members reminded itself %d times", n)
		}
		for _, m := range []string{"治安支队", "交警支队"} {
			if n := len(find(rs, 2, m, knowledge.KindDue)); n != 1 {
				t.Errorf("member %s: %d due reminders, want 1", m, n)
			}
		}
		if n := len(find(rs, 2, "各分县局", knowledge.KindDue)); n != 1 {
			t.Errorf("group without members: %d due reminders, want 1", n)
		}
	})
	t.Run("monthly digest of ongoing duties", func(t *testing.T) {
		got := days(find(rs, 7, "市局办公室", knowledge.KindDigest))
		// September's first working day (09-02) is before the notice: none.
		want := []string{"2019-10-08", "2019-10-08", "2019-11-01", "2019-11-01", "2019-12-02", "2019-12-02"}
		if !slices.Equal(got, want) {
			t.Errorf("task 7 digests %v, want %v (once per role)", got, want)
		}
		for _, r := range find(rs, 7, "", "") {
			if !r.Due.IsZero() {
				t.Errorf("digest with a due date: %+v", r)
			}
		}
	})
	t.Run("weekly summary to the administrators", func(t *testing.T) {
		got := days(find(rs, 0, AdminUnit, knowledge.KindDigest))
		if len(got) < 6 || got[0] != "2019-09-09" || !slices.Contains(got, "2019-10-08") || slices.Contains(got, "2019-10-07") {
			t.Errorf("summaries on %v", got)
		}
	})
	t.Run("sorted by time", func(t *testing.T) {
		if !slices.IsSortedFunc(rs, func(a, b knowledge.Reminder) int { return a.At.Compare(b.At) }) {
			t.Error("plan not sorted")
		}
	})
}

func TestPlan_completion(t *testing.T) {
	p := mustPolicy(t)
	from, to := autumn(p)
	src := newFakeSource(loadNotice(t, "notice.yaml"))
	src.setDone(t, 3, "各分县局", at(2019, 9, 20, 10, 0))
	src.setDone(t, 2, "", at(2019, 9, 10, 10, 0))
	src.setDone(t, 5, "各行政执法警种", at(2019, 9, 10, 10, 0))
	rs := planFixture(t, src, p, from, to)
	tests := []struct {
		name string
		task int
		unit string
		want int
	}{
		{"unit done", 3, "各分县局", 0},
		{"lead of a partly done task still chased", 3, "法制支队", 10},
		{"task done", 2, "", 0},
		{"members of a done group", 5, "治安支队", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := len(find(rs, tt.task, tt.unit, ""))
			if (tt.want == 0) != (got == 0) {
				t.Errorf("task %d unit %q: %d reminders, want %d", tt.task, tt.unit, got, tt.want)
			}
		})
	}
}

func TestPlan_yearlyPeriod(t *testing.T) {
	p := mustPolicy(t)
	from, to := DayWindow(date(2020, 1, 1), date(2020, 1, 31), p)
	rs := planFixture(t, newFakeSource(loadNotice(t, "notice.yaml")), p, from, to)
	var got []string
	for _, r := range find(rs, 5, "各分县局", "") {
		if r.Kind != knowledge.KindDigest || !r.Due.IsZero() {
			got = append(got, fmt.Sprintf("%s %s %s", r.At.Format("01-02"), r.Kind, r.Due))
		}
	}
	// 2020-01-19 is a Sunday worked for the Spring Festival.
	want := []string{"01-06 before 2020-01-20", "01-13 before 2020-01-20", "01-17 before 2020-01-20", "01-19 before 2020-01-20", "01-20 due 2020-01-20"}
	if !slices.Equal(got, want) {
		t.Errorf("yearly milestone: %v, want %v (and never chased)", got, want)
	}
}

func TestPlan_policyOptions(t *testing.T) {
	n := loadNotice(t, "notice.yaml")
	from, to := DayWindow(date(2019, 9, 1), date(2019, 12, 31), mustPolicy(t))
	tests := []struct {
		name  string
		opts  []Option
		check func(t *testing.T, rs []knowledge.Reminder)
	}{
		{"calendar days", []Option{WithWorkingDaysOnly(false)}, func(t *testing.T, rs []knowledge.Reminder) {
			if got := days(find(rs, 8, "督察支队", knowledge.KindBefore)); !slices.Contains(got, "2019-10-07") {
				t.Errorf("1 day before 10-08 not on 10-07: %v", got)
			}
		}},
		{"per-notice before and time", []Option{WithNotice(n.Number, WithBefore(2), WithSendTime(15, 30))}, func(t *testing.T, rs []knowledge.Reminder) {
			got := find(rs, 4, "人事处", knowledge.KindBefore)
			if len(got) != 1 || got[0].At.Format("01-02 15:04") != "10-29 15:30" {
				t.Errorf("task 4 before: %v", got)
			}
		}},
		{"no chasing, digest or summary", []Option{WithOverdueEvery(0), WithMonthlyDigest(false), WithWeeklySummary(false)}, func(t *testing.T, rs []knowledge.Reminder) {
			if n := len(find(rs, 0, "", knowledge.KindOverdue)) + len(find(rs, 0, "", knowledge.KindDigest)); n != 0 {
				t.Errorf("%d overdue or digest reminders", n)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.check(t, planFixture(t, newFakeSource(n), mustPolicy(t, tt.opts...), from, to))
		})
	}
}

func TestPlanJSON(t *testing.T) {
	p := mustPolicy(t)
	rs := []knowledge.Reminder{
		{Notice: "N", Task: 25, Unit: "法制支队", Role: knowledge.RoleLead, Kind: knowledge.KindBefore, At: at(2019, 9, 23, 9, 0).UTC(), Due: date(2019, 9, 30)},
		{Notice: "N", Task: 7, Unit: "市局办公室", Role: knowledge.RoleResponsible, Kind: knowledge.KindDigest, At: at(2019, 10, 8, 9, 0)},
	}
	b, err := json.Marshal(PlanJSON(rs, p.Location()))
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"notice":"N","task":25,"unit":"法制支队","role":"lead","kind":"before","at":"2019-09-23T09:00:00+08:00","due":"2019-09-30"},` +
		`{"notice":"N","task":7,"unit":"市局办公室","role":"responsible","kind":"digest","at":"2019-10-08T09:00:00+08:00","due":null}]`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
	if !strings.Contains(string(b), "+08:00") {
		t.Error("no +08:00 offset")
	}
}
