package bot

import (
	"regexp"
	"slices"
	"strings"

	"dutybot/bot/search"
	"dutybot/bot/textnorm"
	"dutybot/knowledge"
)

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

// reThatOne points at one task: 那项, 这条, 的那个 (9月底之前要弄完的那个),
// not at a span of time (这个月, 那个星期).
var reThatOne = regexp.MustCompile(`(那|这)(一)?(项|条|个)([^月星礼季周年]|$)`)

// dueThen returns the one task a question points at by its deadline, or 0:
// the only task due in the question's window, or of several the one the
// rest of its words find (minMatched) among them.
func (r *request) dueThen(q *query) int {
	var due []int
	for i := range r.snap.cur.Tasks {
		t := &r.snap.cur.Tasks[i]
		if t.Deadline.Kind == knowledge.DeadlineDate && q.when.contains(t.Deadline.Date) {
			due = append(due, t.Number)
		}
	}
	switch len(due) {
	case 0:
		return 0
	case 1:
		return due[0]
	}
	hits := r.snap.idx.Search(r.topicTerms(q), func(d *search.Doc) bool {
		return d.Kind == search.Task && d.Notice == r.snap.cur && slices.Contains(due, d.Task.Number)
	})
	if len(hits) == 0 || hits[0].Matched < minMatched {
		return 0
	}
	return r.snap.idx.Docs[hits[0].Doc].Task.Number
}
