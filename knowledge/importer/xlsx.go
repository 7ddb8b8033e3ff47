package importer

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// readXLSX reads the task table from an Excel workbook: the first visible
// sheet with a header row of the table's words. Merged cells (the section
// and subsection columns merged down their rows) are spread over the cells
// they cover; a deadline typed as an Excel date is read as that date.
func readXLSX(src []byte, res *Result) error {
	zr, err := openZip(src)
	if err != nil {
		return err
	}
	if err := checkUnpacked(zr); err != nil {
		return err
	}
	f, err := excelize.OpenReader(bytes.NewReader(src), excelize.Options{
		UnzipSizeLimit: maxUnzipSize, UnzipXMLSizeLimit: maxPartSize,
	})
	if err != nil {
		return &TableError{Msg: fmt.Sprintf("cannot read the workbook: %v", err), Err: ErrCorruptArchive}
	}
	defer f.Close()
	date1904 := false
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		date1904 = *p.Date1904
	}
	var gs []*grid
	for _, sheet := range f.GetSheetList() {
		if visible, err := f.GetSheetVisible(sheet); err == nil && !visible {
			continue
		}
		g, err := sheetGrid(f, sheet, date1904)
		if err != nil {
			return err
		}
		gs = append(gs, g)
	}
	_, err = readGrids(gs, res, false)
	return err
}

// sheetGrid reads one sheet into a grid, merged cells spread.
func sheetGrid(f *excelize.File, sheet string, date1904 bool) (*grid, error) {
	at := Location{Sheet: sheet}
	shown, err := f.GetRows(sheet)
	if err != nil {
		return nil, &TableError{Where: at, Msg: fmt.Sprintf("cannot read the sheet: %v", err), Err: ErrCorruptArchive}
	}
	raw, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, &TableError{Where: at, Msg: fmt.Sprintf("cannot read the sheet: %v", err), Err: ErrCorruptArchive}
	}
	g := &grid{at: at}
	for i, row := range shown {
		cells := make([]gridCell, len(row))
		for j, v := range row {
			r := ""
			if i < len(raw) && j < len(raw[i]) {
				r = raw[i][j]
			}
			cells[j] = gridCell{Text: cellValue(v, r, date1904)}
		}
		g.rows = append(g.rows, cells)
	}
	merges, err := f.GetMergeCells(sheet)
	if err != nil {
		return nil, &TableError{Where: at, Msg: fmt.Sprintf("cannot read the merged cells: %v", err), Err: ErrCorruptArchive}
	}
	for _, m := range merges {
		c0, r0, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r1 < r0 || c1 < c0 || (r1-r0+1)*(c1-c0+1) > 1<<16 {
			return nil, &TableError{Where: at, Msg: fmt.Sprintf("a merged range %s:%s that cannot be read", m.GetStartAxis(), m.GetEndAxis()), Err: ErrCorruptArchive}
		}
		text := ""
		if r0-1 < len(g.rows) && c0-1 < len(g.rows[r0-1]) {
			text = g.rows[r0-1][c0-1].Text
		}
		for r := r0; r <= r1; r++ {
			for c := c0; c <= c1; c++ {
				if r == r0 && c == c0 {
					continue
				}
				g.put(r-1, c-1, gridCell{Text: text, VCont: r > r0, HCont: c > c0})
			}
		}
	}
	return g, nil
}

// put sets cell (i, j), growing the grid as needed.
func (g *grid) put(i, j int, c gridCell) {
	for len(g.rows) <= i {
		g.rows = append(g.rows, nil)
	}
	for len(g.rows[i]) <= j {
		g.rows[i] = append(g.rows[i], gridCell{})
	}
	g.rows[i][j] = c
}

// cellValue is the text of a cell as shown, line breaks as "\n"; a date
// (a serial number shown as a date) that the deadline reader cannot read
// as shown (12-31-20) is written as the notice would print it: 2020年12月31日.
func cellValue(shown, raw string, date1904 bool) string {
	shown = strings.ReplaceAll(strings.ReplaceAll(shown, "\r\n", "\n"), "\r", "\n")
	if shown == raw || !strings.ContainsAny(shown, "-/年.") {
		return shown
	}
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil || serial < 1 || serial > 2958465 {
		return shown
	}
	if _, err := ParseDeadline(shown); err == nil {
		return shown
	}
	t, err := excelize.ExcelDateToTime(serial, date1904)
	if err != nil {
		return shown
	}
	return t.Format("2006年1月2日")
}
