package bot

import (
	"context"
	"reflect"
	"testing"
	"time"
)

func TestRequest_AnswerPart(t *testing.T) {
	e, _ := newTestEngine(t)
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, e.loc)
	tests := []struct {
		name string
		q    string
		want []int
	}{
		{"subsection by heading", "规范事中公示有哪些任务", []int{3, 4, 5}},
		{"section by heading", "强化组织保障包括哪些任务", []int{38, 39, 40, 41, 42, 43}},
		{"section by place with the table named", "第四部分的任务有哪些", []int{29, 30, 31, 32, 33, 34, 35, 36, 37}},
		{"bare heading", "严格记录归档", []int{17, 18}},
		{"count", "健全保障机制有几项", []int{41, 42, 43}},
		{"heading over one task is that task", "明确审核责任是第几项", []int{28}},
		{"place beyond the table", "第七部分有哪些任务", []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := e.Handle(context.Background(), Message{User: "U1", Via: "console", Text: tt.q, Now: now})
			if !reflect.DeepEqual(rep.Tasks, tt.want) {
				t.Errorf("%s: tasks = %v, want %v\n%s", tt.q, rep.Tasks, tt.want, rep.Text)
			}
		})
	}
}

func TestTableParts(t *testing.T) {
	e, _ := newTestEngine(t)
	if err := e.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	secs, subs := tableParts(e.snap.Load().cur)
	if len(secs) != 5 {
		t.Errorf("sections = %d, want 5", len(secs))
	}
	total := 0
	for _, s := range subs {
		total += len(s.tasks)
	}
	if total != 43 {
		t.Errorf("subsections hold %d tasks, want 43", total)
	}
}
