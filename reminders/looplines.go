package reminders

import (
	"strings"
	"time"
	"unicode/utf8"

	"dutybot/knowledge"
)

// This file holds what a unit's reminder says of the supervision loop
// (issue 10 items 3 and 5): the light of the reminded unit's own part and,
// to a lead unit, each other unit's part that is not done with its state,
// light and latest progress, so the lead sees who is behind without asking.
// It needs the parts, which only a source that keeps them (PartSource) has;
// without them a reminder reads as before.

// loopPartsMax bounds how many units a lead's reminder lists per task: 进度 N
// (status N) gives the rest.
const loopPartsMax = 10

// progressRunes bounds how much of a progress report a reminder quotes.
const progressRunes = 40

// taskLoop is the loop's state of one task as a reminder to one unit shows it.
type taskLoop struct {
	own    knowledge.Light  // the light of the reminded unit's part, "" when it has none
	others []knowledge.Part // for a lead unit: the other units' parts not done, in table order
	lights map[string]knowledge.Light
	loc    *time.Location // the notice's zone, in which a report's day is told
}

// loopOf reads task t's parts as of today for a reminder to unit in role;
// nil when the source keeps no parts (or this notice's were not read).
func (d *Dispatcher) loopOf(st *state, n *knowledge.Notice, t *knowledge.Task, unit string, role knowledge.Role, today knowledge.Date) *taskLoop {
	ps, ok := st.parts[n.Number]
	if !ok || t == nil {
		return nil
	}
	var cal knowledge.Workdays
	if c := d.policy.Calendar(); c != nil {
		cal = c
	}
	l := &taskLoop{lights: map[string]knowledge.Light{}, loc: d.policy.Location()}
	for _, p := range ps {
		if p.Task != t.Number {
			continue
		}
		light := knowledge.PartLight(p, t.Deadline, today, cal, l.loc)
		l.lights[p.Unit] = light
		switch {
		case p.Unit == unit:
			l.own = knowledge.Worse(l.own, light)
			if l.own == "" {
				l.own = light
			}
		case role == knowledge.RoleLead && p.State != knowledge.PartDone:
			l.others = append(l.others, p)
		}
	}
	return l
}

// merge joins the loop of another reminder of the same task (a unit both
// lead and responsible): the lead's list is kept.
func (l *taskLoop) merge(o *taskLoop) *taskLoop {
	switch {
	case l == nil:
		return o
	case o == nil:
		return l
	}
	if len(o.others) > len(l.others) {
		l.others = o.others
	}
	return l
}

// loop writes the loop's lines of one task: the unit's own light, then, to
// a lead, the other units' parts not done.
func (w *writer) loop(l *taskLoop, task int) {
	if l == nil {
		return
	}
	if l.own != "" {
		w.line("reminders_loop_own", map[string]any{"Light": w.light(l.own)})
	}
	if len(l.others) == 0 {
		return
	}
	w.line("reminders_loop_parts", map[string]any{"Count": len(l.others)})
	for i, p := range l.others {
		if i == loopPartsMax {
			w.line("reminders_loop_more", map[string]any{"Count": len(l.others) - loopPartsMax, "Task": task})
			break
		}
		progress := w.tr.T(w.lang, "reminders_loop_no_progress", nil)
		if p.Progress != nil {
			text := strings.Join(strings.Fields(p.Progress.Text), " ")
			if utf8.RuneCountInString(text) > progressRunes {
				text = string([]rune(text)[:progressRunes]) + "…"
			}
			progress = w.tr.T(w.lang, "reminders_loop_progress", map[string]any{
				"Date": w.date(knowledge.DateOf(p.Progress.At.In(l.loc))), "Text": text})
		}
		w.line("reminders_loop_part", map[string]any{"Unit": p.Unit, "State": w.partState(p),
			"Light": w.light(l.lights[p.Unit]), "Progress": progress})
	}
}

// light names a light.
func (w *writer) light(l knowledge.Light) string {
	return w.tr.T(w.lang, "reminders_light_"+string(l), nil)
}

// partState names where a part is in the loop; an open part that was
// signed for (returned from review) is in progress.
func (w *writer) partState(p knowledge.Part) string {
	id := "reminders_state_" + string(p.State)
	if p.State == knowledge.PartOpen && !p.SignedAt.IsZero() {
		id = "reminders_state_working"
	}
	return w.tr.T(w.lang, id, nil)
}
