package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"dutybot/bot/textnorm"
	"dutybot/knowledge"
)

func TestNew_validatesOptions(t *testing.T) {
	st := newStore(t)
	tests := []struct {
		name string
		opts []Option
		want error
	}{
		{"nil location", []Option{WithLocation(nil)}, ErrNilLocation},
		{"unknown lang", []Option{WithLang("fr")}, ErrInvalidLang},
		{"nil logger", []Option{WithLogger(nil)}, ErrNilLogger},
		{"nil bundle", []Option{WithBundle(nil)}, ErrNilBundle},
		{"nil clock", []Option{WithClock(nil)}, ErrNilClock},
		{"nil workdays", []Option{WithWorkdays(nil)}, ErrNilWorkdays},
		{"admin list", []Option{WithAdmins("U1,U2")}, ErrInvalidAdmin},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := New(st, tt.opts...); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	if _, err := New(nil); err == nil {
		t.Error("nil store: no error")
	}
	e, err := New(st, WithAdmins("U1", " ", "U2"), WithLang("en-US"), WithLocation(time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if !e.IsAdmin("U1") || !e.IsAdmin("U2") || e.IsAdmin("") {
		t.Errorf("admins = %v", e.admins)
	}
}

func TestEngine_Handle_emptyStore(t *testing.T) {
	e, err := New(newStore(t))
	if err != nil {
		t.Fatal(err)
	}
	rep := e.Handle(context.Background(), Message{User: "U1", Text: "第1项", Now: day(t, "2019-09-20")})
	if rep.Text == "" || len(rep.Tasks) != 0 {
		t.Errorf("reply over an empty store: %+v", rep)
	}
}

func TestParseWindow(t *testing.T) {
	today := knowledge.NewDate(2019, 9, 20) // a Friday
	c := clock{today: today, yearOf: func(time.Month) int { return 2019 }}
	d := func(y int, m time.Month, dd int) knowledge.Date { return knowledge.NewDate(y, m, dd) }
	cases := []struct {
		q        string
		from, to knowledge.Date
	}{
		{"2019年12月底前到期的任务", d(2019, 12, 31), d(2019, 12, 31)},
		{"2019年12月底之前要完成的所有任务", knowledge.Date{}, d(2019, 12, 31)},
		{"2019年9月18日前需完成的所有任务", knowledge.Date{}, d(2019, 9, 18)},
		{"期限是2019年9月18日的任务", d(2019, 9, 18), d(2019, 9, 18)},
		{"9月底到期的任务", d(2019, 9, 30), d(2019, 9, 30)},
		{"2019-10-31到期的任务", d(2019, 10, 31), d(2019, 10, 31)},
		{"本月到期的任务", d(2019, 9, 1), d(2019, 9, 30)},
		{"下周到期的任务", d(2019, 9, 23), d(2019, 9, 29)},
		{"本周到期", d(2019, 9, 16), d(2019, 9, 22)},
		{"今天到期的任务", today, today},
		{"未来10天内到期的任务", today, d(2019, 9, 30)},
		{"最近两周到期的任务", today, d(2019, 10, 4)},
		{"下个月到期的任务", d(2019, 10, 1), d(2019, 10, 31)},
		{"年底前要完成的任务", d(2019, 12, 1), d(2019, 12, 31)},
		{"这个季度到期的任务", d(2019, 7, 1), d(2019, 9, 30)},
		{"下季度要完成的任务", d(2019, 10, 1), d(2019, 12, 31)},
		{"tasks due next quarter", d(2019, 10, 1), d(2019, 12, 31)},
		{"2019年到期的任务", d(2019, 1, 1), d(2019, 12, 31)},
		{"2019年9月到10月到期的任务", d(2019, 9, 1), d(2019, 10, 31)},
		{"2019年10月以后到期的任务", d(2019, 11, 1), knowledge.Date{}},
		{"今年12月到期的任务", d(2019, 12, 1), d(2019, 12, 31)}, // the narrower of two nested spans
		{"还没到期的任务", today, knowledge.Date{}},
		{"19年第四季度到期的任务有哪些", d(2019, 10, 1), d(2019, 12, 31)},
		{"2019年三季度结束前要完成的任务", knowledge.Date{}, d(2019, 9, 30)},
		{"下半年到期的任务", d(2019, 7, 1), d(2019, 12, 31)},
		{"tasks due in q4 2019", d(2019, 10, 1), d(2019, 12, 31)},
		{"9月底前就得完成的任务（含9月底）", knowledge.Date{}, d(2019, 9, 30)},
		{"从今天起两个礼拜内要到期的任务", today, d(2019, 10, 4)},
		{"到今天为止到期的任务", knowledge.Date{}, today},
		{"tasks due in December 2019", d(2019, 12, 1), d(2019, 12, 31)},
		{"tasks due by Sep 30, 2019", knowledge.Date{}, d(2019, 9, 30)},
		// session 3's kinds: everyday due words, a bare 月底, holidays, spans
		// between two names, restatements in brackets, English year ends
		{"往后15天之内有啥要交的", today, d(2019, 10, 5)},
		{"离截止不到一周的还有哪几项", today, d(2019, 9, 27)},
		{"月底就到点的活有哪些", d(2019, 9, 30), d(2019, 9, 30)},
		{"国庆以后到年底之间要交的有哪些", d(2019, 10, 1), d(2019, 12, 31)},
		{"国庆节前（9月30日及以前）必须完成的总共是哪些任务", knowledge.Date{}, d(2019, 9, 30)},
		{"四季度（10月到12月）到期的任务汇总一下", d(2019, 10, 1), d(2019, 12, 31)},
		{"tasks due at the end of 2019", d(2019, 12, 1), d(2019, 12, 31)},
		{"List everything that has to be finished on or before 31 October 2019", knowledge.Date{}, d(2019, 10, 31)},
		// session 5's kinds: the rest of a span, "not yet due" narrowing a
		// span, 都有哪些 as "which", a batch restating the day
		{"这个月剩下的日子里还有哪些任务要到期", today, d(2019, 9, 30)},
		{"本月还没到期的有哪几项", today, d(2019, 9, 30)},
		{"12月底前完成的都有哪些", d(2019, 12, 31), d(2019, 12, 31)},
		{"年底之前要交差的是哪些，就是12月底那批", d(2019, 12, 31), d(2019, 12, 31)},
		{"12月底前都要完成的任务", knowledge.Date{}, d(2019, 12, 31)},
		// session 5, second half: a bare 月底 beside a month named by its
		// number is that month's; months spanned with 月 on both ends
		{"9月份里到期的都有哪些？月中的、月底的都算上", d(2019, 9, 1), d(2019, 9, 30)},
		{"这个月月底前还要交的", d(2019, 9, 30), d(2019, 9, 30)},
		{"就是10月到12月之间到期的那些", d(2019, 10, 1), d(2019, 12, 31)},
		{"list tasks due end of Sept pls", d(2019, 9, 30), d(2019, 9, 30)},
		// session 14: a deadline as the table writes it, with no word for
		// tasks; a remark after the question holds no window of its own
		// unless it widens the one asked (早的也算上)
		{"表里写9月底前的有哪些", d(2019, 9, 30), d(2019, 9, 30)},
		{"第四季度到期的是哪些？领导要排年底的工作。", d(2019, 10, 1), d(2019, 12, 31)},
		{"12月底那个节点上到期的是哪几项？之前的节点不算。", d(2019, 12, 31), d(2019, 12, 31)},
		{"九月底前得整完的一共哪几条？早的也算上", knowledge.Date{}, d(2019, 9, 30)},
	}
	for _, tc := range cases {
		w, _ := parseWindow(textnorm.Fold(tc.q), c)
		if w == nil {
			t.Errorf("%s: no window", tc.q)
			continue
		}
		if w.From != tc.from || w.To != tc.to {
			t.Errorf("%s: %s..%s, want %s..%s", tc.q, w.From, w.To, tc.from, tc.to)
		}
	}
	for _, q := range []string{"明天会下雨吗", "2019年9月3日发的通知", "30日内要形成案卷吗", "是不是每年1月20号之前就得晒出来"} {
		if w, _ := parseWindow(textnorm.Fold(q), c); w != nil {
			t.Errorf("%s: window %v, want none", q, *w)
		}
	}
}

func TestParse(t *testing.T) {
	e, _ := newTestEngine(t)
	snap := e.snap.Load()
	c := clock{today: knowledge.NewDate(2019, 9, 20), yearOf: snap.yearOf(knowledge.NewDate(2019, 9, 20))}
	cases := []struct {
		q     string
		nums  []int
		kind  knowledge.DeadlineKind
		units []string
	}{
		{"12项是啥内容", []int{12}, "", nil},
		{"3项制度是什么", nil, "", nil},
		{"长期的任务一共多少项", nil, knowledge.DeadlineOngoing, nil},
		{"有明确期限的任务有哪些", nil, knowledge.DeadlineDate, nil},
		{"哪些任务没写完成时限", nil, knowledge.DeadlineNone, nil},
		{"各县（分）局要负责哪些任务", nil, "", []string{"各分县局"}},
		// units described by their remit (the lexicon's [remits]) when the
		// question points at one (那个); 负责审核的部门是哪个 asks who
		{"管钱和装备的那个处牵头的有哪些", nil, "", []string{"警务保障处"}},
		{"负责审案子合不合法的那个支队牵头、管技术的那个处配合干的有哪几条", nil, "", []string{"法制支队", "科技处"}},
		{"负责审核的部门是哪个", nil, "", nil},
	}
	for _, tc := range cases {
		t.Run(tc.q, func(t *testing.T) {
			q := parse(tc.q, snap, c)
			if fmt.Sprint(q.nums) != fmt.Sprint(tc.nums) || q.kind != tc.kind || fmt.Sprint(q.units) != fmt.Sprint(tc.units) {
				t.Errorf("nums=%v kind=%q units=%v, want %v %q %v", q.nums, q.kind, q.units, tc.nums, tc.kind, tc.units)
			}
		})
	}
}

func TestParseChannel(t *testing.T) {
	for in, want := range map[string]string{"<#C0123|fazhi>": "C0123", "<#C0123>": "C0123", "C0123": "C0123", "#G77AB": "G77AB", "general": "", "<@U123>": "", "C": ""} {
		got, ok := parseChannel(in)
		if got != want || ok != (want != "") {
			t.Errorf("parseChannel(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
}

func TestParseCommand(t *testing.T) {
	for in, want := range map[string]string{"任务 22": "task", "任务22的期限": "", "done 5 法制支队": "done", "/duty help": "", "我是法制支队": "iam",
		"HELP": "help", "进度": "status", "完成情况怎么样": "", "到期": "due"} {
		got, _, ok := parseCommand(in)
		if got != want || ok != (want != "") {
			t.Errorf("parseCommand(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzEngine_Handle feeds the engine arbitrary text: it must always answer,
// and never claim a task the notice does not have.
func FuzzEngine_Handle(f *testing.F) {
	for _, s := range []string{"第1项任务的内容是什么？", "2019年12月底前到期的任务有哪些", "done 22 科技处", "第九十九项", "<#C1|x>", "ｔａｓｋ　７", "2019年13月40日", "任务99999999999999999999"} {
		f.Add(s)
	}
	e, _ := newTestEngine(f)
	f.Fuzz(func(t *testing.T, text string) {
		rep := e.Handle(context.Background(), Message{User: "UFUZZ", Text: text, Now: day(t, "2019-09-20")})
		if rep.Text == "" {
			t.Fatalf("%q: empty reply", text)
		}
		for _, n := range rep.Tasks {
			if n < 1 || n > 43 {
				t.Fatalf("%q: task %d", text, n)
			}
		}
		if rep.Changed {
			t.Fatalf("%q: a non-admin changed state", text)
		}
	})
}

// TestStatedToday reads the day a question says it is, which moves "today"
// for that question only; a date that is a deadline is left to parseWindow.
func TestStatedToday(t *testing.T) {
	c := clock{today: knowledge.NewDate(2019, 8, 1), yearOf: func(time.Month) int { return 2019 }}
	cases := []struct {
		q    string
		want knowledge.Date
		ok   bool
	}{
		{"今天是10月20日，哪些任务已经逾期了？", knowledge.NewDate(2019, 10, 20), true},
		{"today is 20 october. which tasks already passed the deadline?", knowledge.NewDate(2019, 10, 20), true},
		{"现在是2020年1月5日，超期的有哪些", knowledge.NewDate(2020, 1, 5), true},
		{"10月20日到期的任务", knowledge.Date{}, false},
		{"今天是13月40日", knowledge.Date{}, false},
		// a longer description of the day, or a day said just before asking what is late
		{"今天是国庆后上班第一天10月8号，四周之内要交的有啥？", knowledge.NewDate(2019, 10, 8), true},
		{"国庆后上班第一天10月8号，已经超期的任务有多少项？", knowledge.NewDate(2019, 10, 8), true},
		{"今儿9月10号，这个月还剩哪些得赶紧交？", knowledge.NewDate(2019, 9, 10), true},
		{"今天12月2号，早上下雪路上一堆事故", knowledge.NewDate(2019, 12, 2), true},
		// a deadline told today, and a question that only mentions today, say no day
		{"今天领导说9月30号前要交的有哪些", knowledge.Date{}, false},
		{"现在哪些已经超期了 今天12月5号", knowledge.NewDate(2019, 12, 5), true},
		{"9月30号前要完成的，逾期的有哪些", knowledge.Date{}, false},
		// the written register, and keywords that open with the day
		{"今日系2019年9月20日，本月内尚须办结之事项有哪些？", knowledge.NewDate(2019, 9, 20), true},
		{"兹值2019年9月10日，已过截止日期之事项有哪些", knowledge.NewDate(2019, 9, 10), true},
		{"眼下8月20号，离得最近的那个节点是哪几项", knowledge.NewDate(2019, 8, 20), true},
		{"9.10 本月 还剩", knowledge.NewDate(2019, 9, 10), true},
		{"11.15 过期 全部", knowledge.NewDate(2019, 11, 15), true},
		{"9月1号 三周内", knowledge.NewDate(2019, 9, 1), true},
		{"9.30 到期 哪些", knowledge.Date{}, false}, // a deadline, no day it is
	}
	for _, tc := range cases {
		got, _, ok := statedToday(textnorm.Fold(tc.q), c)
		if ok != tc.ok || got != tc.want {
			t.Errorf("%s: %v %v, want %v %v", tc.q, got, ok, tc.want, tc.ok)
		}
	}
}

// TestParse_asks: what a question asks of a task's text, beside its topic.
func TestParse_asks(t *testing.T) {
	e, _ := newTestEngine(t)
	snap := e.snap.Load()
	c := clock{today: knowledge.NewDate(2019, 9, 20), yearOf: snap.yearOf(knowledge.NewDate(2019, 9, 20))}
	cases := []struct {
		q    string
		want ask
		not  ask
	}{
		{"审核目录清单弄完以后，放在哪里给社会看？", askPlace, 0},
		{"目录清单要发布到哪些网站上", askPlace, 0},
		{"执法装备需求要报哪里列入财政预算？", 0, askPlace}, // whom it goes to, not where it is shown
		{"执法记录仪怎么配，依据的是省厅哪个文件？", askDocument, 0},
		{"do officers have to show their police id card when doing inspections?", 0, askDeadline},
		{"when is the review list due?", askDeadline, 0},
	}
	for _, tc := range cases {
		q := parse(textnorm.Fold(tc.q), snap, c)
		if q.ask&tc.want != tc.want || q.ask&tc.not != 0 {
			t.Errorf("%s: ask %b, want %b set and %b clear", tc.q, q.ask, tc.want, tc.not)
		}
	}
}

// TestLeadVerbsAreLeadWords keeps the verbs the lead patterns share among the
// words that read a lead at all: a verb added to one list belongs in both.
func TestLeadVerbsAreLeadWords(t *testing.T) {
	for _, v := range strings.Split(leadVerbs, "|") {
		if !slices.Contains(leadWords, v) {
			t.Errorf("lead verb %q is not in leadWords", v)
		}
	}
}
