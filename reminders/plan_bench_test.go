package reminders

import (
	"fmt"
	"testing"
	"time"

	"dutybot/knowledge"
)

// bigNotice returns a notice of tasks tasks, each naming units units (one
// lead, the rest responsible) out of a pool of 200, deadlines spread over
// 2019–2020, one task in five ongoing.
func bigNotice(tasks, units int) (*knowledge.Notice, []knowledge.Assignment) {
	n := &knowledge.Notice{Number: "压测〔2019〕1号", Date: knowledge.NewDate(2019, 1, 1)}
	pool := make([]string, 200)
	for i := range pool {
		pool[i] = fmt.Sprintf("单位%03d", i)
		n.Units = append(n.Units, knowledge.Unit{Name: pool[i]})
	}
	var as []knowledge.Assignment
	for i := 0; i < tasks; i++ {
		t := knowledge.Task{Number: i + 1, Content: "任务"}
		for j := 0; j < units; j++ {
			u := pool[(i*7+j*13)%len(pool)]
			if j == 0 {
				t.Lead = append(t.Lead, u)
			} else {
				t.Responsible = append(t.Responsible, u)
			}
		}
		if i%5 == 0 {
			t.Deadline = knowledge.Deadline{Text: "长期", Kind: knowledge.DeadlineOngoing}
		} else {
			d := knowledge.NewDate(2019, 1, 1).AddDays(i % 730)
			t.Deadline = knowledge.Deadline{Text: d.Chinese(), Kind: knowledge.DeadlineDate, Date: d}
		}
		n.Tasks = append(n.Tasks, t)
		for k, a := range t.Units() {
			a.Done = (i+k)%10 == 0
			as = append(as, a)
		}
	}
	return n, as
}

// BenchmarkPlan plans 10,000 tasks × 20 units: over a whole year (what
// `remind plan` prints) and over the 31-day look-back of one tick.
func BenchmarkPlan(b *testing.B) {
	n, as := bigNotice(10000, 20)
	p := mustPolicy(b)
	assign := map[string][]knowledge.Assignment{n.Number: as}
	for _, w := range []struct {
		name     string
		from, to time.Time
	}{
		{"year", at(2019, 7, 1, 0, 0), at(2020, 6, 30, 23, 59)},
		{"tick", at(2019, 9, 1, 9, 0), at(2019, 10, 2, 9, 0)},
	} {
		b.Run(w.name, func(b *testing.B) {
			var count int
			for b.Loop() {
				count = len(Plan([]*knowledge.Notice{n}, assign, nil, p, w.from, w.to))
			}
			b.ReportMetric(float64(count), "reminders")
		})
	}
}
