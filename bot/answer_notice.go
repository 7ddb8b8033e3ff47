package bot

import (
	"regexp"
	"strings"

	"dutybot/bot/search"
	"dutybot/bot/textnorm"
	"dutybot/knowledge"
)

// noticeField is a part of the notice itself that a question asks about.
type noticeField int

const (
	fieldNone noticeField = iota
	fieldNumber
	fieldDate
	fieldIssuer
	fieldTitle
	fieldAddressees
	fieldCites
	fieldClosing
	fieldNote
	fieldAttachment
	fieldAbout
	fieldPreamble
)

// Patterns over the question's words (folded, no punctuation). A question
// about the notice names it (通知, 文件) or asks something only the notice's
// header answers (文号, 主送).
var noticeFields = []struct {
	field noticeField
	re    *regexp.Regexp
	// unless, when set, marks clauses the field is not asked in though re
	// matches them (Go's regexps have no negative lookahead)
	unless *regexp.Regexp
}{
	{fieldNote, regexp.MustCompile(`(lead|leading|responsible)unit(is|are)?(supposed|meant|expected)todo|asopposedto(a|the)?(responsible|lead|leading)unit|(noteunder|notebelow|notebeneath|footnoteof|footnoteto|footnoteunder)thetable|(牵头|挑头|领头)的?.{0,4}(跟|和|与|同)(责任|负责|配合)(单位)?的?.{0,8}(各自|分别|各)(干|管|负责|做)|(责任单位|牵头单位)(呢)?(它|它的)?的?(职责|职能|作用)(是)?(怎么|如何)(定义|界定|规定)|difference(s)?between(a|the)?(lead|leading)(unit)?and(a|the)?responsible|difference(s)?between(a|the)?responsible(unit)?and(a|the)?lead|(领头|牵头)的?.{0,8}(具体干|责任|负责).{0,16}(区别|区分|不同|分工)|(抓总|挑头|领头|牵头)的?.{0,12}(具体干|具体落实|具体负责).{0,12}(各自|分别|各)?(管|干|负责|做)(什么|啥|哪些)|(牵头|责任)(的)?单位.{0,10}(管|干|做|负责|职责|职能|作用|角色|定位|role|意思|含义|承担)的?(究系|究竟|到底|系|是|为)?(什么|啥|哪些|些什么|何种|何指|何在|哪种|what)|牵头.{0,4}(和|与|跟|同).{0,4}(负责|责任|配合).{0,6}(区别|不同|差别|差异|分工)|(责任|负责)(单位)?.{0,4}(和|与|跟|同).{0,4}(牵头|主办)(单位)?.{0,6}(区别|不同|差别|差异|分工)|(牵头单位|责任单位)\|?(又|到底|究竟)?(是)?(具体|主要|都)?(干嘛|干啥|干什么|做什么|管什么|管啥)(的)?|(牵头单位|责任单位)(是)?(具体|主要|都|分别|一般|到底)?(什么|是什么|指什么|负责什么|负责哪些|干什么|做什么|的职责|职责是|的作用|作用是|什么意思|的含义|的区别|有什么区别|有何区别|怎么分工|如何分工)|牵头单位和责任单位|牵头单位与责任单位|(牵头|责任)单位.{0,6}(也就管|就管|只管|只负责|光管|只是|就是|主要是|只)(个)?(配合|协调|统筹|协助|打下手|具体|闷头干|埋头干|干活)|具体(的)?(活|工作|事)(是|由|归)?(牵头|责任)单位(干|做|负责|来干|来做)|(^|[^事作用况书并请注格括予以细加不没未外向对行])说明($|[^一理白书就来情原缘])|whatdoesaleadunitdo|leadandresponsible|(lead|responsible)units?(do|mean|arefor)|(统筹|协调|推进|具体|执行|落实|开展)[^还|]{0,12}\|?(是|归|属于)?(牵头|责任)(单位)?还是(牵头|责任)(单位)?`), regexp.MustCompile(`(向|跟|给)[^|]{1,8}说明|说明[^|]{0,2}(理由|依据|原因|来意|用途)`)}, // 向相对人说明执法理由: 说明 as a verb of a task, not the note
	// the date first: 引用落款，这通知哪天印发的 asks when, not which documents
	{fieldDate, regexp.MustCompile(`落款(日期|时间|是哪天|是几号)|(哪天|哪1天|几号|什么时候|何时)落(的)?款|(when|what date)(was|is|did)(this|the)notice(signed|issued|dated|sent|published)|signedoff|(发文|印发|下发|发布|成文|签发)(是|在)?(哪天|哪1天|哪一天|几号|什么时候)|onwhatdate|whatdate|issuedon|(\d{1,2}月\d{1,2}(日|号)|\d{4}年).{0,2}(印发|发布|下发|发的|签发|成文)|(通知|文件)(的)?(日期|成文日期|印发日期|发文日期|发布日期|落款日期)|(什么时候|何时|哪天|哪一天|哪1天|几号)(发|印发|下发|发布|出台|签发|成文)|(什么时候|何时|哪天|哪一天|哪1天|几号)(下|出|发出|发下来|下来|出来)的|(发文|印发|下发|发布|成文|签发)(的)?(日期|时间)|whenwas.*issued|dateof`), nil},
	// 是市政府发的还是市公安局发的, 这份通知是省厅直接印发的(对还是错): who issued it,
	// before 市政府 or 省厅 reads as a cited document
	{fieldIssuer, regexp.MustCompile(`(发文|印发|下发|发布|签发)(的)?(单位|机关|部门)?是.{0,10}还是|(^|[^开研])(发|印发|下发|发布|出|下)的还是.{0,12}(发|印发|下发|发布|出|下)的|(这份|这个|本|该)(通知|文件)是.{0,12}(印发|下发|发布|发)(出来|下来)?的`), nil},
	// 附件是任务分解表还是实施细则: what the attachment is, before the document named reads as a citation
	{fieldAttachment, regexp.MustCompile(`附件(到底|究竟)?(是|叫)`), nil},
	// a cited document named by its issuer or kind, before 文号 reads it as the notice's own number
	{fieldCites, regexp.MustCompile(`(省厅|公安厅|省政府|市政府)(那边|那头|那里|那儿)?(相关|有关)?(发)?(的)?(那|这)?(1|一)?(张|份|个)?(配套|相关|有关)?(文件|文|通知)(是)?(哪号|几号|哪份|哪个|什么|号码)|(省厅|公安厅|省政府办公厅|省政府办|省政府|省里|市政府办公室|市政府办|市政府|市里|上级)(的|发的|印发的|下发的)?(文件|通知|实施方案|实施细则|方案|细则|文号)|实施方案|实施细则|依据(里|中|当中|里面)`), nil},
	{fieldCites, regexp.MustCompile(`\d{1,4}号(文|文件)|哪几份|几份文件|依据的.{0,12}(文|文件|通知).{0,3}文号|(省政府|省厅|公安厅|市政府|省里|市里|上级).{0,6}(那个|那份|那件)文|哪(两|2|几|三|3)(个|份)(上级)?(文件|通知)|(照着|按照|依照|依据|根据|参照).{0,10}(哪|什么).{0,4}(文件|精神)`), nil},
	{fieldCites, regexp.MustCompile(`依据(了|的|是|的是)?(哪些|什么|哪几|哪个|哪|上级|文件)([^原口思]|$)|(通知|文件|制定|出台|发文)(的)?依据|根据(了)?(哪些|什么|哪几个|哪个|哪)(上级|省级|省|市级)?(文件|规定|精神|制定|印发|出台|下发|发布|起草|$)|引用|援引|参照(了)?(哪些|什么)|上级文件|(提到|提及|涉及)(了)?.{0,6}文件|(哪些|什么|哪几个)(上级|省级|省|市级)?文件|文件有哪些|basedon|cite|reston|(^|[^i])relyon|relieson|whichdocuments|whatdocuments|oneofthebases|thebasesof|thebasisof|basisdoc|referencenumberofthe(anhui|provincial|huainan|municipal|city)|(implementation|implementing)(plan|rules)(on|upon)whichthenotice|restupon|builds?(up)?on|builtupon|(huainan|anhui|city|municipal|provincial)(city)?(government|govt)('?s)?(document|doc|notice|paper|plan)|documentsbehind|documentbehind`), nil},
	{fieldNumber, reOwnNumber, nil},
	{fieldAddressees, regexp.MustCompile(`主送|(下发|发文|发送|印发|发放|送达)(范围|对象)|addressedto|towhom(precisely|exactly)?(is|was)(the|this)?notice(addressed|sent)|(is|was)(the|this)notice(addressed|sent)to|发给|下发给|下发到|发到([^网]|$)|下达到|印发到|发至|发往|(^|[^推传递报])送给|抄送|收文|受文|发送给|哪些单位执行|给哪些单位|addressee|sentto`), regexp.MustCompile(`(报|上报|报送|交)给哪些单位|(^|[^主抄])送给哪些单位`)}, // 还要报给哪些单位: whom a task's report goes to
	// the opening paragraph before the numbered parts: why the notice was issued
	{fieldPreamble, regexp.MustCompile(`(通知|文件|正文)(的)?(开头|开篇|前言|引言|导语|开场白|第一句|起首)|(为什么|为何|为啥|为了什么|出于什么)(原因|目的)?(要)?(发|印发|下发|出台|制定|发布)(这份|这个|这一|本|该)?(通知|文件)|(通知|文件|发文)(的)?(目的|缘由|由来|起因|出发点)|whywas.*issued|preamble|purposeofthenotice`), nil},
	// whom to ask about problems (投诉的联系方式 is what a task's sign shows, not that)
	{fieldClosing, regexp.MustCompile(`遇到.{0,2}(问题|困难|难处|难题)|report(the)?problems|problems(they|we|units)?encounter|contactthemunicipalbureau|报给上面|向上(报|反映)|(情况|问题)(要|应|应该)?(报给谁|向谁报|报送给谁|报哪里|上报给谁|报送哪里|报告谁)|联系谁|联系哪|找谁(反映|报告|汇报|联系|说|问|\||$)|(问题|困难|难处|情况).{0,8}找谁|向谁反映|向谁报告|报告给谁|反馈给谁|反映给谁|遇到(的)?问题|遇到困难|(^|[^诉报询的])联系方式|(^|[^诉报询])的联系方式|执行中.*问题|whomtocontact|whotocontact|contact|(meant|supposed|have|need)to(ring|phone|call)|whoto(ring|phone|call)|who(do|does|should|can|must)(units|they|we|i|a(unit|branch))?(ring|phone|call)`), nil},
	{fieldAttachment, regexp.MustCompile(`附件|附带的?(表格|表)|后面(有|还有|附了)?(1个|1张)?(表格|表)|后面附|后头附|后边附|附在后|附的是|后附|附(的|上的|了)(那份|那个|什么)|(分解表|表格)(是|叫|有)(什么|啥|哪)|分解表(里|中|上)?(一共|总共|共|有|都)*(几|多少)|什么(分解表|表格)|attachment`), nil},
	{fieldIssuer, regexp.MustCompile(`何(机关|单位|部门|家)(于何日|于何时|何时|哪天)?(所)?(印发|下发|发布|签发|制发|发文|发)|谁落(的)?款|红头|署的是|署名|是不是.{0,8}([^开研]发|印发|下发|发布|出)(下来|出来)?的|落款(单位|的是谁|是谁|是哪个单位)|whosent|whoissued|issuedby|sentby|whowrote|whoput(this|the|it)(notice|document|circular)?out|(以|用)(哪个|什么|哪家)(单位|部门|机关)(的)?名义|(^|[^开研])(发|印发|下发|发布|出)(的|得)还是|还是.{0,8}(发|印发|下发|发布|出|下)的|(谁|哪个单位|哪个部门|什么单位|什么部门|哪个机关|什么机关|哪家|哪里)(发|印发|下发|发布|出台|签发|制定|出|下)(出来|下来)?的|由(谁|哪个单位|哪个部门|什么单位|什么部门|哪个机关|什么机关|哪家|哪一个单位|哪一个部门)(来)?(印发|下发|发布|签发|制定|发出)|(发文|发布|印发)(的)?(单位|机关|部门)(是)?(谁|哪个|哪家|什么)|发文(单位|机关)|发布(单位|机关)|印发(单位|机关)|落款|whoissued|issuer|issuedby`), regexp.MustCompile(`(标准|规范|规定|办法|规划|计划|目录|清单|指南|平台|系统)(是|又是)?(由)?(谁|哪个单位|哪个部门|哪家|哪里)|(谁|哪个单位|哪个部门|哪家|哪里)(发|印发|下发|发布|出台|出)的(样本|模板|范本|说明|文书|标准|规范|规定|办法|指引|目录|清单|指南)|红头文件(的)?形式`)}, // 这个标准谁出的, 照哪家发的样本: a task's document, not the notice; 红头文件形式: normative documents
	// 要落实省厅的一个规范文件，那个文件全名叫啥: another body's document is one
	// a task cites, not the notice whose title is asked
	{fieldTitle, regexp.MustCompile(`(通知|文件)(的)?(标题|题目|名称|全称)|(通知|文件).{0,4}叫什么|title`), regexp.MustCompile(`省厅|省里|省公安厅|公安部|部里|省政府|国家`)},
	{fieldAbout, regexp.MustCompile(`小标题|大标题|(正文|通知|文件).{0,14}(几|哪几|3|三)大?(条|个|点|大点)?(大|主要)?的?(要求|部分|方面|块)|(正文|通知|文件).{0,6}(几|哪几|多少|\d)(条|个|点|大点)(要求|意见|方面)|(通知|文件)(主要)?(讲|说|是关于|关于什么|讲了|说了|内容|提出|有哪些要求|有什么要求|要求什么)|^(都|总共|一共)?(提出|有)(了)?(哪些|什么)要求|(通知|文件).{0,6}(提出|有)(了)?(哪些|什么)要求|whatisthenotice|notice(is)?about|noticesay|noticerequire|aboutwhat`), nil},
}

