package bot

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A question often tells what happened before it asks (上礼拜我们所给一个小伙
// 子下了罚款决定，他家里人天天问，啥时候能在网上看到？). The story's times and
// its "we" are narrative: 上礼拜 is no window of deadlines, 我们所 does not ask
// for the asker's unit's tasks. Its other words stay: they may name the topic.

// reAsking marks a sentence that asks or requests something: a question
// word, a question mark, or a request to list, tell or show.
var reAsking = regexp.MustCompile(`[?？吗呢哪几谁啥]|什么|多少|怎么|如何|是否|是不是|有没有|能不能|要不要|对不对|对吧|列|告诉|说说|讲讲|说一下|讲一下|给我|帮我|查一下|看看|(?i)\b(what|which|who|whom|when|where|why|how|does|do|is|are|can|could|should|list|show|tell|give)\b`)

// reNotAsking are words with a question character that ask nothing (好几次,
// 几十户, 又给我们压了任务).
var reNotAsking = regexp.MustCompile(`好几|几乎|十几|几十|几百|几千|没几|给我们|给咱们`)

// asks reports whether clause p asks or requests something.
func asks(p string) bool {
	p = reNotAsking.ReplaceAllString(p, "")
	// 我要点名批评几个拖拉的。: a statement counts, it asks nothing
	if reStatementEnd.MatchString(p) {
		p = strings.ReplaceAll(p, "几", "")
	}
	return reAsking.MatchString(p)
}

// reStatementEnd ends a clause that states (。！), not one that asks.
var reStatementEnd = regexp.MustCompile(`[。!！]\s*$`)

// reRemark is how a remark on the asker's purpose after a question starts
// (我们打算…, 这跟我们…相关, 以便…): a clarification after a question (还是得随时
// 跟着变, （牵头和责任两栏都有…）, 怕被人删改) is part of the question.
var reRemark = regexp.MustCompile(`^[\s,，.。;；:：!！]*(我们|我|咱们|咱|这跟|这和|这与|以便|便于|方便|好让|准备|打算|不然|否则|要不然|免得|省得|超时|超期|逾期|过期|超了|晚了|没做到|做不到|达不到)`)

// reLookingInto is the asker saying what they will check with the answer
// (我们查档案想看看有没有超期未归档的): a remark, though it says 看看 and 有没有.
var reLookingInto = regexp.MustCompile(`^[\s,，.。;；:：!！]*(我们|我|咱们|咱)[^,，。?？]{0,8}(想|要|准备|打算|好)(看看|查查|核对|核查|核实|检查|确认|审查|评估|对照|对一下|摸底|统计|登记|排查)`)

// reRemarkActor is the asker acting in a clause after the question (…的我们要登记在册).
var reRemarkActor = regexp.MustCompile(`(我们|咱们|我|咱)(要|会|得|准备|打算|想|就|再|也|还|正在|在)`)

// reStoryClause marks a clause that narrates: someone acting (我, 他, 领导,
// 老刘) or a time in the past (上个月, 去年, 那天), a verb of telling, what
// was said (…拍桌子，说…), or work going on (办公室在起草…); in English,
// the asker, a day (today, last week) or what happened (came, broken).
var reStoryClause = regexp.MustCompile(`我|咱|他|她|领导|局长|所长|同事|老[\p{Han}]|上礼拜|上周|上星期|上个月|上月|去年|前年|昨天|前几天|那天|那回|上回|以前|当年|年轻时|听说|说是|跟我说|告诉我|要来|要下来|来检查|来查|要检查|同志说|小年轻说|有人说|他们说|都说|老说|总说|同志来|的人来|来要|(政委|教导员|指导员|队长|处长|科长|主任)(说|讲|让|要求|交代)|例会|上会|开会|汇报|要用|做ppt|写材料|刚过|刚休完|刚放完|刚回来|刚开完|天天|加班|这阵子|(弄|办|搞|做|干)完了|^\s*说|正在|在(起草|写|弄|搞|准备|整理|编|制定|修改|开会)|\b(i|we|our|my|someone|somebody|today|yesterday|last (week|month)|this (morning|afternoon)|came|went|got|told|said|broken|visit(ed)?)\b`)

// reBoundBefore is 以前 bounding a time (9月底以前, 10号之前): a deadline
// asked, not the "formerly" of a story, also with an aside between
// (9月底（含）以前) and after a holiday (国庆节（10月1号）以前).
var reBoundBefore = regexp.MustCompile(`[底末日号月天年节庆旦\d]\s*(?:[(（][^)）]{0,10}[)）])?\s*(以前|之前)`)

// narrates reports whether clause p tells a story.
func narrates(p string) bool {
	return reStoryClause.MatchString(reBoundBefore.ReplaceAllString(p, "|"))
}

// reStoryTime is a time a story is told in (这周, 今天上午, 刚才): before the
// question, in a clause that asks nothing and names no deadline, it is narrative.
var reStoryTime = regexp.MustCompile(`下周|下礼拜|下星期|下个月|这周|本周|这礼拜|这星期|这两天|这几天|前两天|今天上午|今天下午|今早|早上|上午|下午|晚上|刚才|刚刚|最近`)

// reDeadlineWord names a deadline, which a clause with a time may be asking about.
var reDeadlineWord = regexp.MustCompile(`到期|截止|期限|节点|完成|要交|交差|办完|deadline|due`)

// reRemarkMarker marks a clause after the question that says what the asker
// will do with the answer or fears (标错了所长要说我的, 我好对照, 别掉链子).
var reRemarkMarker = regexp.MustCompile(`要说我|会说我|说我的|挨批|挨骂|被批|被骂|掉链子|我好|我回头|好对照|好盯|好排|好准备|提前准备|别到时候|省得|免得`)

// reClauseEnd separates clauses: sentence ends, commas, colons and dashes
// (我当场也答不上来——罚款…最迟几天), and spaces between Chinese words.
var reClauseEnd = regexp.MustCompile(`[,，.。;；!！:：?？]+|—+|\s+`)

// firstWords is the start of text up to its next space or punctuation.
func firstWords(text string) string {
	if loc := reClauseEnd.FindStringIndex(text); loc != nil {
		return text[:loc[0]]
	}
	return text
}

// hanAround reports whether text[from:to] stands between two Chinese characters.
func hanAround(text string, from, to int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:from])
	after, _ := utf8.DecodeRuneInString(text[to:])
	return unicode.Is(unicode.Han, before) && unicode.Is(unicode.Han, after)
}

