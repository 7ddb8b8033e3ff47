package bot

import (
	"regexp"
	"slices"
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
	// slips (随即 for 随机) are mended before anything is read, unit names included
	var q *query
	if r.shared != nil { // one of many notices: parsed once for them all
		q = r.shared.query(r)
	} else {
		q = parse(r.snap.slips.Replace(textnorm.Fold(r.text)), r.snap.units, r.snap.syn, r.clock())
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
// (除了督察支队，还有一个管纪律的单位，是哪个; 除了各分县局，市局层面具体落实的是哪个).
var reWhichUnitLeft = regexp.MustCompile(`(单位|部门|落实的|负责的|配合的|牵头的|干的)(是)?哪(个|1个|家)$`)

// reConfirm asks to confirm what a question states: 是法制支队牵头吧, 牵头的是不是科技处.
var reConfirm = regexp.MustCompile(`(吧|吗|对吧|是吗|没错吧|对不对|是不是)$|(牵头|主办)(的)?(单位)?(是不是|是否)|还是.{0,10}(牵头|负责|配合|主办)$`)

// answer chooses what kind of answer a question wants, most specific first.
func (r *request) answer(q *query) (Reply, error) {
	// 三项制度的第二项是什么: a place in the list the short name stands for, not task 2
	if text, ok := r.abbreviationItem(q); ok {
		return r.noticeReply(text), nil
	}
	if len(q.nums) > 0 {
		return r.answerTasks(q)
	}
	// 有具体日期的和长期的各有多少项: a count per kind of deadline
	if rep, ok := r.kindsCount(q); ok {
		return rep, nil
	}
	// 法制审核那部分里有期限的: a section named by topic is one more filter
	if p, ok := r.sectionNamed(q); ok && (q.list || q.count || q.kind != "" || q.when != nil || q.late || q.soon || q.super != superNone) && !reBodyWord.MatchString(q.flat) && !reMakesPoints.MatchString(q.flat) {
		q.part, q.rest = &p, nil
	}
	// 第二部分全过程记录里不设具体日期的: the table's part by its place, filtered
	if p, ok := r.filteredPartByPlace(q); ok {
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
	if r.offTopic(q) && !(q.timed() && (q.list || q.count || strings.Contains(q.flat, "哪些"))) && !(q.super != superNone && reDueWord.MatchString(q.flat)) && !(q.roleBy && r.plausibleTask(q)) && !r.offTopicScene(q) {
		return r.outOfScope(), nil
	}
	// 市局机关党委在三项制度任务里分了哪些活: the tasks of an organisation no
	// notice names are none, whatever words of a task its name holds (党委)
	if len(q.units) == 0 && q.list && !q.timed() && r.foreignUnit(q) {
		return r.outOfScope(), nil
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
	if q.multiLead && reWhoAsk.MatchString(q.flat) && r.plausibleTask(q) {
		q.multiLead = false
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
			return r.answerList(q)
		}
		return r.answerFact(q)
	}
	// 任务有哪些, 列出所有任务: a list with no filter and no topic is every task
	if q.list && !q.count && q.ask == 0 && len(r.topicTerms(q).Grams) == 0 {
		return r.answerList(q)
	}
	if q.status == statusOverview && !r.relevantTask(q) { // 办理进度查询 is words of task 5
		return r.overview()
	}
	if q.count && len(r.topicTerms(q).Grams) == 0 {
		return r.totalCount(), nil
	}
	return r.answerFact(q)
}

// unitAside reports whether a question that names a unit asks something
// about it that no notice speaks of (法制支队队长是谁, 科技处在几楼) rather
// than for its tasks: no list, role, condition (不用管), time or state
// words, and a word left over that no document holds.
func (r *request) unitAside(q *query) bool {
	if len(q.units) == 0 || q.conds != nil || q.list || q.count || q.roleBy || q.when != nil || q.kind != "" || q.light != "" ||
		q.late || q.soon || q.status != statusAny || q.ask&(askDeadline|askPeriod|askStatus) != 0 {
		return false
	}
	return r.snap.idx.Foreign(q.rest) && !r.coverableTask(q)
}

// coverableTask reports whether the question's topic words hold enough of a
// task for a tentative answer (tentativeMatched), whatever units it names.
func (r *request) coverableTask(q *query) bool {
	return coverable(r.snap.idx.Search(r.topicTerms(q), isTask))
}

// offTopic reports whether the asking part of q uses an off-topic phrase:
// one of its English phrases (fenced by markEnglish) is one, or its other
// words hold one (a phrase of the notice's terms, police ID card, holds no idcard).
func (r *request) offTopic(q *query) bool {
	text := markEnglish(q.asking, builtinPhrases)
	for _, p := range reFencedPhrase.FindAllString(text, -1) {
		if slices.Contains(r.snap.offtop, strings.Trim(p, "|")) {
			return true
		}
	}
	return containsAny(textnorm.Squeeze(reFencedPhrase.ReplaceAllString(text, "|")), r.snap.offtop)
}

// offTopicScene reports whether a question's off-topic words (违章, 罚单,
// 坏了) all set the scene in clauses before the one it asks in, and that
// clause alone is relevant to a task (窗口给一个违章的开了罚单，这个决定要几天内
// 挂到网上): the scene is from police work, the question is the notice's.
func (r *request) offTopicScene(q *query) bool {
	ask := askingClause(q.text)
	if len(ask) == len(q.text) {
		return false
	}
	// 来所里办居住证，需要带哪些材料，多少个工作日: the off-topic clause is asked about too
	parts, _ := storyClauses(q.text[:len(q.text)-len(ask)])
	for _, p := range parts {
		if asks(p) {
			return false
		}
	}
	sub := parse(ask, r.snap.units, r.snap.syn, r.clock())
	if r.offTopic(sub) {
		return false
	}
	r.rewriteTopic(sub)
	return r.relevantTask(sub)
}

// rewriteTopic writes q's topic words in the notices' words (the thesaurus),
// once: a query parsed for many notices comes rewritten already (sharedParse).
func (r *request) rewriteTopic(q *query) {
	if q.rewritten {
		return
	}
	for i, seg := range q.rest {
		q.rest[i] = r.snap.thes.Rewrite(seg)
	}
	q.rewritten = true
}

// foreignUnit reports whether the question asks for the duties of an
// organisation that no notice names (交警支队, 市司法局).
func (r *request) foreignUnit(q *query) bool {
	// a story names who set the scene (按照市局要求), not whose duties are asked
	_, rest, _ := r.snap.units.find(textnorm.Squeeze(q.asking))
	return unknownOrg(rest, func(w string) bool { return strings.Contains(r.snap.words, w) }) != ""
}

// reUnitKindAsked follows a unit's short name that names the kind of unit a
// question asks for (纪检方面列的是哪个单位, 纪检这边是哪个单位被列进去).
var reUnitKindAsked = regexp.MustCompile(`^(方面|这边|那边|这块|那块|口|系统|那头)(的)?(单位|部门)?(列的|写的)?(是|有)?(哪个|哪家|哪一个|什么|哪些)(单位|部门)`)

// unitKindAsked reports whether the one unit a who-question names only says
// what kind of unit it asks for, in a task described (not its tasks).
func unitKindAsked(q *query) bool {
	if len(q.mentions) != 1 || q.list || q.count || q.filteredBeyondUnits() {
		return false
	}
	i := strings.Index(q.flat, q.mentions[0])
	return i >= 0 && reUnitKindAsked.MatchString(q.flat[i+len(q.mentions[0]):])
}

// tasksOf returns the numbers of the current notice's tasks a unit has any part in.
func (r *request) tasksOf(unit string) []int {
	var out []int
	for _, t := range r.snap.cur.Tasks {
		if t.Has(unit, knowledge.RoleLead) || t.Has(unit, knowledge.RoleResponsible) {
			out = append(out, t.Number)
		}
	}
	return out
}

// unitsOnly reports whether the only filters of a question are units.
func (r *request) unitsOnly(q *query) bool {
	return len(q.units) > 0 && q.conds == nil && !q.filteredBeyondUnits() &&
		!q.mine && !q.multiLead && !q.selfBoth && !q.soleLead && !q.soleResp
}

// plausibleTask reports whether the question's topic words plausibly name a
// task (plausible), whatever units it also names.
func (r *request) plausibleTask(q *query) bool {
	return plausible(r.snap.idx.Search(r.topicTerms(q), isTask))
}

// unitWordsFact reads a question that names a unit whose name is also words
// of a task's text (政务服务窗口要公示什么: task 5 says 在政务服务窗口设置…公示牌)
// as a question about that text, when nothing asks for a list, a role, a time
// or a state and the rest of its words are in that task too. It returns the
// question with the unit's words put back among its topic words, or nil.
func (r *request) unitWordsFact(q *query) *query {
	// 政务窗口公示牌的事情，找哪个处室牵头: a role asked with "who" is asked of another unit
	if len(q.units) == 0 || len(q.mentions) == 0 || q.list || q.count || q.roleBy && q.ask&askWho == 0 || q.mine || q.when != nil ||
		q.kind != "" || q.late || q.soon || q.status != statusAny {
		return nil
	}
	rest := r.topicTerms(q)
	if len(rest.Grams) == 0 {
		return nil
	}
	fq := *q
	fq.rest = append(append([]string(nil), q.rest...), q.mentions...)
	hits := r.snap.idx.Search(r.topicTerms(&fq), func(d *search.Doc) bool { return d.Kind == search.Task })
	if len(hits) == 0 || !relevant(hits[0]) || hits[0].Coverage < 0.6 {
		return nil
	}
	d := &r.snap.idx.Docs[hits[0].Doc]
	if m, cov := rest.CoverageIn(d.Grams); m == 0 || cov < 0.6 {
		return nil // 政务服务窗口负责什么: the rest is not in the task
	}
	for _, w := range q.mentions {
		if strings.Contains(d.Form, textnorm.MatchForm(w)) {
			return &fq
		}
	}
	return nil
}

// relevant reports whether a hit answers the question: most of the question's
// weight matched, or a long stretch of it (法制审核人员 … 配备比例: the words
// between the notice's words are bigrams no document holds).
// A question that is one word of the notice and nothing else (归档, 电子签章)
// is relevant with a little less weight: every word it has is matched, so
// nothing in it says it is about something else.
func relevant(h search.Hit) bool {
	if h.Coverage >= wholeCoverage && h.Matched >= wholeMatched*minMatched {
		return true
	}
	return h.Matched >= minMatched && (h.Coverage >= minCoverage || (h.Coverage >= 0.3 && h.Matched >= 2.5*minMatched))
}

// wholeCoverage and wholeMatched are the share of a question a document must
// hold, and the share of minMatched that is then enough: a word two or three
// documents share.
const (
	wholeCoverage = 0.95
	wholeMatched  = 0.85
)

// relevantTask reports whether the question's words answer to a task.
func (r *request) relevantTask(q *query) bool {
	hits := r.snap.idx.Search(r.topicTerms(q), func(d *search.Doc) bool { return d.Kind == search.Task })
	return len(hits) > 0 && relevant(hits[0])
}

// Thresholds of a clear match (strong): most of the question's weight, and
// about two rare bigrams' worth of it. Below them a question that could be a
// list or a notice field is read as that rather than as a task's fact.
const (
	strongCoverage = 0.6
	strongMatched  = 2 * minMatched
)

// strong reports whether the question's words clearly name one document that
// keep accepts (nil: any): a task's content or a part of the notice's body.
// minGrams is how many bigrams the question must have left to be judged.
func (r *request) strong(q *query, keep func(d *search.Doc) bool, minGrams int) bool {
	t := r.topicTerms(q)
	if len(t.Grams) < minGrams {
		return false
	}
	hits := r.snap.idx.Search(t, keep)
	return len(hits) > 0 && hits[0].Coverage >= strongCoverage && hits[0].Matched >= strongMatched
}

// isTask keeps only the rows of the table.
func isTask(d *search.Doc) bool { return d.Kind == search.Task }

// answerTasks answers about tasks named by number.
func (r *request) answerTasks(q *query) (Reply, error) {
	n := r.snap.cur
	// 第2项进度, 第2项完成了吗: each unit's part, as the status command gives it
	if len(q.nums) == 1 && (q.status == statusOverview || q.ask&askStatus != 0) && q.ask&^askStatus == 0 {
		if t := n.Task(q.nums[0]); t != nil && !inPhraseOf(q.flat, statusPhrases, r.snap.idx.Docs[r.snap.docOf[t]].Form) {
			return r.taskParts(t.Number)
		}
	}
	rep := Reply{Kind: "task", Tasks: []int{}}
	var heads, bodies []string
	seen := map[int]bool{}
	for _, num := range q.nums {
		if seen[num] || len(seen) >= 5 {
			continue
		}
		seen[num] = true
		t := n.Task(num)
		if t == nil {
			heads = append(heads, r.loc.T(msgOutOfRange, map[string]any{"N": num, "Count": len(n.Tasks), "Notice": n.Number}))
			continue
		}
		terms := r.topicTerms(q)
		head, quote, err := r.taskHeadline(q, n, t, terms)
		if err != nil {
			return Reply{}, err
		}
		it, err := r.item(n, t, quote)
		if err != nil {
			return Reply{}, err
		}
		rep.Tasks = append(rep.Tasks, t.Number)
		rep.Items = append(rep.Items, it)
		heads = append(heads, head)
		bodies = append(bodies, r.detail(it, t, quote != "" && quote != t.Content))
	}
	if len(rep.Tasks) == 0 {
		rep.Kind = "unknown"
		heads = append(heads, r.loc.T(msgSuggest, nil))
	}
	rep.Headline = strings.Join(heads, "\n")
	rep.Text = strings.Join(append([]string{rep.Headline}, bodies...), "\n\n")
	return rep, nil
}

// statusPhrases are the words that ask for a task's state.
var statusPhrases = append(append([]string{"状态", "完成"}, overview...), doneWords...)

// inPhraseOf reports whether one of words stands in text inside a longer
// phrase that form (a task's text) holds: 第5项的办理进度查询 asks for words of
// task 5 (办理进度查询), 第2项进度 for the state of task 2.
func inPhraseOf(text string, words []string, form string) bool {
	rs := []rune(text)
	for _, w := range words {
		wl := len([]rune(w))
		for i := 0; i+wl <= len(rs); i++ {
			if string(rs[i:i+wl]) != w {
				continue
			}
			if i >= 2 && strings.Contains(form, string(rs[i-2:i+wl])) ||
				i+wl+2 <= len(rs) && strings.Contains(form, string(rs[i:i+wl+2])) {
				return true
			}
		}
	}
	return false
}

// taskHeadline is the direct answer about one task: what the question asks
// of it (deadline, who, time limit, status), or its content.
func (r *request) taskHeadline(q *query, n *knowledge.Notice, t *knowledge.Task, terms search.Terms) (string, string, error) {
	var heads []string
	quote := ""
	data := map[string]any{"N": t.Number}
	if q.ask&askPeriod != 0 || (q.ask&askDeadline != 0 && t.Deadline.Kind != knowledge.DeadlineDate && len(periodsOf(t)) > 0 && len(terms.Grams) > 0) {
		if p, clause, ok := bestPeriod(t, terms); ok {
			data["Period"], data["Clause"] = p, clause
			heads = append(heads, r.loc.T(msgAnsPeriod, data))
			quote = clause
		}
	}
	if q.ask&askDeadline != 0 && len(heads) == 0 {
		data["Deadline"] = r.deadline(t.Deadline)
		heads = append(heads, r.loc.T(msgAnsDeadline, data))
		if q.ask&askDaysLeft != 0 && t.Deadline.Kind == knowledge.DeadlineDate {
			heads = append(heads, r.daysLeft(t.Deadline.Date, data))
		}
	}
	if q.ask&askWho != 0 {
		data["Lead"], data["Responsible"] = r.list(t.Lead), r.list(t.Responsible)
		heads = append(heads, r.loc.T(msgAnsWho, data))
	}
	if q.ask&askStatus != 0 {
		st, _, err := r.status(n, t)
		if err != nil {
			return "", "", err
		}
		data["Status"] = r.statusText(Item{Status: st, Deadline: t.Deadline})
		heads = append(heads, r.loc.T(msgAnsStatus, data))
	}
	if len(heads) == 0 {
		if s := bestSentence(t.Content, terms, q); s != "" && len(terms.Grams) >= 2 && terms.Overlap(textnorm.MatchForm(s)) >= minMatched {
			quote = s
			data["Quote"] = s
			heads = append(heads, r.loc.T(msgAnsFact, data))
		} else {
			data["Content"] = t.Content
			heads = append(heads, r.loc.T(msgAnsContent, data))
		}
	}
	return strings.Join(heads, " "), quote, nil
}

// topicTerms are the bigrams of what a question is about, once units, dates,
// task numbers and the question's framing are cut out.
func (r *request) topicTerms(q *query) search.Terms {
	rest := make([]string, 0, len(q.rest))
	for _, seg := range q.rest {
		rest = append(rest, strings.Split(sectionPointer.Replace(seg), "|")...)
	}
	return r.snap.idx.Terms(rest)
}

// sectionPointer is the "this part" that points at a topic (罚缴这块有啥硬杠杠):
// no word of it. It stays in q.rest, where it names a part of the body
// (保障那一块讲了哪几点).
var sectionPointer = strings.NewReplacer("这一块", "|", "那一块", "|", "这块儿", "|", "那块儿", "|", "这块", "|", "那块", "|", "这方面", "|", "那方面", "|")

// answerFact finds the task (or part of the notice's body) that answers a
// question, and quotes the sentence that answers it.
func (r *request) answerFact(q *query) (Reply, error) {
	t := r.topicTerms(q)
	hits := r.rank(q, t)
	unsure := false
	if len(hits) == 0 || !(relevant(hits[0]) || r.bodyRelevant(q, hits[0])) {
		i := quotedHit(q, r.snap.idx, hits)
		switch {
		case i >= 0:
			hits[0], hits[i] = hits[i], hits[0]
		case r.foreignUnit(q):
			// 宣传处在这份表里负责哪几项: a unit the notice never names
			return r.outOfScope(), nil
		case coverable(hits):
			// the notice may well cover it: answer with the best match and
			// say how sure that is, rather than deny a duty that exists
			unsure = true
		default:
			return r.outOfScope(), nil
		}
	}
	top := r.snap.idx.Docs[hits[0].Doc]
	if top.Kind != search.Task {
		return r.bodyAnswer(top), nil
	}
	if unsure {
		return r.tentative(q, t, hits)
	}
	if q.list && q.ask&(askWho|askDeadline|askPeriod) == 0 {
		// 公示牌上须载明哪些事项: a list of one task is that task, answered
		// with its quote
		if rep, err := r.topicList(q, hits); err != nil || len(rep.Tasks) != 1 {
			return rep, err
		}
	}
	head, quote, err := r.taskHeadline(q, top.Notice, top.Task, t)
	if err != nil {
		return Reply{}, err
	}
	if q.ask == 0 && quote == "" {
		quote = bestSentence(top.Task.Content, t, q)
		head = r.loc.T(msgAnsFact, map[string]any{"N": top.Task.Number, "Quote": quote})
	} else if q.ask&askWho != 0 && q.ask&(askPeriod|askDeadline) == 0 {
		quote = bestSentence(top.Task.Content, t, q)
	}
	it, err := r.item(top.Notice, top.Task, quote)
	if err != nil {
		return Reply{}, err
	}
	rep := Reply{Kind: "fact", Headline: head, Tasks: []int{top.Task.Number}, Items: []Item{it}}
	if q.ask&askWho != 0 {
		rep.Kind = "who"
	}
	text := []string{head, r.detail(it, top.Task, quote != top.Task.Content)}
	var also []string
	for _, h := range hits[1:min(len(hits), 3)] {
		d := r.snap.idx.Docs[h.Doc]
		if d.Kind == search.Task && h.Score >= 0.9*hits[0].Score && h.Coverage >= minCoverage && d.Notice == top.Notice {
			rep.Tasks = append(rep.Tasks, d.Task.Number)
			also = append(also, r.loc.T(msgTaskPlace, map[string]any{"N": d.Task.Number, "Where": summary(d.Task.Content, 24)}))
		}
	}
	if len(also) > 0 {
		text = append(text, r.loc.T(msgAnsSeeAlso, map[string]any{"Tasks": strings.Join(also, "\n")}))
	}
	rep.Text = strings.Join(text, "\n\n")
	return rep, nil
}

// reBodyAsk marks a question about the notice's own requirements (公示制度的
// 总体要求, 学习方面通知怎么要求的): its body, not one row of the table.
var reBodyAsk = regexp.MustCompile(`正文|总体|总的|整体|大体上|(通知|文件)(里|中|上)?(是)?(怎么|如何|有什么|有哪些|提出)?.{0,2}要求`)

// reBodyWord names the notice's body (正文): a section named by topic there
// is a part of the body, not of the table.
var reBodyWord = regexp.MustCompile(`正文|通知(里|中|上|正文)|文件(里|中|上)|^文(里|中)`)

// bodyBoost is how much a section of the body gains in a question about the notice's requirements.
const bodyBoost = 1.8

// bodyRelevant accepts a section of the body on fewer words (学习方面通知
// 怎么要求的: only 学习 is left) when the question asks for the notice's own
// requirements and the section holds every word of it.
func (r *request) bodyRelevant(q *query, h search.Hit) bool {
	return r.snap.idx.Docs[h.Doc].Kind == search.Section && reBodyAsk.MatchString(q.flat) &&
		h.Coverage >= 0.9 && h.Matched >= 2*minMatched/3
}

// placeBoost is what a text naming a place gains in a question asking where.
var placeBoost = 2.0

// rank searches every document, favouring tasks that set a time limit when
// the question asks for one, and tasks of the units it names.
func (r *request) rank(q *query, t search.Terms) []search.Hit {
	hits := r.snap.idx.Search(t, nil)
	body := reBodyAsk.MatchString(q.flat)
	for i := range hits {
		d := &r.snap.idx.Docs[hits[i].Doc]
		if d.Kind != search.Task {
			if body && d.Kind == search.Section {
				hits[i].Score *= bodyBoost
			}
			continue
		}
		if q.ask&askPeriod != 0 && d.Timed {
			hits[i].Score *= periodBoost
		}
		if q.ask&askRatio != 0 && strings.Contains(d.Form, "%") {
			hits[i].Score *= periodBoost
		}
		// 第几条 is answered by a text that cites an article (第十条): the
		// question's words match it as a word of its own
		if q.ask&askArticle != 0 && reArticle.MatchString(d.Form) {
			hits[i].Score *= periodBoost
			hits[i].Matched += minMatched
		}
		// 放在哪里给社会看 is answered by a text that names a place (网站, 平台)
		if q.ask&askPlace != 0 && rePlaceText.MatchString(d.Text) {
			hits[i].Score *= placeBoost
		}
		// 依据省厅哪个文件 is answered by a text that cites one (《…》)
		if q.ask&askDocument != 0 && strings.Contains(d.Text, "《") {
			hits[i].Score *= periodBoost
			hits[i].Matched += minMatched
		}
		for _, u := range q.units {
			if d.Task.Has(u, knowledge.RoleLead) || d.Task.Has(u, knowledge.RoleResponsible) {
				hits[i].Score *= 1.5
				break
			}
		}
	}
	sortHits(hits)
	return hits
}

// reArticle is an article of a cited document in a task's text (第十条, 第11条).
var reArticle = regexp.MustCompile(`第(\d+|[一二三四五六七八九十]+)条`)

// quotedHit returns the first of the best hits whose text quotes most of the
// question word for word (谁执法谁公示: words that are all question framing
// one by one), or -1. Only the best search.TopCovered hits are read.
func quotedHit(q *query, ix *search.Index, hits []search.Hit) int {
	want := []rune(q.flat)
	if len(want) < 5 {
		return -1
	}
	for i, h := range hits[:min(len(hits), search.TopCovered)] {
		if n := commonRun(want, []rune(ix.Docs[h.Doc].Form)); n >= 5 && float64(n) >= 0.6*float64(len(want)) {
			return i
		}
	}
	return -1
}

// commonRun returns the length of the longest run of a that b also holds.
func commonRun(a, b []rune) int {
	best := 0
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			cur[j+1] = 0
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
				best = max(best, cur[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return best
}

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

// periodBoost is how much a task that sets a time limit (30日内) or a share
// (5%) gains in a question that asks for one: 归档 时限 wants the task whose
// limit it is, not the one that only says 归档 more often.
const periodBoost = 2.0
