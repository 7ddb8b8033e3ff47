package bot

import (
	"strings"
	"testing"
)

// glossBanned are words a gloss phrase must not hold (measured in session 16:
// with them a gloss pass lost 38 questions about the notice). A gloss says
// what a task's term means in everyday words; a question word (谁, 哪, 几),
// a role word (负责, 牵头) or a word for the notice and its table (通知, 任务,
// 期限) in it matches how questions ask, not what they ask about, and pulls
// questions of every kind to the one task holding the term.
var glossBanned = []string{
	"谁", "哪", "几", "什么", "啥", "怎么", "多少",
	"负责", "牵头", "配合", "责任",
	"通知", "文件", "正文", "表", "任务", "期限", "时限", "时间", "节点", "截止", "到期", "日子",
}

// TestGlossHygiene checks every phrase of the lexicon's [glosses] against
// glossBanned, except a word the term itself holds (谁执法、谁公示 may be
// glossed 谁办案谁公开).
func TestGlossHygiene(t *testing.T) {
	if len(builtinLexicon.glosses) == 0 {
		t.Fatal("the lexicon has no [glosses]")
	}
	for _, g := range builtinLexicon.glosses {
		term := g[0]
		for _, phrase := range g[1:] {
			for _, w := range glossBanned {
				if strings.Contains(phrase, w) && !strings.Contains(term, w) {
					t.Errorf("[glosses] %s: phrase %q holds %q, a word of how questions ask", term, phrase, w)
				}
			}
		}
	}
}