// storyClauses returns text split into clauses, each with the separator that
// ends it, and which of them tell a story: those before the last clause that
// asks, that narrate and ask nothing themselves, and the remarks after it.
func storyClauses(text string) ([]string, []bool) {
	var parts []string
	last := 0
	for _, loc := range reClauseEnd.FindAllStringIndex(text, -1) {
		// 9月底到期的任务都有啥 俺们好排排班: typed without punctuation, a
		// space between Chinese words ends a clause; one inside English does not
		// (法制牵头 要我们执法警种配合干的 列一下: fragments of one question, kept
		// together unless the words before the space ask or those after it remark)
		if strings.TrimSpace(text[loc[0]:loc[1]]) == "" && !(hanAround(text, loc[0], loc[1]) && (asks(text[last:loc[0]]) || reRemark.MatchString(text[loc[1]:]) || reRemarkActor.MatchString(firstWords(text[loc[1]:])))) {
			continue
		}
		parts = append(parts, text[last:loc[1]])
		last = loc[1]
	}
	if last < len(text) {
		parts = append(parts, text[last:])
	}
	story := make([]bool, len(parts))
	ask := -1
	for i, p := range parts {
		// 我们查档案想看看有没有…: looking into it, after a question, asks nothing more
		if asks(p) && !(ask >= 0 && reLookingInto.MatchString(p)) {
			ask = i
		}
	}
	for i := 0; i < ask; i++ {
		// 县局的同志说…不知道往哪反映。: a story told as a statement before the
		// question may hold an embedded question word
		// (10月底之前的以前的也算: the earlier ones counted in widen the window asked)
		story[i] = (narrates(parts[i]) || reStoryTime.MatchString(parts[i]) && !reDeadlineWord.MatchString(parts[i])) &&
			(!asks(parts[i]) || reStatementEnd.MatchString(parts[i]) && narrates(parts[i])) && !reWidened.MatchString(parts[i])
	}
	// 所里的执法记录仪坏了一半，申请新的半年没批下来。记录仪…谁牵头？: a whole
	// sentence stated before the question, asking nothing, sets the scene
	for from, i := 0, 0; i < ask; i++ {
		if !reStatementEnd.MatchString(parts[i]) {
			continue
		}
		stated := true
		for _, p := range parts[from : i+1] {
			stated = stated && !asks(p)
		}
		for k := from; stated && k <= i; k++ {
			story[k] = true
		}
		from = i + 1
	}
	// 户籍窗口前几天挨了投诉，群众说不知道该找谁。窗口要挂啥牌子？: a sentence
	// that tells a story and ends as a statement sets the scene, whatever
	// question words its reported speech holds
	for from, i := 0, 0; i < ask; i++ {
		if !reStatementEnd.MatchString(parts[i]) {
			continue
		}
		told := false
		for _, p := range parts[from : i+1] {
			told = told || narrates(p)
		}
		for k := from; told && k <= i; k++ {
			story[k] = true
		}
		from = i + 1
	}
	// …？我们打算明年初去核查。: a remark on why it is asked, after the question
	for i := ask + 1; i > 0 && i < len(parts); i++ {
		// (逾期没归档的我们要登记在册: a remark on what the asker will do, wherever its 我们 stands)
		story[i] = (reRemark.MatchString(parts[i]) || reRemarkActor.MatchString(parts[i]) || reRemarkMarker.MatchString(parts[i])) && !asks(parts[i]) ||
			reLookingInto.MatchString(parts[i])
	}
	return parts, story
}