// reSignificance asks what the three systems are good for.
var reSignificance = regexp.MustCompile(`意义|重要性|好处|定性|分量|地位|significance|importance`)

// noticeWords mark a question as about the notice rather than a task.
var reNoticeWord = regexp.MustCompile(`通知|这份|本文|该文|这个文件|这文件|此文件|文里|文中|正文|notice`)

// reSectionRef names a part of the notice's body by its place (通知第二部分,
// 正文第3点); a question that also names the table (任务, 分解表) is about the
// table's sections, which this does not answer.
var (
	reSectionRef = regexp.MustCompile(`第(\d{1,2})(部分|大部分|大块|块|板块|节|章|段|大点|点|大项|条要求)|part(\d{1,2}|one|two|three|four|five)|section(\d{1,2})`)
	// reBodyPlace names a part of the body outright: 通知第一部分, 正文第2部分.
	reBodyPlace = regexp.MustCompile(`(通知|正文|文件)(的)?第\d{1,2}(部分|大部分|大块|块|板块|节|段|大点)|正文(的|里的|里|中的|中|里头)?第\d{1,2}条`)
	reBodyItem  = regexp.MustCompile(`正文(?:的|里的|里|中的|中|里头)?第(\d{1,2})条`)
	reTableWord = regexp.MustCompile(`任务|分解表|附件|表格|表里|表上|表中|table|task`)
)

