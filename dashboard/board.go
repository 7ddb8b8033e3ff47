package dashboard

import (
	"slices"
	"strings"

	"dutybot/knowledge"
)

// cell is one unit's part of one task on the board.
type cell struct {
	Has   bool
	Light knowledge.Light
	State knowledge.PartState
	Lead  bool
}

// row is one task on the board.
type row struct {
	Task  *knowledge.Task
	Light knowledge.Light // worst of the row's cells shown
	Cells []cell          // one per column
	Late  bool            // the deadline has passed and some part is not done
}

// board is the tasks × units board of one notice on one day.
type board struct {
	Notice   *knowledge.Notice
	Units    []string // the columns: every unit with a part, in the notice's order
	Rows     []row
	Sections []string
}

// newBoard lays out a notice's parts: one row per task, one column per
// unit that has a part in any task (the notice's units first, in its
// order, then members of groups), each cell the part's light and state.
func newBoard(n *knowledge.Notice, parts []knowledge.Part, today knowledge.Date, cal knowledge.Workdays, s *Server) *board {
	b := &board{Notice: n}
	col := map[string]int{}
	hasPart := map[string]bool{}
	for _, p := range parts {
		hasPart[p.Unit] = true
	}
	for _, u := range n.Units {
		if hasPart[u.Name] {
			col[u.Name] = len(b.Units)
			b.Units = append(b.Units, u.Name)
		}
	}
	for _, p := range parts {
		if _, ok := col[p.Unit]; !ok {
			col[p.Unit] = len(b.Units)
			b.Units = append(b.Units, p.Unit)
		}
	}
	rowOf := make(map[int]int, len(n.Tasks))
	b.Rows = make([]row, len(n.Tasks))
	cells := make([]cell, len(n.Tasks)*len(b.Units)) // one allocation for the whole board
	for i := range n.Tasks {
		t := &n.Tasks[i]
		rowOf[t.Number] = i
		b.Rows[i] = row{Task: t, Light: knowledge.LightNone, Cells: cells[i*len(b.Units) : (i+1)*len(b.Units)]}
		if t.Section != "" && !slices.Contains(b.Sections, t.Section) {
			b.Sections = append(b.Sections, t.Section)
		}
	}
	for _, p := range parts {
		i, ok := rowOf[p.Task]
		if !ok {
			continue
		}
		r := &b.Rows[i]
		l := knowledge.PartLight(p, r.Task.Deadline, today, cal, s.loc)
		r.Cells[col[p.Unit]] = cell{Has: true, Light: l, State: p.State, Lead: p.Role == knowledge.RoleLead}
		r.Light = knowledge.Worse(r.Light, l)
		if l == knowledge.LightRed {
			r.Late = true
		}
	}
	return b
}

// filter is what the board's form asks for.
type filter struct {
	Unit, Section, Light, Due, Sort string
	Page                            int
}

// The deadline filter's choices.
const (
	dueOverdue = "overdue"
	dueWeek    = "7"
	dueMonth   = "30"
	dueOngoing = "ongoing"
)

// apply narrows the board: rows of tasks in which the unit has a part
// (and only its column), in the section, whose light is the one asked
// (the unit's light when a unit is chosen, else the task's worst), due as
// asked; then sorted.
func (b *board) apply(f filter, today knowledge.Date) {
	if f.Unit != "" {
		if c := slices.Index(b.Units, f.Unit); c >= 0 {
			b.Units = []string{f.Unit}
			kept := b.Rows[:0]
			for _, r := range b.Rows {
				if r.Cells[c].Has {
					r.Cells = r.Cells[c : c+1]
					r.Light = r.Cells[0].Light
					kept = append(kept, r)
				}
			}
			b.Rows = kept
		} else {
			b.Units, b.Rows = nil, nil
		}
	}
	b.Rows = slices.DeleteFunc(b.Rows, func(r row) bool {
		t := r.Task
		switch {
		case f.Section != "" && t.Section != f.Section:
			return true
		case f.Light != "" && string(r.Light) != f.Light:
			return true
		}
		dated := t.Deadline.Kind == knowledge.DeadlineDate && !t.Deadline.Date.IsZero()
		switch f.Due {
		case dueOverdue:
			return !r.Late
		case dueWeek, dueMonth:
			days := 7
			if f.Due == dueMonth {
				days = 30
			}
			return !dated || t.Deadline.Date.Before(today) || t.Deadline.Date.After(today.AddDays(days)) || r.Light == knowledge.LightNone
		case dueOngoing:
			return t.Deadline.Kind != knowledge.DeadlineOngoing
		}
		return false
	})
	if f.Sort == "light" {
		slices.SortStableFunc(b.Rows, func(a, c row) int { return lightOrder(c.Light) - lightOrder(a.Light) })
	}
}

func lightOrder(l knowledge.Light) int {
	return map[knowledge.Light]int{knowledge.LightRed: 3, knowledge.LightYellow: 2, knowledge.LightGreen: 1}[l]
}

// short cuts a task's content to its first sentence, at most max runes.
func short(s string, max int) string {
	if i := strings.IndexAny(s, "。；;"); i > 0 {
		s = s[:i]
	}
	rs := []rune(s)
	if len(rs) > max {
		return string(rs[:max]) + "…"
	}
	return s
}