// reWidened counts earlier deadlines in (以前的也算, 早的都算): a bound of the
// window asked, not a time of the story.
var reWidened = regexp.MustCompile(`(早|更早|之前|以前|过了|已过)(到期)?的(也|都)(算|要)|(含|包括|包含)(此前|之前|以前|已经|已)*(到期|过期|过了)的|incl(uding|uded|\.)?\s*(the\s*)?(ones|those|tasks)?\s*(that\s*have\s*)?(already\s*)?(passed|past|gone|overdue|due\s*before)`)

// withoutStory returns text with the story's clauses put through cut (which
// takes out what the story must not add) and the asking part as it was.
func withoutStory(text string, cut func(string) string) string {
	parts, story := storyClauses(text)
	var b strings.Builder
	for i, p := range parts {
		if story[i] {
			p = cut(p)
		}
		b.WriteString(p)
	}
	return b.String()
}

// rePurpose starts a clause that says what the question is for (为便于规范引用,
// 以便传达到位), not what it asks.
var rePurpose = regexp.MustCompile(`^[\s,，.。;；:：]*(为了|为便于|为方便|为确保|为|便于|以便|方便|好让)`)

// withoutPurpose returns text without the clauses that only state a purpose.
func withoutPurpose(text string) string {
	parts, _ := storyClauses(text)
	var b strings.Builder
	for _, p := range parts {
		if !(rePurpose.MatchString(p) && !asks(p)) {
			b.WriteString(p)
		}
	}
	return b.String()
}

// askingClause returns the last clause of text that asks (reAsking) with
// what follows it, or text when no clause asks.
func askingClause(text string) string {
	parts, _ := storyClauses(text)
	for i := len(parts) - 1; i >= 0; i-- {
		if asks(parts[i]) {
			return strings.Join(parts[i:], "")
		}
	}
	return text
}

// A message often opens with a greeting (王科长好，打扰一下。) and closes with
// thanks (麻烦列一下，谢谢！): the names and titles in them (李支队, 张科) are
// whom the message is written to, no unit asked about.
var (
	reGreeting = regexp.MustCompile(`^\s*(各位(领导|同事|同志)?|(老|小)?\p{Han}{0,2}?(科长|副科长|主任|副主任|支队长|支队|大队长|大队|处长|副处长|局长|副局长|所长|科|队长|队|指导员|教导员|同志|师傅|领导|哥|姐|总)|(老|小)\p{Han}|您|你)?们?(您|你)?(早上|上午|中午|下午|晚上|早)?好(呀|啊|哇|哈|呐)?[!,.?~。，！？～\s]+`)
	// reRelayed relays another's question (有邻居问，…; 学生肯定会问：…): the
	// question that follows is asked, the relaying names no topic
	reRelayed    = regexp.MustCompile(`^\s*(群里|我们群里|刚才|又)?(有)?(个|位|些)?(邻居|居民|街坊|群友|网友|人|同事|朋友|家长|学生|老乡|村民|大爷|大妈|阿姨|老人)(们)?(肯定|可能|也许|常|经常|老)?(会)?(在)?(问|想问|问到|问起)(了)?(一下|个问题|过)?\s*[:：,，]\s*`)
	rePoliteness = regexp.MustCompile(`^\s*(打扰(一下|了|您|你)?(几分钟|一下)?|冒昧问一下|请教(一下)?|身体可好|好久不见)[!,.?~。，！？～\s]+`)
	reThanks     = regexp.MustCompile(`[!,.。，！\s]*(谢谢|多谢|感谢|辛苦了|辛苦|麻烦了|还望多多指教|多多指教|拜托了)[!,.。，！~～\s]*$`)
	// reFormalClose is how a written request closes (拟请两部门对接，妥否。
	// 特此请示。): what the writer proposes to do and the asking for assent,
	// no part of the question (协同 in it is no role asked for)
	reFormalClose = regexp.MustCompile(`[!,.。，！?？;；\s]*((我局|我们|我处|我所|现)?拟[^。!！?？;；]{0,24}?[,，]\s*)?(妥否|当否|特此请示|请示|请批示|请指示|请告知|请告|望复|盼复|请复)[!,.。，！?？~～\s]*$`)
)