// partNumbers are the numbers of a part said in words (part one).
var partNumbers = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}

// sectionAsked returns the body section a question names by its place, or -1.
func sectionAsked(q *query, n *knowledge.Notice) int {
	// 我的thesis第一章要界定概念：…: a place named in the story is not asked
	m := reSectionRef.FindStringSubmatch(textnorm.Squeeze(q.asking))
	if m == nil {
		// 正文第一条: a 条 of the body is its part (第N条 alone is a task)
		if b := reBodyItem.FindStringSubmatch(textnorm.Squeeze(q.asking)); b != nil {
			m = []string{b[0], b[1], "", "", ""}
		}
	}
	if m == nil || reTableWord.MatchString(q.flat) && !reBodyPlace.MatchString(q.flat) {
		return -1
	}
	i := 0
	for _, g := range []string{m[1], m[3], m[4]} {
		if g != "" {
			i = atoi(g)
			if n, ok := partNumbers[g]; ok {
				i = n
			}
		}
	}
	if i < 1 || i > len(n.Sections) {
		return -1
	}
	return i - 1
}

// fieldOf returns the first of noticeFields that clauses (in clauseForm) name.
func fieldOf(clauses string) noticeField {
	for _, nf := range noticeFields {
		if nf.re.MatchString(clauses) && (nf.unless == nil || !nf.unless.MatchString(clauses)) {
			return nf.field
		}
	}
	return fieldNone
}

// reVerifyOnly is a question that only asks whether what was said before is
// right (判断题：这份通知是省厅印发的。对还是错？).
var reVerifyOnly = regexp.MustCompile(`^\|*(对还是错|对吗|对不对|是不是|是吗|是真的吗|对否|正确吗|是否正确|对没对|有没有错)\|*$`)

