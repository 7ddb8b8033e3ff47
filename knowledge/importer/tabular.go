package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"dutybot/knowledge"
)

// maxHeaderSearch is how many rows from the top of a table may come before
// its header row (a title, the 文号, blank rows).
const maxHeaderSearch = 30

var (
	secHeadRe  = regexp.MustCompile(`^([一二三四五六七八九十]+)\s*[、．.，,]\s*`)
	subHeadRe  = regexp.MustCompile(`^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*`)
	numPrefRe  = regexp.MustCompile(`^[（(]?(\d{1,3})\s*(?:[.．、）)]|\s)\s*`)
	numCellRe  = regexp.MustCompile(`^[（(]?(\d{1,3})(?:\.0+)?[.．、）)]?$`)
	tableEndRe = regexp.MustCompile(`^(说明|注|备注)\s*\d*\s*[：:]`)
)

// tableReader reads the task rows of one or more tables (the parts of one
// task table) into tasks, with warnings.
type tableReader struct {
	hw      headerWords
	entries []unitEntry
	s       *solver

	tasks    []knowledge.Task
	where    []Location // each task's row
	given    []int      // the number the file gives each task (0: none)
	warnings []Warning
	note     []string
	above    []string // text of the rows above the first header

	sec, sub     knowledge.Task // the open section and subsection (numeral, text)
	nSec, nSub   int
	secWasCell   string // the section column's text that opened the section
	cols         *columns
	width        int
	usedUnits    map[string]bool
	unknownUnits []string
	ended        bool // the table's 说明 has been read
}

func newTableReader() *tableReader {
	entries := mustDefaultEntries()
	return &tableReader{
		hw: mustHeaderWords(), entries: entries,
		s:         &solver{lx: newLexicon(entries), memo: map[string]tokenized{}},
		usedUnits: map[string]bool{},
	}
}

func (tr *tableReader) warn(where Location, task int, blocking bool, format string, args ...any) {
	tr.warnings = append(tr.warnings, Warning{Where: where, Task: task, Msg: fmt.Sprintf(format, args...), Blocking: blocking})
}

// findHeader finds g's header row by its words. ok is false when g has
// none; the error is a header that names unit or deadline columns but no
// task column.
func (tr *tableReader) findHeader(g *grid) (c columns, ok bool, err error) {
	for i := 0; i < len(g.rows) && i < maxHeaderSearch; i++ {
		roles, scores := make([]role, len(g.rows[i])), make([]int, len(g.rows[i]))
		distinct := map[role]bool{}
		for j := range g.rows[i] {
			roles[j], scores[j] = tr.hw.match(g.text(i, j))
			if roles[j] != roleNone {
				distinct[roles[j]] = true
			}
		}
		if len(distinct) < 2 || !(distinct[roleContent] || distinct[roleLead] || distinct[roleResponsible]) {
			continue
		}
		header := i
		// A second header row splits a merged header cell (责任单位 over
		// 牵头单位 | 配合单位): it is made of header words only.
		if i+1 < len(g.rows) && tr.subHeader(g, i+1) {
			for j := range g.rows[i+1] {
				if r, exact := tr.hw.exact(g.text(i+1, j)); exact && !g.cell(i+1, j).VCont {
					if j >= len(roles) {
						roles = append(roles, make([]role, j+1-len(roles))...)
						scores = append(scores, make([]int, j+1-len(scores))...)
					}
					roles[j], scores[j] = r, 1000
				}
			}
			header = i + 1
		}
		c = assign(roles, scores)
		c.header = header
		if c.content < 0 {
			var named []string
			for j, r := range roles {
				if r != roleNone && !g.cell(i, j).HCont {
					named = append(named, g.text(i, j))
				}
			}
			return c, false, tableErr(g.loc(i, -1), "no task column: the header row names %s but no %s",
				strings.Join(named, "、"), strings.Join(tr.hw[roleContent][:3], "/"))
		}
		if len(c.lead) == 0 && len(c.resp) == 0 {
			return c, false, tableErr(g.loc(i, -1), "no unit column: the header row names no %s or %s",
				tr.hw[roleLead][0], tr.hw[roleResponsible][0])
		}
		return c, true, nil
	}
	return c, false, nil
}

// subHeader reports a row made only of header words (and cells merged down
// from the row above).
func (tr *tableReader) subHeader(g *grid, i int) bool {
	n := 0
	for j := range g.rows[i] {
		t := g.text(i, j)
		if t == "" || g.cell(i, j).VCont {
			continue
		}
		if _, exact := tr.hw.exact(t); !exact {
			return false
		}
		n++
	}
	return n > 0
}

