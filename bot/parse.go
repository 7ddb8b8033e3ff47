package bot

import (
	"strconv"
	"strings"
	"unicode"

	"dutybot/bot/search"
	"dutybot/bot/textnorm"
	"dutybot/knowledge"
)

// parse reads a question with s's units, topic forms and synonyms (s.syn nil
// for none) and the clock c; the forms and synonyms rewrite only the words
// left once the filters are read.
func parse(raw string, s *snapshot, c clock) *query {
	ui, syn := s.units, s.syn
	q := &query{raw: raw, text: textnorm.ShouldButNot(withoutDoubt(withoutGuesses(withoutCourtesy(withoutTag(textnorm.Fold(raw), ui.resolve)))))}
	// 文号是淮公发2019年多少号, 我记得是皖公通2019年第7号: a document number
	// guessed asks for one, its numbers are no task's; one the notices cite
	// (皖公警保〔2015〕228号是啥文件) is a word of theirs
	q.text = ui.described(q.text) // 那个管装备的处: the unit by its name
	// 作为责任单位（不是牵头）: the bracket says which column, it sets no lead aside
	q.text = reRoleClarified.ReplaceAllString(q.text, "$1")
	q.text = reDocNumber.ReplaceAllStringFunc(q.text, func(m string) string {
		if strings.Contains(ui.corpus, textnorm.MatchForm(m)) {
			return m
		}
		return "文号"
	})
	// 多长期限内要更新, 应在多长期间内归卷: how long a limit, not a 长期 task
	q.text = reHowLongSpan.ReplaceAllString(q.text, "多久的$1")
	q.flat = textnorm.Squeeze(q.text)
	q.asking = withoutStory(q.text, func(string) string { return "|" })
	// English phrases are fenced at word boundaries before anything squeezes them
	text := markEnglish(q.text, builtinPhrases)

	// 今天是10月20日, today is 20 october: the day to count from, no deadline
	if d, rest, ok := statedToday(text, c); ok {
		q.today, c.today, text = d, d, rest
		// 今天是国庆后上班第一天10月8号: the words that say which day it is are
		// asked nothing (上班 is no off-topic word there)
		if _, a, ok := statedToday(q.asking, c); ok {
			q.asking = a
		}
	}
	// time: before units, so that 9月 is not read inside a name; a story's
	// times (上个月就结了) are narrative, not windows
	// 教导员问我9月底到期的有哪些，我说回头查查。是哪几项？: an asking part that
	// names nothing asks after what the story told
	// (…截至9月30号该完成的都要看。到那天为止所有到期的是哪几项: 那天 is the story's day)
	bare := reBareAsk.MatchString(textnorm.Squeeze(q.asking)) || reTimeBackRef.MatchString(q.asking)
	// 局长让我把9月底到期的挂到墙上，挂图作战，有哪几项: the story names the
	// tasks by their deadline, and the asking part, which names no time of its
	// own, asks for them
	toldTasks := reAsksTasks.MatchString(textnorm.Squeeze(q.asking)) && !reTimeWord.MatchString(q.asking)
	text = withoutStory(text, func(s string) string {
		// 听同事说有个任务9月18号前就得弄完: a deadline told is the one asked after
		// 到10月底为止（含以前的），该完成的任务都有哪些: a clause that only bounds
		// the time is the window the tasks asked after are in
		if bare || reToldDeadline.MatchString(s) || toldTasks && (reDueClause.MatchString(s) || reUpTo.MatchString(s)) {
			return s
		}
		_, s = readWindow(s, c)
		// 走之前交代我盯紧点: the story's 之前 bounds no deadline either
		return reAfter.ReplaceAllString(reBy.ReplaceAllString(s, "|"), "|")
	})
	q.when, text = parseWindow(text, c)

	// task numbers, once dates are cut out (任务2019年… is not task 2019)
	text = replaceTaskRefs(text, func(s string) string {
		m := reTaskRef.FindStringSubmatch(s)
		for _, g := range []string{m[1], m[3], m[4], m[5], m[6]} {
			if n, err := strconv.Atoi(g); err == nil && g != "" {
				q.nums = append(q.nums, n)
			}
		}
		if m[2] != "" && m[2] != "项" && m[2] != "条" && m[2] != "号" && m[2] != "个" && m[2] != "任务" {
			return "|" + m[2]
		}
		return "|"
	})

	// a unit named only in the story (我们县局这两天查封了一批东西，…是不是必须
	// 全程录像) is no filter when the asking part names units of its own or
	// asks no list of tasks, unless it says "we": then the story said who we
	// are (我是法制支队的，我们牵头的有哪些; 我们对口的警务保障处，在表里牵头的有哪几项)
	// 督察要来查，到今天为止逾期的有哪些: a unit that only acts in the story, with
	// no role or pronoun asked after it, is no filter either
	// (问我要落实哪个规范: the asker asked, not "we")
	// (Police Support Division (警务保障处) … Which tasks do they lead: "they" points back at it)
	if askUnits, _, _ := ui.find(squeezeKeepBars(q.asking)); !reFirstPerson.MatchString(reAskerAsked.ReplaceAllString(q.asking, "|")) && !reBackRef.MatchString(q.asking) &&
		(len(askUnits) > 0 || !reAsksTasks.MatchString(textnorm.Squeeze(q.asking)) || !asksUnitPart(q)) {
		text = withoutStory(text, func(s string) string {
			_, rest, _ := ui.find(squeezeKeepBars(s))
			return rest
		})
	}
	// 是不是比法制支队牵头的还多: a unit compared with is no filter
	text = reCompared.ReplaceAllString(text, "|")
	// units, and what each one is asked to be (科技处牵头、没有警务保障处)
	sq := squeezeKeepBars(text)
	q.units, text, q.mentions = ui.find(sq)
	// 科技信息处, 教育培训科: a unit misnamed, when none is named right
	if len(q.units) == 0 {
		if m, u := ui.near(sq); u != "" {
			sq = strings.Replace(sq, m, textnorm.Fold(u), 1)
			q.units, text, q.mentions = ui.find(sq)
		}
	}
	q.units, q.mentions = withoutAskers(sq, q.units, q.mentions, ui.canonical)
	// 这事是法制支队自己牵头，还是另有部门？: the unit is a guess, the question
	// asks who does what it describes
	if len(q.units) == 1 && reOrOther.MatchString(q.flat) {
		q.units, q.mentions = nil, nil
		q.ask |= askWho
	}
	// 市局办公室当责任单位、由别的部门牵头的: the unit does not lead them
	if len(q.units) == 1 && reRespRole.MatchString(sq) {
		sq = reOtherLeads.ReplaceAllString(sq, "自己不牵头")
	}
	// 市局办公室牵头、但责任单位里没有它自己的: "it" is the one unit named
	if len(q.units) == 1 {
		sq = reColumnWithoutIt.ReplaceAllString(sq, "自己不当$1")
	}
	if cs := parseUnitConds(sq, q.mentions, ui.canonical); composed(cs) {
		q.conds = cs
	}
	f := q.flat
	// with a unit named, 联合牵头 describes that unit's tasks (包括跟别人一起牵头的)
	q.multiLead = len(q.units) == 0 && reMultiLead.MatchString(f)
	q.selfBoth = len(q.units) == 0 && reSelfBoth.MatchString(f)
	if len(q.units) == 0 {
		q.soleLead, q.soleResp = reSoleLead.MatchString(f), reSoleResp.MatchString(f)
	}
	// a month named (9月底) is a window, read above; one that says where the
	// asker stands (11月中旬了，…) asks for no shape of deadline
	switch fm := textnorm.Squeeze(reNowMonth.ReplaceAllString(q.text, "|")); {
	case q.when != nil:
	case reMidMonth.MatchString(fm):
		q.monthEnd = -1
	case reMonthEnd.MatchString(fm):
		q.monthEnd = 1
	}

	// roles
	// 担任牵头单位: 担任 only carries the role noun after it, it does not widen the role
	// a responsible unit rather than the lead: the lead named only to be set aside
	// 他们除了自己牵头的，还得配合别人。科技处作为责任单位的: the story's
	// roles are what it tells, the asking part's are asked
	fo := f
	if fa := textnorm.Squeeze(q.asking); fa != f && (containsAny(fa, leadWords) || containsAny(fa, respWords) || containsAny(fa, anyWords)) {
		fo = fa
	}
	fr := reConcessive.ReplaceAllString(reRatherThanLead.ReplaceAllString(fo, "|"), "|")
	lead, resp, anyRole := containsAny(fr, leadWords), containsAny(fr, respWords), containsAny(reRoleVerb.ReplaceAllString(fr, "$1"), anyWords)
	// 作为责任单位参与: the role noun decides; 牵头或参与 and 牵头和责任: any role;
	// 不论牵头还是负责: roles waved aside
	if reAnyRoleAside.MatchString(fo) {
		// 在责任单位栏出现的，不管它牵不牵头: the role waved aside goes, one
		// asked for outside the aside stays
		rest := reAnyRoleAside.ReplaceAllString(fo, "|")
		lead, resp, anyRole = containsAny(rest, leadWords), containsAny(rest, respWords), true
		if lead == resp {
			lead, resp = false, false
		}
	}
	switch {
	case resp && !lead:
		q.role, q.roleBy = roleResponsible, true
	case lead && !resp && !anyRole:
		q.role, q.roleBy = roleLead, true
	default:
		q.role, q.roleBy = roleAny, lead || resp || anyRole
	}

	// deadlines and state; 有没有时限 asks whether there is one
	// read from the asking part: a story's 有的有期限，有的一直干 or 还卡着时间
	// tells what the table is like, it asks for no kind of deadline; unless
	// the asking part only asks for the tasks the story described (领导让我盯着
	// 有明确截止日子的那些活儿，都是哪几项)
	fa := textnorm.Squeeze(q.asking)
	fk := fa
	if !reNoDeadline.MatchString(fa) && !reHasDeadline.MatchString(fa) && !containsAny(fa, ongoingWords) && (reAsksTasks.MatchString(fa) || reBareAsk.MatchString(fa) || reAsksOne.MatchString(fa)) {
		fk = f
	}
	fk = reNoTimeTo.ReplaceAllString(fk, "|") // 没时间翻文件: the asker's time, no task's
	noDeadline := reNoDeadline.MatchString(strings.ReplaceAll(fk, "有没有", "是否有"))
	ongoingAside := reOngoingAside.MatchString(fk)
	switch {
	case noDeadline && (!containsAny(fk, ongoingWords) || reNotOngoing.MatchString(fk)):
		q.kind = knowledge.DeadlineNone
	case noDeadline: // 长期干的、没有截止日子: ongoing
		q.kind = knowledge.DeadlineOngoing
	case reHasDeadline.MatchString(fk):
		q.kind = knowledge.DeadlineDate
	case ongoingAside: // 长期的那种就不用算了: set aside, no kind asked for
	case reNotOngoing.MatchString(fk): // 非长期, 不是长期的: the tasks with a date
		q.kind = knowledge.DeadlineDate
	case containsAny(fk, ongoingWords):
		q.kind = knowledge.DeadlineOngoing
	}
	// 未逾期, 还没过期: not late, read above as a window from today on
	// lateness is asked, not told: 逾期没归档的我们要登记在册 after the question is a remark
	// 10月底前要完成的，已过期的也算上: the late ones counted in, no filter
	fa = reLateCounted.ReplaceAllString(fa, "|")
	// (incl. the ones already passed: the past let in, not asked for)
	q.late = !reNotLate.MatchString(fa) && !reWidened.MatchString(q.text) && (containsAny(fa, lateWords) || containsAny(fa, shouldHaveDone) || reDeadlinePassed.MatchString(fa) || (containsAny(fa, lateTaskWords) && (reTaskish.MatchString(fa) || reList.MatchString(fa) || strings.Contains(fa, "哪些"))))
	// 拖多久不立卷就算超期: the time limit after which work is late, not late tasks
	if q.late && rePeriodCount.MatchString(fa) && !reList.MatchString(fa) && !reCount.MatchString(fa) {
		q.late = false
	}
	q.soon = containsAny(f, soonWords)
	// 未来四周之内即将到期的: the span says how soon
	if q.soon && q.when != nil && q.when.Shape == shapeSpan && q.when.From == c.today && !q.when.To.IsZero() {
		q.soon = false
	}
	// overdue today, 今天逾期的: today is where lateness is counted from, not a deadline
	if (q.late || q.soon) && q.when != nil && q.when.Shape == shapeDay && q.when.From == c.today && q.when.To == c.today {
		q.when = nil
	}
	// 等办完了再看卷 is a step of work, not a state asked for: a state filters
	// only a question that asks for tasks
	asksTasks := reList.MatchString(f) || reCount.MatchString(f) || len(q.units) > 0 || containsAny(f, []string{"任务", "哪些", "哪几", "几项", "多少项", "事项", "task"})
	// English state words are whole words: "do penalty" holds no "open"
	starts := textnorm.LatinStarts(q.text)
	// its finished list: an adjective, no state of work
	fs := reDoneAdjective.ReplaceAllStringFunc(f, func(m string) string { return strings.Repeat("|", len(m)) })
	for _, w := range shouldHaveDone { // 应当早就完成了 asks for late tasks, not done ones
		fs = strings.ReplaceAll(fs, w, strings.Repeat("|", len(w))) // same length: LatinStarts are offsets
	}
	switch {
	case asksTasks && textnorm.ContainsWordAt(fs, starts, partialWords):
		q.status = statusPartial
	case asksTasks && (textnorm.ContainsWordAt(fs, starts, openWords) || reNothingDone.MatchString(fs)):
		q.status = statusOpen
	case asksTasks && textnorm.ContainsWordAt(reToBeDone.ReplaceAllString(fs, "|"), textnorm.LatinStarts(reToBeDone.ReplaceAllString(q.text, "|")), doneWords):
		q.status = statusDone
	case containsAny(reCaseProgress.ReplaceAllString(fa, "|"), overview): // 科技处要汇报进度，他们的人来问我: the story's 进度 asks for none
		q.status = statusOverview
	}
	// 要是没落实，先找哪个牵头部门: a state in a condition is no filter
	if (q.status == statusOpen || q.status == statusDone) && reConditionalState.MatchString(q.text) {
		q.status = statusAny
	}
	q.mine = reMine.MatchString(reNotMine.ReplaceAllString(q.asking, "|"))
	q.super = parseSuperlative(f)
	// the next deadline coming up: the next one, however far it is (not due soon)
	if q.super == superNext {
		q.soon = false
	}
	// 9月18号那个节点刚过，紧接着下一个: the next after a day named
	if q.super == superNext && q.when != nil && q.when.Shape == shapeDay && q.when.From != c.today {
		q.when = &window{From: q.when.From.AddDays(1), Shape: shapeSpan}
	}
	// 从今天起最近的一个截止节点: the next deadline counts from today, the anchor is no window
	if q.super == superNext && q.when != nil && (q.when.From == c.today && q.when.To.IsZero() || q.when.To == c.today && q.when.From.IsZero() || q.when.Shape == shapeDay && q.when.From == c.today) {
		q.when = nil
	}
	// 最早的是9月18号那条，对吧: the day is the asker's guess at the answer, no filter
	if q.super != superNone && q.when != nil && q.when.Shape == shapeDay && reGuess.MatchString(f) {
		q.when = nil
	}
	q.light = parseLight(f)

	// what kind of answer
	// 几个方面, 几个阶段, 几个工作日 count something inside a task, not tasks
	// 帮我列几条放ppt里: a few points of the answer, no count of tasks
	fc := reFewPoints.ReplaceAllString(f, "|")
	if m := reCount.FindStringSubmatch(fc); m != nil && !strings.Contains(f, "第几") && !strings.HasPrefix(m[3], "工作") && !strings.HasPrefix(m[3], "月") &&
		!(m[2] == "个" && m[3] != "" && !reCountedNoun.MatchString(m[3])) {
		q.count = true
	}
	q.list = (reList.MatchString(f) && !reWhichOne.MatchString(f)) || q.count
	// 政务服务窗口在表里要干嘛: what a named unit has to do is its tasks; so
	// are the tasks that name it (指挥中心被点名的是哪项, 纪检组在哪条里有名)
	// (审核那块 法制牵头的: a role said last, as a fragment, lists the unit's tasks)
	// (…这项工作由哪个部门牵头？我县局在其中承担何种角色: who leads a task
	// described, then the unit's part in it, is no list of the unit's tasks)
	if len(q.units) > 0 && (reUnitDuty.MatchString(f) && !whoThenPart(q) || (reUnitPart.MatchString(f) || reRoleTail.MatchString(f)) && !reWhoAsk.MatchString(f) || reUnitNamed.MatchString(f) && reWhichTask.MatchString(f)) {
		q.list = true
	}
	if q.list && reRatio.MatchString(f) && !strings.Contains(f, "task") && !strings.Contains(f, "任务") && !strings.Contains(f, "几项") {
		q.list, q.count = false, false // how many percent, the ratio to the number of officers: inside a task, not a list
	}
	if rePeriod.MatchString(f) {
		q.ask |= askPeriod
		// 往外公布有没有时间要求？多少天以内: the time limit of what it
		// describes, not the tasks that have a date
		if q.kind == knowledge.DeadlineDate && rePeriodCount.MatchString(f) && !q.list && !q.count && len(q.units) == 0 {
			q.kind = ""
		}
	}
	// When police come to inspect my warehouse, do they have to show ID: a
	// clause that sets the scene, then the yes/no question, asks no date
	if reWhen.MatchString(f) && !reWhenScene.MatchString(q.text) {
		q.ask |= askDeadline
	}
	// 年报 时间, 调阅监督 日期: a trailing 时间 asks when, and is no word of the topic
	if reTrailingWhen.MatchString(text) {
		q.ask |= askDeadline
		text = reTrailingWhen.ReplaceAllString(text, "")
	}
	if reDaysLeft.MatchString(f) { // counts down to the deadline, not a time limit in the text
		q.ask = q.ask&^askPeriod | askDeadline | askDaysLeft
	}
	if reRatio.MatchString(f) {
		q.ask |= askRatio
	}
	if reArticleAsk.MatchString(f) {
		q.ask |= askArticle
	}
	if reDocumentAsk.MatchString(f) {
		q.ask |= askDocument
	}
	if rePlaceAsk.MatchString(f) && !reReportTo.MatchString(f) {
		q.ask |= askPlace
	}
	// 公开以后还要报送给哪些单位: the recipients a task's text names, not its units
	if reWho.MatchString(f) && !whoIsNamed(f) && !reRecipient.MatchString(f) {
		q.ask |= askWho
	}
	if strings.Contains(f, "完成了吗") || strings.Contains(f, "完成没") || strings.Contains(f, "状态") || strings.Contains(f, "isitdone") {
		q.ask |= askStatus
	}
	text = s.forms.read(text)
	if syn != nil {
		text = syn.Replace(latinPhrasesOnly(text, builtinPhrases))
	}
	// 那条有两个牵头单位: how many units a task has frames the question
	text = reUnitTally.ReplaceAllString(text, "|")
	for _, seg := range strings.Split(scaffolding.Replace(text), "|") {
		seg = strings.Map(func(r rune) rune {
			if r < 128 && !(r >= '0' && r <= '9') && r != '%' {
				return -1 // English words frame the question; the notice is Chinese
			}
			return r
		}, seg)
		if seg != "" {
			q.rest = append(q.rest, seg)
		}
	}
	// 我们单位的任务 asks for the asker's unit; 占本单位执法民警的百分之几 and
	// 我们市局自己开发 are words of a task: "mine" needs a list, a role, a
	// time, a state or a light (我们单位有几个黄灯) asked, or nothing else to be about
	// (参加什么考试 is a word of a task: any role counts only beside a list asked)
	if q.mine && reWhoAsk.MatchString(q.flat) || q.mine && !(q.list || q.count || q.role != roleAny || q.roleBy && reAsksList.MatchString(q.flat) || q.when != nil || q.kind != "" || q.late || q.soon || q.light != "" ||
		q.status != statusAny || q.super != superNone || len(q.rest) == 0) {
		q.mine = false
	}
	return q
}

