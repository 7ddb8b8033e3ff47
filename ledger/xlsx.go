package ledger

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"dutybot/i18n"
	"dutybot/i18n/facts"
	"dutybot/knowledge"
)

// columns are the workbook's columns: header message and the cell of a row.
var columns = []struct {
	header string
	cell   func(l *i18n.Localizer, r Row) any
}{
	{"LedgerColNotice", func(_ *i18n.Localizer, r Row) any { return r.Notice }},
	{"LedgerColTask", func(_ *i18n.Localizer, r Row) any { return r.Task }},
	{"LedgerColUnit", func(_ *i18n.Localizer, r Row) any { return r.Unit }},
	{"LedgerColRole", func(l *i18n.Localizer, r Row) any {
		return facts.Role(l, knowledge.Role(r.Role))
	}},
	{"LedgerColDeadline", func(l *i18n.Localizer, r Row) any {
		switch {
		case r.Deadline != nil:
			return *r.Deadline
		case r.deadline.Kind == knowledge.DeadlineOngoing:
			return facts.Deadline(l, r.deadline)
		}
		return ""
	}},
	{"LedgerColState", func(l *i18n.Localizer, r Row) any { return l.T(stateIDs[r.State], nil) }},
	{"LedgerColLight", func(l *i18n.Localizer, r Row) any { return l.T(lightIDs[r.Light], nil) }},
	{"LedgerColSigned", func(_ *i18n.Localizer, r Row) any { return r.cells()[7] }},
	{"LedgerColProgressAt", func(_ *i18n.Localizer, r Row) any { return r.cells()[8] }},
	{"LedgerColProgressUser", func(_ *i18n.Localizer, r Row) any { return r.cells()[9] }},
	{"LedgerColProgress", func(_ *i18n.Localizer, r Row) any { return r.cells()[10] }},
	{"LedgerColClaimed", func(_ *i18n.Localizer, r Row) any { return r.cells()[11] }},
	{"LedgerColDone", func(_ *i18n.Localizer, r Row) any { return r.cells()[12] }},
	{"LedgerColDoneBy", func(_ *i18n.Localizer, r Row) any { return r.cells()[13] }},
}

var (
	stateIDs = map[string]string{"open": "LedgerStateOpen", "signed": "LedgerStateSigned", "in_review": "LedgerStateInReview", "done": "LedgerStateDone"}
	lightIDs = map[string]string{"red": "LedgerLightRed", "yellow": "LedgerLightYellow", "green": "LedgerLightGreen", "none": "LedgerLightNone"}
	// fills are the lights as light cell fills (Excel's own good/neutral/bad shades).
	fills = map[string]string{"red": "FFC7CE", "yellow": "FFEB9C", "green": "C6EFCE"}
)

// lightCol is the light column's index (0-based) in columns.
const lightCol = 6

// maxWidth caps a column's width, in Excel's character units.
const maxWidth = 60

// MessageIDs lists the workbook's message IDs, for the test that each exists in every language.
func MessageIDs() []string {
	ids := []string{"LedgerSheetParts", "LedgerSummary"}
	for _, c := range columns {
		ids = append(ids, c.header)
	}
	for _, m := range []map[string]string{stateIDs, lightIDs} {
		for _, id := range m {
			ids = append(ids, id)
		}
	}
	return ids
}

// WriteXLSX writes the rows as a workbook in l's language: the first sheet
// holds every row under a frozen, filtered header row, lights as fills;
// then one sheet per unit, headed by its summary line, lists its parts.
func WriteXLSX(w io.Writer, rows []Row, l *i18n.Localizer) error {
	f := excelize.NewFile()
	defer f.Close()
	first := l.T("LedgerSheetParts", nil)
	if err := f.SetSheetName("Sheet1", first); err != nil {
		return fmt.Errorf("ledger workbook: %w", err)
	}
	styles := map[string]int{}
	for light, color := range fills {
		id, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}})
		if err != nil {
			return fmt.Errorf("ledger workbook: %w", err)
		}
		styles[light] = id
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("ledger workbook: %w", err)
	}
	if err := writeSheet(f, first, 1, rows, l, styles, bold); err != nil {
		return err
	}
	var units []string
	byUnit := map[string][]Row{}
	for _, r := range rows {
		if _, ok := byUnit[r.Unit]; !ok {
			units = append(units, r.Unit)
		}
		byUnit[r.Unit] = append(byUnit[r.Unit], r)
	}
	for _, u := range units {
		name := sheetName(u)
		if _, err := f.NewSheet(name); err != nil {
			return fmt.Errorf("ledger workbook: sheet %s: %w", name, err)
		}
		if err := f.SetCellValue(name, "A1", summary(u, byUnit[u], l)); err != nil {
			return fmt.Errorf("ledger workbook: %w", err)
		}
		if err := writeSheet(f, name, 2, byUnit[u], l, styles, bold); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return fmt.Errorf("write ledger workbook: %w", err)
	}
	return nil
}

