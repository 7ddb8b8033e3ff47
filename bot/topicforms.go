package bot

import (
	"regexp"

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
	// tampering by someone's hand: 被人剪过, 防止被人改动, 偷偷动了手脚
	{regexp.MustCompile(`(被人|让人|防止被人|防止人|偷偷|私自|事后)(给)?(剪过|剪辑|剪掉|剪了|剪接|改动|篡改|动过手脚|动了手脚|做手脚|动手脚)`), "防删改", false},
	// tampering: deleting and altering named together, by someone else or in secret
	// the first to answer for it: 头一个要担的, 第一个负责的, 头号背锅的
	{regexp.MustCompile(`(头一个|头1个|第一个|第1个|头号|头一号|头1号|首要)(要|该|得|需要)?(担责|担|负责|负|承担|背锅|兜底|扛)`), textnorm.Fold("第一责任人"), false}, // in match form, as the notices are read (第1责任人)
	// the qualification exam in everyday words: 考啥证才能办案, 考个执法的证, 持证级别
	{regexp.MustCompile(`考(个|啥|什么|哪种|哪个|哪一种)?(执法)?(的)?(证|资格)|持证(级别|等级)?`), "执法资格等级考试", false},
	// whose job publishing is: 公示到底由谁负责, 公开这块归谁管
	{regexp.MustCompile(`(公开|公示|挂网)(这块|这事|这一块|的事)?(到底)?(是)?(由|归)?(谁|哪个|哪家)(来)?(负责|管|来管|担)|(由|归)(谁|哪个|哪家)(来)?(负责|管)(对外)?(公开|公示)`), "公开主体责任", false},
	{regexp.MustCompile(`防?(被人|让人|被|偷偷|私自|随意|随便|怕人|怕)\p{Han}{0,2}?(删|改)(了|掉|除)?(或者|或是|或|和|、|跟|还是|又|再)?(被人|给)?(删|改)(了|掉|除)?`), "防删改", true},
}

// readTopicForms rewrites the constructions of topicForms in text.
func readTopicForms(text string) string {
	for _, f := range topicForms {
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