// asksUnitPart reports whether q asks about a unit's part in the table, so
// that a unit its story names is the one asked about.
func asksUnitPart(q *query) bool {
	return reUnitRole.MatchString(q.flat) || reUnitPronoun.MatchString(q.asking)
}

// squeezeKeepBars drops spaces and turns other punctuation into | marks, the
// marks that stand for cut-out phrases, so no bigram runs across them.
func squeezeKeepBars(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case (r == ' ' || r == '\t') && spaceBetweenClauses(rs, i):
			// 救命 师父说要先亮证 到底亮啥证: a space typed between Chinese
			// clauses is the writer's comma (between keywords, 人事 涉及, it
			// is only a space: the words read on as one)
			b.WriteByte('|')
		case r == ' ' || r == '\t':
		case strings.ContainsRune("()（）", r):
			// 各县（分）局, 受（立）案: brackets sit inside a word, as the index reads it
		case r == '|' || search.IsWordRune(r) || (r < 128 && r > ' ' && (r == '.' || r == '#')):
			b.WriteRune(r)
		default:
			b.WriteByte('|')
		}
	}
	return b.String()
}

// clauseRunes is how many Han characters make the words on each side of a
// space a clause, not a keyword: search-box questions (归档 几天, 人事 涉及)
// space out words of two or three characters.
const clauseRunes = 4

