package bot

import (
	"regexp"
	"slices"
	"strings"

	"dutybot/bot/textnorm"
	"dutybot/knowledge"
)

// part is a heading of the task table (一、规范行政执法公示制度, or its
// （二）规范事中公示) with the tasks filed under it, in table order.
type part struct {
	title string // as the table writes it, numeral first
	form  string // matchForm of the bare heading: what a question would write
	tasks []*knowledge.Task
}

// tableParts returns the sections of n's table, then their subsections, in
// table order. A question names them by heading or by place (第四部分).
func tableParts(n *knowledge.Notice) (sections, subsections []part) {
	secAt, subAt := map[string]int{}, map[string]int{}
	for i := range n.Tasks {
		t := &n.Tasks[i]
		if t.Section == "" {
			continue
		}
		si, ok := secAt[t.Section]
		if !ok {
			si = len(sections)
			secAt[t.Section] = si
			sections = append(sections, part{title: prefixNumeral(t.SectionNumeral, "、") + t.Section, form: textnorm.MatchForm(t.Section)})
		}
		sections[si].tasks = append(sections[si].tasks, t)
		if t.Subsection == "" {
			continue
		}
		key := t.Section + "|" + t.Subsection
		ui, ok := subAt[key]
		if !ok {
			ui = len(subsections)
			subAt[key] = ui
			subsections = append(subsections, part{title: wrapNumeral(t.SubsectionNumeral) + t.Subsection, form: textnorm.MatchForm(t.Subsection)})
		}
		subsections[ui].tasks = append(subsections[ui].tasks, t)
	}
	return sections, subsections
}

var (
	// rePartPlace names a section of the table by its place; the question
	// must also name the table (任务), or it is the body's part (sectionAsked).
	rePartPlace = regexp.MustCompile(`第(\d{1,2})(部分|大部分|大项|方面|板块|大块)|(?:section|part)\s*(\d{1,2})|(最后|最末|末尾)(讲[^|]{0,6}的)?(的)?(那|这)?(1|一)?(个)?(大部分|部分|大项|板块|大块|块)`)
	// rePartAsk asks what a heading holds (有哪些任务, 包括哪几项, 是第几项),
	// rather than a fact inside one of its tasks.
	rePartAsk = regexp.MustCompile(`哪些|哪几|几项|多少项|几个任务|多少个任务|什么任务|任务|包括|包含|第几项|哪项|有几|一共|总共|共有`)
)

// minPartRunes keeps a heading of two or three characters (a word any
// question may use) from being read as the name of a part.
const minPartRunes = 4

// partAsked returns the part of the table a question asks for, by heading
// (规范事中公示有哪些任务, 严格记录归档) or by place (第四部分的任务有哪些).
// A question with a filter (a unit, a time, a state) is a list question,
// and one naming a task by number is about that task.
func (r *request) partAsked(q *query) (part, bool) {
	if len(q.nums) > 0 || q.filtered() {
		return part{}, false
	}
	secs, subs := r.snap.sections, r.snap.subsections
	if m := rePartPlace.FindStringSubmatch(q.flat); m != nil && reTableWord.MatchString(q.flat) && !reBodyPlace.MatchString(q.flat) {
		return partAt(m, secs, q.flat)
	}
	// the longest heading the question holds: a subsection may repeat its section's words
	var best part
	for _, p := range append(secs, subs...) {
		if len([]rune(p.form)) >= minPartRunes && len(p.form) > len(best.form) && strings.Contains(q.flat, p.form) {
			best = p
		}
	}
	if best.form == "" {
		return part{}, false
	}
	rest := strings.Replace(q.flat, best.form, "", 1)
	if rest == "" || rePartAsk.MatchString(rest) {
		return best, true
	}
	return part{}, false
}

// reLightVerb and reTopicTail frame the topic a "who" question names a part
// by (搞执法公示, 全过程记录这块由): what is done about it, not its name.
var (
	reLightVerb = regexp.MustCompile(`^(搞|做|抓|管|负责|落实|推进|推行|实施|开展|关于|对于)+`)
	reTopicTail = regexp.MustCompile(`(工作|这块|这一块|那块|那一块|方面|的事|这事|的活|由|归)+$`)
)

