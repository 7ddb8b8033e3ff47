package importer_test

// The generators of the test files: a notice's task table written as a Word
// document, an Excel workbook and a CSV file, the way offices lay them out.
// The fixtures in testdata/ (second.docx, second.xlsx, second-gb18030.csv)
// are made by these from secondNotice; regenerate them with
//
//	go test ./knowledge/importer -run TestFixtures -update-fixtures

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"dutybot/knowledge"
)

// sampleRow is one task row as a table writes it: headings with their
// numerals, units as written (aliases allowed), the deadline's words.
type sampleRow struct {
	sec, sub, content, lead, resp, deadline string
}

// sample is a notice as an office writes it.
type sample struct {
	number, title, issuer, date, addressees string
	body                                    []string // preamble, sections, closing paragraphs
	tableTitle, note                        string
	rows                                    []sampleRow
}

// sampleOf writes a parsed notice back as an office would.
func sampleOf(n *knowledge.Notice) sample {
	s := sample{number: n.Number, title: n.Title, issuer: n.Issuer, date: n.Date.Chinese(),
		addressees: strings.Join(n.Addressees, "、") + "：", tableTitle: n.TableTitle, note: n.Note.Text}
	s.body = append(s.body, n.Preamble)
	for _, sec := range n.Sections {
		s.body = append(s.body, sec.Numeral+"、"+sec.Heading+"。"+strings.Join(sec.Paragraphs, ""))
	}
	s.body = append(s.body, n.Closing...)
	for _, t := range n.Tasks {
		s.rows = append(s.rows, sampleRow{
			sec: t.SectionNumeral + "、" + t.Section, sub: "（" + t.SubsectionNumeral + "）" + t.Subsection,
			content: fmt.Sprintf("%d.%s", t.Number, t.Content),
			lead:    strings.Join(t.Lead, "、"), resp: strings.Join(t.Responsible, "、"), deadline: t.Deadline.Text,
		})
	}
	return s
}

// layout is how a file sets out the table.
type layout struct {
	headers     []string // the header row, one per column
	numbered    bool     // a 序号 column (the content has no "N." prefix)
	autoNumber  bool     // .docx: the 序号 column numbered by Word, not typed
	headingRows bool     // sections as rows merged across, not merged columns
	splitAt     int      // .docx: the table continues as a second table from this row (0: one table)
	breaks      bool     // units one per line inside their cell
	dateCells   bool     // .xlsx: date deadlines typed as Excel dates
	numberAbove bool     // .docx: 文号 above the title (red-head order)
}

// stripNumber drops the "N." of a row's content.
func stripNumber(s string) string {
	if i := strings.Index(s, "."); i > 0 && i < 4 {
		return s[i+1:]
	}
	return s
}

// cells is a row's cells under l, heading columns included or not.
func (l layout) cells(i int, r sampleRow) []string {
	content := r.content
	var out []string
	if l.numbered {
		content = stripNumber(content)
		out = append(out, fmt.Sprint(i+1))
	}
	if !l.headingRows {
		out = append(out, r.sec, r.sub)
	}
	lead, resp := r.lead, r.resp
	if l.breaks {
		resp = strings.ReplaceAll(resp, "、", "\n")
	}
	return append(out, content, lead, resp, r.deadline)
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	_ = xmlEscapeTo(&b, s)
	return b.String()
}

func xmlEscapeTo(b *bytes.Buffer, s string) error {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	_, err := b.WriteString(r.Replace(s))
	return err
}

// wPara is a Word paragraph; line breaks in s become w:br; num, when set,
// numbers it from Word's list 1.
func wPara(s string, num bool) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if num {
		b.WriteString(`<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>`)
	}
	for i, part := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteString("<w:r><w:br/></w:r>")
		}
		if part != "" {
			b.WriteString(`<w:r><w:rPr><w:rFonts w:ascii="仿宋"/></w:rPr><w:t xml:space="preserve">` + xmlEscape(part) + "</w:t></w:r>")
		}
	}
	b.WriteString("</w:p>")
	return b.String()
}

func wCell(text, props string, num bool) string {
	return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + wPara(text, num) + "</w:tc>"
}

