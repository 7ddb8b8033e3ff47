package reminders

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"dutybot/knowledge"
)

// This file holds what a tick's messages say and where they go: tick.go
// decides which reminders are sent.

// whyNotPlanned says why a logged reminder is no longer in the plan.
func (d *Dispatcher) whyNotPlanned(st *state, r knowledge.Reminder) string {
	n := st.byNum[r.Notice]
	if n == nil {
		return "notice no longer stored"
	}
	if n.Archived {
		return "notice archived"
	}
	all, done, unitDone, review := 0, 0, false, false
	for _, a := range st.assign[r.Notice] {
		if a.Task != r.Task {
			continue
		}
		all++
		if a.State == knowledge.PartInReview && a.Role == r.Role && (a.Unit == r.Unit || isMember(n, a.Unit, r.Unit)) {
			review = true
		}
		if a.Done {
			done++
			if a.Role == r.Role && (a.Unit == r.Unit || isMember(n, a.Unit, r.Unit)) {
				unitDone = true
			}
		}
	}
	switch {
	case all > 0 && done == all:
		return "task done"
	case unitDone:
		return "unit done"
	case review:
		return "unit in review"
	}
	return "no longer planned (policy, task or unit changed)"
}

func isMember(n *knowledge.Notice, group, unit string) bool {
	for _, u := range n.Units {
		if u.Name == group {
			return slices.Contains(u.Members, unit)
		}
	}
	return false
}

// channelOf returns the channel bound to the reminder's unit, else the
// default (or, for the summary, the administrators') channel.
func (d *Dispatcher) channelOf(st *state, r knowledge.Reminder) string {
	if r.Unit == AdminUnit {
		_, summary, _ := d.Channels()
		return summary
	}
	if n := st.byNum[r.Notice]; n != nil {
		for _, u := range n.Units {
			if u.Name == r.Unit && u.Channel != "" {
				return u.Channel
			}
		}
	}
	for _, n := range st.notices {
		for _, u := range n.Units {
			if u.Name == r.Unit && u.Channel != "" {
				return u.Channel
			}
		}
	}
	return d.defaultChannel
}

func (d *Dispatcher) langOf(unit string) string {
	return cmp.Or(d.unitLang[unit], d.lang)
}

// render writes m's text. Summaries with nothing to report are skipped
// (through skip); ok is false when nothing is left to send.
func (d *Dispatcher) render(st *state, m *message, now time.Time, today knowledge.Date, skip func(knowledge.LoggedReminder, string)) (Delivery, bool) {
	slices.SortFunc(m.items, func(a, b knowledge.LoggedReminder) int {
		return cmp.Or(strings.Compare(a.Reminder.Notice, b.Reminder.Notice), cmp.Compare(a.Reminder.Task, b.Reminder.Task),
			strings.Compare(string(a.Reminder.Role), string(b.Reminder.Role)), a.Reminder.At.Compare(b.Reminder.At))
	})
	dl := Delivery{Channel: m.channel, Lang: m.lang, Unit: m.unit}
	if d.renderStatus(st, m, today, skip, &dl) {
		return dl, true
	}
	var parts, chases []string
	var items []item
	for _, lr := range m.items {
		r := lr.Reminder
		n := st.byNum[r.Notice]
		if isChase(r.Kind) {
			text, ok := d.chaseText(st, m.lang, r)
			if !ok {
				skip(lr, "signed since, or nothing left unsigned")
				continue
			}
			chases = append(chases, text)
		} else if r.Unit == AdminUnit {
			text, ok := summaryMessage(d.tr, m.lang, n, st.assign[r.Notice], today, d.horizon(r.Notice), now.Sub(r.At) >= d.lateAfter)
			if !ok {
				skip(lr, "nothing to report")
				continue
			}
			// The loop's ranking, red parts and ledger, where the source keeps parts.
			if extra, file, ok := d.loopSummary(st, m.lang, n, today); ok {
				text += "\n" + extra
				if dl.Attachment == nil {
					dl.Attachment = file
				}
			}
			parts = append(parts, text)
		} else {
			it := item{r: r, notice: n, task: n.Task(r.Task)}
			if r.Kind == knowledge.KindOverdue && r.Role == knowledge.RoleLead {
				it.lateUnits = lateUnits(n, st.assign[r.Notice], r.Task, r.Unit)
			}
			items = append(items, it)
		}
		dl.Items = append(dl.Items, lr)
		if now.Sub(r.At) >= d.lateAfter {
			dl.Late = true
		}
	}
	if len(dl.Items) == 0 {
		return dl, false
	}
	if len(parts) > 0 { // summaries: one head line after them
		if line := auditHeadLine(d.tr, m.lang, st.head); line != "" {
			parts[len(parts)-1] += "\n" + line
		}
	}
	parts = append(chases, parts...)
	if len(items) > 0 {
		parts = append([]string{unitMessage(d.tr, m.lang, m.unit, dl.Late, items, today)}, parts...)
	}
	dl.Text = strings.Join(parts, "\n\n")
	return dl, true
}

