package bot

import (
	"context"
	"slices"
	"testing"
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
