package bot

import (
	"strings"
	"testing"
)

func TestReadTopicForms(t *testing.T) {
	cases := []struct{ in, want string }{
		{"我担心被人改了或者删了", "我担心防删改"},
		{"怕被人改了删了", "防删改"},
		{"偷偷给删了改了", "防删改"},
		{"怀疑民警事后把录像剪过", "怀疑民警事后把录像剪过"},
		{"能不能防止被人改动", "能不能防删改"},
		{"防被人删改", "防删改"},
		// one act, or no one else's hand: no tampering
		{"被人改了又改", "被人改了又改"},
		{"信息不准确的要及时更正", "信息不准确的要及时更正"},
		{"出了问题最后谁是头一个要担的", "出了问题最后谁是第1责任人的"},
		{"警察自己要考啥证才能办案", "警察自己要执法资格等级考试才能办案"},
		{"公示到底由谁负责", "公开主体责任"},
		{"他得先给我看啥证件", "他得先出示警官证"},
		{"能不能顶替纸面的笔录", "能不能替代书面记录"},
		{"签字、按手印，现在能不能在电脑上直接弄", "电子签名电子指纹上直接弄"},
		{"让电脑自个儿把要公开的信息弄出来", "让电脑自动生成公开信息"},
		{"按上班日算几天", "按工作日算几天"},
	}
	// every form's term, as the notice's tasks hold them
	var corpus strings.Builder
	for _, f := range topicForms {
		corpus.WriteString(f.to + "|")
	}
	for _, tc := range cases {
		if got := readTopicForms(tc.in, corpus.String()); got != tc.want {
			t.Errorf("readTopicForms(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// a notice that never writes the term keeps the words as asked
	if got := readTopicForms("怕被人改了删了", "公开|工作日"); got != "怕被人改了删了" {
		t.Errorf("readTopicForms without 防删改 in the corpus = %q, want the words as asked", got)
	}
}
