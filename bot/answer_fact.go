package bot

import (
	"regexp"
	"strings"

	"dutybot/bot/search"
	"dutybot/bot/textnorm"
	"dutybot/knowledge"
)

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
var reBodyWord = regexp.MustCompile(`正文(里面|里头|里|中|当中)?|通知(里|中|上|正文)|文件(里|中|上)|^文(里|中)`)

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
	// 审核责任那一块…表里写的是哪个单位: the body holds no table; what is
	// written in the table is a task's
	var keep func(d *search.Doc) bool
	if reInTable.MatchString(q.flat) {
		keep = isTask
	}
	hits := r.snap.idx.Search(t, keep)
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
		// 最低比例是不是百分之十: a text that sets a share answers it, as one
		// that cites a document answers which document
		if q.ask&askRatio != 0 && strings.Contains(d.Form, "%") {
			hits[i].Score *= periodBoost
			hits[i].Matched += minMatched
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
		if q.leadsMany && len(d.Task.Lead) > 1 {
			hits[i].Score *= periodBoost
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

// reInTable points into the table: 表里写的, 表上列的.
var reInTable = regexp.MustCompile(`(分解表|表格|表)(里|上|中|里面|里头)`)

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
	// 谁执法谁公示这条，牵头的是哪个部门: a text's slogan quoted, whose
	// question words (谁) the parser took for the question's own
	typed := []rune(textnorm.Squeeze(q.raw))
	for i, h := range hits[:min(len(hits), search.TopCovered)] {
		form := []rune(ix.Docs[h.Doc].Form)
		if n := commonRun(want, form); n >= 5 && float64(n) >= 0.6*float64(len(want)) {
			return i
		}
		if run := longestCommon(typed, form); len(run) >= quoteRunes && strings.ContainsAny(string(run), "谁哪啥何") {
			return i
		}
	}
	return -1
}

// quoteRunes is how long a run of a question's words, question words among
// them, a text must hold for the question to quote it, whatever else it says.
const quoteRunes = 6

// commonRun returns the length of the longest run of a that b also holds.
func commonRun(a, b []rune) int { return len(longestCommon(a, b)) }

// periodBoost is how much a task that sets a time limit (30日内) or a share
// (5%) gains in a question that asks for one: 归档 时限 wants the task whose
// limit it is, not the one that only says 归档 more often.
const periodBoost = 2.0
