package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"dutybot/knowledge"
)

// noticeBody is the JSON kept in noticeRow.Body: the parts of a notice that
// are only ever read whole, never queried.
type noticeBody struct {
	Addressees []string                `json:"addressees,omitempty"`
	Cites      []knowledge.Citation    `json:"cites,omitempty"`
	Preamble   string                  `json:"preamble,omitempty"`
	Sections   []knowledge.BodySection `json:"sections,omitempty"`
	Closing    []string                `json:"closing,omitempty"`
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // the knowledge types hold only strings, numbers and slices
	}
	return string(b)
}

// noticeDigest is the SHA-256 of a notice's content; the audit log records
// it, so what was imported can be checked later.
func noticeDigest(n *knowledge.Notice) string {
	sum := sha256.Sum256([]byte(mustJSON(n)))
	return hex.EncodeToString(sum[:])
}

func newNoticeRow(n *knowledge.Notice, digest string) noticeRow {
	return noticeRow{
		Number: n.Number, Title: n.Title, Issuer: n.Issuer, Date: n.Date.String(),
		TableTitle: n.TableTitle,
		Body: mustJSON(noticeBody{
			Addressees: n.Addressees, Cites: n.Cites, Preamble: n.Preamble,
			Sections: n.Sections, Closing: n.Closing,
		}),
		Note:   mustJSON(n.Note),
		Digest: digest,
	}
}

func (r noticeRow) notice() (*knowledge.Notice, error) {
	n := &knowledge.Notice{
		Number: r.Number, Title: r.Title, Issuer: r.Issuer, TableTitle: r.TableTitle,
	}
	if err := n.Date.UnmarshalText([]byte(r.Date)); err != nil {
		return nil, fmt.Errorf("notice %s: date: %w", r.Number, err)
	}
	var body noticeBody
	if err := json.Unmarshal([]byte(r.Body), &body); err != nil {
		return nil, fmt.Errorf("notice %s: body: %w", r.Number, err)
	}
	n.Addressees, n.Cites, n.Preamble, n.Sections, n.Closing =
		body.Addressees, body.Cites, body.Preamble, body.Sections, body.Closing
	if err := json.Unmarshal([]byte(r.Note), &n.Note); err != nil {
		return nil, fmt.Errorf("notice %s: note: %w", r.Number, err)
	}
	return n, nil
}

func newTaskRow(noticeID int64, t *knowledge.Task) taskRow {
	periods := "[]"
	if len(t.Periods) > 0 {
		periods = mustJSON(t.Periods)
	}
	return taskRow{
		NoticeID: noticeID, Number: t.Number,
		Section: t.Section, SectionNumeral: t.SectionNumeral,
		Subsection: t.Subsection, SubsectionNumeral: t.SubsectionNumeral,
		Content:      t.Content,
		DeadlineText: t.Deadline.Text, DeadlineKind: string(t.Deadline.Kind), DeadlineDate: t.Deadline.Date.String(),
		Periods: periods, Note: t.Note,
	}
}

func (r taskRow) task() (knowledge.Task, error) {
	t := knowledge.Task{
		Number: r.Number, Section: r.Section, SectionNumeral: r.SectionNumeral,
		Subsection: r.Subsection, SubsectionNumeral: r.SubsectionNumeral, Content: r.Content,
		Deadline: knowledge.Deadline{Text: r.DeadlineText, Kind: knowledge.DeadlineKind(r.DeadlineKind)},
		Note:     r.Note,
	}
	if err := t.Deadline.Date.UnmarshalText([]byte(r.DeadlineDate)); err != nil {
		return t, fmt.Errorf("task %d: deadline: %w", r.Number, err)
	}
	if err := json.Unmarshal([]byte(r.Periods), &t.Periods); err != nil {
		return t, fmt.Errorf("task %d: periods: %w", r.Number, err)
	}
	if len(t.Periods) == 0 {
		t.Periods = nil
	}
	return t, nil
}

// validateNotice rejects what the database must never hold, even though the
// importer validates too: a half-stored notice would mislead every answer.
func validateNotice(n *knowledge.Notice) error {
	if n == nil {
		return fmt.Errorf("%w: nil notice", knowledge.ErrInvalidNotice)
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w %s: %s", knowledge.ErrInvalidNotice, n.Number, fmt.Sprintf(format, args...))
	}
	if n.Number == "" {
		return fmt.Errorf("%w: no document number", knowledge.ErrInvalidNotice)
	}
	units := map[string]bool{}
	for _, u := range n.Units {
		if u.Name == "" {
			return bad("a unit without a name")
		}
		if units[u.Name] {
			return bad("unit %s listed twice", u.Name)
		}
		units[u.Name] = true
	}
	if len(n.Tasks) == 0 {
		return bad("no tasks")
	}
	numbers := map[int]bool{}
	for i := range n.Tasks {
		t := &n.Tasks[i]
		if t.Number <= 0 {
			return bad("task number %d is not positive", t.Number)
		}
		if numbers[t.Number] {
			return bad("task %d appears twice", t.Number)
		}
		numbers[t.Number] = true
		if len(t.Lead)+len(t.Responsible) == 0 {
			return bad("task %d names no unit", t.Number)
		}
		if err := t.Deadline.Validate(); err != nil {
			return bad("task %d: %v", t.Number, err)
		}
		for _, role := range []struct {
			name  string
			units []string
		}{{"lead", t.Lead}, {"responsible", t.Responsible}} {
			seen := map[string]bool{}
			for _, u := range role.units {
				if !units[u] {
					return bad("task %d names unit %q, which is not among the notice's units", t.Number, u)
				}
				if seen[u] {
					return bad("task %d names %s twice as %s", t.Number, u, role.name)
				}
				seen[u] = true
			}
		}
	}
	return nil
}
