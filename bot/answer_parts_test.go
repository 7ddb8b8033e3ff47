package bot

import (
	"context"
	"reflect"
	"strings"
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

// TestRequest_PartWhoAsked asks who leads a part of the table named by its
// topic alone: the part's units, each with the tasks it leads; a question
// with more topic than the part's name is about a task.
func TestRequest_PartWhoAsked(t *testing.T) {
	e, _ := newTestEngine(t)
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, e.loc)
	tests := []struct {
		q        string
		contains []string
		first    int // the first task of an answer about one task, 0 for a part's units
	}{
		{"执法公示谁牵头", []string{"一、规范行政执法公示制度", "市局办公室（7项：第1、6、7、8、10、11、12项）", "科技处（1项：第9项）"}, 0},
		{"谁牵头搞执法公示", []string{"市局行政审批处（3项：第3、5、6项）"}, 0},
		{"全过程记录这块由哪些单位牵头", []string{"二、深化执法全过程记录制度", "科技处（2项：第18、19项）"}, 0},
		{"事中公示谁牵头", []string{"（二）规范事中公示", "法制支队（1项：第4项）"}, 0},
		{"执法公示信息几天内挂网，谁负责", nil, 6},
		{"双随机一公开谁牵头", []string{"市局行政审批处"}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			rep := e.Handle(context.Background(), Message{User: "U1", Via: "console", Text: tt.q, Now: now})
			switch {
			case tt.first == 0 && rep.Kind != "unit":
				t.Errorf("kind = %s, want unit\n%s", rep.Kind, rep.Text)
			case tt.first != 0 && (len(rep.Tasks) == 0 || rep.Tasks[0] != tt.first):
				t.Errorf("tasks = %v, want %d first\n%s", rep.Tasks, tt.first, rep.Text)
			}
			for _, c := range tt.contains {
				if !strings.Contains(rep.Text, c) {
					t.Errorf("text lacks %q:\n%s", c, rep.Text)
				}
			}
		})
	}
}
