package bot

import (
	"context"
	"slices"
	"strings"
	"testing"

	"dutybot/knowledge"
)

// TestEngine_LightQuestions answers 哪些任务亮红灯 and its kin from the parts'
// lights: red when the deadline has passed and the part is not done, yellow
// within three working days of it; a part marked done leaves the list.
func TestEngine_LightQuestions(t *testing.T) {
	e, _ := newTestEngine(t)
	ask := func(user, text string) Reply {
		t.Helper()
		return e.Handle(context.Background(), Message{User: user, Text: text, Via: "console", Now: day(t, "2019-09-27")})
	}
	for _, tt := range []struct {
		q    string
		want []int
	}{
		{"哪些任务亮红灯", []int{1, 2, 5}},
		{"亮黄灯的任务有哪些？", []int{25, 26, 27}},
		{"which tasks have a red light", []int{1, 2, 5}},
		{"法制支队牵头的任务里哪些亮红灯", []int{2}},
	} {
		if got := ask("U1", tt.q).Tasks; !slices.Equal(got, tt.want) {
			t.Errorf("%s: tasks %v, want %v", tt.q, got, tt.want)
		}
	}
	if rep := ask(admin, "done 2"); rep.Err != nil {
		t.Fatalf("done 2: %v (%s)", rep.Err, rep.Text)
	}
	if got := ask("U1", "哪些任务亮红灯").Tasks; !slices.Equal(got, []int{1, 5}) {
		t.Errorf("after done 2, red: %v, want [1 5]", got)
	}
}

// TestEngine_LightQuestionsOfOwnUnit: 我们单位有几个黄灯 counts the lights of
// the asker's own unit (iam), not of every unit; a unit with none says so.
func TestEngine_LightQuestionsOfOwnUnit(t *testing.T) {
	e, _ := newTestEngine(t)
	ask := func(user, text string) Reply {
		t.Helper()
		return e.Handle(context.Background(), Message{User: user, Text: text, Via: "console", Now: day(t, "2019-09-27")})
	}
	ask("U0FZ", "我是 法制支队")
	ask("U0KJ", "我是 科技处")
	for _, tt := range []struct {
		user, q string
		want    []int
	}{
		{"U0FZ", "我们单位有几个红灯", []int{2, 1}},
		{"U0FZ", "我们单位有几个黄灯", []int{25, 26, 27}},
		{"U0FZ", "本单位亮红灯的有几项", []int{2, 1}},
		{"U0KJ", "我们单位有几个红灯", []int{}},
		{"U0KJ", "我们单位有几个黄灯", []int{}},
	} {
		rep := ask(tt.user, tt.q)
		if got := rep.Tasks; !slices.Equal(got, tt.want) {
			t.Errorf("%s %s: tasks %v, want %v (%s)", tt.user, tt.q, got, tt.want, rep.Text)
		}
	}
}

// TestEngine_taskAnswerShowsLoop: an answer about a task (任务 N, a
// question that finds it) carries the task's light and the newest progress
// any unit reported on it; a task done with no report carries none.
func TestEngine_taskAnswerShowsLoop(t *testing.T) {
	e, st := newTestEngine(t)
	ask := func(lang, text string) string {
		t.Helper()
		return e.Handle(context.Background(), Message{User: "U1", Text: text, Lang: lang, Via: "console", Now: day(t, "2019-09-20")}).Text
	}
	if got := ask("zh-CN", "任务 22"); !strings.Contains(got, "\n督办：绿灯") {
		t.Errorf("任务 22 without a report:\n%s", got)
	}
	ref := knowledge.TaskRef{Notice: "淮公通〔2019〕395号", Number: 22}
	by := knowledge.Actor{User: "U0KJ", Via: "cli"}
	for _, unit := range []string{"法制支队", "科技处"} {
		if err := st.AddReport(context.Background(), ref, unit, unit+"已部署", false, by); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ lang, q, head, tail string }{
		{"zh-CN", "任务 22", "督办：绿灯；最新进展（", "，科技处）：科技处已部署"},
		{"zh-CN", "第22项是什么", "督办：绿灯；最新进展（", "，科技处）：科技处已部署"},
		{"en", "task 22", "Supervision: ", ", 科技处): 科技处已部署"},
	} {
		got := ask(c.lang, c.q)
		i := strings.Index(got, c.head)
		if i < 0 || !strings.Contains(got[i:], c.tail) {
			t.Errorf("%s: lacks %s…%s:\n%s", c.q, c.head, c.tail, got)
		}
	}
	if got := ask("zh-CN", "任务 5"); !strings.Contains(got, "督办：红灯") {
		t.Errorf("任务 5, overdue:\n%s", got)
	}
	e.Handle(context.Background(), Message{User: admin, Text: "完成 5", Via: "console", Now: day(t, "2019-09-20")})
	if got := ask("zh-CN", "任务 5"); strings.Contains(got, "督办") {
		t.Errorf("任务 5, done with no report:\n%s", got)
	}
	if got := ask("zh-CN", "进度 22"); strings.Count(got, "科技处已部署") != 1 || strings.Contains(got, "督办") {
		t.Errorf("进度 22 lists every part; the detail repeats nothing:\n%s", got)
	}
}
