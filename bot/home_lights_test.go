package bot

import (
	"context"
	"strings"
	"testing"

	"dutybot/knowledge"
)

// TestHome_lights checks App Home's lights: one for each task of the
// viewer's unit, the light of the unit's own part (red when late, green
// while there is time, none once done), named in the viewer's language.
func TestHome_lights(t *testing.T) {
	e, _ := newTestEngine(t)
	send(t, e, "UFZ", "我是 法制支队")
	home := func(lang string) Home {
		t.Helper()
		h, err := e.Home(context.Background(), "UFZ", lang, day(t, "2019-10-21"))
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	const seed = "淮公通〔2019〕395号"
	h := home("zh-CN")
	for _, it := range append(h.Lead, h.Responsible...) {
		if _, ok := h.Lights[TaskRef{Notice: it.Notice, Task: it.Task}]; !ok {
			t.Errorf("task %d has no light", it.Task)
		}
	}
	if l := h.Lights[TaskRef{Notice: seed, Task: 1}]; l.Light != knowledge.LightRed || l.Text != "红灯" {
		t.Errorf("task 1 (due 2019-08-31): %+v", l)
	}
	if l := h.Lights[TaskRef{Notice: seed, Task: 22}]; l.Light != knowledge.LightGreen {
		t.Errorf("task 22 (due 2019-10-31): %+v", l)
	}
	if rep := say(t, e, admin, "zh-CN", "完成 22 法制支队"); rep.Err != nil {
		t.Fatal(rep.Text)
	}
	if l := home("en").Lights[TaskRef{Notice: seed, Task: 22}]; l.Light != knowledge.LightNone || l.Text != "no light" {
		t.Errorf("task 22 once done: %+v", l)
	}
}

// TestHome_progress: App Home shows, beside each task of the viewer's unit,
// the latest progress that unit reported on it (newest of its reports),
// in the viewer's language; another unit's reports and tasks without any
// show nothing.
func TestHome_progress(t *testing.T) {
	e, st := newTestEngine(t)
	send(t, e, "UFZ", "我是 法制支队")
	ref := knowledge.TaskRef{Notice: "淮公通〔2019〕395号", Number: 22}
	by := knowledge.Actor{User: "UFZL", Via: "cli"}
	for _, r := range []struct{ unit, text string }{
		{"法制支队", "已部署"}, {"法制支队", "已起草调阅监督办法"}, {"科技处", "平台已上线"},
	} {
		if err := st.AddReport(context.Background(), ref, r.unit, r.text, false, by); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ lang, head, text string }{
		{"zh-CN", "最新进展（", "）：已起草调阅监督办法"}, {"en", "Latest progress (", "): 已起草调阅监督办法"},
	} {
		h, err := e.Home(context.Background(), "UFZ", c.lang, day(t, "2019-10-21"))
		if err != nil {
			t.Fatal(err)
		}
		if p := h.Lights[TaskRef{Notice: ref.Notice, Task: 22}].Progress; !strings.HasPrefix(p, c.head) || !strings.HasSuffix(p, c.text) {
			t.Errorf("%s: task 22's progress on App Home is %q, want %s…%s", c.lang, p, c.head, c.text)
		}
		if p := h.Lights[TaskRef{Notice: ref.Notice, Task: 2}].Progress; p != "" {
			t.Errorf("%s: task 2 has no report, App Home shows %q", c.lang, p)
		}
	}
}