// clauseForm is text as q.flat has it, but with the ends of clauses kept as
// | marks: a pattern read across a comma (图个啥，文件里) is none.
func clauseForm(text string) string {
	var b strings.Builder
	for _, r := range text {
		switch {
		case strings.ContainsRune(",，.。;；!！?？:：", r):
			b.WriteByte('|')
		case search.IsWordRune(r) || r == '|' || r == '#' || r == '%' || r == '+':
			b.WriteRune(r)
		}
	}
	return strings.Trim(b.String(), "|")
}

// atoi reads a run of ASCII digits; regexps give it nothing else.
func atoi(s string) int {
	v := 0
	for _, c := range s {
		v = v*10 + int(c-'0')
	}
	return v
}

// The table's two columns named by their place (前面那个带头的部门, 后面那栏).
var (
	reFirstColumn  = regexp.MustCompile(`(前面|前头|左边|第1|头1)(那|1)?(个|栏|列)`)
	reSecondColumn = regexp.MustCompile(`(后面|后头|右边|第2)(那|1)?(个|栏|列)`)
	// reAsksWhich asks for tasks or a unit (哪几项, 谁), which the note does not give.
	reAsksWhich = regexp.MustCompile(`哪|谁|几项|几条|多少`)
	// reRolesDiffer asks how two things differ or what each does.
	reTwoColumns  = regexp.MustCompile(`两栏|两列|两个栏|两种单位|两类单位`)
	reRolesDiffer = regexp.MustCompile(`区别|不同|不一样|差别|差异|差在|分工|各管|各干|各自|分别|各负责|啥意思|什么意思|分不清`)
	// reWhichRole asks which of the two does what (哪个负责统筹、哪个负责执行):
	// which column, not which tasks or units
	reWhichRole = regexp.MustCompile(`哪(个|一个|1个)(负责|管|是)[^|]{0,10}\|?哪(个|一个|1个)(负责|管|是)`)
)

// rolesCompared reports whether a question names both columns of the table,
// in any words (挑头的部门和跟着干活的部门, 前面那栏和后面那栏), and asks how
// they differ or what each does: the table's note answers it.
func rolesCompared(text string) bool {
	// 分工表 names the table; 哪几项/谁 ask for tasks or a unit, not the roles
	text = strings.ReplaceAll(text, "分工表", "")
	if reAsksWhich.MatchString(text) && !reWhichRole.MatchString(text) {
		return false
	}
	lead := containsAny(text, leadWords) || reFirstColumn.MatchString(text)
	resp := containsAny(text, respWords) || reSecondColumn.MatchString(text)
	// 每项都分两栏单位…两栏有啥区别: both columns named at once
	return (lead && resp || reTwoColumns.MatchString(text)) && reRolesDiffer.MatchString(text)
}

// answerNotice answers questions about the notice itself: header, body, note.
// noticeAsk is what a question's words alone ask of a notice: the field
// its clauses name, before the notice's own text decides. Read once per
// message, however many notices answer it (sharedParse).
type noticeAsk struct {
	field   noticeField
	asked   string // the question without its purpose clauses
	clauses string // asked in clauseForm
}

var (
	// reAttachmentAside sets the attachment aside in a question about the
	// body (通知正文（不算附件）提了几方面的要求, 正文除附件外分成几个部分).
	reAttachmentAside = regexp.MustCompile(`[(（]?(不算|不含|不包括|不计|除去|除了|除)(后面的)?附件(以外|之外|外|在内)?[)）]?|[(（]?附件(除外|不算)[)）]?`)
	// reAttachedTerms is 附 as "attach terms to" (附了什么条件): no attachment.
	reAttachedTerms = regexp.MustCompile(`附(了|加了|带了|加|带)?(什么|哪些|啥)?(样的)?(条件|前提|限制)`)
)

// noticeAsk returns q's noticeAsk, reading it the first time.
func (q *query) noticeAsk() *noticeAsk {
	if q.nask != nil {
		return q.nask
	}
	// clauses kept apart: 图个啥，文件里怎么讲 asks no "什么文件"
	// a purpose clause says why it is asked: 为便于规范引用，通知的文号是多少 asks for the number
	na := &noticeAsk{asked: reAttachedTerms.ReplaceAllString(reAttachmentAside.ReplaceAllString(withoutPurpose(q.text), ""), "有什么$4")}
	na.clauses = clauseForm(na.asked)
	na.field = fieldOf(na.clauses)
	if na.field == fieldNone && rolesCompared(na.clauses) {
		na.field = fieldNote
	}
	q.nask = na
	return na
}

