package dashboard

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"

	"dutybot/dashboard/token"
	"dutybot/knowledge"
	"dutybot/knowledge/builtin"
	"dutybot/store"
)

// TestServer_progress: the chart's weeks replay the audit log: parts done
// as they were marked (and undone when reopened), parts overdue as their
// deadlines pass; the last point is today and agrees with the lights; the
// SVG is inline, drawn with attributes only (no style, no script).
func TestServer_progress(t *testing.T) {
	ctx := context.Background()
	clock := clockwork.NewFakeClockAt(time.Date(2019, 9, 1, 4, 0, 0, 0, time.UTC))
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "dutybot.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	n, _ := builtin.Notice()
	if err := st.ImportNotice(ctx, n, admin); err != nil {
		t.Fatal(err)
	}
	ref := func(k int) knowledge.TaskRef { return knowledge.TaskRef{Notice: n.Number, Number: k} }
	clock.Advance(time.Date(2019, 9, 20, 2, 0, 0, 0, time.UTC).Sub(clock.Now()))
	for _, k := range []int{2, 3} {
		if err := st.SetDone(ctx, ref(k), "", true, admin); err != nil {
			t.Fatal(err)
		}
	}
	clock.Advance(time.Date(2019, 10, 2, 2, 0, 0, 0, time.UTC).Sub(clock.Now()))
	if err := st.SetDone(ctx, ref(3), "", false, admin); err != nil {
		t.Fatal(err)
	}
	s, signer := newTestServer(t, st)
	parts, _ := st.Parts(ctx, n.Number)
	perTask := map[int]int{}
	red := 0
	for _, p := range parts {
		perTask[p.Task]++
		if knowledge.PartLight(p, n.Task(p.Task).Deadline, knowledge.NewDate(2019, 10, 15), nil, knowledge.China) == knowledge.LightRed {
			red++
		}
	}
	log, _ := st.Audit(ctx)
	weeks := progressOf(n, parts, log, knowledge.NewDate(2019, 10, 15), knowledge.China)
	if first := weeks[0]; first.Day != n.Date || first.Done != 0 {
		t.Errorf("first point %+v; want the notice's date %s with nothing done", first, n.Date)
	}
	for _, w := range weeks {
		want := 0
		switch {
		case !w.Day.Before(knowledge.NewDate(2019, 10, 2)):
			want = perTask[2]
		case !w.Day.Before(knowledge.NewDate(2019, 9, 20)):
			want = perTask[2] + perTask[3]
		}
		if w.Done != want {
			t.Errorf("%s: %d done, want %d", w.Day, w.Done, want)
		}
	}
	if last := weeks[len(weeks)-1]; last.Day != knowledge.NewDate(2019, 10, 15) || last.Overdue != red {
		t.Errorf("last point %+v; want today with the %d red parts overdue", last, red)
	}

	good, _, _ := signer.Sign("UADMIN", token.Admin, testNow)
	resp, body := get(t, s.Handler(), "/dashboard/progress", good)
	if resp.StatusCode != 200 {
		t.Fatalf("progress page: %d", resp.StatusCode)
	}
	svg := body[strings.Index(body, "<svg"):strings.Index(body, "</svg>")]
	for _, bad := range []string{"style=", "<script", "http://www.w3.org/1999/xlink"} {
		if strings.Contains(svg, bad) {
			t.Errorf("the chart holds %q", bad)
		}
	}
	if got := strings.Count(between(svg, `id="line-done" points="`, `"`), ","); got != len(weeks) {
		t.Errorf("done line has %d points, want %d", got, len(weeks))
	}
}

func between(s, from, to string) string {
	_, after, _ := strings.Cut(s, from)
	v, _, _ := strings.Cut(after, to)
	return v
}
