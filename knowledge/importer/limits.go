package importer

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"dutybot/knowledge"
)

// MaxFileBytes is the largest notice file Load reads and Parse takes. The
// built-in notice is 25 KB of raw text or 38 KB of YAML (720 bytes a task),
// so a notice file of 10,000 tasks, the most a notice may have, is about
// 7 MB. Anything bigger is not one notice, and parsing it would hold many
// times its size in memory (a 50 MB file took 660 MB).
const MaxFileBytes = 8 << 20

// The limits on a notice's fields, in characters (runes) or entries. Each is
// far above what a real notice holds (the built-in one's longest task text is
// 260 characters), so that only a file that is not a notice, or two notices
// run together, reaches one. A value stored beyond them would be read back on
// every answer, and PostgreSQL's columns for names are 200 characters wide.
const (
	maxNameRunes      = 100    // document number, unit names and aliases, channel, member
	maxHeadingRunes   = 500    // titles, section headings, a task's section and subsection
	maxParagraphRunes = 20_000 // the preamble, a body paragraph, a closing paragraph
	maxTaskRunes      = 10_000 // a task's text, the clause that sets one of its periods
	maxNoteRunes      = 5_000  // a task's note, the table's closing note (说明)
	maxShortRunes     = 200    // issuer, addressee, deadline and period words
	maxNumeralRunes   = 20     // 一, 十二, …
	maxListEntries    = 500    // addressees, citations, sections, closing paragraphs, members
	maxTaskUnits      = 100    // lead or responsible units of one task
	maxAliases        = 100    // aliases of one unit
	maxPeriods        = 50     // periods in one task's text
	maxUnits          = 2_000  // units of one notice
	maxTasks          = 10_000 // tasks of one notice
)

// limits checks a notice's fields against the limits above, reporting each
// field over its limit through add with the line it was read from.
type limits struct {
	add func(line, task int, format string, args ...any)
}

// text reports s when it has more than max characters.
func (l limits) text(line, task int, field, s string, max int) {
	if len(s) <= max { // a rune is at least one byte
		return
	}
	if n := utf8.RuneCountInString(s); n > max {
		l.add(line, task, "%s is %s characters; at most %s", field, grouped(n), grouped(max))
	}
}

// count reports a list of n entries when it has more than max.
func (l limits) count(line, task int, field string, n, max int) {
	if n > max {
		l.add(line, task, "%s has %s entries; at most %s", field, grouped(n), grouped(max))
	}
}

// notice checks every field of n; lines says where each was read.
func (l limits) notice(n *knowledge.Notice, lines sourceLines) {
	l.text(lines.key("number"), 0, "number", n.Number, maxNameRunes)
	l.text(lines.key("title"), 0, "title", n.Title, maxHeadingRunes)
	l.text(lines.key("issuer"), 0, "issuer", n.Issuer, maxShortRunes)
	l.count(lines.key("addressees"), 0, "addressees", len(n.Addressees), maxListEntries)
	for _, a := range n.Addressees {
		l.text(lines.key("addressees"), 0, "an addressee", a, maxShortRunes)
	}
	l.count(lines.key("cites"), 0, "cites", len(n.Cites), maxListEntries)
	for _, c := range n.Cites {
		l.text(lines.key("cites"), 0, "a cited title", c.Title, maxHeadingRunes)
		l.text(lines.key("cites"), 0, "a cited number", c.Number, maxNameRunes)
	}
	l.text(lines.key("preamble"), 0, "preamble", n.Preamble, maxParagraphRunes)
	l.count(lines.key("sections"), 0, "sections", len(n.Sections), maxListEntries)
	for _, s := range n.Sections {
		l.text(lines.key("sections"), 0, "a section's numeral", s.Numeral, maxNumeralRunes)
		l.text(lines.key("sections"), 0, "a section's heading", s.Heading, maxHeadingRunes)
		l.count(lines.key("sections"), 0, "a section's paragraphs", len(s.Paragraphs), maxListEntries)
		for _, p := range s.Paragraphs {
			l.text(lines.key("sections"), 0, "a section's paragraph", p, maxParagraphRunes)
		}
	}
	l.count(lines.key("closing"), 0, "closing", len(n.Closing), maxListEntries)
	for _, p := range n.Closing {
		l.text(lines.key("closing"), 0, "a closing paragraph", p, maxParagraphRunes)
	}
	l.text(lines.key("table_title"), 0, "table_title", n.TableTitle, maxHeadingRunes)
	l.text(lines.key("note"), 0, "the table's note (说明)", n.Note.Text, maxNoteRunes)
	l.text(lines.key("note"), 0, "the note's lead", n.Note.Lead, maxNoteRunes)
	l.text(lines.key("note"), 0, "the note's responsible", n.Note.Responsible, maxNoteRunes)
	l.count(lines.key("units"), 0, "units", len(n.Units), maxUnits)
	for _, u := range n.Units {
		l.unit(lines.key("units"), u)
	}
	l.count(lines.key("tasks"), 0, "tasks", len(n.Tasks), maxTasks)
	for i := range n.Tasks {
		l.task(lines.task(i), &n.Tasks[i])
	}
}