func (r *request) answerNotice(q *query) (Reply, bool) {
	n := r.snap.cur
	f := q.flat
	if si := sectionAsked(q, n); si >= 0 && q.part == nil {
		return r.bodyAnswer(search.Doc{Kind: search.Section, Notice: n, Section: si}), true
	}
	na := q.noticeAsk()
	field, asked, clauses := na.field, na.asked, na.clauses
	// 通知9月3日印发，我假设今天是9月5日。未来两周内要到期的…: a field named only
	// in the story told before the question, or in a remark after it (文号是多少？
	// 我写材料要引用), is not what it asks: the field is the asking clauses' own
	// when they ask for tasks or about a task's topic, unless they only ask
	// whether the story's claim is right (对还是错)
	if field != fieldNone && field != fieldNote && strings.Contains(q.asking, "|") && !reVerifyOnly.MatchString(clauseForm(q.asking)) {
		switch f := fieldOf(clauseForm(q.asking)); {
		case f != fieldNone:
			field = f
		case q.list || q.when != nil || len(q.units) > 0 || r.plausibleTask(r.askedQuery(q)):
			field = fieldNone
		}
	}
	// 对外公开我们管什么、依据啥、不服找谁，这摊事谁挑头: a role of the table
	// asked of a task's topic, whatever words of the notice's fields it uses
	if field != fieldNone && field != fieldNote && q.roleBy && !reNoticeWord.MatchString(f) && r.plausibleTask(q) {
		field = fieldNone
	}
	// 视音频系统建设依据的是省厅2015年发的哪个通知: the number, date or issuer
	// of the document a task cites, when a task that cites one is named and
	// the question does not point at this notice
	// (省厅关于落实三项制度也发过通知吧，文号: a document on the notice's own
	// topic by one of its basis documents' issuers is that basis document)
	basisByIssuer := false
	if field == fieldNumber || field == fieldDate || field == fieldIssuer || field == fieldCites {
		basisByIssuer = r.basisOnTopic(f)
	}
	if (field == fieldNumber || field == fieldDate || field == fieldIssuer) && q.ask&askDocument != 0 && !r.namesOwnPrefix(f) && !r.namesCitePrefix(f) && !basisByIssuer &&
		!reThisNotice.MatchString(textnorm.Squeeze(askingClause(asked))) && r.citingTask(q) {
		field = fieldNone
	}
	// fields that could also be words of a task need the question to be about the notice
	switch field {
	case fieldNumber:
		switch {
		case r.namesCitePrefix(f):
			// 文号是皖政办秘〔2019〕46号吗: a cited document's number
			field = fieldCites
		case r.namesOwnPrefix(f):
			// 文号是淮公通〔2019〕359号吧: this notice's number, misremembered
		case reThisNotice.MatchString(textnorm.Squeeze(askingClause(asked))):
			// 为便于规范引用，这份三项制度通知的文号是多少: this notice, whatever its topic words
		case r.namesCiteIssuer(f) && (!r.strong(q, isTask, 2) || basisByIssuer):
			// 省公安厅那份的文号是啥: a cited document by its issuer
			field = fieldCites
		case r.citingTask(q):
			field = fieldNone
		case r.strong(q, isTask, 2):
			// 视音频记录系统建设是照哪个文号的通知来的: the number of a document a task cites
			field = fieldNone
		case reCiteWord.MatchString(textnorm.Squeeze(asked)):
			// 依据里省政府办公厅那个方案的文号: what the notice rests on
			field = fieldCites
		}
	case fieldIssuer:
		// 是市局发的还是省厅发的，文号? the number's answer names the issuer too
		switch {
		case !reNoticeWord.MatchString(f) && r.strong(q, isTask, 0):
			field = fieldNone // 法制审核流程由谁制定 is about task 27
		case reCiteBasis.MatchString(f):
			field = fieldCites // 依据的那份实施细则是市政府办印发的还是…: a cited document's issuer
		case reOwnNumber.MatchString(clauses):
			field = fieldNumber
		}
	case fieldAddressees:
		// 年报数据公开以后还要报送给哪些单位: whom a task's report goes to;
		// 把执法文书送给当事人的时候要亮证吗: a task's step
		if !reNoticeWord.MatchString(f) && (r.strong(q, isTask, 0) || r.plausibleTask(q) && !strings.Contains(f, "这文")) {
			field = fieldNone
		}
	case fieldNote:
	case fieldCites:
		// 执法记录仪系统的配备使用依据的是省厅哪号文件: the document a task cites
		// 发布的信息要随改革调整，依据哪些工作需要来调: what a task's change
		// follows, with no word of a document, is the task's
		// (市里细则…许可和处罚决定一出来，几天内要挂出来: a time limit asked,
		// the document only sets the scene)
		if !r.namesCitePrefix(f) && !basisByIssuer && (r.citingTask(q) || !reNoticeWord.MatchString(f) && (r.strong(q, isTask, 0) || (!reDocumentWord.MatchString(f) || q.ask&askPeriod != 0) && r.plausibleTask(q))) {
			field = fieldNone
		}
	case fieldTitle:
		// 线上线下两套并行的老毛病，文件里管这叫什么: the name of a described scheme;
		// 公开这块落实省里哪个规范，名字叫啥: the document a task cites
		if r.plausibleTask(q) || q.ask&askDocument != 0 && r.citingTask(q) {
			field = fieldNone
		}
	default:
		// 执法视音频记录系统建设依据哪个文件 is about task 16, and 法制审核流程由谁制定
		// about task 27, not about the notice's own basis or issuer
		if !reNoticeWord.MatchString(f) && r.strong(q, isTask, 0) {
			field = fieldNone
		}
	}
	switch field {
	case fieldNote:
		// 牵头单位和责任单位啥区别，我们县局算哪种: the difference is asked whatever unit
		if len(q.units) > 0 && !reNoteDiff.MatchString(f) {
			field = fieldNone
		}
		// 牵头单位和责任单位两栏里出现了同一个单位的有哪几条: tasks, not the note
		if q.selfBoth || q.multiLead {
			field = fieldNone
		}
	}
	// 组织领导方面有什么要求 asks for one part of the notice, not the list of its
	// parts; 工作不力出了问题，文件说怎么处理 asks what it says on a topic
	if field == fieldAbout && (q.filtered() || r.strong(q, nil, 0) || plausible(r.snap.idx.Search(r.topicTerms(q), nil)) || reSignificance.MatchString(f)) {
		field = fieldNone
	}
	// 文件开头说三项制度有啥意义: the significance is the body's first part,
	// which the search finds, not the opening sentence's basis and aim
	if field == fieldPreamble && reSignificance.MatchString(f) {
		field = fieldNone
	}
	if field == fieldNone {
		if full, short := r.abbreviation(q); full != "" {
			return r.noticeReply(r.loc.T(msgNoticeAbbrev, map[string]any{"Short": short, "Full": full})), true
		}
		return Reply{}, false
	}
	d := map[string]any{"Number": n.Number, "Issuer": n.Issuer, "Title": n.Title, "Date": r.date(n.Date), "Count": len(n.Tasks)}
	var text string
	switch field {
	case fieldNumber:
		text = r.loc.T(msgNoticeNumber, d)
	case fieldDate:
		text = r.loc.T(msgNoticeDate, d)
	case fieldIssuer:
		text = r.loc.T(msgNoticeIssuer, d)
	case fieldTitle:
		text = r.loc.T(msgNoticeTitle, d)
	case fieldAddressees:
		// the addressees as the notice lists them: a quote, in any language
		d["Units"] = strings.Join(n.Addressees, "、")
		text = r.loc.T(msgNoticeAddressees, d)
	case fieldCites:
		var lines []string
		for _, c := range n.Cites {
			s := "《" + c.Title + "》"
			if c.Number != "" {
				s += "（" + c.Number + "）"
			}
			lines = append(lines, "· "+s)
		}
		d["List"] = strings.Join(lines, "\n")
		text = r.loc.T(msgNoticeCites, d)
	case fieldClosing:
		d["Text"] = strings.Join(n.Closing, "\n")
		text = r.loc.T(msgNoticeClosing, d)
	case fieldNote:
		d["Text"], d["Lead"], d["Responsible"] = n.Note.Text, n.Note.Lead, n.Note.Responsible
		text = r.loc.T(msgNoticeNote, d)
	case fieldAttachment:
		d["Table"] = n.TableTitle
		text = r.loc.T(msgNoticeAttachment, d)
	case fieldPreamble:
		if n.Preamble == "" {
			return Reply{}, false
		}
		// the preamble is the notice's own words: why it was issued and on what
		d["Text"] = n.Preamble
		text = r.loc.T(msgNoticePreamble, d)
	case fieldAbout:
		d["List"] = r.sectionList(n)
		text = r.loc.T(msgNoticeAbout, d)
	}
	return r.noticeReply(text), true
}