// writeSheet writes a header row at row head and the rows under it.
func writeSheet(f *excelize.File, sheet string, head int, rows []Row, l *i18n.Localizer, styles map[string]int, bold int) error {
	widths := make([]int, len(columns))
	header := make([]any, len(columns))
	for i, c := range columns {
		header[i] = l.T(c.header, nil)
		widths[i] = textWidth(header[i])
	}
	cell := func(col, row int) string { n, _ := excelize.CoordinatesToCellName(col+1, row); return n }
	if err := f.SetSheetRow(sheet, cell(0, head), &header); err != nil {
		return fmt.Errorf("ledger workbook: %w", err)
	}
	if err := f.SetCellStyle(sheet, cell(0, head), cell(len(columns)-1, head), bold); err != nil {
		return fmt.Errorf("ledger workbook: %w", err)
	}
	for i, r := range rows {
		vals := make([]any, len(columns))
		for j, c := range columns {
			vals[j] = c.cell(l, r)
			widths[j] = max(widths[j], textWidth(vals[j]))
		}
		row := head + 1 + i
		if err := f.SetSheetRow(sheet, cell(0, row), &vals); err != nil {
			return fmt.Errorf("ledger workbook: %w", err)
		}
		if s, ok := styles[r.Light]; ok {
			if err := f.SetCellStyle(sheet, cell(lightCol, row), cell(lightCol, row), s); err != nil {
				return fmt.Errorf("ledger workbook: %w", err)
			}
		}
	}
	for i, wd := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, float64(min(wd+2, maxWidth))); err != nil {
			return fmt.Errorf("ledger workbook: %w", err)
		}
	}
	last := cell(len(columns)-1, head+max(len(rows), 1))
	if err := f.AutoFilter(sheet, cell(0, head)+":"+last, nil); err != nil {
		return fmt.Errorf("ledger workbook: filter: %w", err)
	}
	err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: head, XSplit: 3,
		TopLeftCell: cell(3, head+1), ActivePane: "bottomRight"})
	if err != nil {
		return fmt.Errorf("ledger workbook: panes: %w", err)
	}
	return nil
}

// summary is a unit's line: its parts by state and light.
func summary(unit string, rows []Row, l *i18n.Localizer) string {
	c := map[string]int{}
	for _, r := range rows {
		c[r.State]++
		c[r.Light]++
		if r.SignedAt == nil && r.State != "done" {
			c["unsigned"]++
		}
	}
	return l.T("LedgerSummary", map[string]any{"Unit": unit, "Parts": len(rows), "Done": c["done"], "Review": c["in_review"],
		"Unsigned": c["unsigned"], "Red": c["red"], "Yellow": c["yellow"], "Green": c["green"]})
}

// sheetName makes a unit's name a valid sheet name: at most 31 characters,
// none of : \ / ? * [ ].
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '_'
		}
		return r
	}, s)
	if rs := []rune(s); len(rs) > 31 {
		s = string(rs[:31])
	}
	return s
}

// textWidth is how many character widths a value takes: two for each wide
// (Chinese) character, so that columns fit Chinese text.
func textWidth(v any) int {
	s := fmt.Sprint(v)
	if n, ok := v.(int); ok {
		s = strconv.Itoa(n)
	}
	w := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			w += 2
		default:
			w++
		}
	}
	return w
}
