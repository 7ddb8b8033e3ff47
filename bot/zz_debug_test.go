package bot

import (
	"fmt"
	"testing"
)

func TestZZDebug(t *testing.T) {
	e, _ := newTestEngine(t)
	snap := e.snap.Load()
	for _, s := range []string{"存执法视频有啥讲究没，万一有人偷偷删改咋防？", "审核内容照省里审核规定的第几条执行？", "哪个单位工作不力出了问题，文件说怎么处理", "现在是不是所有案子都必须在网上走？什么情况可以不走系统？", "领导说以后要随时能调看我们的执法记录，这是哪条规定的？"} {
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
