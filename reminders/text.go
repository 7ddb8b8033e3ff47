package reminders

import (
	"slices"
	"strings"
	"unicode/utf8"

	"dutybot/i18n"
	"dutybot/i18n/facts"
	"dutybot/knowledge"
)

// Translator writes the sentence id in language lang, filled with data. The
// dispatcher writes every word through it; BundleTranslator adapts the
// bot's message bundle (bot/i18n, files locales/reminders.*.toml).
type Translator interface {
	T(lang, id string, data map[string]any) string
}

// BundleTranslator returns a Translator over b.
func BundleTranslator(b *i18n.Bundle) Translator { return bundleTranslator{b} }

type bundleTranslator struct{ b *i18n.Bundle }

func (t bundleTranslator) T(lang, id string, data map[string]any) string {
	return t.b.For(lang).T(id, data)
}

// contentRunes bounds how much of a task's text a reminder quotes: enough
// to recognise the task; /duty task N gives the rest.
const contentRunes = 60

// item is one reminder of a unit's message with what its text needs.
type item struct {
	r         knowledge.Reminder
	notice    *knowledge.Notice
	task      *knowledge.Task
	lateUnits []string // for an overdue chase to a lead unit: who has not finished
}

// writer renders messages in one language.
type writer struct {
	tr   Translator
	lang string
	b    strings.Builder
}

func (w *writer) line(id string, data map[string]any) {
	if w.b.Len() > 0 {
		w.b.WriteByte('\n')
	}
	w.b.WriteString(w.tr.T(w.lang, id, data))
}

func (w *writer) english() bool {
	l := strings.ToLower(w.lang)
	return l == "en" || strings.HasPrefix(l, "en-") || strings.HasPrefix(l, "en_")
}

func (w *writer) date(d knowledge.Date) string {
	if w.english() {
		return d.String()
	}
	return d.Chinese()
}

// unitMessage writes the message of one unit: each task, the unit's part in
// it, the deadline with the days left or overdue as of today, and how to ask
// more. A late message says so first.
func unitMessage(tr Translator, lang, unit string, late bool, items []item, today knowledge.Date) string {
	w := &writer{tr: tr, lang: lang}
	w.line("reminders_header", map[string]any{"Unit": unit})
	if late {
		w.line("reminders_late", nil)
	}
	for _, g := range byTask(items) {
		it := g[0]
		w.b.WriteByte('\n')
		content := it.task.Content
		if utf8.RuneCountInString(content) > contentRunes {
			content = string([]rune(content)[:contentRunes]) + "…"
		}
		w.line("reminders_task", map[string]any{"Task": it.task.Number, "Content": content, "Notice": it.notice.Number})
		// A unit that is both lead and responsible in one task (市局办公室 in
		// task 8) hears of the task once, with both of its parts.
		var lateUnits []string
		for _, part := range g {
			duty := part.notice.Note.Responsible
			id := "reminders_role_responsible"
			if part.r.Role == knowledge.RoleLead {
				duty, id = part.notice.Note.Lead, "reminders_role_lead"
			}
			// The table's 说明 is in the notice's language; other languages
			// get the message file's wording of the same duty.
			if duty == "" || w.english() {
				duty = tr.T(lang, id+"_default", nil)
			}
			w.line(id, map[string]any{"Duty": strings.TrimSuffix(duty, "。")})
			if len(part.lateUnits) > 0 {
				lateUnits = part.lateUnits
			}
		}
		w.deadline(it, today)
		if len(lateUnits) > 0 {
			w.line("reminders_late_units", map[string]any{"Units": strings.Join(lateUnits, "、"), "Count": len(lateUnits)})
		}
		w.line("reminders_more", map[string]any{"Task": it.task.Number})
	}
	return w.b.String()
}

// deadline writes the deadline of it's milestone (through i18n/facts, as
// answers and the Slack card write it) with the days left or overdue.
func (w *writer) deadline(it item, today knowledge.Date) {
	data := map[string]any{"Deadline": facts.Deadline(w.facts(), dueDeadline(it.task, it.r.Due))}
	if it.r.Due.IsZero() {
		w.line("reminders_deadline_ongoing", data)
		return
	}
	days := today.DaysUntil(it.r.Due)
	data["Days"] = days
	switch {
	case days > 1:
		w.line("reminders_deadline_left", data)
	case days == 1:
		w.line("reminders_deadline_tomorrow", data)
	case days == 0:
		w.line("reminders_deadline_today", data)
	default:
		data["Days"] = -days
		w.line("reminders_deadline_overdue", data)
	}
}

