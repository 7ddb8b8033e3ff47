package bot

import (
	"strings"

	"dutybot/bot/search"
	"dutybot/i18n/facts"
	"dutybot/knowledge"
)

// soonDays is how far ahead 即将到期 looks.
const soonDays = 14

// maxListed is how many tasks a list answer writes out and carries as Items;
// Tasks still names every match. Nobody reads 10,000 lines in a chat.
const maxListed = 60

// togetherWords ask for the tasks that every named unit plays a part in
// (法制支队和科技处共同参与的, 科技处和警务保障处都参与的), not any of them.
// togetherVerb reports 都 or 均 before a word of taking part (都挂了名, 均出现):
// the same ask as togetherWords, for every verb anyWords knows.
func togetherVerb(f string) bool {
	for _, w := range anyWords {
		if strings.Contains(f, "都"+w) || strings.Contains(f, "均"+w) {
			return true
		}
	}
	return false
}

var togetherWords = []string{"两个都", "两家都", "俩都", "都在里面", "都在里头", "都有参与", "一块出现", "一起出现", "同时出现", "都出现", "involveboth", "includeboth", "withboth", "involvingboth", "bothof", "共同", "同时", "一起", "都参与", "都参加", "都负责", "都牵头", "都涉及", "都有份", "均参与", "均负责", "都是责任单位", "都作为"}

// candidate is a task with the roles the asked-about units play in it.
type candidate struct {
	n          *knowledge.Notice
	t          *knowledge.Task
	lead, resp bool
}

// plays reports the roles any of names plays in t.
func plays(t *knowledge.Task, names []string) (lead, resp bool) {
	for _, u := range names {
		lead = lead || t.Has(u, knowledge.RoleLead)
		resp = resp || t.Has(u, knowledge.RoleResponsible)
	}
	return lead, resp
}

// matches selects the tasks a filtered question asks for, in table order.
func (r *request) matches(q *query) ([]candidate, error) {
	var out []candidate
	together := containsAny(q.flat, togetherWords) || togetherVerb(q.flat)
	for _, n := range r.snap.notices {
		for i := range n.Tasks {
			t := &n.Tasks[i]
			c := candidate{n: n, t: t}
			var names []string
			if q.multiLead && len(t.Lead) < 2 || q.selfBoth && !selfBoth(t) || q.part != nil && !inPart(q.part, t) ||
				q.soleLead && len(t.Lead) != 1 || q.soleResp && len(t.Responsible) != 1 || !monthEndOK(q.monthEnd, t) {
				continue
			}
			if q.conds != nil {
				var ok bool
				if names, ok = r.meets(q.conds, t); !ok {
					continue
				}
			} else if len(q.units) > 0 {
				ok := together
				for _, u := range q.units {
					l, rs := plays(t, r.snap.units.names(u))
					has := (q.role == roleAny && (l || rs)) || (q.role == roleLead && l) || (q.role == roleResponsible && rs)
					if has {
						names = append(names, r.snap.units.names(u)...)
						// only the roles asked for: 作为责任单位 lists no lead group
						c.lead = c.lead || (l && q.role != roleResponsible)
						c.resp = c.resp || (rs && q.role != roleLead)
					}
					if together {
						ok = ok && has
					} else {
						ok = ok || has
					}
				}
				if !ok {
					continue
				}
			}
			keep, err := r.keep(q, n, t, names)
			if err != nil {
				return nil, err
			}
			if keep {
				out = append(out, c)
			}
		}
	}
	out = r.byTopic(q, out)
	if q.super != superNone {
		out = extreme(out, q.super, r.today)
	}
	return out, nil
}

// meets reports whether t meets every unit condition, and returns the names
// of the units it asks to play a part (whose own part decides done or not).
func (r *request) meets(cs []unitCond, t *knowledge.Task) ([]string, bool) {
	var names []string
	for _, c := range cs {
		ns := r.snap.units.names(c.unit)
		if !c.holds(t, ns) {
			return nil, false
		}
		if c.needLead || c.needResp || !c.banLead && !c.banResp {
			names = append(names, ns...)
		}
	}
	return names, true
}

// monthEndOK applies a question's month-end condition: +1 keeps the tasks
// due on a month's last day, -1 the dated ones due on another day.
func monthEndOK(want int, t *knowledge.Task) bool {
	if want == 0 {
		return true
	}
	d := t.Deadline
	if d.Kind != knowledge.DeadlineDate {
		return false
	}
	return (d.Date == d.Date.EndOfMonth()) == (want > 0)
}

// selfBoth reports whether one unit stands in both columns of t.
func selfBoth(t *knowledge.Task) bool {
	for _, u := range t.Lead {
		for _, v := range t.Responsible {
			if u == v {
				return true
			}
		}
	}
	return false
}

