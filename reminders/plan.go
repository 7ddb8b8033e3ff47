package reminders

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"dutybot/knowledge"
)

// AdminUnit is the Unit of the weekly progress summary (通报): it goes to the
// administrators' channel, not to a unit of the table.
const AdminUnit = "@admin"

// maxShift is how far moving to a working day can shift a reminder: the
// longest run of holidays and weekends is well under a month.
const maxShift = 31

// Plan returns every reminder the policy asks for with At in [from, to], as
// of the given state, ordered by At. It is pure: the same input gives the
// same plan.
//
// For each dated milestone (a task's deadline, and each year's day of a
// yearly period such as 每年1月20日前) every lead and responsible unit not yet
// done gets before and due reminders and, after a deadline, overdue chases.
// Ongoing (长期) tasks give each such unit a monthly digest. A group unit
// with members reminds each member whose own part is not done instead. assignments is keyed by notice
// number; a task with no assignments counts as not started. units overrides
// the notices' own units by name (bound channels, group members); it may be nil.
func Plan(notices []*knowledge.Notice, assignments map[string][]knowledge.Assignment, units []knowledge.Unit, p *Policy, from, to time.Time) []knowledge.Reminder {
	pls := make([]*planner, 0, len(notices))
	for _, n := range notices {
		if n.Archived {
			continue // retired by an administrator: nobody is reminded of it any more
		}
		pl := &planner{p: p.For(n.Number), n: n, from: from, to: to}
		pl.fromD, pl.toD = knowledge.DateOf(from.In(pl.p.loc)), knowledge.DateOf(to.In(pl.p.loc))
		pl.units = unitIndex(n.Units, units)
		pl.index(assignments[n.Number])
		pls = append(pls, pl)
	}
	// A plan may hold millions of reminders. Growing one slice would copy
	// them again and again, so the planners run twice: once counting the
	// reminders of each minute of the window, once writing each straight to
	// its place in time order (the planners' own order within a minute:
	// notice, task, lead units first, table order).
	minutes := int(to.Sub(from)/time.Minute) + 2
	if minutes <= 0 || minutes > maxDenseMinutes {
		var out chunks
		for _, pl := range pls {
			pl.chunks = &out
			pl.plan()
		}
		return out.sortSparse()
	}
	d := &dense{base: from.Unix(), next: make([]int, minutes)}
	for _, pl := range pls {
		pl.dense = d
		pl.plan()
	}
	total := 0
	for i, n := range d.next {
		d.next[i] = total
		total += n
	}
	d.out, d.counted = make([]knowledge.Reminder, total), true
	for _, pl := range pls {
		pl.plan()
	}
	return d.out
}

// compareReminders orders reminders by time, then notice, task, unit, role
// and kind; tests use it to compare plans.
func compareReminders(a, b knowledge.Reminder) int {
	if c := a.At.Compare(b.At); c != 0 {
		return c
	}
	return cmp.Or(
		strings.Compare(a.Notice, b.Notice),
		cmp.Compare(a.Task, b.Task),
		strings.Compare(a.Unit, b.Unit),
		strings.Compare(string(a.Role), string(b.Role)),
		strings.Compare(string(a.Kind), string(b.Kind)),
	)
}

// unitIndex returns the units by name, the overrides replacing the notice's.
func unitIndex(own, overrides []knowledge.Unit) map[string]*knowledge.Unit {
	m := make(map[string]*knowledge.Unit, len(own)+len(overrides))
	for _, list := range [][]knowledge.Unit{own, overrides} {
		for i := range list {
			m[list[i].Name] = &list[i]
		}
	}
	return m
}

type assignKey struct {
	task int
	unit string
	role knowledge.Role
}

type taskCount struct{ all, done int }

type planner struct {
	p          *Policy
	n          *knowledge.Notice
	from, to   time.Time
	fromD, toD knowledge.Date
	units      map[string]*knowledge.Unit
	done       map[assignKey]bool
	tasks      map[int]taskCount
	chunks     *chunks
	dense      *dense
}

func (pl *planner) index(as []knowledge.Assignment) {
	pl.done = make(map[assignKey]bool, len(as))
	pl.tasks = map[int]taskCount{}
	for _, a := range as {
		c := pl.tasks[a.Task]
		c.all++
		if a.Done {
			c.done++
		}
		// A part in review (待审核) waits for its reviewers, not for
		// reminders: it is quiet like a done part, but the task is not done.
		if a.Done || a.State == knowledge.PartInReview {
			pl.done[assignKey{a.Task, a.Unit, a.Role}] = true
		}
		pl.tasks[a.Task] = c
	}
}