// facts is the writer's language for the shared renderer of task facts.
func (w *writer) facts() facts.Localizer { return facts.Bind(w.lang, w.tr.T) }

// dueDeadline is the deadline a reminder due on due is about: the task's
// own, an ongoing duty's when due is zero, or for a yearly milestone that
// day itself (the period's words, 每年1月20日前, would not say which year).
func dueDeadline(t *knowledge.Task, due knowledge.Date) knowledge.Deadline {
	if due.IsZero() || due == t.Deadline.Date {
		return t.Deadline
	}
	return knowledge.Deadline{Kind: knowledge.DeadlineDate, Date: due}
}

// summaryLine is one unit's late or soon-due tasks in the weekly summary.
type summaryLine struct {
	unit  string
	tasks []string
}

// summaryMessage writes the weekly progress summary (通报) of notice n as of
// today: tasks overdue and tasks due within horizon days, by unit (a group
// with members by those of its members not done). It returns false when
// there is nothing to report.
func summaryMessage(tr Translator, lang string, n *knowledge.Notice, as []knowledge.Assignment, today knowledge.Date, horizon int, late bool) (string, bool) {
	w := &writer{tr: tr, lang: lang}
	done, members := doneParts(as), membersOf(n)
	var overdue, soon []summaryLine
	add := func(lines []summaryLine, unit, entry string) []summaryLine {
		for i := range lines {
			if lines[i].unit == unit {
				if !slices.Contains(lines[i].tasks, entry) {
					lines[i].tasks = append(lines[i].tasks, entry)
				}
				return lines
			}
		}
		return append(lines, summaryLine{unit, []string{entry}})
	}
	for i := range n.Tasks {
		t := &n.Tasks[i]
		if t.Deadline.Kind != knowledge.DeadlineDate {
			continue
		}
		days := today.DaysUntil(t.Deadline.Date)
		if days > horizon {
			continue
		}
		for _, a := range t.Units() {
			if done[assignKey{t.Number, a.Unit, a.Role}] {
				continue
			}
			data := map[string]any{"Task": t.Number, "Date": w.date(t.Deadline.Date), "Days": days}
			// A group with members is listed as its members still at work.
			for _, u := range whoIsLate(members, done, t.Number, a.Unit, a.Role) {
				if days < 0 {
					data["Days"] = -days
					overdue = add(overdue, u, tr.T(lang, "reminders_summary_overdue_task", data))
				} else {
					soon = add(soon, u, tr.T(lang, "reminders_summary_soon_task", data))
				}
			}
		}
	}
	if len(overdue)+len(soon) == 0 {
		return "", false
	}
	w.line("reminders_summary_header", map[string]any{"Notice": n.Number, "Title": n.Title, "Date": w.date(today)})
	if late {
		w.line("reminders_late", nil)
	}
	for _, part := range []struct {
		id    string
		lines []summaryLine
	}{{"reminders_summary_overdue", overdue}, {"reminders_summary_soon", soon}} {
		if len(part.lines) == 0 {
			continue
		}
		w.line(part.id, map[string]any{"Count": len(part.lines), "Days": horizon})
		slices.SortFunc(part.lines, func(a, b summaryLine) int { return strings.Compare(a.unit, b.unit) })
		for _, l := range part.lines {
			w.line("reminders_summary_unit", map[string]any{"Unit": l.unit, "Tasks": strings.Join(l.tasks, tr.T(lang, "reminders_summary_sep", nil))})
		}
	}
	return w.b.String(), true
}

// byTask groups the items about the same milestone of the same task (the
// unit's roles in it), keeping the order of first appearance.
func byTask(items []item) [][]item {
	type key struct {
		notice string
		task   int
		due    knowledge.Date
		kind   knowledge.ReminderKind
	}
	var out [][]item
	at := map[key]int{}
	for _, it := range items {
		k := key{it.notice.Number, it.task.Number, it.r.Due, it.r.Kind}
		if i, ok := at[k]; ok {
			out[i] = append(out[i], it)
			continue
		}
		at[k] = len(out)
		out = append(out, []item{it})
	}
	return out
}
