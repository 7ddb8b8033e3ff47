package bot

import (
	"context"
	"strings"
	"testing"

	"dutybot/knowledge"
)

// send sends text as user at a fixed date and returns the reply.
func send(t *testing.T, e *Engine, user, text string) Reply {
	t.Helper()
	return e.Handle(context.Background(), Message{User: user, Via: "console", Text: text, Now: day(t, "2019-09-20")})
}

// statusOf reads task n's status straight from the store.
func statusOf(t *testing.T, st knowledge.Store, n int) knowledge.Status {
	t.Helper()
	as, err := st.Assignments(context.Background(), "淮公通〔2019〕395号")
	if err != nil {
		t.Fatal(err)
	}
	var mine []knowledge.Assignment
	for _, a := range as {
		if a.Task == n {
			mine = append(mine, a)
		}
	}
	if len(mine) == 0 {
		t.Fatalf("task %d has no assignments", n)
	}
	return knowledge.DeriveStatus(mine)
}

func auditLen(t *testing.T, st knowledge.Store) int {
	t.Helper()
	es, err := st.Audit(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(es)
}

func TestEngine_Handle_commandsRefusedToNonAdmins(t *testing.T) {
	e, st := newTestEngine(t)
	for _, text := range []string{"done 22", "完成 22 科技处", "reopen 22", "重开 22", "bind 法制支队 C0123", "绑定 科技处 <#C999|keji>"} {
		t.Run(text, func(t *testing.T) {
			before := auditLen(t, st)
			rep := send(t, e, "UNOBODY", text)
			if rep.Kind != "refused" || rep.Changed {
				t.Fatalf("kind=%s changed=%v, want a refusal: %s", rep.Kind, rep.Changed, rep.Text)
			}
			if !strings.Contains(rep.Text, "管理员") {
				t.Errorf("refusal does not say why: %s", rep.Text)
			}
			if got := auditLen(t, st); got != before {
				t.Errorf("audit grew from %d to %d: something changed", before, got)
			}
			if s := statusOf(t, st, 22); s != knowledge.StatusOpen {
				t.Errorf("task 22 is %s after a refused command", s)
			}
		})
	}
}

func TestEngine_Handle_doneByUnitThenWhole(t *testing.T) {
	e, st := newTestEngine(t)
	// task 22: 法制支队 leads; 科技处, 各行政执法警种, 各分县局 are responsible
	steps := []struct {
		text    string
		want    knowledge.Status
		changed bool
		says    string
	}{
		{"done 22 科技处", knowledge.StatusPartial, true, "部分完成"},
		{"完成 22 法治支队", knowledge.StatusPartial, true, "法制支队"},
		{"完成 22 科技处", knowledge.StatusPartial, false, "无需改动"},
		{"done 22 县分局", knowledge.StatusPartial, true, "各分县局"},
		{"done 22", knowledge.StatusDone, true, "已完成"},
		{"reopen 22 科技处", knowledge.StatusPartial, true, "部分完成"},
		{"重开 22", knowledge.StatusOpen, true, "未完成"},
		{"重开 22", knowledge.StatusOpen, false, "无需改动"},
	}
	for _, s := range steps {
		rep := send(t, e, admin, s.text)
		if rep.Changed != s.changed {
			t.Fatalf("%s: changed=%v, want %v: %s", s.text, rep.Changed, s.changed, rep.Text)
		}
		if got := statusOf(t, st, 22); got != s.want {
			t.Fatalf("%s: task 22 is %s, want %s", s.text, got, s.want)
		}
		if !strings.Contains(rep.Text, s.says) {
			t.Errorf("%s: reply %q does not say %q", s.text, rep.Text, s.says)
		}
	}
	entries, err := st.Audit(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	last := entries[len(entries)-1]
	if last.Actor.User != admin || last.Actor.Via != "console" || last.Task != 22 {
		t.Errorf("last audit entry %+v does not record the admin's reopen of task 22", last)
	}
}

func TestEngine_Handle_badCommandsChangeNothing(t *testing.T) {
	e, st := newTestEngine(t)
	cases := []struct{ text, says string }{
		{"done 99", "没有第99项"},
		{"完成 0", "没有第0项"},
		{"done 22 火星办", "找不到单位“火星办”"},
		{"done 22 人事处", "人事处在第22项中没有分工"},
		{"reopen 22", "无需改动"},
		{"reopen abc", "用法"},
		{"bind 法制支队", "用法"},
		{"bind 火星办 C0123", "找不到单位"},
		{"bind 法制支队 general", "不是 Slack 频道"},
		{"unit 火星办", "找不到单位"},
		{"iam 火星办", "找不到单位"},
		{"members 各分县局", "用法"},
		{"成员 法制支队 一大队", "不是统称单位"},
		{"成员 火星办 一大队", "找不到单位"},
		{"bind 法制支队 C0F", ""}, // sets the channel: the next line is the no-op
		{"bind 法制支队 C0F", "已经是这个设置"},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			before := auditLen(t, st)
			rep := send(t, e, admin, c.text)
			if c.says == "" {
				return // a step that prepares the next case
			}
			if rep.Changed || !strings.Contains(rep.Text, c.says) {
				t.Errorf("changed=%v text=%q, want no change and %q", rep.Changed, rep.Text, c.says)
			}
			if len(rep.Tasks) != 0 {
				t.Errorf("tasks=%v, want none", rep.Tasks)
			}
			if got := auditLen(t, st); got != before {
				t.Errorf("audit grew from %d to %d", before, got)
			}
		})
	}
}

