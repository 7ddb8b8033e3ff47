package bot

import (
	"context"
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