// rowTexts returns the row's distinct cell texts, a merged cell once.
func rowTexts(g *grid, i int) (texts []string, merged bool) {
	for j := range g.rows[i] {
		c := g.cell(i, j)
		if c.HCont {
			merged = true
			continue
		}
		if t := g.text(i, j); t != "" {
			texts = append(texts, t)
		}
	}
	return texts, merged
}

// read reads the data rows of g: all rows after c.header (c.header = -1 for a
// table that continues the previous one without a header of its own).
func (tr *tableReader) read(g *grid, c columns) {
	tr.cols, tr.width = &c, len(g.rows[max(c.header, 0)])
	if c.header >= 0 && len(tr.tasks) == 0 {
		for i := 0; i < c.header; i++ {
			if ts, _ := rowTexts(g, i); len(ts) > 0 && !tr.isHeaderRow(g, i) {
				tr.above = append(tr.above, strings.Join(ts, " "))
			}
		}
	}
	for i := c.header + 1; i < len(g.rows); i++ {
		if g.blank(i) {
			continue
		}
		texts, merged := rowTexts(g, i)
		fresh := 0 // cells that are not merged down from the row above
		for j := range g.rows[i] {
			if gc := g.cell(i, j); !gc.VCont && !gc.HCont && g.text(i, j) != "" {
				fresh++
			}
		}
		if fresh == 0 {
			continue // only cells merged down from above: nothing new
		}
		if tr.ended || tableEndRe.MatchString(texts[0]) {
			tr.ended = true
			tr.note = append(tr.note, texts...)
			continue
		}
		if len(texts) == 1 && (merged || secHeadRe.MatchString(texts[0]) || subHeadRe.MatchString(texts[0])) {
			tr.heading(texts[0])
			continue
		}
		tr.row(g, i, c)
	}
}

func (tr *tableReader) isHeaderRow(g *grid, i int) bool {
	for j := range g.rows[i] {
		if r, _ := tr.hw.match(g.text(i, j)); r != roleNone {
			return true
		}
	}
	return false
}

// heading opens a section or subsection from a heading row.
func (tr *tableReader) heading(s string) {
	s = strings.Join(cellLines(s), "")
	if m := subHeadRe.FindStringSubmatch(s); m != nil {
		tr.nSub++
		tr.sub = knowledge.Task{SubsectionNumeral: m[1], Subsection: strings.TrimSpace(s[len(m[0]):])}
		return
	}
	tr.openSection(s)
}

func (tr *tableReader) openSection(s string) {
	tr.nSec++
	tr.nSub = 0
	tr.secWasCell = s
	tr.sub = knowledge.Task{}
	tr.sec = knowledge.Task{SectionNumeral: chineseNumeral(tr.nSec), Section: s}
	if m := secHeadRe.FindStringSubmatch(s); m != nil {
		tr.sec = knowledge.Task{SectionNumeral: m[1], Section: strings.TrimSpace(s[len(m[0]):])}
	}
}

func (tr *tableReader) openSub(s string) {
	tr.nSub++
	tr.sub = knowledge.Task{SubsectionNumeral: chineseNumeral(tr.nSub), Subsection: s}
	if m := subHeadRe.FindStringSubmatch(s); m != nil {
		tr.sub = knowledge.Task{SubsectionNumeral: m[1], Subsection: strings.TrimSpace(s[len(m[0]):])}
	}
}

// unitCell joins the cells of the given columns (a merged cell once), line
// breaks as separators.
func unitCell(g *grid, i int, cols []int) (string, int) {
	var parts []string
	first := -1
	for _, j := range cols {
		if g.cell(i, j).HCont && slices.Contains(cols, j-1) {
			continue
		}
		if t := g.text(i, j); t != "" {
			parts = append(parts, cellLines(t)...)
			if first < 0 {
				first = j
			}
		}
	}
	if first < 0 && len(cols) > 0 {
		first = cols[0]
	}
	return strings.Join(parts, "、"), first
}

