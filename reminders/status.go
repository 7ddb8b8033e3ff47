package reminders

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"dutybot/i18n/facts"
	"dutybot/knowledge"
)

// This file holds the status message: what each unit gets at a
// deployment's very first run instead of every reminder of the weeks before
// it (which nobody missed: the bot was not there yet).

// KindStatus is the kind, in the delivery log, of a unit's status message
// at the first run: what is overdue, what comes next, its ongoing duties.
// It is not a planned kind (Plan never makes one, `remind plan` never shows
// one); it goes through the log so that it is sent once, as reminders are.
const KindStatus knowledge.ReminderKind = "status"

// statusListMax and statusNextMax bound the overdue and coming tasks a
// status message lists; the rest are counted, and `/duty unit` lists all.
const (
	statusListMax = 10
	statusNextMax = 5
)

// statusEntry is one of a unit's open parts, as its status message lists it.
type statusEntry struct {
	notice *knowledge.Notice
	task   *knowledge.Task
	role   knowledge.Role // lead when the unit leads the task, whatever else it does in it
	due    knowledge.Date // the deadline or the next yearly milestone; zero for an ongoing duty
}

// open returns, by unit, the parts not done of every notice issued by today,
// for the same recipients as the planner's (a group with members as those
// of its members not done). It is computed once per tick.
func (s *state) open(p *Policy, today knowledge.Date) map[string][]statusEntry {
	if s.status != nil {
		return s.status
	}
	out := map[string][]statusEntry{}
	var rs []recipient
	for _, n := range s.notices {
		if !n.Date.IsZero() && today.Before(n.Date) {
			continue
		}
		pl := &planner{p: p.For(n.Number), n: n, units: unitIndex(n.Units, nil)}
		pl.index(s.assign[n.Number])
		for i := range n.Tasks {
			t := &n.Tasks[i]
			if pl.taskDone(t.Number) {
				continue
			}
			due := nextDue(t, today)
			rs = pl.recipients(t, rs)
			for _, r := range rs {
				es := out[r.unit]
				if k := len(es) - 1; k >= 0 && es[k].task == t {
					if r.role == knowledge.RoleLead {
						es[k].role = r.role
					}
					continue
				}
				out[r.unit] = append(es, statusEntry{notice: n, task: t, role: r.role, due: due})
			}
		}
	}
	s.status = out
	return out
}

// nextDue is the date a task's status is measured against: its deadline,
// else the next of its yearly milestones from today, else none (ongoing).
func nextDue(t *knowledge.Task, today knowledge.Date) knowledge.Date {
	if t.Deadline.Kind == knowledge.DeadlineDate && !t.Deadline.Date.IsZero() {
		return t.Deadline.Date
	}
	var next knowledge.Date
	for _, pd := range t.Periods {
		if pd.Unit != knowledge.Yearly || pd.Month < 1 || pd.Month > 12 || pd.Day < 1 {
			continue
		}
		for y := today.Year; y <= today.Year+1; y++ {
			d := knowledge.NewDate(y, time.Month(pd.Month), pd.Day)
			if !d.Before(today) {
				if next.IsZero() || d.Before(next) {
					next = d
				}
				break
			}
		}
	}
	return next
}

// statusReminders returns the status reminder of every unit with a part
// open, at the start of now's day: two replicas that both take themselves
// for the first run on the same day record the same reminders, which the
// log then holds once.
func statusReminders(st *state, p *Policy, now time.Time) []knowledge.Reminder {
	now = now.In(p.loc)
	at := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, p.loc)
	open := st.open(p, knowledge.DateOf(now))
	units := make([]string, 0, len(open))
	for u := range open {
		units = append(units, u)
	}
	slices.Sort(units)
	out := make([]knowledge.Reminder, len(units))
	for i, u := range units {
		out[i] = knowledge.Reminder{Unit: u, Kind: KindStatus, At: at}
	}
	return out
}

// statusMessage writes a unit's status as of today: its overdue parts
// (oldest deadline first), those coming next, and its ongoing duties. It
// returns false when the unit has nothing open.
func statusMessage(tr Translator, lang, unit string, entries []statusEntry, today knowledge.Date) (string, bool) {
	if len(entries) == 0 {
		return "", false
	}
	var overdue, next, ongoing []statusEntry
	notices := map[string]bool{}
	for _, e := range entries {
		notices[e.notice.Number] = true
		switch {
		case e.due.IsZero():
			ongoing = append(ongoing, e)
		case e.due.Before(today):
			overdue = append(overdue, e)
		default:
			next = append(next, e)
		}
	}
	byDue := func(a, b statusEntry) int {
		return cmp.Or(a.due.Compare(b.due), strings.Compare(a.notice.Number, b.notice.Number), cmp.Compare(a.task.Number, b.task.Number))
	}
	slices.SortStableFunc(overdue, byDue)
	slices.SortStableFunc(next, byDue)
	w := &writer{tr: tr, lang: lang}
	ref := func(e statusEntry) string {
		if len(notices) > 1 {
			return tr.T(lang, "reminders_status_ref_notice", map[string]any{"Task": e.task.Number, "Notice": e.notice.Number})
		}
		return tr.T(lang, "reminders_status_ref", map[string]any{"Task": e.task.Number})
	}
	role := func(e statusEntry) string { return facts.Role(w.facts(), e.role) }
	deadline := func(e statusEntry) string { return facts.Deadline(w.facts(), dueDeadline(e.task, e.due)) }
	w.line("reminders_header", map[string]any{"Unit": unit})
	w.line("reminders_status_intro", map[string]any{"Date": w.date(today)})
	list := func(head string, es []statusEntry, most int, line func(statusEntry)) {
		if len(es) == 0 {
			return
		}
		w.line(head, map[string]any{"Count": len(es)})
		for _, e := range es[:min(len(es), most)] {
			line(e)
		}
		if rest := len(es) - most; rest > 0 {
			w.line("reminders_status_more", map[string]any{"Count": rest, "Unit": unit})
		}
	}
	list("reminders_status_overdue", overdue, statusListMax, func(e statusEntry) {
		w.line("reminders_status_overdue_task", map[string]any{"Ref": ref(e), "Role": role(e), "Deadline": deadline(e), "Days": e.due.DaysUntil(today)})
	})
	list("reminders_status_next", next, statusNextMax, func(e statusEntry) {
		id, days := "reminders_status_next_task", today.DaysUntil(e.due)
		if days == 0 {
			id = "reminders_status_today_task"
		}
		w.line(id, map[string]any{"Ref": ref(e), "Role": role(e), "Deadline": deadline(e), "Days": days})
	})
	if len(ongoing) > 0 {
		refs := make([]string, len(ongoing))
		for i, e := range ongoing {
			refs[i] = ref(e)
		}
		w.line("reminders_status_ongoing", map[string]any{"Count": len(ongoing), "Tasks": strings.Join(refs, tr.T(lang, "reminders_summary_sep", nil))})
	}
	w.line("reminders_status_ask", nil)
	return w.b.String(), true
}
