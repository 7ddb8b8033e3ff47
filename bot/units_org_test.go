package bot

import (
	"strings"
	"testing"

	"dutybot/bot/textnorm"
)

func TestUnknownOrg(t *testing.T) {
	words := textnorm.MatchForm("全市各级公安机关要全面准确及时主动公开行政执法主体|法制支队|市局办公室|各分县局|公安局")
	holds := func(w string) bool { return strings.Contains(words, w) }
	for _, tc := range []struct{ rest, want string }{
		{"宣传处在这份任务表里负责哪几项", "宣传处"},
		{"交警支队在这个分解表里要干哪些活", "交警支队"},
		{"市司法局在这份通知里要负责哪些事", "市司法局"},
		{"网安支队要配合哪几项", "网安支队"},
		{"市检察院在这个分工表里负责哪项", "市检察院"},
		{"|在这份表里负责哪几项", ""},     // a unit of the notice, cut out by find
		{"管装备的那个处负责哪些", ""},     // described, not named
		{"这个局要干什么", ""},         // a demonstrative
		{"公安局在这份通知里要负责哪些事", ""}, // a word of the notice
		{"宣传处长是谁", ""},          // no question about duties
		{"执法信息公开要注意什么", ""},
	} {
		if got := unknownOrg(tc.rest, holds); got != tc.want {
			t.Errorf("unknownOrg(%q) = %q, want %q", tc.rest, got, tc.want)
		}
	}
}
