package bot

import (
	"regexp"
	"strings"

	"dutybot/bot/search"
	"dutybot/bot/textnorm"
	"dutybot/knowledge"
)

// handle answers a command or a question.
func (r *request) handle() (Reply, error) {
	if r.text == "" {
		return r.help(), nil
	}
	// A command answers in the configured language: its words are the same
	// in both, and its arguments (科技处, C0123, abc) are data, not language.
	if cmd, args, ok := parseCommand(r.text); ok {
		if rep, handled, err := r.command(cmd, args); handled || err != nil {
			return rep, err
		}
	}
	// A question in English gets an English answer, whatever Slack markup,
	// numbers or Chinese unit names it holds.
	if r.msg.Lang == "" && looksEnglish(r.text, r.snap.units) {
		r.loc = r.e.bundle.For("en")
	}
	var q *query
	if r.shared != nil { // one of many notices: parsed once for them all
		q = r.shared.query(r)
	} else {
		q = r.parseText(r.text)
	}
	if !q.today.IsZero() { // 今天是10月20日: lateness counts from the asker's day
		r.today = q.today
	}
	r.rewriteTopic(q)
	rep, err := r.answer(q)
	if err == nil && rep.Kind == "out_of_scope" && r.shared == nil {
		if alone, ok := r.askedAlone(); ok {
			return alone, nil
		}
	}
	return rep, err
}

// askedAlone answers the one sentence of a message that asks, when the
// message tells a scene in sentences of its own first and the whole was
// found outside the notice: the scene's words (罚单, 坏了, 身份证) are no
// question of their own.
func (r *request) askedAlone() (Reply, bool) {
	ss := textnorm.Sentences(r.text)
	if len(ss) < 2 {
		return Reply{}, false
	}
	last := ""
	for _, s := range ss {
		if asks(s) {
			last = s
		}
	}
	if last == "" || last == r.text {
		return Reply{}, false
	}
	sub := *r
	sub.text = last
	rep, err := sub.handle()
	if err != nil || rep.Kind == "out_of_scope" {
		return Reply{}, false
	}
	// 市民投诉物业乱收停车费…规定里怎么处理: a sentence whose only topic is a
	// word every task may hold (处理) does not answer alone for a scene off topic
	if rep.Kind == "fact" || rep.Kind == "who" {
		q := r.parseText(last)
		if len(q.nums) == 0 && !plausible(r.snap.idx.Search(r.topicTerms(q), nil)) {
			return Reply{}, false
		}
	}
	return rep, true
}

// Thresholds for accepting a search hit as the answer. Below them the
// question is outside the notice: a word or two in common with a task (身份
// in 身份证丢了) must not produce a task answer.
const (
	minCoverage = 0.45 // share of the question's weight the document holds
	minMatched  = 3.0  // IDF weight matched: about one rare bigram, or two common ones
)

// reThatTask points at one task described in the question: 亮证执法那一条.
var reThatTask = regexp.MustCompile(`(那|这|该)一?(条|项|个任务)|thattask|thistask`)

// reWhichUnitLeft asks for the one unit left of a task once one is set aside
// (除了督察支队，还有一个管纪律的单位，是哪个; 除了各分县局，市局层面具体落实的是哪个;
// 除了办公室以外，督察那边的单位有份吗; 除了科技处警保处，还有个啥中心参与).
var reWhichUnitLeft = regexp.MustCompile(`(单位|部门|中心|处|支队)(也)?(有份|参与(了)?)(吗|没有|不|没)|还有(个|一个|1个)?(什么|啥|哪个|哪家)(单位|部门|中心|处|支队)?(参与|有份|配合)|(单位|部门|落实的|负责的|配合的|牵头的|干的)(是)?哪(个|1个|家)$|哪(个|1个|家)(单位|部门)(参与|负责|配合|落实)$|还(有|落到|剩|剩下|要|得|会)?(是)?(哪|谁)(个|1个|家|一家)?(单位|部门|处室)?(头上|身上)?$`)

