package bot

import (
	"context"
	"strings"
	"testing"
)

// TestRequest_daysLeft counts the days from today to a task's deadline, in
// both languages, on either side of it and on the day itself; a task with no
// date gets its deadline and no count.
func TestRequest_daysLeft(t *testing.T) {
	e, _ := newTestEngine(t)
	cases := []struct {
		name, q, now, lang, want, not string
	}{
		{"left", "第22项任务还剩几天到期", "2019-10-21", "zh-CN", "还剩10天", ""},
		{"today", "第22项还有几天截止", "2019-10-31", "zh-CN", "今天就是期限", "还剩"},
		{"overdue", "任务22离期限还有多少天", "2019-11-02", "zh-CN", "已超过期限2天", "还剩"},
		{"english", "how many days are left for task 41?", "2019-12-01", "en", "30 days are left", ""},
		{"ongoing", "第3项还剩几天", "2019-10-21", "zh-CN", "长期", "还剩"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep := e.Handle(context.Background(), Message{User: "U1", Text: c.q, Lang: c.lang, Now: day(t, c.now)})
			if !strings.Contains(rep.Text, c.want) || (c.not != "" && strings.Contains(rep.Text, c.not)) {
				t.Errorf("%q: want %q (and not %q) in %.200q", c.q, c.want, c.not, rep.Text)
			}
		})
	}
}
