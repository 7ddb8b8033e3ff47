package bot

import (
	"testing"

	"dutybot/bot/textnorm"
)

// TestMixedReader reads English work words inside a Chinese question as
// Chinese, and leaves English questions (a Chinese unit name in them
// included) and words the lexicon lacks as they are.
func TestMixedReader(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"这个task的deadline是啥", "这个任务的期限是啥"},
		{"政务窗口挂公示牌这件事，谁来lead？", "政务窗口挂公示牌这件事,谁来牵头?"},
		{"每年的执法数据annual summary，最晚啥时候要对外放出来", "每年的执法数据统计年报,最晚啥时候要对外放出来"},
		{"信息化建设那一块，有没有 hard deadline 的 task？", "信息化建设那一块,有没有 明确期限 的 任务?"},
		{"帮我check一下科技处的任务OK吗", "帮我check一下科技处的任务ok吗"},
		// a lone letter (q4, h2) is a code, not an English word that makes the question English
		{"Q3 要 finish 的有哪些", "q3 要 完成 的有哪些"},
		// English questions stay English, whatever Chinese names they hold
		{"Which tasks does 法制支队 lead?", "which tasks does 法制支队 lead?"},
		{"what is the deadline of task 7", "what is the deadline of task 7"},
	} {
		if got, want := builtinMixed.read(textnorm.Fold(tc.in)), textnorm.Fold(tc.want); got != want {
			t.Errorf("read(%q) = %q, want %q", tc.in, got, want)
		}
	}
}