// reNoteDiff asks how the two roles differ.
var reNoteDiff = regexp.MustCompile(`区别|不同|差别|差异|分工`)

// reCiteBasis names what the notice rests on, not the notice.
// reDocumentWord names a document (文件, 方案, 规定, 精神): what a basis asked
// after is when it is the notice's.
var reDocumentWord = regexp.MustCompile(`文件|文|通知|方案|规定|办法|意见|精神|规范|细则|document|notice`)

var reCiteBasis = regexp.MustCompile(`依据|根据|照着|引用|上级文件|实施细则|实施方案`)

// reOwnNumber asks for a document's number.
var reOwnNumber = regexp.MustCompile(`文号|文好|字号|几号文|文件号|(文件|通知|发文)?编号是|(文件|通知|发文)编号|通知号|documentnumber|noticenumber|docnumber|referencenumber|refnumber|number\d+of\d{4}`) // 文好: a slip of 文号

// reThisNotice points at the notice being read: 这份通知, 本文件, 该通知.
var reThisNotice = regexp.MustCompile(`(这份|这个|这篇|本|该|此)(份)?.{0,6}(通知|文件)|this(circular|notice|document)('s)?(own)?(doc|document|reference|ref)?number|thenotice('s)?(own)?(doc|document|reference|ref)?number`)

// reCiteWord says a question is about the documents the notice rests on.
var reCiteWord = regexp.MustCompile(`依据|根据|照着|引用|上级文件|省政府|省厅|公安厅|市政府`)

// namesCitePrefix reports whether a question names one of the notice's cited
// documents by its number's prefix (皖政办秘).
func (r *request) namesCitePrefix(f string) bool {
	for _, c := range r.snap.cur.Cites {
		if p := numberPrefix(c.Number); p != "" && strings.Contains(f, p) {
			return true
		}
	}
	return false
}