func TestEngine_Handle_bindAndIam(t *testing.T) {
	e, st := newTestEngine(t)
	for _, text := range []string{"bind 法制支队 <#C0FAZHI|fazhi>", "绑定 科技处 C0KEJI"} {
		rep := send(t, e, admin, text)
		if !rep.Changed || !strings.Contains(rep.Text, "C0") {
			t.Fatalf("%s: %+v", text, rep)
		}
	}
	units, err := st.Units(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	bound := map[string]string{}
	for _, u := range units {
		bound[u.Name] = u.Channel
	}
	if bound["法制支队"] != "C0FAZHI" || bound["科技处"] != "C0KEJI" {
		t.Errorf("channels = %v", bound)
	}

	if rep := send(t, e, "UOFFICER", "我们单位的任务有哪些"); !strings.Contains(rep.Text, "我是") || len(rep.Tasks) != 0 {
		t.Errorf("before iam: %q %v", rep.Text, rep.Tasks)
	}
	if rep := send(t, e, "UOFFICER", "我是 人事处"); !rep.Changed {
		t.Fatalf("iam: %+v", rep)
	}
	rep := send(t, e, "UOFFICER", "我们单位的任务有哪些")
	if got := dedupe(rep.Tasks); len(got) != 3 || got[0] != 23 {
		t.Errorf("my tasks = %v, want [23 24 43] (人事处)", rep.Tasks)
	}
}

func TestEngine_Handle_members(t *testing.T) {
	e, st := newTestEngine(t)
	if rep := send(t, e, "UNOBODY", "成员 各分县局 寿县公安局"); rep.Changed || !strings.Contains(rep.Text, "管理员") {
		t.Fatalf("a non-admin set members: %+v", rep)
	}
	rep := send(t, e, admin, "成员 县分局 寿县公安局、潘集分局 凤台县公安局")
	if !rep.Changed || !strings.Contains(rep.Text, "3个") {
		t.Fatalf("members: %+v", rep)
	}
	// A new member is a unit at once: it can be bound and asked about.
	if rep := send(t, e, admin, "绑定 潘集分局 C0PANJI"); !rep.Changed {
		t.Fatalf("bind a new member unit: %+v", rep)
	}
	units, err := st.Units(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]knowledge.Unit{}
	for _, u := range units {
		got[u.Name] = u
	}
	if m := got["各分县局"].Members; strings.Join(m, "、") != "寿县公安局、潘集分局、凤台县公安局" {
		t.Errorf("members of 各分县局 = %v", m)
	}
	if got["潘集分局"].Channel != "C0PANJI" {
		t.Errorf("潘集分局 = %+v, want channel C0PANJI", got["潘集分局"])
	}

	// A member marks its own part of a task of its group: the task is
	// partial until every member (and every other unit) is done.
	if rep := send(t, e, admin, "done 3 潘集分局"); !rep.Changed {
		t.Fatalf("a member's done: %+v", rep)
	}
	as, err := st.Assignments(context.Background(), "淮公通〔2019〕395号")
	if err != nil {
		t.Fatal(err)
	}
	var task3 []knowledge.Assignment
	for _, a := range as {
		if a.Task == 3 {
			task3 = append(task3, a)
		}
	}
	if s := knowledge.DeriveStatus(task3); s != knowledge.StatusPartial {
		t.Errorf("task 3 is %s after one member's done, want partial", s)
	}
	if rep := send(t, e, admin, "done 3 人事处"); rep.Changed {
		t.Errorf("人事处 has no part in task 3 but was marked: %+v", rep)
	}
}

func TestEngine_Handle_readCommands(t *testing.T) {
	e, _ := newTestEngine(t)
	cases := []struct {
		text  string
		tasks []int
		says  string
	}{
		{"help", nil, "管理员命令"},
		{"帮助", nil, "完成 N"},
		{"task 22", []int{22}, "调阅监督"},
		{"任务 38", []int{38}, "法制支队"},
		{"unit 人事处", []int{23, 24, 43}, "作为责任单位"},
		{"单位 县分局", nil, "各分县局"},
		{"due", []int{25, 26, 27}, "未完成"},
		{"到期", []int{25, 26, 27}, ""},
		{"overdue", []int{1, 2, 5}, "已逾期"},
		{"逾期", []int{1, 2, 5}, ""},
		{"status", nil, "已完成0项"},
		{"进度 22", []int{22}, "科技处（责任）"},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			rep := send(t, e, "UNOBODY", c.text)
			if c.tasks != nil && fmtInts(dedupe(rep.Tasks)) != fmtInts(c.tasks) {
				t.Errorf("tasks=%v, want %v", rep.Tasks, c.tasks)
			}
			if !strings.Contains(rep.Text, c.says) {
				t.Errorf("text %q does not say %q", rep.Text, c.says)
			}
			if rep.Changed {
				t.Error("a read command changed state")
			}
		})
	}
}

func fmtInts(xs []int) string {
	var b strings.Builder
	for _, x := range xs {
		b.WriteString(itoa(x) + " ")
	}
	return b.String()
}
