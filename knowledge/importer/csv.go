package importer

import (
	"strings"

	"dutybot/knowledge"
)

// readCSV reads a task table saved as CSV (or tab- or semicolon-separated
// text): UTF-8 with or without a BOM, UTF-16 with a BOM, or GB18030. Merged
// cells come out of Excel as a value in the first row and blanks below, so
// blank heading cells keep the heading above. The file has no 文号 or
// title of the notice unless rows above the header state them.
func readCSV(src []byte, res *Result) error {
	records, lineNos, ok := splitCSV(decodeText(src))
	if !ok {
		return &TableError{Msg: "not a task table: no header row naming the task, its units and deadline"}
	}
	g := &grid{lineNo: lineNos}
	for _, rec := range records {
		row := make([]gridCell, len(rec))
		for j, f := range rec {
			row[j] = gridCell{Text: f}
		}
		g.rows = append(g.rows, row)
	}
	_, err := readGrids([]*grid{g}, res, false)
	return err
}

// readGrids reads the task table from the grids of a file: the first grid
// with a header row of the table's words and, when parts is set (the
// tables of a Word document), every later grid with such a header or
// continuing the previous one (as wide, no header of its own). Text above
// the first header gives the 文号, the notice's title and the table's
// title when the file states them.
// It returns the index in gs of the first table read.
func readGrids(gs []*grid, res *Result, parts bool) (int, error) {
	tr := newTableReader()
	var first *grid
	var cols columns
	firstAt, prevWidth := -1, -1
	for gi, g := range gs {
		if len(g.rows) == 0 {
			continue
		}
		c, ok, err := tr.findHeader(g)
		if err != nil && (first == nil || !parts) {
			return -1, err
		}
		switch {
		case ok:
			if first == nil {
				first, cols, firstAt = g, c, gi
			}
			tr.read(g, c)
			prevWidth = len(g.rows[c.header])
		case parts && first != nil && len(g.rows[0]) == prevWidth && !tr.ended:
			c := cols
			c.header = -1
			tr.read(g, c)
		default:
			prevWidth = -1
		}
		if first != nil && !parts {
			break
		}
	}
	if first == nil {
		where := Location{}
		if len(gs) == 1 {
			where = gs[0].at
		}
		return -1, &TableError{Where: where, Msg: "not a task table: no header row naming the task (" + tr.hw[roleContent][0] + "), its units (" + tr.hw[roleLead][0] + ", " + tr.hw[roleResponsible][0] + ") and deadline in the first rows"}
	}
	if len(tr.tasks) == 0 {
		return -1, tableErr(first.loc(cols.header, -1), "the task table has no task rows below its header")
	}
	n := &knowledge.Notice{}
	headerFromAbove(n, tr.above)
	res.Notice = n
	res.Warnings = tr.finish(n, &cols)
	return firstAt, nil
}

// headerFromAbove takes the 文号, the notice's title and the table's title
// from the rows above a table's header, when they are there.
func headerFromAbove(n *knowledge.Notice, above []string) {
	for _, t := range above {
		s := squeezeSpaces(t)
		switch {
		case n.Number == "" && docNumberRe.MatchString(toASCIIDigits(s)):
			n.Number = s
		case n.Title == "" && isNoticeTitle(s):
			n.Title = s
			if k := strings.Index(s, "关于"); k > 0 {
				n.Issuer = s[:k]
			}
		case n.TableTitle == "" && (strings.HasSuffix(s, "表") || strings.Contains(s, "分解")):
			n.TableTitle = s
		}
	}
}