// row reads one task row.
func (tr *tableReader) row(g *grid, i int, c columns) {
	// Heading columns: a cell opens a heading when its text differs from
	// the open one; a blank cell (CSV and unmerged sheets) keeps it.
	secChanged := false
	if t := strings.Join(cellLines(g.text(i, c.section)), ""); t != "" && t != tr.secWasCell {
		tr.openSection(t)
		secChanged = true
	}
	if t := strings.Join(cellLines(g.text(i, c.sub)), ""); t != "" {
		if secChanged || !g.cell(i, c.sub).VCont && !tr.sameSub(t) {
			tr.openSub(t)
		}
	}
	lead, leadCol := unitCell(g, i, c.lead)
	resp, respCol := unitCell(g, i, c.resp)
	deadline := squeezeSpaces(strings.Join(cellLines(g.text(i, c.deadline)), ""))
	contentCell := g.cell(i, c.content)
	if contentCell.VCont && len(tr.tasks) > 0 {
		// The task cell is merged down over this row: more units of the same task.
		t := &tr.tasks[len(tr.tasks)-1]
		t.Lead = appendNew(t.Lead, tr.units(lead, g.loc(i, leadCol), t.Number, t)...)
		t.Responsible = appendNew(t.Responsible, tr.units(resp, g.loc(i, respCol), t.Number, t)...)
		return
	}
	content := joinCJK(cellLines(g.text(i, c.content))...)
	if content == "" {
		tr.warn(g.loc(i, c.content), 0, true, "a row with no task text (its other cells: %s)", strings.Join(nonEmpty(lead, resp, deadline), " | "))
		return
	}
	given := 0
	if c.number >= 0 {
		if m := numCellRe.FindStringSubmatch(toASCIIDigits(g.text(i, c.number))); m != nil {
			given, _ = strconv.Atoi(m[1])
		}
	}
	if loc := numPrefRe.FindStringSubmatchIndex(toASCIIDigits(content)); loc != nil {
		conv := toASCIIDigits(content)
		k, _ := strconv.Atoi(conv[loc[2]:loc[3]])
		if given == 0 || given == k {
			given = k
			content = string([]rune(content)[runeLen(conv[:loc[1]]):])
		}
	}
	t := knowledge.Task{
		Number: len(tr.tasks) + 1, Content: content,
		Section: tr.sec.Section, SectionNumeral: tr.sec.SectionNumeral,
		Subsection: tr.sub.Subsection, SubsectionNumeral: tr.sub.SubsectionNumeral,
	}
	var notes []string
	t.Lead = tr.units(lead, g.loc(i, leadCol), t.Number, &t)
	t.Responsible = tr.units(resp, g.loc(i, respCol), t.Number, &t)
	if len(t.Lead) == 0 {
		tr.warn(g.loc(i, leadCol), t.Number, true, "no lead unit (牵头单位)")
	}
	if len(t.Responsible) == 0 {
		tr.warn(g.loc(i, respCol), t.Number, true, "no responsible unit (责任单位)")
	}
	dl, err := ParseDeadline(deadline)
	switch {
	case err != nil:
		tr.warn(g.loc(i, c.deadline), t.Number, false, "cannot read the deadline %q as a date or 长期: kept as words, with no date to remind by", deadline)
		dl = knowledge.Deadline{Text: deadline, Kind: knowledge.DeadlineNone}
		notes = append(notes, fmt.Sprintf("进度要求“%s”无法读成日期，未设提醒日期，请核对。", deadline))
	case dl.Kind == knowledge.DeadlineNone:
		notes = append(notes, "表中该项进度要求栏为空。")
	}
	t.Deadline = dl
	t.Periods = ParsePeriods(t.Content)
	t.Note += strings.Join(notes, "")
	tr.tasks = append(tr.tasks, t)
	tr.where = append(tr.where, g.loc(i, -1))
	tr.given = append(tr.given, given)
}

func (tr *tableReader) sameSub(t string) bool {
	if m := subHeadRe.FindStringSubmatch(t); m != nil {
		return m[1] == tr.sub.SubsectionNumeral && strings.TrimSpace(t[len(m[0]):]) == tr.sub.Subsection
	}
	return t == tr.sub.Subsection
}

// units splits a unit cell into canonical names, warning about names the
// alias table does not know (with the nearest one it does) and noting
// slips in the task.
func (tr *tableReader) units(cell string, where Location, number int, t *knowledge.Task) []string {
	if cell == "" {
		return nil
	}
	tk := tr.s.tokenize([]rune(cell), nil)
	for _, tok := range tk.toks {
		c := knowledge.NormalizeName(tok.Canon)
		if c == "" {
			continue
		}
		if tok.Slip {
			t.Note += fmt.Sprintf("原文写作“%s”，按%s计（同一单位）。", tok.Text, tok.Canon)
		}
		if !tok.Known {
			hint := "no known unit is close"
			if near := nearestUnit(tr.entries, c); near != "" {
				hint = "did you mean " + near + "?"
			}
			what := "unknown unit"
			if tok.Junk {
				what = "not a unit name"
			}
			tr.warn(where, number, false, "%s %q: kept as a new unit (%s)", what, c, hint)
		}
		if !tr.usedUnits[c] {
			tr.usedUnits[c] = true
			if !tok.Known {
				tr.unknownUnits = append(tr.unknownUnits, c)
			}
		}
	}
	return canonNames(tk.toks)
}

func appendNew(list []string, more ...string) []string {
	for _, m := range more {
		if !slices.Contains(list, m) {
			list = append(list, m)
		}
	}
	return list
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