// spaceBetweenClauses reports whether the run of spaces at rs[i] is its
// first space and stands between clauseRunes Han characters or more on each
// side (up to the next space or mark).
func spaceBetweenClauses(rs []rune, i int) bool {
	if i == 0 || rs[i-1] == ' ' || rs[i-1] == '\t' {
		return false
	}
	before := 0
	for k := i - 1; k >= 0 && unicode.Is(unicode.Han, rs[k]); k-- {
		before++
	}
	j := i
	for j < len(rs) && (rs[j] == ' ' || rs[j] == '\t') {
		j++
	}
	after := 0
	for k := j; k < len(rs) && unicode.Is(unicode.Han, rs[k]); k++ {
		after++
	}
	return before >= clauseRunes && after >= clauseRunes
}

// whoThenPart reports whether q asks who in its first question and names its
// units only after it (牵头部门为何？人事处承担何种职责？).
func whoThenPart(q *query) bool {
	k := strings.IndexAny(q.text, "?？")
	if k < 0 || len(q.mentions) == 0 {
		return false
	}
	first := textnorm.Squeeze(q.text[:k])
	for _, m := range q.mentions {
		if strings.Contains(first, m) || !strings.Contains(textnorm.Squeeze(q.text[k:]), m) {
			return false
		}
	}
	return (reWhoAsk.MatchString(first) || reLeadAskedLast.MatchString(first)) && !reUnitDuty.MatchString(first)
}
