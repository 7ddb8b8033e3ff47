package bot

import (
	"strings"
	"testing"
)

func TestTopicForms_Read(t *testing.T) {
	cases := []struct{ in, want string }{
		{"我担心被人改了或者删了", "我担心防删改"},
		{"怕被人改了删了", "防删改"},
		{"偷偷给删了改了", "防删改"},
		{"怀疑民警事后把录像剪过", "怀疑民警事后把录像剪过"},
		{"能不能防止被人改动", "能不能防删改"},
		{"防被人删改", "防删改"},
		// one act, or no one else's hand: no tampering
		{"被人改了又改", "被人改了又改"},
		{"被人删了又删", "被人删了又删"},
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
	for _, f := range builtinLexicon.forms {
		corpus.WriteString(f.term + "|")
	}
	forms := formsIn(builtinLexicon.forms, corpus.String())
	for _, tc := range cases {
		if got := forms.read(tc.in); got != tc.want {
			t.Errorf("read(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// a notice that never writes the term keeps the words as asked
	if got := formsIn(builtinLexicon.forms, "公开|工作日").read("怕被人改了删了"); got != "怕被人改了删了" {
		t.Errorf("read without 防删改 in the corpus = %q, want the words as asked", got)
	}
}

func TestParseForm_Errors(t *testing.T) {
	for _, line := range []string{
		"防删改",        // no pattern
		"防删改 (被人|删",  // does not compile
		"工作日 (上班日)?", // matches the empty question: it would rewrite everything
	} {
		if _, err := parseForm(line); err == nil {
			t.Errorf("parseForm(%q): no error", line)
		}
	}
	if _, err := parseLexicon("[forms]\n防删改 (被人|删\n"); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("parseLexicon with a broken form: err = %v, want one naming line 2", err)
	}
}
