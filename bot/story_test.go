package bot

import (
	"strings"
	"testing"
	"time"

	"dutybot/bot/textnorm"
	"dutybot/knowledge"
)

func TestStoryClauses(t *testing.T) {
	for _, tc := range []struct {
		q     string
		story []string // the clauses read as story, in order
	}{
		{"有个案子上个月就结了，视频和笔录还散在民警手里，督察来检查时点名批评了我们，我想问问规定多少天内要归档？",
			[]string{"有个案子上个月就结了,", "督察来检查时点名批评了我们,"}},
		{"我十月中旬要去省里学习半个月，走之前得把十月份该交的东西安排好，麻烦看下十月份截止的有哪几项？",
			[]string{"我十月中旬要去省里学习半个月,"}},
		// restrictions before the question are no story: no actor, no past
		{"9月底前要交的，法制支队牵头的有哪些？", nil},
		// a question alone, or one that asks in its first clause
		{"我们单位有哪些任务？", nil},
		{"我们单位有哪些任务，9月底前的", nil},
	} {
		parts, story := storyClauses(textnorm.Fold(tc.q))
		var got []string
		for i, p := range parts {
			if story[i] {
				got = append(got, p)
			}
		}
		want := make([]string, len(tc.story))
		for i, s := range tc.story {
			want[i] = textnorm.Fold(s)
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("storyClauses(%q): story %q, want %q", tc.q, got, want)
		}
	}
}

// The story's times and "we" add no filters; the asking part's do.
func TestParse_story(t *testing.T) {
	e, _ := newTestEngine(t)
	snap := e.snap.Load()
	for _, tc := range []struct {
		q          string
		when, mine bool
	}{
		{"上礼拜我们所给一个小伙子下了罚款的决定，他家里人问啥时候能在网上看到，文件规定几个工作日内要挂出来？", false, false},
		{"我十月中旬要去省里学习，走之前得把东西安排好，麻烦看下十月份截止的有哪几项？", true, false},
		{"我们单位9月底前要交的有哪些？", true, true},
		// a remark after the question is no filter either
		{"上一年度的统计数据每年卡在哪一天之前公开？我们打算明年初按这个时间点去核查。", false, false},
	} {
		c := clock{today: knowledge.NewDate(2019, 9, 20), yearOf: func(time.Month) int { return 2019 }}
		q := parse(snap.slips.Replace(textnorm.Fold(tc.q)), snap, c)
		if (q.when != nil) != tc.when || q.mine != tc.mine {
			t.Errorf("parse(%q): window %v, mine %v; want window %v, mine %v", tc.q, q.when, q.mine, tc.when, tc.mine)
		}
	}
}

func TestWithoutPurposeAndAskingClause(t *testing.T) {
	for _, tc := range []struct{ q, purposeless, asking string }{
		{"为便于在所务会上准确传达、规范引用，请问这份通知的正式文号是多少？", "请问这份通知的正式文号是多少?", "请问这份通知的正式文号是多少?"},
		{"省公安厅关于三项制度的那份通知，文号是多少？", "省公安厅关于三项制度的那份通知,文号是多少?", "文号是多少?"},
		// a purpose clause that asks is the question
		{"为什么要发这个通知？", "为什么要发这个通知?", "为什么要发这个通知?"},
		{"主送单位", "主送单位", "主送单位"},
	} {
		if got := withoutPurpose(textnorm.Fold(tc.q)); got != textnorm.Fold(tc.purposeless) {
			t.Errorf("withoutPurpose(%q) = %q, want %q", tc.q, got, textnorm.Fold(tc.purposeless))
		}
		if got := askingClause(textnorm.Fold(tc.q)); got != textnorm.Fold(tc.asking) {
			t.Errorf("askingClause(%q) = %q, want %q", tc.q, got, textnorm.Fold(tc.asking))
		}
	}
}

func TestWithoutCourtesy(t *testing.T) {
	for in, want := range map[string]string{
		"王科长好，打扰一下。咱们挂出去的公开内容要跟着调吗？":   "咱们挂出去的公开内容要跟着调吗?",
		"李支队好！表里有几项是法制支队自己牵头的？":        "表里有几项是法制支队自己牵头的?",
		"各位领导好，想问问哪几项跟分县局不沾边？":         "想问问哪几项跟分县局不沾边?",
		"老周好，好久不见，身体可好？审批处牵了几项头？":      "审批处牵了几项头?",
		"表里有哪些任务是不需要各个警种参与的？麻烦列出来。谢谢！": "表里有哪些任务是不需要各个警种参与的?麻烦列出来",
		// a written request's close: the writer's proposal and the asking for assent
		"科信部门与警保部门同时有份参与的条目为何？拟请两部门协同对接，妥否。": "科信部门与警保部门同时有份参与的任务是什么",
		"该文件系何机关于何日印发？拟登记收文，请告。":             "该文件系何机关于何日印发",
		"是否须主动亮明何种证件？特此请示。":                  "是否须主动亮明何种证件",
		// no greeting: the question stays whole
		"法制支队牵头的任务有哪些？": "法制支队牵头的任务有哪些?",
		"好": "好",
	} {
		if got := withoutCourtesy(textnorm.Fold(in)); got != textnorm.Fold(want) {
			t.Errorf("withoutCourtesy(%q) = %q, want %q", in, got, textnorm.Fold(want))
		}
	}
}

func TestWithoutDoubt(t *testing.T) {
	for in, want := range map[string]string{
		"服务指南那条，牵头的是办公室吧？不对，我记得好像是别家": "服务指南那条,牵头的是办公室吧?",
		"音像记录那条是法制支队牵头吗？我记不清了":        "音像记录那条是法制支队牵头吗?",
		"是科技处牵头吧，我也不确定":               "是科技处牵头吧",
		// no guess taken back: the question stays whole
		"牵头的是办公室吧？": "牵头的是办公室吧?",
		"不对的地方怎么改？": "不对的地方怎么改?",
	} {
		if got := withoutDoubt(textnorm.Fold(in)); got != textnorm.Fold(want) {
			t.Errorf("withoutDoubt(%q) = %q, want %q", in, got, textnorm.Fold(want))
		}
	}
}
