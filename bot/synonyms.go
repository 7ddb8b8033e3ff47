package bot

import (
	"sort"
	"strings"
)

// synonymGroups are words an officer says for what a notice writes, each
// group most formal first. They are data, not rules about one notice: a
// snapshot keeps only the replacements that help its own notices (see
// newSynonyms), so a notice that does write 结束 is matched on 结束.
var synonymGroups = [][]string{
	{"终结", "结束", "完结", "结束了"},
	{"日内", "天内", "天以内", "日以内"},
	{"形成相应案卷", "形成案卷", "立卷", "组卷", "装卷"},
	{"案卷", "卷宗"},
	{"公示", "公式"}, // homophone slips
	{"佩戴", "佩带", "配戴"},
	{"应当", "应该"},
	{"不公开", "没公开", "未公开", "没有公开"},
	{"不准确", "不对", "有错", "错了", "不正确"},
	{"更正", "改正", "纠错"},
	{"撤下", "撤掉", "撤回", "删掉"},
	{"隐匿", "隐藏", "遮挡", "打码"},
	{"人员", "人手"},
	{"民警", "警察", "干警"},
	{"警官证", "警察证", "警官证件"},
	{"出示", "亮证", "亮明"},
	{"网上", "线上"},
	{"移动客户端", "手机", "app"},
	{"电子邮件", "邮件", "邮箱", "email"},
	{"工资", "薪酬", "薪水", "待遇"},
	{"抚恤", "抚恤金"},
	{"协调机制", "协调办法"},
	{"录音录像", "录像录音", "摄像"},
	{"培训", "训练", "轮训"},
	{"比例", "占比", "百分比"},
}

// newSynonyms builds the question-side replacements for a corpus (the
// notices' text in match form): a word the corpus never uses becomes the
// first word of its group that the corpus does use. Words the corpus uses
// stay as they are, so a replacement never hides a real match.
func newSynonyms(corpus string) *strings.Replacer {
	type pair struct{ from, to string }
	var pairs []pair
	for _, g := range synonymGroups {
		to := ""
		for _, w := range g {
			if strings.Contains(corpus, matchForm(w)) {
				to = matchForm(w)
				break
			}
		}
		if to == "" {
			continue
		}
		for _, w := range g {
			if f := matchForm(w); f != to && !strings.Contains(corpus, f) {
				pairs = append(pairs, pair{f, to})
			}
		}
	}
	// strings.Replacer tries its pairs in order at each position: longest first
	sort.SliceStable(pairs, func(i, j int) bool { return len(pairs[i].from) > len(pairs[j].from) })
	var args []string
	for _, p := range pairs {
		args = append(args, p.from, p.to)
	}
	return strings.NewReplacer(args...)
}