func (l limits) unit(line int, u knowledge.Unit) {
	l.text(line, 0, "a unit's name", u.Name, maxNameRunes)
	l.count(line, 0, "aliases of "+clip(u.Name), len(u.Aliases), maxAliases)
	for _, a := range u.Aliases {
		l.text(line, 0, "an alias of "+clip(u.Name), a, maxNameRunes)
	}
	l.count(line, 0, "members of "+clip(u.Name), len(u.Members), maxListEntries)
	for _, m := range u.Members {
		l.text(line, 0, "a member of "+clip(u.Name), m, maxNameRunes)
	}
	l.text(line, 0, "the channel of "+clip(u.Name), u.Channel, maxNameRunes)
}

func (l limits) task(line int, t *knowledge.Task) {
	l.text(line, t.Number, "section", t.Section, maxHeadingRunes)
	l.text(line, t.Number, "section_numeral", t.SectionNumeral, maxNumeralRunes)
	l.text(line, t.Number, "subsection", t.Subsection, maxHeadingRunes)
	l.text(line, t.Number, "subsection_numeral", t.SubsectionNumeral, maxNumeralRunes)
	l.text(line, t.Number, "content", t.Content, maxTaskRunes)
	l.count(line, t.Number, "lead", len(t.Lead), maxTaskUnits)
	l.count(line, t.Number, "responsible", len(t.Responsible), maxTaskUnits)
	l.text(line, t.Number, "the deadline's text", t.Deadline.Text, maxShortRunes)
	l.count(line, t.Number, "periods", len(t.Periods), maxPeriods)
	for _, p := range t.Periods {
		l.text(line, t.Number, "a period's text", p.Text, maxShortRunes)
		l.text(line, t.Number, "a period's clause", p.Clause, maxTaskRunes)
	}
	l.text(line, t.Number, "note", t.Note, maxNoteRunes)
}

// clip shortens a name for an error message: a name over its limit would
// otherwise fill the screen.
func clip(s string) string {
	const keep = 20
	if utf8.RuneCountInString(s) <= keep {
		return s
	}
	return string([]rune(s)[:keep]) + "…"
}

// grouped formats n with thousands separators: 40,000.
func grouped(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + grouped(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// checkSize refuses a source bigger than MaxFileBytes.
func checkSize(size int64) error {
	if size > MaxFileBytes {
		return errAt(0, 0, "the file is %s; a notice file is at most %s", megabytes(size), megabytes(MaxFileBytes))
	}
	return nil
}

// megabytes formats a size for people: 9.4 MiB, 8 MiB.
func megabytes(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}
