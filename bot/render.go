package bot

import (
	"strconv"
	"strings"

	"dutybot/bot/textnorm"
	"dutybot/i18n/facts"
	"dutybot/knowledge"
)

// item builds the Item of a task with its stored status and its light.
func (r *request) item(n *knowledge.Notice, t *knowledge.Task, quote string) (Item, error) {
	st, _, err := r.status(n, t)
	if err != nil {
		return Item{}, err
	}
	it := Item{Notice: n.Number, Task: t.Number, Content: t.Content, Quote: quote,
		Lead: t.Lead, Responsible: t.Responsible, Deadline: t.Deadline, Status: st,
		Section: t.Section, Subsection: t.Subsection}
	it.DeadlineText, it.StatusText = r.deadline(t.Deadline), r.statusText(it)
	if !r.listing {
		r.loop(&it, n, t)
	}
	return it, nil
}

// list joins names with the language's list separator, or says none.
func (r *request) list(names []string) string {
	if len(names) == 0 {
		return r.loc.T(msgNone, nil)
	}
	return strings.Join(names, r.loc.T(msgSep, nil))
}

// taskNumbers writes task numbers as a reader names them (第1、6、7项; tasks 1, 6, 7).
func (r *request) taskNumbers(ns []int) string {
	ss := make([]string, len(ns))
	for i, n := range ns {
		ss[i] = strconv.Itoa(n)
	}
	return r.loc.N(msgTaskNumbers, len(ns), map[string]any{"Numbers": strings.Join(ss, r.loc.T(msgSep, nil))})
}

// deadline writes a deadline in the reply's language (see i18n/facts, the
// one renderer the reminders share).
func (r *request) deadline(d knowledge.Deadline) string { return facts.Deadline(r.loc, d) }

// statusText writes a status, marked overdue when its date has passed.
func (r *request) statusText(it Item) string {
	return facts.Status(r.loc, it.Status, it.Deadline, r.today)
}

// place names a task with where it sits in the table: 第6项（一、… ›（三）…）.
func (r *request) place(it Item, t *knowledge.Task) string {
	var where []string
	if t.Section != "" {
		where = append(where, prefixNumeral(t.SectionNumeral, "、")+t.Section)
	}
	if t.Subsection != "" {
		where = append(where, wrapNumeral(t.SubsectionNumeral)+t.Subsection)
	}
	return r.loc.T(msgTaskPlace, map[string]any{"N": it.Task, "Where": strings.Join(where, " › ")})
}

func prefixNumeral(n, sep string) string {
	if n == "" {
		return ""
	}
	return n + sep
}

func wrapNumeral(n string) string {
	if n == "" {
		return ""
	}
	return "（" + n + "）"
}

// detail writes a task's facts below a headline: where it is, the quote
// that answers the question, the whole text when the quote is only part of
// it, its units, deadline and status.
func (r *request) detail(it Item, t *knowledge.Task, showContent bool) string {
	var b strings.Builder
	if len(r.snap.notices) > 1 {
		b.WriteString(r.loc.T(msgLabelNotice, map[string]any{"Notice": it.Notice}) + "\n")
	}
	b.WriteString(r.place(it, t) + "\n")
	if it.Quote != "" && it.Quote != it.Content {
		b.WriteString(r.loc.T(msgLabelQuote, map[string]any{"Text": it.Quote}) + "\n")
	}
	if showContent {
		b.WriteString(r.loc.T(msgLabelContent, map[string]any{"Text": it.Content}) + "\n")
	}
	b.WriteString(r.loc.T(msgLabelLead, map[string]any{"Units": r.list(it.Lead)}) + "\n")
	b.WriteString(r.loc.T(msgLabelResponsible, map[string]any{"Units": r.list(it.Responsible)}) + "\n")
	b.WriteString(r.loc.T(msgLabelDeadline, map[string]any{"Deadline": r.deadline(it.Deadline)}) + "\n")
	b.WriteString(r.loc.T(msgLabelStatus, map[string]any{"Status": r.statusText(it)}))
	if line := r.loopLine(it); line != "" {
		b.WriteString("\n" + line)
	}
	return b.String()
}

// line writes a task as one line of a list.
func (r *request) line(it Item) string {
	return r.loc.T(msgListLine, map[string]any{"N": it.Task, "Summary": summary(it.Content, 36),
		"Lead": r.list(it.Lead), "Deadline": r.deadline(it.Deadline), "Status": r.statusText(it)})
}

// summary is the first sentence of text, cut to at most n characters.
func summary(text string, n int) string {
	s := text
	if ss := textnorm.Sentences(text); len(ss) > 0 {
		s = ss[0]
	}
	rs := []rune(s)
	if len(rs) > n {
		return string(rs[:n]) + "…"
	}
	return s
}
