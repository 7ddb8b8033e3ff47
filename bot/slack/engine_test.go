package slack

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"dutybot/bot"
	"dutybot/knowledge"
)

// fakeEngine answers like the real engine in shape: it understands help,
// task N, done N [UNIT] (administrators only: anyone else is refused and
// nothing changes), "many" (a long list) and echoes anything else, as the
// real engine quotes an out-of-scope question back.
type fakeEngine struct {
	admins map[string]bool
	gate   chan struct{} // when set, Handle waits for it: a slow answer

	mu       sync.Mutex
	messages []bot.Message
	done     map[string]bool // "7|法制支队" → marked done
	homeErr  error
}

func newFakeEngine(admins ...string) *fakeEngine {
	e := &fakeEngine{admins: map[string]bool{}, done: map[string]bool{}}
	for _, a := range admins {
		e.admins[a] = true
	}
	return e
}

func (e *fakeEngine) received() []bot.Message {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]bot.Message(nil), e.messages...)
}

func (e *fakeEngine) isDone(task int, unit string) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.done[strconv.Itoa(task)+"|"+unit]
}

// ref names task n of the notice testItem belongs to.
func ref(n int) bot.TaskRef { return bot.TaskRef{Notice: "淮公通〔2019〕395号", Task: n} }

func testItem(n int) bot.Item {
	return bot.Item{
		Notice: "淮公通〔2019〕395号", Task: n,
		Content:     fmt.Sprintf("第%d项任务的内容：行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个工作日内公开。", n),
		Quote:       "行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个工作日内公开。",
		Lead:        []string{"法制支队"},
		Responsible: []string{"各行政执法警种", "各分县局"},
		Deadline:    knowledge.Deadline{Text: "2019年9月底前", Kind: knowledge.DeadlineDate, Date: knowledge.NewDate(2019, 9, 30)},
		Status:      knowledge.StatusOpen,
		Section:     "推行行政执法公示制度", Subsection: "强化事后公开",
		// the engine renders these in the asker's language; the adapter shows them as given
		DeadlineText: "2019年9月底前", StatusText: "未完成（已逾期）",
		Light: knowledge.LightRed, LightText: "红灯", Progress: "最新进展（2019-09-18，法制支队）：已在门户网站公开\n三类执法决定。",
	}
}

func (e *fakeEngine) Handle(ctx context.Context, m bot.Message) bot.Reply {
	if e.gate != nil {
		select {
		case <-e.gate:
		case <-ctx.Done():
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.messages = append(e.messages, m)
	f := strings.Fields(m.Text)
	switch {
	case len(f) == 1 && (f[0] == "help" || f[0] == "帮助"):
		return bot.Reply{Text: "可以这样问：第7项任务是什么？ 法制支队牵头哪些任务？", Kind: "help"}
	case len(f) == 2 && f[0] == "task":
		n, _ := strconv.Atoi(f[1])
		return bot.Reply{Text: fmt.Sprintf("第%d项：…", n), Headline: fmt.Sprintf("第%d项任务如下。", n),
			Tasks: []int{n}, Items: []bot.Item{testItem(n)}, Kind: "task"}
	case len(f) >= 2 && f[0] == "done":
		if !e.admins[m.User] {
			return bot.Reply{Text: "只有管理员可以标记任务完成。", Kind: "refused"}
		}
		n, _ := strconv.Atoi(f[1])
		unit := strings.Join(f[2:], " ")
		key := strconv.Itoa(n) + "|" + unit
		if e.done[key] {
			return bot.Reply{Text: "这项已经标记完成。", Kind: "command"}
		}
		e.done[key] = true
		return bot.Reply{Text: fmt.Sprintf("已标记第%d项（%s）完成。", n, unit), Tasks: []int{n}, Kind: "command", Changed: true}
	case len(f) == 1 && f[0] == "many":
		rep := bot.Reply{Headline: "法制支队牵头的任务共60项。", Text: "法制支队牵头的任务共60项。", Kind: "unit",
			Groups: []bot.Group{{Title: "作为牵头单位", Tasks: nil}}}
		for i := 1; i <= 60; i++ {
			rep.Tasks = append(rep.Tasks, i)
			rep.Items = append(rep.Items, testItem(i))
			rep.Groups[0].Tasks = append(rep.Groups[0].Tasks, i)
		}
		return rep
	}
	return bot.Reply{Text: "通知没有涉及这个问题：" + m.Text, Headline: "通知没有涉及：" + m.Text, Kind: "out_of_scope"}
}

func (e *fakeEngine) Home(_ context.Context, user, lang string, now time.Time) (bot.Home, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.messages = append(e.messages, bot.Message{User: user, Lang: lang, Now: now, Text: "<home>"})
	if e.homeErr != nil {
		return bot.Home{}, e.homeErr
	}
	return bot.Home{User: user, Unit: "法制支队",
		Lead: []bot.Item{testItem(6), testItem(17)}, Responsible: []bot.Item{testItem(22)},
		Lights: map[bot.TaskRef]bot.HomeLight{ref(6): {Light: knowledge.LightRed, Text: "红灯"}, ref(17): {Light: knowledge.LightGreen, Text: "绿灯"},
			ref(22): {Light: knowledge.LightYellow, Text: "黄灯", Progress: "最新进展（2019-09-18）：已起草<调阅>办法"}},
		Sections: []bot.Progress{{Name: "推行行政执法公示制度", Total: 12, Done: 3, Partial: 2, Overdue: 1}},
		Units:    []bot.Progress{{Name: "法制支队", Total: 20, Done: 5}},
	}, nil
}

var _ Engine = (*fakeEngine)(nil)
