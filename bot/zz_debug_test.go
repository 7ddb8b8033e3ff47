package bot

import (
	"fmt"
	"testing"
)

func TestZZDebug(t *testing.T) {
	e, _ := newTestEngine(t)
	snap := e.snap.Load()
	for _, s := range []string{"一般的执法决定做出来以后，最晚几个工作日内要对外公布？","执法信息谁来负责公示，按什么原则定的？","哪些场景必须录，咱市局自己定吗？","敏感的大案子，审核从哪一步就得介入？","公开内容多久调一次、根据什么调？跟哪些改革挂钩？","处罚结果网上公示那一块，是哪俩部门一起挑头？","我们民警路面上查人查车 要不要先亮证件 咋规定的","要公示的决定书里有身份证号、还有点涉密的内容，挂出去之前得怎么弄？","执法装备到底按什么来配？配装备的钱从哪个口子解决？"} {
		q := parse(snap.slips.Replace(fold(s)), snap.units, snap.syn, clock{})
		for i, seg := range q.rest {
			q.rest[i] = snap.thes.Rewrite(seg)
		}
		r := &request{snap: snap}
		hits := snap.idx.search(r.topicTerms(q), isTask)
		top := ""
		if len(hits) > 0 {
			top = fmt.Sprintf("task %d matched %.1f cov %.2f", snap.idx.docs[hits[0].doc].task.Number, hits[0].matched, hits[0].coverage)
		}
		for _, h := range hits[:min(5, len(hits))] {
			t.Logf("   task %d score %.2f matched %.1f", snap.idx.docs[h.doc].task.Number, h.score, h.matched)
		}
		tt := r.topicTerms(q)
		t.Logf("   grams %v idf %v", tt.grams, tt.idf)
		t.Logf("%q -> rest=%q mine=%v list=%v ask=%d status=%d | %s", s, q.rest, q.mine, q.list, q.ask, q.status, top)
	}
}
