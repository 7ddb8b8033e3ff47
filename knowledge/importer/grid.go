package importer

import "strings"

// gridCell is one cell of a table read from a file, with merged cells
// already spread over the places they cover.
type gridCell struct {
	// Text is the cell's text; line breaks inside the cell are "\n".
	Text string
	// VCont: the place is covered by a cell merged down from above (its
	// Text is that cell's). HCont: merged across from the left.
	VCont, HCont bool
}

// grid is one table of a file: rows of cells, with where it sits.
type grid struct {
	// at is the table's place (Sheet or Table set).
	at Location
	// rows are the table's rows, each as wide as the source made it.
	rows [][]gridCell
	// rowNo are the source's 1-based row numbers of rows (nil: index+1).
	rowNo []int
	// lineNo are the CSV lines the rows start on (nil outside CSV).
	lineNo []int
}

// loc is the place of cell (i, j) of the grid; j < 0 for the whole row.
func (g *grid) loc(i, j int) Location {
	l := g.at
	l.Row = i + 1
	if g.rowNo != nil && i < len(g.rowNo) {
		l.Row = g.rowNo[i]
	}
	if g.lineNo != nil && i < len(g.lineNo) {
		l.Line = g.lineNo[i]
	}
	if j >= 0 {
		l.Col = j + 1
	}
	return l
}

// text is the text of cell (i, j), "" outside the row.
func (g *grid) text(i, j int) string {
	if j < 0 || j >= len(g.rows[i]) {
		return ""
	}
	return strings.TrimSpace(g.rows[i][j].Text)
}

// cell is cell (i, j), the zero cell outside the row.
func (g *grid) cell(i, j int) gridCell {
	if j < 0 || j >= len(g.rows[i]) {
		return gridCell{}
	}
	return g.rows[i][j]
}

// blank reports a row with no text in any cell.
func (g *grid) blank(i int) bool {
	for j := range g.rows[i] {
		if g.text(i, j) != "" {
			return false
		}
	}
	return true
}

// cellLines splits a cell's text at its line breaks, dropping blank lines.
func cellLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