// reOthersAsked asks for the other units of a task (具体干活的还有哪几个单位,
// 还有谁参与).
var reOthersAsked = regexp.MustCompile(`还有(哪|哪几|哪些)(个|家)?(单位|部门|处|支队)|还有谁`)

// reConfirm asks to confirm what a question states: 是法制支队牵头吧, 牵头的是不是科技处.
var reConfirm = regexp.MustCompile(`难道(不是|是)|不会(又)?是|(牵头|主办)$|(牵头|主办|负责)(的)?还是|(牵头|主办|负责)(的)?(单位|部门)?(是|就是)[^吧吗]{2,8}吧|(吧|吗|对吧|是吗|没错吧|对不对|是不是)$|(牵头|主办)(的)?(单位)?(是不是|是否)|还是.{0,10}(牵头|负责|配合|主办)$|(牵头|主办)(的)?(单位|部门)?(是|归)[^还]{1,10}还是`)

// answer chooses what kind of answer a question wants, most specific first.
func (r *request) answer(q *query) (Reply, error) {
	// 三项制度的第二项是什么: a place in the list the short name stands for, not task 2
	if text, ok := r.abbreviationItem(q); ok {
		return r.noticeReply(text), nil
	}
	// 10月底那条要求做到什么程度: one task pointed at by its deadline, its
	// content asked, not the list of tasks due then
	if len(q.nums) == 0 && q.when != nil && !q.list && !q.count && len(q.units) == 0 && reThatOne.MatchString(q.flat) && !reWhichTasks.MatchString(q.flat) {
		if n := r.dueThen(q); n > 0 {
			q.nums, q.when = []int{n}, nil
		}
	}
	if len(q.nums) > 0 {
		return r.answerTasks(q)
	}
	// 有具体日期的和长期的各有多少项: a count per kind of deadline
	if rep, ok := r.kindsCount(q); ok {
		return rep, nil
	}
	// 第二部分全过程记录里不设具体日期的: the table's part by its place,
	// filtered; the place wins over the topic (第一大块就是公示那块里面)
	if p, ok := r.filteredPartByPlace(q); ok {
		q.part, q.rest = &p, nil
	}
	// 法制审核那部分里有期限的: a section named by topic is one more filter
	// (审核那部分里法制支队牵头的有哪些: so it is for a unit's role in tasks asked
	// which, not for units asked after, nor a unit only named: @法制大队 事前那块…哪些)
	if p, ok := r.sectionNamed(q); ok && q.part == nil && (q.list || q.count || q.kind != "" || q.when != nil || q.late || q.soon || q.super != superNone || len(q.conds) > 0 && !anyExcluded(q.conds) || len(q.units) > 0 && q.roleBy && reWhichTasks.MatchString(q.flat) && !reWhoAsk.MatchString(q.flat)) && !reBodyWord.MatchString(q.flat) && !reMakesPoints.MatchString(q.flat) {
		q.part, q.rest = &p, nil
	}
	// 正文里讲审核制度那块: a part of the body named by topic
	if d, ok := r.bodyNamed(q); ok && len(q.nums) == 0 && !q.filtered() {
		return r.bodyAnswer(d), nil
	}
	// 规范事中公示有哪些任务, 第四部分的任务: the tasks under a heading of the table
	if p, ok := r.partAsked(q); ok {
		return r.answerPart(q, p)
	}
	// 执法公示谁牵头: the units of a part of the table named by its topic
	if p, ok := r.partWhoAsked(q); ok {
		q.part, q.rest = &p, nil
		return r.answerUnits(q)
	}
	if rep, ok := r.answerNotice(q); ok {
		return rep, nil
	}
	// 身份证丢了, 几点下班: phrases no notice uses mark a question about something else
	// (节后第一天上班，哪些过了期限: a list of the table's tasks by time is
	// one whatever else it says, and so is 国庆刚上班，下一个截止的是啥;
	// 护照过期了咋办 asks for none)
	// (我所户籍窗口要重新规范公示，…公示牌上写什么: a story's words set the scene, only the asking part can be off topic)
	// and an English phrase of the lexicon (police ID card) is no off-topic idcard
	// (记录仪坏了两台，配备管理这块归谁牵头: a role of the table asked of a
	// task's topic is the table's, whatever happened first)
	if r.offTopic(q) && !(q.timed() && (q.list || q.count || strings.Contains(q.flat, "哪些") || reAsksOne.MatchString(q.flat))) && !(q.super != superNone && reDueWord.MatchString(q.flat)) && !(q.roleBy && r.plausibleTask(q)) && !r.offTopicScene(q) {
		return r.outOfScope(), nil
	}
	// 我饭店要换新的食品经营许可证，该去哪个窗口办？: an errand asked after a
	// scene that names off-topic business is that business
	if reErrandAsked.MatchString(q.asking) && r.holdsOffTopic(r.snap.offShield.Replace(textnorm.Squeeze(q.text))) {
		return r.outOfScope(), nil
	}
	// 市局机关党委在三项制度任务里分了哪些活: the tasks of an organisation no
	// notice names are none, whatever words of a task its name holds (党委)
	// (網安支隊喺呢份通知度要負責啲咩: what it has to do, asked, is its tasks)
	// (开发是省厅干还是我们干？我们这边负责啥: the body named is no subject of the ask)
	if len(q.units) == 0 && (q.list || (reUnitDuty.MatchString(q.flat) || reUnitPart.MatchString(q.flat)) && r.foreignSubject(q)) && !q.timed() && r.foreignUnit(q) {
		return r.outOfScope(), nil
	}
	// 我们得赶在啥时候前头往外公布: "we" the police, asking a fact, is no
	// unit's list of tasks
	if q.mine && len(q.units) == 0 && !q.list && !q.count && q.when == nil && !q.late && !q.soon && q.kind == "" && q.status == statusAny && r.plausibleTask(q) {
		q.mine = false
	}
	if q.mine && len(q.units) == 0 {
		u, err := r.e.st.UserUnit(r.ctx, r.msg.User)
		if err != nil {
			return Reply{}, err
		}
		if u == "" {
			t := r.loc.T(msgNeedIam, nil)
			return Reply{Text: t, Headline: t, Kind: "unit", Tasks: []int{}}, nil
		}
		q.units = []string{u}
	}
	// 关于…培训一事，牵头部门为何？法制支队是否参与: who leads the task the
	// first question describes; the unit asked after it is answered with it
	if len(q.units) > 0 && !q.timed() && q.kind == "" && whoThenPart(q) {
		if fq := unitsAsWords(q); r.plausibleTask(&fq) {
			fq.ask |= askWho
			return r.answerFact(&fq)
		}
	}
	// 除了各分县局，还有哪个单位负责: a question about one task's units that sets one aside
	if (reWhoAsk.MatchString(q.flat) || reWhichUnitLeft.MatchString(q.flat)) && !q.list && !q.count && anyExcluded(q.conds) {
		// the other units named are words of the task (办事窗口挂岗位信息牌)
		for i, c := range q.conds {
			if !c.banLead || !c.banResp {
				q.rest = append(q.rest, q.mentions[min(i, len(q.mentions)-1)])
			}
		}
		q.units, q.conds = nil, nil
	}
	// 对网上的执法数据做分析研究…，法制支队牵头，具体干活的还有哪几个单位: the
	// unit named has a part in the task described, the question asks the others
	if len(q.units) == 1 && q.conds == nil && reOthersAsked.MatchString(q.flat) && !q.timed() && q.kind == "" && !q.late && !q.soon {
		hits := r.snap.idx.Search(r.topicTerms(q), func(d *search.Doc) bool {
			return d.Kind == search.Task && (d.Task.Has(q.units[0], knowledge.RoleLead) || d.Task.Has(q.units[0], knowledge.RoleResponsible))
		})
		if plausible(hits) {
			q.nums = []int{r.snap.idx.Docs[hits[0].Doc].Task.Number}
			q.units, q.list, q.count = nil, false, false
			q.ask |= askWho
			return r.answerTasks(q)
		}
	}
	// 追责那条，纪检方面列的是哪个单位: the unit named is the kind of unit asked
	// for in one task described, which it only helps find (rank), no filter
	if unitKindAsked(q) {
		// a unit in one task only (驻局纪检组) says which task it is
		if ts := r.tasksOf(q.units[0]); len(ts) == 1 {
			q.nums = ts
			return r.answerTasks(q)
		}
		return r.answerFact(q)
	}
	// 那项任务是哪几家一起牵头的: who leads one task, not the tasks with several leads
	// (把执法这摊事全搬上网…这是哪几个部门一起牵头的: the description need
	// only stand out among the tasks that do have several leads)
	// (…好几个部门一起挑头，都是那几家: the units asked after the leads)
	// (有没有几家一起牵头的任务？到时候互相推诿算谁的: tasks of that kind are
	// asked; the who after them is a remark)
	if q.multiLead && (reWhoAsk.MatchString(q.flat) || reLeadsAsked.MatchString(q.flat)) && !reLedTasks.MatchString(q.flat) && (r.plausibleTask(q) || r.describesMultiLead(q)) {
		q.multiLead, q.leadsMany = false, true
	}
	// 数字化执法体系那条，牵头单位有几个，分别是谁: the task described has several
	if !q.leadsMany && len(q.units) == 0 && reLeadsCount.MatchString(q.flat) && reWhoAsk.MatchString(q.flat) && r.plausibleTask(q) {
		q.multiLead, q.leadsMany = false, true
	}
	if r.unitsAsked(q) {
		return r.answerUnits(q)
	}
	// 亮证执法那一条，法制支队牵头、督察也跟着落实，对吧: one task named by its
	// content, with its units to confirm, not a list of the units' tasks
	if (reThatTask.MatchString(q.flat) || reConfirm.MatchString(q.flat)) && len(q.units) > 0 && !q.list && !q.count && q.when == nil && q.kind == "" &&
		!q.late && !q.soon && q.status == statusAny && r.plausibleTask(q) {
		return r.answerFact(q)
	}
	// 执法结果公开有没有时间限制: whether what it describes has a time limit,
	// not the tasks that have a date
	if q.kind == knowledge.DeadlineDate && reLimitAsked.MatchString(q.flat) && !q.list && !q.count && len(q.units) == 0 &&
		q.when == nil && q.part == nil && !q.late && !q.soon && q.super == superNone && (r.plausibleTask(q) || r.relevantTask(q)) {
		q.kind, q.ask = "", q.ask|askPeriod
		return r.answerFact(q)
	}
	// 双随机一公开这个是有截止时间的还是一直要推下去的: which kind of deadline
	// what it describes has, not the tasks of either kind
	if q.kind != "" && reKindEitherOr.MatchString(q.flat) && !q.list && !q.count && len(q.units) == 0 &&
		q.when == nil && q.part == nil && !q.late && !q.soon && q.super == superNone && r.plausibleTask(q) {
		q.kind, q.ask = "", q.ask|askDeadline
		return r.answerFact(q)
	}
	if q.filtered() {
		if r.unitAside(q) {
			return r.outOfScope(), nil
		}
		// 县局法制室人手不够能不能花钱请人: a unit named in a question about a task's
		// content, with nothing that asks for a list of its tasks
		// 督察口是哪个单位负责配合这一项: who, of a task named by its content
		if r.unitsOnly(q) && !q.list && !q.count && (!q.roleBy || reWhoAsk.MatchString(q.flat)) && r.plausibleTask(q) {
			return r.answerFact(q)
		}
		// 哪条任务各分县局完全不用管: a unit set aside only ever filters a list
		if q.list || q.count || len(q.units) == 0 || anyExcluded(q.conds) || !r.strong(q, isTask, 2) {
			if fq := r.unitWordsFact(q); fq != nil {
				return r.answerFact(fq)
			}
			if fq := r.whoOfNamedPlace(q); fq != nil {
				return r.answerFact(fq)
			}
			return r.answerList(q)
		}
		return r.answerFact(q)
	}
	// 任务有哪些, 列出所有任务: a list with no filter and no topic is every task
	if q.list && !q.count && q.ask == 0 && len(r.topicTerms(q).Grams) == 0 {
		return r.answerList(q)
	}
	// 办理进度查询 is words of task 5; 查处进展 among what a task has published
	if q.status == statusOverview && !r.relevantTask(q) && !r.plausibleTask(q) {
		return r.overview()
	}
	if q.count && len(r.topicTerms(q).Grams) == 0 {
		return r.totalCount(), nil
	}
	return r.answerFact(q)
}