// reTag is a label pasted before a message in a work group (【人事相关】,
// [转], #急#): it files the message and asks nothing, unless it names the
// unit the message speaks for (【科技处】我们处参与的…).
var reTag = regexp.MustCompile(`^\s*(?:【([^】]{1,10})】|\[([^\]]{1,10})\]|#([^#\s]{1,10})#)[\s,.:，。：]*`)

// withoutTag returns folded text without a label before it; a label that
// names a unit (resolve) stays as the message's first words.
func withoutTag(text string, resolve func(string) (string, bool)) string {
	m := reTag.FindStringSubmatch(text)
	if m == nil {
		return text
	}
	rest := text[len(m[0]):]
	if _, ok := resolve(m[1] + m[2] + m[3]); ok {
		return m[1] + m[2] + m[3] + "," + rest
	}
	return rest
}

// withoutCourtesy returns folded text without its opening greetings, a
// question relayed from others, and its closing thanks.
func withoutCourtesy(text string) string {
	for {
		t := rePoliteness.ReplaceAllString(reGreeting.ReplaceAllString(reRelayed.ReplaceAllString(text, ""), ""), "")
		t = reFormalClose.ReplaceAllString(reThanks.ReplaceAllString(t, ""), "")
		if t == text || t == "" {
			return text
		}
		text = t
	}
}

// reDoubtTail is a guess taken back after a question that offered it
// (牵头的是办公室吧？不对，我记得好像是别家): the question stands, the doubt
// adds nothing to read.
var reDoubtTail = regexp.MustCompile(`([吧吗嘛][?？]*|[?？]+)[\s,，。.!！]*((不对|不是|也不一定|也可能不是)[,，。.!！]*)?(我?(记得|印象中?|感觉|觉得)?(好像|似乎|可能|应该)?是别(家|的单位|的部门|人)|我?(有点)?记不(太)?清(楚)?了?|我?(也)?不太?确定|拿不准|吃不准|记混了)[^?？]{0,12}[?？]?\s*$`)

// withoutDoubt returns text without a trailing doubt on its own guess.
func withoutDoubt(text string) string {
	if m := reDoubtTail.FindStringSubmatchIndex(text); m != nil {
		return text[:m[3]]
	}
	return text
}

// reWhAsk asks for something unknown (第几条, 哪个, 多少号): a guess after it
// is the asker's, not what is asked.
var reWhAsk = regexp.MustCompile(`第几|哪|什么|多少|几号|谁|啥`)

// reGuessClause is a short clause that only offers a number as a guess at the
// answer (第八条？, 好像是359？, 五十几号？).
var reGuessClause = regexp.MustCompile(`^[\s,，。.]*(好像是?|应该是?|大概是?|我记得是?|记得是?|是不是)?[^,，。?？;；还]{0,8}\d[^,，。?？;；还]{0,4}(吗|吧|对吗|对吧)?[?？]+\s*$`)

// withoutGuesses returns text without the guess clauses that follow a clause
// asking for something unknown (规定的第几条执行来着？第八条？): a number or
// name in a guess names no task and filters nothing.
func withoutGuesses(text string) string {
	parts, _ := storyClauses(text)
	var b strings.Builder
	asked := false
	for _, p := range parts {
		if asked && reGuessClause.MatchString(p) && !reWhAsk.MatchString(p) {
			b.WriteString("|")
			continue
		}
		if asks(p) && reWhAsk.MatchString(p) {
			asked = true
		}
		b.WriteString(p)
	}
	return b.String()
}
