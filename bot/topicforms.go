package bot

import (
	"regexp"
	"strings"

	"dutybot/bot/textnorm"
)

// topicForms are everyday constructions for what a notice writes as one term,
// read as that term before the synonyms (a word list cannot hold them: the
// words come in any order with anything between). Each is a kind of saying,
// not a sentence: 被人改了或者删了, 偷偷给删了改了, 怕人删了又改 all say 防删改.
var topicForms = []struct {
	re *regexp.Regexp
	to string
	// pair is set when the form names two acts (groups 2 and 6) that must
	// differ: 被人改了又改 is one act, no tampering
	pair bool
}{
	// showing one's ID: 先给我看啥证件, 拿出啥证给人看, 连证都没掏
	{regexp.MustCompile(`(给|让)(我|我们|人|人家|对方|群众|当事人)?(先)?看(啥|什么|哪种|个)?(证件|证)|(掏|拿出|亮出|亮)(了)?(个|啥|什么|哪种)?(证件|证)(给人看|给我看|出来)?|证都没掏`), "出示警官证", false},
	// a video standing in for the written record: 顶替纸面的笔录, 能不能顶书面的记录
	{regexp.MustCompile(`(顶替|顶掉|顶|代替|替代|取代|替掉)(掉)?(纸面上的|纸面的|纸质的|纸上的|手写的|书面的|纸面|纸质|手写|书面)?(的)?(笔录|记录|材料)`), "替代书面记录", false},
	// signing and fingerprinting on a screen: 签字、按手印…在电脑上, 用电子手段代替
	{regexp.MustCompile(`(签字|签名|手印|指纹)[^?？。]{0,12}(电脑|电子|网上|平板|屏幕|线上)|(电脑|电子|网上|平板|屏幕|线上)[^?？。]{0,6}(签字|签名|按手印|摁手印|按指纹)`), "电子签名电子指纹", false},
	// the system producing what is published by itself: 让电脑自个儿把要公开的信息弄出来
	{regexp.MustCompile(`(自个儿|自己|自动|自行)(就)?(把)?[^?？。,，]{0,8}(弄出来|产出|生成|吐出来|出来|导出来)`), "自动生成公开信息", false},
	// working days said as days at work: 按上班日算, 上班的日子
	{regexp.MustCompile(`上班日|上班的日子|上班天|工作天`), "工作日", false},
	// tampering by someone's hand: 被人剪过, 防止被人改动, 偷偷动了手脚
	{regexp.MustCompile(`(被人|让人|防止被人|防止人|偷偷|私自|事后)(给)?(剪过|剪辑|剪掉|剪了|剪接|改动|篡改|动过手脚|动了手脚|做手脚|动手脚)`), "防删改", false},
	// the first to answer for it: 头一个要担的, 第一个负责的, 头号背锅的
	{regexp.MustCompile(`(头一个|头1个|第一个|第1个|头号|头一号|头1号|首要)(要|该|得|需要)?(担责|担|负责|负|承担|背锅|兜底|扛)`), textnorm.Fold("第一责任人"), false}, // in match form, as the notices are read (第1责任人)
	// the qualification exam in everyday words: 考啥证才能办案, 考个执法的证, 持证级别
	{regexp.MustCompile(`考(个|啥|什么|哪种|哪个|哪一种)?(执法)?(的)?(证|资格)|持证(级别|等级)?`), "执法资格等级考试", false},
	// whose job publishing is: 公示到底由谁负责, 公开这块归谁管
	{regexp.MustCompile(`(公开|公示|挂网)(这块|这事|这一块|的事)?(到底)?(是)?(由|归)?(谁|哪个|哪家)(来)?(负责|管|来管|担)|(由|归)(谁|哪个|哪家)(来)?(负责|管)(对外)?(公开|公示)`), "公开主体责任", false},
	// tampering: deleting and altering named together, by someone else or in secret
	{regexp.MustCompile(`防?(被人|让人|被|偷偷|私自|随意|随便|怕人|怕)\p{Han}{0,2}?(删|改)(了|掉|除)?(或者|或是|或|和|、|跟|还是|又|再)?(被人|给)?(删|改)(了|掉|除)?`), "防删改", true},
}

// readTopicForms rewrites the constructions of topicForms in text, each only
// where corpus (the notices' tasks in match form) holds its term: in a notice
// that never writes 防删改, 被人改了删了 stays as asked, like a synonym
// whose group the notice does not use.
func readTopicForms(text, corpus string) string {
	for _, f := range topicForms {
		if !strings.Contains(corpus, f.to) {
			continue
		}
		text = f.re.ReplaceAllStringFunc(text, func(m string) string {
			sm := f.re.FindStringSubmatch(m)
			if f.pair && sm[2] == sm[6] {
				return m // 被人改了又改: one act, not tampering
			}
			return f.to
		})
	}
	return text
}
