package bot

import (
	"context"
	"testing"
)

func TestEngine_Home(t *testing.T) {
	e, _ := newTestEngine(t)
	send(t, e, "UHR", "我是 人事处")
	send(t, e, admin, "done 23")
	h, err := e.Home(context.Background(), "UHR", "zh-CN", day(t, "2020-01-10"))
	if err != nil {
		t.Fatal(err)
	}
	if h.Unit != "人事处" {
		t.Fatalf("unit = %q", h.Unit)
	}
	nums := func(items []Item) []int {
		var out []int
		for _, it := range items {
			out = append(out, it.Task)
		}
		return out
	}
	if got := fmtInts(nums(h.Lead)); got != "23 " {
		t.Errorf("lead = %s", got)
	}
	if got := fmtInts(nums(h.Responsible)); got != "43 24 " { // dated first
		t.Errorf("responsible = %s, want 43 24", got)
	}
	if len(h.Sections) != 5 || h.Sections[0].Total != 12 {
		t.Errorf("sections = %+v", h.Sections)
	}
	for _, p := range h.Units {
		if p.Name == "人事处" && (p.Total != 3 || p.Done != 1 || p.Overdue != 1) {
			t.Errorf("人事处 progress = %+v, want 3 tasks, 1 done, 1 overdue (43)", p)
		}
	}
	if h, err := e.Home(context.Background(), "UNEW", "", day(t, "2019-09-20")); err != nil || h.Unit != "" || len(h.Lead) != 0 {
		t.Errorf("home of a user with no unit: %+v %v", h, err)
	}
}
