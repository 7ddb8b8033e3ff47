package bot

import (
	"regexp"
	"sort"
	"strings"

	"dutybot/knowledge"
)

// reUnitsAsk asks for the units themselves (牵头单位有几个, 涉及哪些单位,
// 一共多少个责任单位) rather than for tasks: a count or list word next to a
// unit noun.
var reUnitsAsk = regexp.MustCompile(`(牵头单位|责任单位|负责单位|单位|部门)(一共|总共|共|都|分别|总计|共计)?(有|是|涉及|包括)?(几|多少|哪些|哪几)|(几|多少|哪些|哪几)(个|家)?(牵头单位|责任单位|负责单位|单位|部门)|how ?many ?(lead|responsible)? ?units|which ?(lead|responsible)? ?units`)

// unitNouns are the words of a units question that say nothing of a topic.
var unitNouns = strings.NewReplacer("单位", "|", "部门", "|", "项", "|", "分解表", "|", "表格", "|", "谁", "|", "第", "|", "多", "|", "出现过", "|", "出现", "|", "露过", "|", "露了", "|", "面", "|", "次", "|", "了", "|", "最多", "|", "最少", "|", "表里", "|", "总共就", "|", "就", "|", "只", "|", "哪个处", "|", "处", "|", "支队", "|", "承担", "|", "一共", "|", "总共", "|", "分别", "|", "家", "|", "个", "|", "有", "|", "是", "|", "都", "|", "共", "|")

// unitsAsked reports whether a question asks which units (or how many) take
// part in the tasks, with no unit, task number or topic of its own: 牵头单位
// 有几个 is about the table's units, 哪些单位参与执法记录仪配备 about a task.
func (r *request) unitsAsked(q *query) bool {
	p, picks := parseUnitPick(q.flat)
	// 除了法制，牵头任务第二多的: the unit set aside is the first, not a filter
	if picks && p.rank > 1 && anyExcluded(q.conds) {
		q.units, q.conds = nil, nil
	}
	if len(q.units) > 0 || len(q.nums) > 0 || q.mine || !(reUnitsAsk.MatchString(q.flat) || picks) {
		return false
	}
	var rest []string
	for _, s := range q.rest {
		rest = append(rest, strings.Split(unitNouns.Replace(s), "|")...)
	}
	// words no document holds (整张, 局长问, 比起, 最忙) frame the question; a
	// word of the notices left over is a topic (哪些单位参与执法记录仪配备)
	for _, g := range r.snap.idx.Terms(rest).Grams {
		if r.snap.idx.Holds(g) {
			return false
		}
	}
	return true
}

// answerUnits answers 牵头单位有几个: the distinct units playing the asked
// role in the tasks that match the question's other filters, each with how
// many tasks it has in that role, most first.
func (r *request) answerUnits(q *query) (Reply, error) {
	role := q.role
	lead, resp := strings.Contains(q.flat, "牵头"), strings.Contains(q.flat, "责任单位") || strings.Contains(q.flat, "负责单位")
	switch {
	case lead && !resp:
		role = roleLead
	case resp && !lead:
		role = roleResponsible
	case lead && resp:
		role = roleAny
	}
	cs, err := r.matches(q)
	if err != nil {
		return Reply{}, err
	}
	count := map[string]int{}
	nums := map[string][]int{} // each unit's tasks, named when a part's units are asked
	var order []string
	rep := Reply{Kind: "unit", Tasks: []int{}}
	for _, c := range cs {
		if q.filtered() {
			rep.Tasks = append(rep.Tasks, c.t.Number)
		}
		seen := map[string]bool{}
		for _, u := range roleUnits(c.t, role) {
			if seen[u] {
				continue // lead and responsible in one task: one task
			}
			seen[u] = true
			if count[u] == 0 {
				order = append(order, u)
			}
			count[u]++
			nums[u] = append(nums[u], c.t.Number)
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return count[order[i]] > count[order[j]] })
	id := map[roleFilter]string{roleAny: msgUnitsRoleAny, roleLead: msgUnitsRoleLead, roleResponsible: msgUnitsRoleResp}[role]
	rep.Headline = r.loc.N(msgUnitsHead, len(order), map[string]any{"What": r.describe(q), "Role": r.loc.T(id, nil)})
	lines := []string{rep.Headline}
	// 牵头最多的单位, 哪个处只牵头了一项: the units picked come first
	if p, ok := parseUnitPick(q.flat); ok {
		if us := p.pick(order, count); len(us) > 0 {
			rep.Headline = r.loc.T(msgUnitsPick, map[string]any{"Units": r.list(us), "Role": r.loc.T(id, nil), "Count": count[us[0]]})
			lines = []string{rep.Headline, r.loc.N(msgUnitsHead, len(order), map[string]any{"What": r.describe(q), "Role": r.loc.T(id, nil)})}
		}
	}
	for _, u := range order {
		// 执法公示谁牵头: which of the part's tasks each unit leads
		if q.part != nil {
			lines = append(lines, r.loc.N(msgUnitsLineTasks, count[u], map[string]any{"Unit": u, "Tasks": r.taskNumbers(nums[u])}))
			continue
		}
		lines = append(lines, r.loc.N(msgUnitsLine, count[u], map[string]any{"Unit": u}))
	}
	rep.Text = strings.Join(lines, "\n")
	return rep, nil
}

// roleUnits returns the units of t in a role, lead units first.
func roleUnits(t *knowledge.Task, role roleFilter) []string {
	var out []string
	if role != roleResponsible {
		out = append(out, t.Lead...)
	}
	if role != roleLead {
		out = append(out, t.Responsible...)
	}
	return out
}