// namesCiteIssuer reports whether a question names the issuer of a document
// the notice cites (省公安厅 of 《安徽省公安厅关于…的通知》, or 省厅).
func (r *request) namesCiteIssuer(f string) bool {
	for _, w := range r.citeIssuers() {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// citeIssuers returns the ways a question names the issuers of the
// documents the current notice rests on (安徽省公安厅, 省公安厅, 省厅), in
// match form, none shorter than two characters.
func (r *request) citeIssuers() []string {
	var out []string
	for _, c := range r.snap.cur.Cites {
		i := strings.Index(c.Title, "关于")
		if i <= 0 {
			continue
		}
		issuer := textnorm.MatchForm(c.Title[:i])
		forms := []string{issuer, strings.TrimPrefix(issuer, "安徽")}
		if strings.HasSuffix(issuer, "公安厅") {
			forms = append(forms, "省厅")
		}
		for _, w := range forms {
			if len([]rune(w)) >= 2 {
				out = append(out, w)
			}
		}
	}
	return out
}

// namesOwnPrefix reports whether a question holds the prefix of the notice's
// own number (淮公通).
func (r *request) namesOwnPrefix(f string) bool {
	p := numberPrefix(r.snap.cur.Number)
	return p != "" && strings.Contains(f, p)
}

// numberPrefix is a 文号's issuer part in match form: 淮公通 of 淮公通〔2019〕395号.
func numberPrefix(number string) string {
	if i := strings.IndexAny(number, "〔[［(（"); i > 0 {
		return textnorm.MatchForm(number[:i])
	}
	return ""
}

// citingTask reports whether the question plausibly names a task whose text
// cites a document of its own (《…》（皖公警保〔2015〕228号）).
func (r *request) citingTask(q *query) bool {
	// among the tasks that cite one, at the tentative answer's measure: the
	// question's other words are about a document (依据的是省厅哪个文件)
	hits := r.snap.idx.Search(r.topicTerms(q), func(d *search.Doc) bool { return isTask(d) && strings.Contains(d.Text, "《") })
	if reNoticeWord.MatchString(q.flat) {
		return plausible(hits) // 通知是根据哪些文件制定的: the notice's own basis, unless a task is plainly named
	}
	return coverable(hits)
}

func (r *request) sectionList(n *knowledge.Notice) string {
	var lines []string
	for _, s := range n.Sections {
		lines = append(lines, s.Numeral+"、"+s.Heading)
	}
	return strings.Join(lines, "\n")
}

func (r *request) date(d knowledge.Date) string {
	if r.loc.Lang() == "en" {
		return d.String()
	}
	return d.Chinese()
}

// abbrevAsks are the ways of asking what a short name means, longest first
// so that 是指什么 is not cut down to 是 by 指什么.
var abbrevAsks = []string{"whatexactlyare", "whatexactlyis", "指的是什么", "是指什么", "指的是啥", "是哪3项", "是哪3件", "哪3件", "哪3样", "哪3个", "哪3种", "包括哪些", "包括什么", "是什么", "指什么",
	"是哪些", "什么是", "的意思", "是啥", "指哪些", "whatis", "whatare", "哪三样", "哪三个", "哪三项", "哪三种", "哪三件",
	// a request to explain said after the question (给俺唠明白, 跟我说说)
	"给我唠明白", "给我讲明白", "给我说明白", "给我讲清楚", "给我说清楚", "给我讲讲", "给我说说", "跟我说说", "跟我讲讲", "唠明白", "讲明白", "说明白", "讲清楚", "说清楚",
	"用大白话讲", "用大白话说", "大白话", "通俗点说", "通俗地说", "通俗地讲", "简单说", "大家说的"}

// reOrdinal names the place of one item in a list: 第二项, 头一项, 最后一项, 中间那项.
var reOrdinal = regexp.MustCompile(`(?:第|排第|排在第)(\d)(项|个|条|种|位|的)|(头|首)(一|1)?(项|个|条|种)|最后(一|1)?(项|个|条|种)|中间`)

// abbreviationItem answers 三项制度的第二项是什么: one item of the list a short
// name stands for, when the question names its place and the list has it.
func (r *request) abbreviationItem(q *query) (string, bool) {
	// 出了问题头一个该负责的是谁: the first to answer for it (the lexicon's [forms]), no item
	m := reOrdinal.FindStringSubmatch(r.snap.forms.read(q.flat))
	// 三项制度第1项任务: task 1; 谁负第一位的责任: the first in line, no item
	// (第一个要负责的 is read as 第一责任人 before: the lexicon's slips)
	// (头一个该问的是谁: the items are systems, never people; a place asked
	// with 谁 is the first person to answer for it)
	if m == nil || reTableWord.MatchString(q.flat) || m[2] == "位" && strings.Contains(q.flat, m[0]+"的责任") || strings.Contains(q.flat, "谁") {
		return "", false
	}
	for short, full := range r.snap.abbrev {
		if !strings.Contains(q.flat, short) {
			continue
		}
		items := strings.Split(full, "、")
		i := 0
		switch {
		case m[1] != "":
			i = atoi(m[1]) - 1
		case m[3] != "":
			i = 0
		case m[7] != "":
			i = len(items) - 1
		default: // 中间: the middle of an odd list
			if len(items)%2 == 0 {
				return "", false
			}
			i = len(items) / 2
		}
		if i < 0 || i >= len(items) || len(items) < 2 {
			return "", false
		}
		return r.loc.T(msgNoticeAbbrevItem, map[string]any{"Short": r.shortName(short), "N": i + 1, "Item": items[i], "Full": full}), true
	}
	return "", false
}

// reAbbrevList asks for the items a short name stands for, whatever else the
// question says (除了公示那一项，另外两项分别是什么制度).
var reAbbrevList = regexp.MustCompile(`(分别|各)是(什么|哪|啥)|是(什么|哪些|哪几|哪3|哪2|哪两|啥)(个|项|种)?制度|哪(几|3|2|两)(个|项|种)(制度|$|[^方面环节部分要求角度])|都(有|包括)(哪|什么)|whatarethe|whichare`)

// abbrevFraming are the characters that only frame a question about what a
// short name stands for (所谓, 具体, 头一项, 分别, 哪3个, 全称叫什么).
const abbrevFraming = "所谓具体都分别到底究竟头一二三第项个样种是指的哪啥些什么几0123456789包括含制度这全称叫名"

// abbreviation answers 三项制度是什么: a short name the preamble defines.
func (r *request) abbreviation(q *query) (string, string) {
	// what are the three systems: an English question names the short name
	// through the lexicon's [english] words, and its framing is English
	english := r.snap.syn.Replace(q.flat)
	// 老听人说三项制度三项制度，到底是哪三样: the short name said before, the
	// question after it only frames it (the clauses a story leaves, or the
	// last clause that asks), in a question of no table filter
	var asked []string
	if !q.filtered() && !reTableWord.MatchString(q.flat) {
		asked = []string{textnorm.Squeeze(strings.ReplaceAll(q.asking, "|", "")), textnorm.Squeeze(askingClause(q.text))}
		// 三项制度到底是哪三样？俺老是记串了，你给俺一样一样说说: the first
		// question, before a remark and a request that only repeat it
		if k := strings.IndexAny(q.text, "?？"); k > 0 {
			asked = append(asked, textnorm.Squeeze(q.text[:k]))
		}
	}
	for short, full := range r.snap.abbrev {
		// 三项到底是哪三项: the short name cut to its count, asked which
		if n := reCountOfName.FindString(short); n != "" && len(asked) > 0 && strings.Contains(q.flat, "哪"+n) && strings.Count(q.flat, n) >= 2 {
			return full, r.shortName(short)
		}
		for _, a := range asked {
			if a != q.flat && strings.Contains(q.flat, short) && framesOnly(a, short) {
				return full, r.shortName(short)
			}
		}
		if !strings.Contains(q.flat, short) {
			if english != q.flat && strings.Contains(english, short) && reEnglishAbbrevAsk.MatchString(q.flat) {
				return full, r.shortName(short)
			}
			continue
		}
		// 三项制度的事…表里由科技处牵头的任务是哪几项: the short name is context of a
		// question about tasks, not asked for
		if q.flat != short && framesOnly(q.flat, short) || reAbbrevList.MatchString(q.flat) && !reTableWord.MatchString(q.flat) && !q.filtered() {
			return full, r.shortName(short)
		}
	}
	return "", ""
}

// reCountOfName is the count a short name opens with (3项 of 3项制度).
var reCountOfName = regexp.MustCompile(`^\d+(项|个|大|条)`)

// framesOnly reports whether text, less the short name, is only the framing
// of asking what it stands for (三项制度具体是哪三个, 头一项指的是什么).
func framesOnly(text, short string) bool {
	rest := strings.ReplaceAll(text, short, "")
	for _, w := range abbrevAsks {
		rest = strings.ReplaceAll(rest, w, "")
	}
	rest = strings.Trim(rest, "所说的中讲")
	return !strings.ContainsFunc(rest, func(r rune) bool { return !strings.ContainsRune(abbrevFraming, r) })
}

// reEnglishAbbrevAsk asks in English what a short name stands for.
var reEnglishAbbrevAsk = regexp.MustCompile(`^(ok|okay|so|well|hi|hey|sorry|sorryforthe(dumb|silly|stupid|basic)(q|question)|but)*(what(exactly|actually|precisely)?(are|is)(they|these)?(exactly|actually|precisely)?|whatdoes|whatdo|explain|define|listthe|name)|standfor|meanby|insummary|inshort`)

// shortName recovers the notice's spelling of a folded short name (3项制度 → 三项制度).
func (r *request) shortName(folded string) string {
	for _, n := range r.snap.notices {
		for _, m := range reAbbrev.FindAllStringSubmatch(n.Preamble, -1) {
			if textnorm.MatchForm(m[2]) == folded {
				return m[2]
			}
		}
	}
	return folded
}

// basisOnTopic reports whether folded text names the issuer of a document
// the notice rests on, then the notice's own topic by its short name
// (省公安厅那边关于落实三项制度也发过一个通知吧): that document, whose topic
// the notice shares. The topic before the issuer (三项制度这个通知里…照着
// 省厅哪个文号) names this notice, and the issuer a document a task cites.
func (r *request) basisOnTopic(f string) bool {
	var shorts []string
	for short := range r.snap.abbrev {
		shorts = append(shorts, short)
	}
	for _, w := range r.citeIssuers() {
		if j := strings.Index(f, w); j >= 0 && containsAny(f[j+len(w):], shorts) {
			return true
		}
	}
	return false
}

func (r *request) noticeReply(text string) Reply {
	return Reply{Kind: "notice", Text: text, Headline: firstLine(text), Tasks: []int{}}
}

func firstLine(s string) string {
	h, _, _ := strings.Cut(s, "\n")
	return h
}

// bodyAnswer quotes the part of the notice's body that answers a question.
func (r *request) bodyAnswer(d search.Doc) Reply {
	if d.Kind == search.Closing {
		return r.noticeReply(r.loc.T(msgNoticeClosing, map[string]any{"Text": d.Text}))
	}
	s := d.Notice.Sections[d.Section]
	return r.noticeReply(r.loc.T(msgNoticeSection, map[string]any{"Numeral": s.Numeral, "Heading": s.Heading,
		"Body": strings.Join(s.Paragraphs, "\n"), "Notice": d.Notice.Number}))
}

// totalCount answers 一共有多少项任务.
func (r *request) totalCount() Reply {
	n := r.snap.cur
	return r.noticeReply(r.loc.T(msgTotalCount, map[string]any{"Notice": n.Number, "Count": len(n.Tasks), "Sections": r.sectionCount(n)}))
}

func (r *request) sectionCount(n *knowledge.Notice) int {
	seen := map[string]bool{}
	for _, t := range n.Tasks {
		seen[t.Section] = true
	}
	return len(seen)
}

// overview answers 进度: how much of the current notice is done.
func (r *request) overview() (Reply, error) {
	n := r.snap.cur
	total, done, partial, late := 0, 0, 0, 0
	type sec struct {
		name        string
		total, done int
	}
	var secs []*sec
	byName := map[string]*sec{}
	for i := range n.Tasks {
		t := &n.Tasks[i]
		st, isLate, err := r.status(n, t)
		if err != nil {
			return Reply{}, err
		}
		total++
		s := byName[t.Section]
		if s == nil {
			s = &sec{name: prefixNumeral(t.SectionNumeral, "、") + t.Section}
			byName[t.Section] = s
			secs = append(secs, s)
		}
		s.total++
		switch st {
		case knowledge.StatusDone:
			done++
			s.done++
		case knowledge.StatusPartial:
			partial++
		}
		if isLate {
			late++
		}
	}
	head := r.loc.T(msgOverview, map[string]any{"Notice": n.Number, "Total": total, "Done": done,
		"Partial": partial, "Open": total - done - partial, "Late": late})
	lines := []string{head}
	for _, s := range secs {
		lines = append(lines, r.loc.T(msgOverviewSection, map[string]any{"Name": s.name, "Done": s.done, "Total": s.total}))
	}
	return Reply{Kind: "status", Headline: head, Text: strings.Join(lines, "\n"), Tasks: []int{}}, nil
}