// describesMultiLead reports whether the question's topic words find one of
// the tasks with several lead units well enough for a tentative answer
// (coverable): a question that says "several units lead it" narrows the
// search to those tasks, so fewer words identify one.
func (r *request) describesMultiLead(q *query) bool {
	hits := r.snap.idx.Search(r.topicTerms(q), func(d *search.Doc) bool {
		return d.Kind == search.Task && len(d.Task.Lead) > 1
	})
	return coverable(hits)
}

// reLeadsAsked asks which units lead, after saying several do (不止一个部门
// 牵头，都是哪几个): 哪几个 alone may count tasks, after the leads it counts units.
var reLeadsAsked = regexp.MustCompile(`(牵头|挑头|主办)[^|]{0,16}(哪|那)几(个|家)($|单位|部门|[^任项条])`)

// reLimitAsked asks whether something has a time limit (有没有时限, 有时间限制吗).
var reLimitAsked = regexp.MustCompile(`(有没有|有无|是否有|有)(个|什么)?(时限|期限|时间限制|时间要求|限期)(要求)?(吗|没|么)?$|(时限|期限|时间限制)(有没有|是多少|多久|多长)`)

// reLedTasks asks for tasks of a way of leading (几家一起牵头的任务).
var reLedTasks = regexp.MustCompile(`(` + leadVerbs + `)的(任务|事|活|项|条|工作)`)