// partWhoAsked returns the part of the table a "who" question names by its
// topic alone (执法公示谁牵头, 事中公示归谁管): the longest run of the
// question that a heading holds, at least minPartRunes long, that no other
// heading holds, with nothing else left of the topic but a light verb. Its
// units are the answer, not one task's (执法公示 is the first part's name,
// no task's words).
func (r *request) partWhoAsked(q *query) (part, bool) {
	if q.ask&askWho == 0 || len(q.nums) > 0 || len(q.units) > 0 || q.filtered() || q.list || q.count || len(q.rest) == 0 {
		return part{}, false
	}
	parts := append(append([]part(nil), r.snap.sections...), r.snap.subsections...)
	var best []rune
	at := -1
	flat := []rune(q.flat)
	for i, p := range parts {
		if run := longestCommon(flat, []rune(p.form)); len(run) > len(best) {
			best, at = run, i
		}
	}
	if len(best) < minPartRunes {
		return part{}, false
	}
	for i, p := range parts {
		if i != at && strings.Contains(p.form, string(best)) {
			return part{}, false // two headings hold it: no one part is named
		}
	}
	// what is left of the topic once the heading's words are taken out
	left := []rune(strings.ReplaceAll(strings.Join(q.rest, ""), "|", "")) // rewriteTopic marks pointers with |
	for _, c := range best {
		if k := slices.Index(left, c); k >= 0 {
			left = slices.Delete(left, k, k+1)
		}
	}
	if reTopicTail.ReplaceAllString(reLightVerb.ReplaceAllString(string(left), ""), "") != "" {
		return part{}, false // more than the part's name: 执法公示信息几天内挂网
	}
	return parts[at], true
}

// longestCommon returns the longest run of a that b also holds.
func longestCommon(a, b []rune) []rune {
	end, best := 0, 0
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			cur[j+1] = 0
			if a[i] == b[j] {
				if cur[j+1] = prev[j] + 1; cur[j+1] > best {
					best, end = cur[j+1], i+1
				}
			}
		}
		prev, cur = cur, prev
	}
	return a[end-best : end]
}

// answerPart lists the tasks under a heading of the table; a heading over
// one task is answered as that task.
func (r *request) answerPart(q *query, p part) (Reply, error) {
	n := r.snap.cur
	if len(p.tasks) == 1 {
		tq := *q
		tq.nums = []int{p.tasks[0].Number}
		return r.answerTasks(&tq)
	}
	rep := Reply{Kind: "fact", Tasks: []int{}}
	grp := Group{Title: p.title}
	var lines []string
	for _, t := range p.tasks {
		rep.Tasks = append(rep.Tasks, t.Number)
		grp.Tasks = append(grp.Tasks, t.Number)
		if len(lines) >= maxListed {
			continue
		}
		it, err := r.item(n, t, "")
		if err != nil {
			return Reply{}, err
		}
		rep.Items = append(rep.Items, it)
		lines = append(lines, r.line(it))
	}
	if more := len(p.tasks) - len(lines); more > 0 {
		lines = append(lines, r.loc.N(msgListMore, more, nil))
	}
	rep.Groups = []Group{grp}
	rep.Headline = r.loc.N(msgListHead, len(p.tasks), map[string]any{"What": r.loc.T(msgWhatPart, map[string]any{"Part": p.title})})
	rep.Text = strings.Join(append([]string{rep.Headline}, lines...), "\n")
	return rep, nil
}

// filteredPartByPlace returns the part of the table a question names by its
// place (第二部分全过程记录里, section four) when it also filters tasks (by a
// deadline, a unit, a state): the body has no deadlines and no units, so
// such a question is about the table's part, not the body's.
func (r *request) filteredPartByPlace(q *query) (part, bool) {
	if len(q.nums) > 0 || !(q.filtered() || q.roleBy) || q.part != nil {
		return part{}, false
	}
	// 正文第三部分讲统筹协调，对配合有什么要求: the body's part, whatever role word it holds
	m := rePartPlace.FindStringSubmatch(q.flat)
	if m == nil || reBodyPlace.MatchString(q.flat) {
		return part{}, false
	}
	return partAt(m, r.snap.sections, q.flat)
}

// partAt returns the section a match of rePartPlace names: by its number,
// or the last one (表里最后一大块讲保障的).
func partAt(m []string, secs []part, flat string) (part, bool) {
	if m[4] != "" && namesBodyLast(flat) { // 文件最后一部分: the body's
		return part{}, false
	}
	i := atoi(m[1] + m[3])
	if m[4] != "" {
		i = len(secs)
	}
	if i >= 1 && i <= len(secs) {
		return secs[i-1], true
	}
	return part{}, false
}