// keep applies a question's deadline and state filters to one task; names
// are the asked-about units, whose own part decides done or not.
func (r *request) keep(q *query, n *knowledge.Notice, t *knowledge.Task, names []string) (bool, error) {
	d := t.Deadline
	dated := d.Kind == knowledge.DeadlineDate
	if q.when != nil && !(dated && q.when.contains(d.Date)) {
		return false, nil
	}
	if q.kind != "" && d.Kind != q.kind {
		return false, nil
	}
	if q.light != "" {
		l, err := r.taskLight(n, t, names)
		if err != nil || l != q.light {
			return false, err
		}
	}
	if !q.late && !q.soon && (q.status == statusAny || q.status == statusOverview) {
		return true, nil
	}
	// the deadline first: it costs nothing, the state costs a read
	if q.late && !(dated && d.Date.Before(r.today)) || q.soon && !(dated && !d.Date.Before(r.today) && !d.Date.After(r.today.AddDays(soonDays))) {
		return false, nil
	}
	st, _, err := r.status(n, t)
	if err != nil {
		return false, err
	}
	done := st == knowledge.StatusDone
	if len(names) > 0 {
		if done, err = r.unitDone(n, t, names); err != nil {
			return false, err
		}
	}
	switch {
	case q.late && !(dated && d.Date.Before(r.today) && !done):
		return false, nil
	case q.soon && !(dated && !d.Date.Before(r.today) && !d.Date.After(r.today.AddDays(soonDays)) && !done):
		return false, nil
	case q.status == statusOpen && done, q.status == statusDone && !done:
		return false, nil
	case q.status == statusPartial && st != knowledge.StatusPartial:
		return false, nil
	}
	return true, nil
}