// reKindEitherOr asks whether something has a date or is ongoing (有截止时间的
// 还是一直要推下去的, 是长期的还是有期限).
var reKindEitherOr = regexp.MustCompile(`(截止|期限|日期|时间|时限|节点|deadline).{0,4}还是.{0,6}(长期|一直|持续|常态|没有?(期限|截止)|不设|无期限|ongoing)|(长期|一直|持续|常态|ongoing).{0,8}还是.{0,6}(截止|期限|日期|时间|时限|节点|deadline)`)

// outOfScope is the reply to a question no notice covers: it names the notice
// asked and suggests what can be asked instead.
func (r *request) outOfScope() Reply {
	n := r.snap.cur
	head := r.loc.T(msgOutOfScope, map[string]any{"Notice": n.Number, "Title": n.Title})
	return Reply{Kind: "out_of_scope", Headline: head, Text: head + "\n" + r.loc.T(msgSuggest, nil), Tasks: []int{}}
}

// daysLeft counts the days from today to a deadline: left, due today, or
// overdue by so many days.
func (r *request) daysLeft(due knowledge.Date, data map[string]any) string {
	n := r.today.DaysUntil(due)
	switch {
	case n > 0:
		data["Days"] = n
		return r.loc.T(msgAnsDaysLeft, data)
	case n == 0:
		return r.loc.T(msgAnsDueToday, data)
	default:
		data["Days"] = -n
		return r.loc.T(msgAnsDaysOver, data)
	}
}
