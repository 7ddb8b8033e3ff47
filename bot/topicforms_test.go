package bot

import "testing"

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
	}
	for _, tc := range cases {
		if got := readTopicForms(tc.in); got != tc.want {
			t.Errorf("readTopicForms(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