// writeDOCX writes s as a Word document laid out by l.
func writeDOCX(t testing.TB, s sample, l layout) []byte {
	t.Helper()
	var body strings.Builder
	p := func(text string) { body.WriteString(wPara(text, false)) }
	if l.numberAbove {
		p(s.issuer + "文件")
		p(s.number)
		p(s.title)
	} else {
		p(s.title)
		p(s.number)
	}
	p(s.addressees)
	for _, para := range s.body {
		p(para)
	}
	p(s.issuer)
	p(s.date)
	p("附件")
	p(s.tableTitle)
	ncols := len(l.headers)
	openTable := func() {
		body.WriteString("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr><w:tblGrid>")
		for range ncols {
			body.WriteString(`<w:gridCol w:w="1200"/>`)
		}
		body.WriteString("</w:tblGrid>")
	}
	openTable()
	body.WriteString("<w:tr>")
	for _, h := range l.headers {
		body.WriteString(wCell(h, "", false))
	}
	body.WriteString("</w:tr>")
	var prev sampleRow
	for i, r := range s.rows {
		if l.splitAt > 0 && i == l.splitAt {
			body.WriteString("</w:tbl>")
			p("")
			openTable()
		}
		if l.headingRows {
			for _, h := range []struct{ text, was string }{{r.sec, prev.sec}, {r.sub, prev.sub}} {
				if h.text != h.was && h.text != "" {
					body.WriteString("<w:tr>" + wCell(h.text, fmt.Sprintf(`<w:gridSpan w:val="%d"/>`, ncols), false) + "</w:tr>")
				}
			}
		}
		body.WriteString("<w:tr>")
		cells := l.cells(i, r)
		for j, c := range cells {
			props, num := "", false
			if l.numbered && j == 0 && l.autoNumber {
				c, num = "", true
			}
			if !l.headingRows {
				col := j
				if l.numbered {
					col--
				}
				if col == 0 || col == 1 {
					same := (col == 0 && r.sec == prev.sec) || (col == 1 && r.sub == prev.sub && r.sec == prev.sec)
					if same && i > 0 && i != l.splitAt {
						props, c = "<w:vMerge/>", ""
					} else {
						props = `<w:vMerge w:val="restart"/>`
					}
				}
			}
			body.WriteString(wCell(c, props, num))
		}
		body.WriteString("</w:tr>")
		prev = r
	}
	body.WriteString("</w:tbl>")
	p(s.note)
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		body.String() + `<w:sectPr/></w:body></w:document>`
	numbering := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	return zipOf(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
		"word/document.xml":  doc,
		"word/numbering.xml": numbering,
	})
}

// zipOf packs files (in name order, with a fixed time) into a zip archive.
func zipOf(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sortStrings(names)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// writeXLSX writes s's table as a workbook laid out by l: a title row
// merged across, the header row, section and subsection cells merged down
// their rows.
func writeXLSX(t testing.TB, s sample, l layout) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "任务分解表"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	ncols := len(l.headers)
	cell := func(c, r int) string { n, _ := excelize.CoordinatesToCellName(c, r); return n }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellValue(sheet, "A1", s.tableTitle))
	must(f.MergeCell(sheet, "A1", cell(ncols, 1)))
	for j, h := range l.headers {
		must(f.SetCellValue(sheet, cell(j+1, 2), h))
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true}})
	must(err)
	off := 0
	if l.numbered {
		off = 1
	}
	row := 3
	secStart, subStart := row, row
	var prev sampleRow
	for i, r := range s.rows {
		if i > 0 && r.sec != prev.sec {
			must(f.MergeCell(sheet, cell(off+1, secStart), cell(off+1, row-1)))
			secStart = row
		}
		if i > 0 && (r.sub != prev.sub || r.sec != prev.sec) {
			must(f.MergeCell(sheet, cell(off+2, subStart), cell(off+2, row-1)))
			subStart = row
		}
		for j, c := range l.cells(i, r) {
			if (j == off || j == off+1) && i > 0 && ((j == off && r.sec == prev.sec) || (j == off+1 && r.sub == prev.sub && r.sec == prev.sec)) {
				continue // covered by the merge
			}
			if j == len(l.headers)-1 && l.dateCells {
				if d, err := time.Parse("2006年1月2日", c); err == nil {
					must(f.SetCellValue(sheet, cell(j+1, row), d))
					must(f.SetCellStyle(sheet, cell(j+1, row), cell(j+1, row), dateStyle))
					continue
				}
			}
			if j == 0 && l.numbered {
				must(f.SetCellValue(sheet, cell(j+1, row), i+1))
				continue
			}
			must(f.SetCellValue(sheet, cell(j+1, row), c))
			if strings.Contains(c, "\n") {
				must(f.SetCellStyle(sheet, cell(j+1, row), cell(j+1, row), wrap))
			}
		}
		prev = r
		row++
	}
	must(f.MergeCell(sheet, cell(off+1, secStart), cell(off+1, row-1)))
	must(f.MergeCell(sheet, cell(off+2, subStart), cell(off+2, row-1)))
	must(f.SetCellValue(sheet, cell(1, row), s.note))
	must(f.MergeCell(sheet, cell(1, row), cell(ncols, row)))
	var buf bytes.Buffer
	must(f.Write(&buf))
	return buf.Bytes()
}

// writeCSV writes s's table as Excel saves a sheet as CSV: merged cells
// leave their value in the first row and blanks below; gb18030 writes it as
// Excel on Chinese Windows does.
func writeCSV(t testing.TB, s sample, l layout, gb18030 bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	recs := [][]string{{s.tableTitle}, l.headers}
	var prev sampleRow
	off := 0
	if l.numbered {
		off = 1
	}
	for i, r := range s.rows {
		c := l.cells(i, r)
		if i > 0 && r.sec == prev.sec {
			c[off] = ""
			if r.sub == prev.sub {
				c[off+1] = ""
			}
		}
		recs = append(recs, c)
		prev = r
	}
	recs = append(recs, []string{s.note})
	if err := w.WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	if !gb18030 {
		return append([]byte("\uFEFF"), buf.Bytes()...)
	}
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func newZipWriter(w *bytes.Buffer) *zip.Writer { return zip.NewWriter(w) }
