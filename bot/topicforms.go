package bot

import "regexp"

// topicForms are everyday constructions for what a notice writes as one term,
// read as that term before the synonyms (a word list cannot hold them: the
// words come in any order with anything between). Each is a kind of saying,
// not a sentence: 被人改了或者删了, 偷偷给删了改了, 怕人删了又改 all say 防删改.
var topicForms = []struct {
	re *regexp.Regexp
	to string
}{
	// tampering: deleting and altering named together, by someone else or in secret
	// the first to answer for it: 头一个要担的, 第一个负责的, 头号背锅的
	{regexp.MustCompile(`(头一个|头1个|第一个|第1个|头号|头一号|头1号|首要)(要|该|得|需要)?(担责|担|负责|负|承担|背锅|兜底|扛)`), "第一责任人"},
	// the qualification exam in everyday words: 考啥证才能办案, 考个执法的证, 持证级别
	{regexp.MustCompile(`考(个|啥|什么|哪种|哪个|哪一种)?(执法)?(的)?(证|资格)|持证(级别|等级)?`), "执法资格等级考试"},
	// whose job publishing is: 公示到底由谁负责, 公开这块归谁管
	{regexp.MustCompile(`(公开|公示|挂网)(这块|这事|这一块|的事)?(到底)?(是)?(由|归)?(谁|哪个|哪家)(来)?(负责|管|来管|担)`), "公开主体责任"},
	{regexp.MustCompile(`防?(被人|让人|被|偷偷|私自|随意|随便|怕人|怕)\p{Han}{0,2}?(删|改)(了|掉|除)?(或者|或是|或|和|、|跟|还是|又|再)?(被人|给)?(删|改)(了|掉|除)?`), "防删改"},
}

// readTopicForms rewrites the constructions of topicForms in text.
func readTopicForms(text string) string {
	for _, f := range topicForms {
		text = f.re.ReplaceAllStringFunc(text, func(m string) string {
			sm := f.re.FindStringSubmatch(m)
			if f.to == "防删改" && sm[2] == sm[6] {
				return m // 被人改了又改: one act, not tampering
			}
			return f.to
		})
	}
	return text
}
