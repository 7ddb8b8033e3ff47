// Package facts renders the domain's facts that every part of dutybot shows
// (a task's deadline, its status, overdue included, and a unit's role in
// it) in one place, so that an answer, a reminder, the Slack card and App
// Home cannot drift apart. The sentences are in i18n/locales/facts.*.toml.
//
// It knows nothing of a chat request or of a delivery: the engine (bot)
// and the reminders, which may not import each other, both call it.
package facts

import "dutybot/knowledge"

// Localizer writes message id in one language; *i18n.Localizer is one, and
// Bind adapts a translator that takes the language with each call.
type Localizer interface {
	T(id string, data map[string]any) string
}

// The IDs of the messages in locales/facts.*.toml; a test proves each
// exists in every language.
const (
	msgDeadlineDate    = "FactDeadlineDate"
	msgDeadlineOngoing = "FactDeadlineOngoing"
	msgDeadlineNone    = "FactDeadlineNone"
	msgStatusOpen      = "FactStatusOpen"
	msgStatusPartial   = "FactStatusPartial"
	msgStatusDone      = "FactStatusDone"
	msgStatusOverdue   = "FactStatusOverdue"
	msgRoleLead        = "FactRoleLead"
	msgRoleResponsible = "FactRoleResponsible"
)

// MessageIDs lists every message this package uses.
func MessageIDs() []string {
	return []string{msgDeadlineDate, msgDeadlineOngoing, msgDeadlineNone,
		msgStatusOpen, msgStatusPartial, msgStatusDone, msgStatusOverdue,
		msgRoleLead, msgRoleResponsible}
}

// Deadline writes a deadline: the notice's own words (or, lacking them, the
// day in Chinese), with the ISO day in English; an ongoing duty or none.
func Deadline(l Localizer, d knowledge.Deadline) string {
	switch d.Kind {
	case knowledge.DeadlineDate:
		text := d.Text
		if text == "" {
			text = d.Date.Chinese()
		}
		return l.T(msgDeadlineDate, map[string]any{"Text": text, "Date": d.Date.String()})
	case knowledge.DeadlineOngoing:
		return l.T(msgDeadlineOngoing, nil)
	}
	return l.T(msgDeadlineNone, nil)
}

// Overdue reports whether work in status s with deadline d is overdue on
// today: not done, and its dated deadline has passed.
func Overdue(s knowledge.Status, d knowledge.Deadline, today knowledge.Date) bool {
	return s != knowledge.StatusDone && d.Kind == knowledge.DeadlineDate && d.Date.Before(today)
}

// Status writes a status as of today, marked overdue when Overdue says so.
func Status(l Localizer, s knowledge.Status, d knowledge.Deadline, today knowledge.Date) string {
	text := l.T(statusID(s), nil)
	if Overdue(s, d, today) {
		text = l.T(msgStatusOverdue, map[string]any{"Status": text})
	}
	return text
}

// State writes a status alone, where no deadline applies (a unit's part
// in a list of parts whose lights already say how late they are).
func State(l Localizer, s knowledge.Status) string { return l.T(statusID(s), nil) }

func statusID(s knowledge.Status) string {
	switch s {
	case knowledge.StatusDone:
		return msgStatusDone
	case knowledge.StatusPartial:
		return msgStatusPartial
	}
	return msgStatusOpen
}

// Role writes a unit's role in a task: lead (牵头) or responsible (责任).
func Role(l Localizer, r knowledge.Role) string {
	if r == knowledge.RoleLead {
		return l.T(msgRoleLead, nil)
	}
	return l.T(msgRoleResponsible, nil)
}

// Bind adapts t, which takes the language with each call (as the reminders'
// Translator does), to a Localizer of lang.
func Bind(lang string, t func(lang, id string, data map[string]any) string) Localizer {
	return bound{lang, t}
}

type bound struct {
	lang string
	t    func(lang, id string, data map[string]any) string
}

func (b bound) T(id string, data map[string]any) string { return b.t(b.lang, id, data) }
