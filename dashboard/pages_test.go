package dashboard

import (
	"context"
	"slices"
	"strings"
	"testing"

	"dutybot/dashboard/token"
	"dutybot/i18n"
	"dutybot/knowledge"
)

// TestBoard_filters: each filter keeps exactly the rows it names, on the
// built-in notice on 2019-10-15.
func TestBoard_filters(t *testing.T) {
	st := newTestStore(t)
	s, _ := newTestServer(t, st)
	n, parts, err := s.state(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	today := knowledge.NewDate(2019, 10, 15)
	rows := func(f filter) []int {
		b := newBoard(n, parts, today, nil, s)
		b.apply(f, today)
		var out []int
		for _, r := range b.Rows {
			out = append(out, r.Task.Number)
		}
		return out
	}
	all := rows(filter{})
	if len(all) != 43 {
		t.Fatalf("%d rows, want 43", len(all))
	}
	has := func(t *knowledge.Task, unit string) bool {
		return slices.Contains(t.Lead, unit) || slices.Contains(t.Responsible, unit)
	}
	cases := []struct {
		name string
		f    filter
		keep func(*knowledge.Task) bool
	}{
		{"unit", filter{Unit: "科技处"}, func(t *knowledge.Task) bool { return has(t, "科技处") }},
		{"section", filter{Section: n.Tasks[20].Section}, func(t *knowledge.Task) bool { return t.Section == n.Tasks[20].Section }},
		{"overdue", filter{Due: dueOverdue}, func(t *knowledge.Task) bool {
			return t.Deadline.Kind == knowledge.DeadlineDate && t.Deadline.Date.Before(today)
		}},
		{"ongoing", filter{Due: dueOngoing}, func(t *knowledge.Task) bool { return t.Deadline.Kind == knowledge.DeadlineOngoing }},
		{"within 30 days", filter{Due: dueMonth}, func(t *knowledge.Task) bool {
			return t.Deadline.Kind == knowledge.DeadlineDate && !t.Deadline.Date.Before(today) && !t.Deadline.Date.After(today.AddDays(30))
		}},
		{"red", filter{Light: "red"}, func(t *knowledge.Task) bool {
			return t.Deadline.Kind == knowledge.DeadlineDate && t.Deadline.Date.Before(today)
		}},
		{"unknown unit", filter{Unit: "不存在"}, func(*knowledge.Task) bool { return false }},
	}
	for _, c := range cases {
		var want []int
		for i := range n.Tasks {
			if c.keep(&n.Tasks[i]) {
				want = append(want, n.Tasks[i].Number)
			}
		}
		if got := rows(c.f); !slices.Equal(got, want) {
			t.Errorf("%s: rows %v, want %v", c.name, got, want)
		}
	}
	sorted := rows(filter{Sort: "light"})
	b := newBoard(n, parts, today, nil, s)
	light := map[int]knowledge.Light{}
	for _, r := range b.Rows {
		light[r.Task.Number] = r.Light
	}
	for i := 1; i < len(sorted); i++ {
		if lightOrder(light[sorted[i-1]]) < lightOrder(light[sorted[i]]) {
			t.Fatalf("sort=light: task %d (%s) before task %d (%s)", sorted[i-1], light[sorted[i-1]], sorted[i], light[sorted[i]])
		}
	}
}

// TestTaskPage: a task's page shows its claims and reviews, its reports
// newest first and its audit history, all made through the store as the
// chat commands make them.
func TestTaskPage(t *testing.T) {
	st := newTestStore(t)
	ctx := context.Background()
	n, _ := builtinNumber(t, st)
	ref := knowledge.TaskRef{Notice: n, Number: 22}
	kj := knowledge.Actor{User: "U0KJ", Via: "slack"}
	steps := []error{
		st.AddReport(ctx, ref, "科技处", "第一次进展", false, kj),
		st.AddReport(ctx, ref, "科技处", "缺少存储预算", true, kj),
		st.ClaimPart(ctx, ref, "科技处", "已上线", kj),
		st.ReviewPart(ctx, ref, "科技处", false, "缺少上线截图", admin),
	}
	for i, err := range steps {
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	s, signer := newTestServer(t, st)
	tok, _, _ := signer.Sign("UADMIN", token.Admin, testNow)
	_, body := get(t, s.Handler(), "/dashboard/task/22", tok)
	for _, want := range []string{"第一次进展", "缺少存储预算", "已上线", "缺少上线截图", "退回", "申请办结", "part.reject", "part.claim", "part.progress"} {
		if !strings.Contains(body, want) {
			t.Errorf("task 22's page lacks %q", want)
		}
	}
	reports := between(body, `<ol id="reports">`, "</ol>")
	if i, j := strings.Index(reports, "缺少存储预算"), strings.Index(reports, "第一次进展"); i < 0 || j < 0 || i > j {
		t.Errorf("reports not newest first:\n%s", reports)
	}
}

func builtinNumber(t *testing.T, st Store) (string, error) {
	t.Helper()
	ns, err := st.Notices(context.Background())
	if err != nil || len(ns) == 0 {
		t.Fatal(err)
	}
	return ns[len(ns)-1].Number, nil
}

// TestPages_messages: every page, in both languages, finds every sentence
// it asks for.
func TestPages_messages(t *testing.T) {
	b, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	st := newTestStore(t)
	s, signer := newTestServer(t, st, WithBundle(b))
	h := s.Handler()
	tok, _, _ := signer.Sign("UADMIN", token.Admin, testNow)
	for _, lang := range []string{"zh-CN", "en"} {
		for _, p := range []string{"/dashboard", "/dashboard/task/22", "/dashboard/units", "/dashboard/progress", "/dashboard/task/99", "/calendar/x.ics"} {
			get(t, h, p+"?lang="+lang, tok)
		}
		get(t, h, "/dashboard?lang="+lang, "")
	}
	if m := b.Missing(); len(m) > 0 {
		t.Fatalf("messages missing: %v", m)
	}
}