// byTopic narrows a list to the tasks about what the question also names
// (法制支队牵头的关于法制审核的任务), when it names something the tasks hold.
func (r *request) byTopic(q *query, cs []candidate) []candidate {
	// 听说警务保障处管装备和钱。它参与了哪些任务: the story's words describe,
	// only the question's own words narrow the list
	// (a part of the table named in the question is read by its own filter, and
	// its words left in the question are no topic: the whole is kept then)
	if strings.Contains(q.asking, "|") && q.part == nil {
		q = r.askedQuery(q)
	}
	t := r.topicTerms(q)
	if len(t.Grams) < 2 || t.Total < 2*minMatched {
		return cs
	}
	var out []candidate
	for _, c := range cs {
		if m, _ := t.CoverageIn(r.snap.idx.Docs[r.snap.docOf[c.t]].Grams); m >= 0.5*t.Total {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return cs
	}
	return out
}

// answerList answers a question that asks for the tasks matching filters.
func (r *request) answerList(q *query) (Reply, error) {
	r.listing = true
	defer func() { r.listing = false }()
	cs, err := r.matches(q)
	if err != nil {
		return Reply{}, err
	}
	rep := Reply{Kind: listKind(q), Tasks: []int{}, brief: r.brief}
	items := map[*knowledge.Task]Item{}
	itemOf := func(c candidate) (Item, error) {
		if it, ok := items[c.t]; ok {
			return it, nil
		}
		it, err := r.item(c.n, c.t, "")
		items[c.t] = it
		return it, err
	}
	var groups []struct {
		id string
		cs []candidate
	}
	if len(q.units) > 0 && q.conds == nil {
		var lead, resp []candidate
		for _, c := range cs {
			if c.lead {
				lead = append(lead, c)
			}
			if c.resp {
				resp = append(resp, c)
			}
		}
		groups = append(groups, struct {
			id string
			cs []candidate
		}{msgGroupLead, lead}, struct {
			id string
			cs []candidate
		}{msgGroupResponsible, resp})
	} else {
		groups = append(groups, struct {
			id string
			cs []candidate
		}{msgGroupTasks, cs})
	}
	seen := map[*knowledge.Task]bool{}
	written := map[*knowledge.Task]bool{} // the tasks written out, each counted once
	var body []string
	lines := 0
	for _, g := range groups {
		if len(g.cs) == 0 {
			continue
		}
		grp := Group{Title: r.loc.N(g.id, len(g.cs), nil)}
		if len(groups) > 1 {
			body = append(body, grp.Title)
		}
		for _, c := range g.cs {
			grp.Tasks = append(grp.Tasks, c.t.Number)
			if !seen[c.t] {
				seen[c.t] = true
				rep.Tasks = append(rep.Tasks, c.t.Number)
			}
			if lines >= maxListed || r.brief {
				continue
			}
			lines++
			written[c.t] = true
			it, err := itemOf(c)
			if err != nil {
				return Reply{}, err
			}
			body = append(body, r.line(it))
			if len(rep.Items) < len(rep.Tasks) && rep.Tasks[len(rep.Items)] == c.t.Number {
				rep.Items = append(rep.Items, it)
			}
		}
		rep.Groups = append(rep.Groups, grp)
	}
	// a task listed under both roles is still one task: count what is left unwritten
	if more := len(seen) - len(written); lines >= maxListed && more > 0 && !r.brief {
		body = append(body, r.loc.N(msgListMore, more, nil))
	}
	if r.brief { // counted, not written: no headline either
		return rep, nil
	}
	what := r.describe(q)
	switch {
	case len(q.units) == 1 && q.status == statusDone && q.count:
		total, err := r.matches(&query{units: q.units, role: q.role, flat: q.flat})
		if err != nil {
			return Reply{}, err
		}
		rep.Headline = r.loc.T(msgUnitDoneCount, map[string]any{"Unit": q.units[0], "Done": len(cs), "Total": len(total)})
	case len(cs) == 0:
		rep.Headline = r.loc.T(msgListEmpty, map[string]any{"What": what})
		hint, err := r.deadlineHint(q)
		if err != nil {
			return Reply{}, err
		}
		if hint != "" {
			body = append(body, hint)
		}
	default:
		rep.Headline = r.loc.N(msgListHead, len(seen), map[string]any{"What": what})
	}
	rep.Text = strings.Join(append([]string{rep.Headline}, body...), "\n")
	return rep, nil
}

func listKind(q *query) string {
	switch {
	case len(q.units) > 0:
		return "unit"
	case q.late || q.soon:
		return "relative"
	case q.status != statusAny:
		return "status"
	}
	return "deadline"
}

// describe names the filters of a question: 法制支队牵头、2019年10月到期的任务.
func (r *request) describe(q *query) string {
	var parts []string
	if q.conds != nil {
		for _, c := range q.conds {
			parts = append(parts, r.describeCond(c))
		}
	} else {
		for _, u := range q.units {
			id := map[roleFilter]string{roleAny: msgWhatUnitAny, roleLead: msgWhatUnitLead, roleResponsible: msgWhatUnitResp}[q.role]
			parts = append(parts, r.loc.T(id, map[string]any{"Unit": u}))
		}
	}
	if q.light != "" {
		parts = append(parts, r.loc.T(msgWhatLight, map[string]any{"Light": r.lightText(q.light)}))
	}
	if q.part != nil {
		parts = append(parts, r.loc.T(msgWhatInPart, map[string]any{"Part": q.part.title}))
	}
	switch q.super {
	case superEarliest:
		parts = append(parts, r.loc.T(msgWhatEarliest, nil))
	case superLatest:
		parts = append(parts, r.loc.T(msgWhatLatest, nil))
	case superBoth:
		parts = append(parts, r.loc.T(msgWhatEarliestLatest, nil))
	case superNext:
		parts = append(parts, r.loc.T(msgWhatNextDue, nil))
	}
	if q.multiLead {
		parts = append(parts, r.loc.T(msgWhatMultiLead, nil))
	}
	if q.selfBoth {
		parts = append(parts, r.loc.T(msgWhatSelfBoth, nil))
	}
	if q.soleLead {
		parts = append(parts, r.loc.T(msgWhatSoleLead, nil))
	}
	if q.soleResp {
		parts = append(parts, r.loc.T(msgWhatSoleResp, nil))
	}
	switch q.monthEnd {
	case 1:
		parts = append(parts, r.loc.T(msgWhatMonthEnd, nil))
	case -1:
		parts = append(parts, r.loc.T(msgWhatMidMonth, nil))
	}
	if w := q.when; w != nil {
		d := map[string]any{"From": w.From.Chinese(), "To": w.To.Chinese(), "Year": w.From.Year, "Month": int(w.From.Month)}
		if r.loc.Lang() == "en" {
			d["From"], d["To"] = w.From.String(), w.To.String()
		}
		switch {
		case w.From.IsZero():
			parts = append(parts, r.loc.T(msgWhatDueBy, d))
		case w.To.IsZero():
			parts = append(parts, r.loc.T(msgWhatDueAfter, d))
		case w.Shape == shapeDay || w.From == w.To:
			parts = append(parts, r.loc.T(msgWhatDueDay, map[string]any{"Date": d["From"]}))
		case w.Shape == shapeMonth:
			parts = append(parts, r.loc.T(msgWhatDueMonth, d))
		case w.Shape == shapeYear:
			parts = append(parts, r.loc.T(msgWhatDueYear, d))
		default:
			parts = append(parts, r.loc.T(msgWhatDueSpan, d))
		}
	}
	switch q.kind {
	case knowledge.DeadlineOngoing:
		parts = append(parts, r.loc.T(msgWhatOngoing, nil))
	case knowledge.DeadlineNone:
		parts = append(parts, r.loc.T(msgWhatNoDeadline, nil))
	case knowledge.DeadlineDate:
		parts = append(parts, r.loc.T(msgWhatDated, nil))
	}
	if q.late {
		parts = append(parts, r.loc.T(msgWhatLate, nil))
	}
	if q.soon {
		parts = append(parts, r.loc.T(msgWhatSoon, map[string]any{"To": r.today.AddDays(soonDays).Chinese()}))
	}
	switch q.status {
	case statusOpen:
		parts = append(parts, r.loc.T(msgWhatOpen, nil))
	case statusDone:
		parts = append(parts, r.loc.T(msgWhatDone, nil))
	case statusPartial:
		parts = append(parts, r.loc.T(msgWhatPartial, nil))
	}
	if len(parts) == 0 {
		return r.loc.T(msgWhatAll, nil)
	}
	return r.loc.T(msgWhatWrap, map[string]any{"Filters": strings.Join(parts, r.loc.T(msgSep, nil))})
}

// describeCond names one unit's condition: 科技处牵头, 不含警务保障处,
// 市局办公室作为责任单位、市局办公室不牵头.
func (r *request) describeCond(c unitCond) string {
	d := map[string]any{"Unit": c.unit}
	var parts []string
	switch {
	case c.needLead && c.needResp:
		return r.loc.T(msgWhatUnitBoth, d)
	case c.banLead && c.banResp:
		return r.loc.T(msgWhatUnitNot, d)
	case c.alone:
		d["Role"] = facts.Role(r.loc, knowledge.RoleLead)
		if c.needResp {
			d["Role"] = facts.Role(r.loc, knowledge.RoleResponsible)
		}
		parts = append(parts, r.loc.T(msgWhatUnitAlone, d))
	case c.needLead:
		parts = append(parts, r.loc.T(msgWhatUnitLead, d))
	case c.needResp:
		parts = append(parts, r.loc.T(msgWhatUnitResp, d))
	}
	if c.banLead {
		parts = append(parts, r.loc.T(msgWhatUnitNotLead, d))
	}
	if c.banResp {
		parts = append(parts, r.loc.T(msgWhatUnitNotResp, d))
	}
	return strings.Join(parts, r.loc.T(msgSep, nil))
}

// topicList answers 哪些任务涉及音像记录: the tasks about a topic, best first.
func (r *request) topicList(q *query, hits []search.Hit) (Reply, error) {
	rep := Reply{Kind: "fact", Tasks: []int{}}
	var lines []string
	for _, h := range hits {
		d := r.snap.idx.Docs[h.Doc]
		top := len(rep.Tasks) == 0 && relevant(h)
		if d.Kind != search.Task || len(rep.Tasks) >= 10 || !top && (h.Coverage < 0.6 || h.Score < 0.5*hits[0].Score) {
			continue
		}
		it, err := r.item(d.Notice, d.Task, bestSentence(d.Task.Content, r.topicTerms(q), q))
		if err != nil {
			return Reply{}, err
		}
		rep.Tasks = append(rep.Tasks, d.Task.Number)
		rep.Items = append(rep.Items, it)
		lines = append(lines, r.line(it))
	}
	topic := strings.Join(q.rest, "")
	rep.Headline = r.loc.N(msgListHead, len(rep.Tasks), map[string]any{"What": r.loc.T(msgWhatTopic, map[string]any{"Topic": topic})})
	rep.Text = strings.Join(append([]string{rep.Headline}, lines...), "\n")
	return rep, nil
}

// deadlineHint says, when a question's deadline filter leaves nothing, what
// the deadlines of the tasks it otherwise asks for are: 信息化建设那部分有没有
// 硬性的时间节点 is answered "none" and then "its 6 tasks are all 长期".
func (r *request) deadlineHint(q *query) (string, error) {
	if q.kind == "" && q.when == nil && q.super == superNone && q.monthEnd == 0 {
		return "", nil
	}
	loose := *q
	loose.kind, loose.when, loose.super, loose.monthEnd = "", nil, superNone, 0
	if !loose.filtered() {
		return "", nil // the whole table: kindsCount answers that
	}
	cs, err := r.matches(&loose)
	if err != nil || len(cs) == 0 {
		return "", err
	}
	counts := map[knowledge.DeadlineKind]int{}
	for _, c := range cs {
		counts[c.t.Deadline.Kind]++
	}
	return r.loc.T(msgDeadlineHint, map[string]any{"What": r.describe(&loose), "Total": len(cs),
		"Dated": counts[knowledge.DeadlineDate], "Ongoing": counts[knowledge.DeadlineOngoing], "None": counts[knowledge.DeadlineNone]}), nil
}
