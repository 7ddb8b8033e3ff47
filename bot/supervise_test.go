package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"dutybot/knowledge"
	"dutybot/store"
)

func TestSupervise_messagesExistInEveryLanguage(t *testing.T) {
	e, _ := newTestEngine(t)
	for _, lang := range []string{"zh-CN", "en"} {
		for _, id := range superviseMessageIDs {
			if !e.bundle.Has(lang, id) {
				t.Errorf("%s: message %s is missing", lang, id)
			}
		}
	}
}

// say sends text as user on 2019-09-20 and returns the reply.
func say(t *testing.T, e *Engine, user, lang, text string) Reply {
	t.Helper()
	rep := e.Handle(context.Background(), Message{User: user, Text: text, Lang: lang, Via: "slack", Now: day(t, "2019-09-20")})
	if strings.Contains(rep.Text, "<no value>") {
		t.Errorf("%s %q: %q", user, text, rep.Text)
	}
	return rep
}

func auditOf(t *testing.T, st *store.DB) []string {
	t.Helper()
	es, err := st.Audit(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, fmt.Sprintf("%s %s %d %s %s→%s", e.Actor.User, e.Action, e.Task, e.Unit, e.Before, e.After))
	}
	return out
}

// TestSupervise_loop runs the whole loop in chat, in Chinese and in English:
// liaisons named, sign, progress, problem, claim, reject with a reason,
// claim again, approve; each step's reply, notifications and audit entry.
func TestSupervise_loop(t *testing.T) {
	for _, c := range []struct {
		lang                                                            string
		liaison, ack, progress, problem, claim, reject, claim2, approve string
		signed, rejected                                                string
	}{
		{"zh-CN", "联络员 科技处 <@U0KJ|keji> U0OTHER", "签收 22", "进展 22 已起草存储规范", "问题 22 存储设备经费未落实",
			"申请办结 22 规范已印发", "退回 22 科技处 未附印发文件", "申请办结 22 科技处 已补充印发文件", "同意 22 科技处",
			"科技处已签收第22项", "理由：未附印发文件"},
		{"en", "liaison 科技处 <@U0KJ> U0OTHER", "ack 22", "progress 22 draft of the storage rules done", "problem 22 no budget for storage",
			"claim 22 rules issued", "reject 22 科技处 the issued document is missing", "claim 22 科技处 document added", "approve 22 科技处",
			"科技处 has signed for task 22", "reason: the issued document is missing"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			e, st := newTestEngine(t)
			start := len(auditOf(t, st))
			steps := []struct{ user, text, want string }{
				{admin, c.liaison, "<@U0KJ>、<@U0OTHER>"},
				{admin, strings.Fields(c.liaison)[0] + " 法制支队 U0FZ", "<@U0FZ>"},
				{admin, strings.Fields(c.liaison)[0] + " 科技处 -U0OTHER", "<@U0KJ>"},
				{"U0KJ", c.ack, c.signed},
				{"U0KJ", c.progress, "22"},
				{"U0KJ", c.problem, "22"},
				{"U0KJ", c.claim, "22"},
				{"U0FZ", c.reject, c.rejected},
				{"U0KJ", c.claim2, "22"},
				{"U0FZ", c.approve, "22"},
			}
			var replies []Reply
			for _, s := range steps {
				rep := say(t, e, s.user, c.lang, s.text)
				if !rep.Changed || !strings.Contains(rep.Text, s.want) {
					t.Errorf("%s %q: changed=%t %q, want %q", s.user, s.text, rep.Changed, rep.Text, s.want)
				}
				replies = append(replies, rep)
			}
			if n := replies[5].Notify; len(n) != 1 || !slices.Equal(n[0].Units, []string{"法制支队"}) || !n[0].Admins || !strings.Contains(n[0].Text, "no budget") && !strings.Contains(n[0].Text, "经费") {
				t.Errorf("problem notifies %+v, want the lead unit and the administrators", n)
			}
			if n := replies[7].Notify; len(n) != 1 || !slices.Equal(n[0].Units, []string{"科技处"}) || !strings.Contains(n[0].Text, strings.Fields(c.reject)[3]) {
				t.Errorf("reject notifies %+v, want 科技处 with the reason", n)
			}
			got := auditOf(t, st)[start:]
			want := []string{
				"UADMIN liaison.add 0 科技处 →U0KJ", "UADMIN liaison.add 0 科技处 →U0OTHER",
				"UADMIN liaison.add 0 法制支队 →U0FZ", "UADMIN liaison.remove 0 科技处 U0OTHER→",
				"U0KJ part.sign 22 科技处 open→signed",
				"U0KJ part.progress 22 科技处 →" + strings.SplitN(c.progress, " ", 3)[2],
				"U0KJ part.problem 22 科技处 →" + strings.SplitN(c.problem, " ", 3)[2],
				"U0KJ part.claim 22 科技处 signed→in_review: " + strings.SplitN(c.claim, " ", 3)[2],
				"U0FZ part.reject 22 科技处 in_review→open: " + strings.SplitN(c.reject, " ", 4)[3],
				"U0KJ part.claim 22 科技处 open→in_review: " + strings.SplitN(c.claim2, " ", 4)[3],
				"U0FZ part.approve 22 科技处 in_review→done",
			}
			if !slices.Equal(got, want) {
				t.Errorf("audit:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			// The task is partly done: 科技处's part only.
			if rep := say(t, e, "U0KJ", c.lang, "status 22"); !strings.Contains(rep.Text, map[string]string{"zh-CN": "已办结", "en": "done"}[c.lang]) {
				t.Errorf("status 22 after approval: %q", rep.Text)
			}
			if seq, err := st.VerifyAudit(context.Background()); seq != 0 || err != nil {
				t.Errorf("VerifyAudit = %d, %v", seq, err)
			}
		})
	}
}

// TestSupervise_refusals: each refusal says why and changes nothing, the
// audit log included.
func TestSupervise_refusals(t *testing.T) {
	e, st := newTestEngine(t)
	for _, m := range []struct{ user, text string }{
		{admin, "联络员 科技处 U0KJ"}, {admin, "联络员 法制支队 U0FZ"}, {admin, "联络员 各分县局 U0FZ"},
		{admin, "联络员 市局行政审批处 U0SP"},
		{"U0KJ", "签收 22"}, {"U0FZ", "申请办结 22 法制支队"}, {admin, "完成 5"},
	} {
		if rep := say(t, e, m.user, "zh-CN", m.text); !rep.Changed {
			t.Fatalf("set-up %q: %q", m.text, rep.Text)
		}
	}
	say(t, e, "U0BYSTANDER", "zh-CN", "我是 科技处") // iam grants nothing
	for _, c := range []struct{ user, text, want string }{
		{"U0KJ", "联络员 科技处 U0KJ2", "只有管理员可以指定或撤销联络员"},
		{admin, "联络员 科技处 U0KJ", "没有变化"},
		{admin, "联络员 科技处 张三", "不是 Slack 用户"},
		{admin, "联络员 火星办 U0X", "火星办"},
		{"U0BYSTANDER", "签收 22", "不是第22项任何承担单位的联络员"},
		{"U0BYSTANDER", "签收 22 科技处", "您不是科技处的联络员"},
		{"U0KJ", "签收 22 法制支队", "您不是法制支队的联络员"},
		{"U0KJ", "签收 22 人事处", "人事处"},
		{"U0KJ", "签收 22", "已签收第22项"},
		{"U0KJ", "签收 1", "不是第1项任何承担单位的联络员"},
		{"U0KJ", "签收 99", "99"},
		{"U0FZ", "签收 22", "请写明单位"},
		{"U0KJ", "进展 22", "进展 N [单位] 内容"},
		{"U0FZ", "申请办结 22 法制支队", "已在审核中"},
		{"U0KJ", "同意 22 科技处", "只有第22项牵头单位（法制支队）的联络员和管理员可以审核"},
		{"U0FZ", "同意 22 科技处", "没有申请办结（当前：已签收）"},
		{"U0FZ", "同意 22 法制支队", "牵头单位不审核自己的部分"},
		{"U0FZ", "同意 22 各分县局", "牵头单位不审核自己的部分"},
		{admin, "退回 22 法制支队", "退回需要写明理由"},
		{admin, "同意 5 市局行政审批处", "已经办结"},
		{"U0SP", "进展 5 还在做", "已经办结"},
		{"U0SP", "签收 5", "已经办结"},
		{"U0SP", "申请办结 5 已完成", "已经办结"},
		{admin, "退回 5 市局行政审批处 没有照片", "已经办结"},
		{"U0KJ", "申请办结 22 法制支队", "您不是法制支队的联络员"},
		{"U0KJ", "台账", "台账只对管理员开放"},
		{"U0KJ", "ack 22", "already signed"},
	} {
		before := len(auditOf(t, st))
		lang := "zh-CN"
		if c.text == "ack 22" {
			lang = "en"
		}
		rep := say(t, e, c.user, lang, c.text)
		if rep.Changed || !strings.Contains(rep.Text, c.want) {
			t.Errorf("%s %q: changed=%t %q, want %q", c.user, c.text, rep.Changed, rep.Text, c.want)
		}
		if c.user != "U0KJ" || c.text != "台账" { // reading the ledger changes nothing anyway
			if !strings.Contains(rep.Text, "未做任何改动") && !strings.Contains(rep.Text, "nothing was changed") {
				t.Errorf("%q does not say that nothing changed: %q", c.text, rep.Text)
			}
		}
		if after := len(auditOf(t, st)); after != before {
			t.Errorf("%s %q: audit grew by %d", c.user, c.text, after-before)
		}
	}
}

// TestSupervise_questionsStayQuestions: the loop's words at the start of a
// question do not turn it into a command.
func TestSupervise_questionsStayQuestions(t *testing.T) {
	e, _ := newTestEngine(t)
	for _, q := range []string{"问题 反映给谁", "进展 怎么样"} {
		rep := say(t, e, "U0X", "zh-CN", q)
		if rep.Kind == "refused" || rep.Changed || strings.Contains(rep.Text, "用法") {
			t.Errorf("%q read as a command: %q", q, rep.Text)
		}
	}
}

// TestSupervise_ledger: an administrator's summary counts parts by state and light.
func TestSupervise_ledger(t *testing.T) {
	e, st := newTestEngine(t)
	say(t, e, admin, "zh-CN", "完成 5")
	if err := st.ClaimPart(context.Background(), knowledge.TaskRef{Notice: "淮公通〔2019〕395号", Number: 22}, "科技处", "", knowledge.Actor{User: admin, Via: "cli"}); err != nil {
		t.Fatal(err)
	}
	rep := say(t, e, admin, "zh-CN", "台账")
	for _, want := range []string{"淮公通〔2019〕395号", "截至2019-09-20", "待审核1", "待审核：22 科技处", "红灯："} {
		if !strings.Contains(rep.Text, want) {
			t.Errorf("ledger summary lacks %q:\n%s", want, rep.Text)
		}
	}
}