// renderStatus writes m as the unit's status message when it carries one
// (the first run), with every other reminder of m riding along: the status
// covers them. A status with nothing left to report is skipped, and m's
// other reminders are rendered as usual; so is an m without a status.
func (d *Dispatcher) renderStatus(st *state, m *message, today knowledge.Date, skip func(knowledge.LoggedReminder, string), dl *Delivery) bool {
	var status, rest []knowledge.LoggedReminder
	for _, lr := range m.items {
		if lr.Reminder.Kind == KindStatus {
			status = append(status, lr)
		} else {
			rest = append(rest, lr)
		}
	}
	if len(status) == 0 {
		return false
	}
	text, ok := statusMessage(d.tr, m.lang, m.unit, st.open(d.policy, today)[m.unit], today)
	if !ok {
		for _, lr := range status {
			skip(lr, "nothing open")
		}
		m.items = rest
		return false
	}
	dl.Text, dl.Items = text, m.items
	return true
}

// horizon is how many days ahead the summary lists tasks as due soon: the
// earliest before-reminder of the notice's policy.
func (d *Dispatcher) horizon(notice string) int {
	if b := d.policy.For(notice).before; len(b) > 0 {
		return b[0]
	}
	return 7
}

// lateUnits lists the units of task whose part is not done, but lead: a
// group with members is listed as those of its members that are late, since
// they are the ones the lead unit chases.
func lateUnits(n *knowledge.Notice, as []knowledge.Assignment, task int, lead string) []string {
	members := membersOf(n)
	done := doneParts(as)
	var out []string
	for _, a := range as {
		if a.Task != task || a.Done {
			continue
		}
		for _, u := range whoIsLate(members, done, task, a.Unit, a.Role) {
			if u != lead && !slices.Contains(out, u) {
				out = append(out, u)
			}
		}
	}
	return out
}

// membersOf returns the members of n's groups that have members, by group.
func membersOf(n *knowledge.Notice) map[string][]string {
	out := map[string][]string{}
	if n != nil {
		for _, u := range n.Units {
			if len(u.Members) > 0 {
				out[u.Name] = u.Members
			}
		}
	}
	return out
}

// doneParts returns the parts that are done.
func doneParts(as []knowledge.Assignment) map[assignKey]bool {
	out := make(map[assignKey]bool, len(as))
	for _, a := range as {
		if a.Done {
			out[assignKey{a.Task, a.Unit, a.Role}] = true
		}
	}
	return out
}

// whoIsLate returns who is behind with a unit's part of a task that is not
// done: the unit, or for a group with members those members whose own part
// is not done.
func whoIsLate(members map[string][]string, done map[assignKey]bool, task int, unit string, role knowledge.Role) []string {
	ms := members[unit]
	if len(ms) == 0 {
		return []string{unit}
	}
	var out []string
	for _, m := range ms {
		if !done[assignKey{task, m, role}] {
			out = append(out, m)
		}
	}
	return out
}