// taskDone reports whether every part of task n is done.
func (pl *planner) taskDone(n int) bool {
	c := pl.tasks[n]
	return c.all > 0 && c.done == c.all
}

// recipient is a unit to remind, in a role.
type recipient struct {
	unit string
	role knowledge.Role
}

// recipients returns who is reminded of task t: every unit with a part not
// done, a group with members replaced by those of its members whose part is
// not done, each once per role.
func (pl *planner) recipients(t *knowledge.Task, buf []recipient) []recipient {
	buf = buf[:0]
	add := func(r recipient) {
		if !slices.Contains(buf, r) {
			buf = append(buf, r)
		}
	}
	for _, a := range t.Units() {
		if pl.done[assignKey{t.Number, a.Unit, a.Role}] {
			continue
		}
		// Members have parts of their own (the store keeps one per member
		// in the group's role): one that finished hears no more.
		if u := pl.units[a.Unit]; u != nil && len(u.Members) > 0 {
			for _, m := range u.Members {
				if !pl.done[assignKey{t.Number, m, a.Role}] {
					add(recipient{m, a.Role})
				}
			}
			continue
		}
		add(recipient{a.Unit, a.Role})
	}
	return buf
}

func (pl *planner) plan() {
	var rs []recipient
	var slots []slot
	open := false // some dated task is not done: worth a weekly summary
	for i := range pl.n.Tasks {
		t := &pl.n.Tasks[i]
		if pl.taskDone(t.Number) {
			continue
		}
		rs = pl.recipients(t, rs)
		if len(rs) == 0 {
			continue
		}
		if t.Deadline.Kind == knowledge.DeadlineDate && !t.Deadline.Date.IsZero() {
			open = true
			slots = pl.milestone(slots[:0], t.Deadline.Date, true)
			pl.emit(t.Number, rs, t.Deadline.Date, slots)
		}
		for _, pd := range t.Periods {
			if pd.Unit != knowledge.Yearly || pd.Month < 1 || pd.Month > 12 || pd.Day < 1 {
				continue
			}
			// Completion is kept per task, not per year, so a yearly
			// milestone is announced but not chased.
			for y := pl.fromD.Year; y <= pl.toD.Year+1; y++ {
				due := knowledge.NewDate(y, time.Month(pd.Month), pd.Day)
				if !pl.n.Date.IsZero() && due.Before(pl.n.Date) {
					continue
				}
				slots = pl.milestone(slots[:0], due, false)
				pl.emit(t.Number, rs, due, slots)
			}
		}
		if t.Deadline.Kind == knowledge.DeadlineOngoing && pl.p.digest {
			slots = pl.monthly(slots[:0])
			pl.emit(t.Number, rs, knowledge.Date{}, slots)
		}
	}
	if open && pl.p.summary {
		slots = pl.weekly(slots[:0])
		pl.emit(0, []recipient{{AdminUnit, knowledge.RoleLead}}, knowledge.Date{}, slots)
	}
}

// emit appends a reminder per recipient for each slot whose time is in the window.
func (pl *planner) emit(task int, rs []recipient, due knowledge.Date, slots []slot) {
	for _, s := range slots {
		if !pl.n.Date.IsZero() && s.day.Before(pl.n.Date) {
			continue // nobody is reminded of a notice before it is issued
		}
		at := time.Date(s.day.Year, s.day.Month, s.day.Day, pl.p.hour, pl.p.minute, 0, 0, pl.p.loc)
		if at.Before(pl.from) || at.After(pl.to) {
			continue
		}
		if d := pl.dense; d != nil {
			k := (at.Unix() - d.base) / 60
			if !d.counted {
				d.next[k] += len(rs)
				continue
			}
			for _, r := range rs {
				d.out[d.next[k]] = knowledge.Reminder{
					Notice: pl.n.Number, Task: task, Unit: r.unit, Role: r.role,
					Kind: s.kind, At: at, Due: due,
				}
				d.next[k]++
			}
			continue
		}
		for _, r := range rs {
			pl.chunks.add(knowledge.Reminder{
				Notice: pl.n.Number, Task: task, Unit: r.unit, Role: r.role,
				Kind: s.kind, At: at, Due: due,
			})
		}
	}
}

// DayWindow returns the instants that bound the days from and to (both
// included) in the policy's time zone, for Plan.
func DayWindow(from, to knowledge.Date, p *Policy) (time.Time, time.Time) {
	return from.In(p.loc), to.AddDays(1).In(p.loc).Add(-time.Nanosecond)
}
