package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word documents are read with archive/zip and encoding/xml alone: a notice
// needs only the text of body paragraphs and tables, merged cells and list
// numbers, which a streaming pass over word/document.xml gives; the Go
// libraries for .docx either write documents or pull in far more than this.

// maxTableCells caps a Word table (rows × columns) against hostile input.
const maxTableCells = 1 << 18

// docBlock is one block of a Word document's body: a paragraph or a table.
type docBlock struct {
	para  string
	table *grid
}

// readDOCX reads a notice from a Word document: the header (文号, title,
// addressees, issuer and date) and body from the paragraphs before the task
// table, the task table(s), and the 说明 after it.
func readDOCX(src []byte, res *Result) error {
	zr, err := openZip(src)
	if err != nil {
		return err
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[f.Name] = f
	}
	budget := int64(maxUnzipSize)
	if parts["word/document.xml"] == nil {
		return &TableError{Msg: "not a Word document: no word/document.xml", Err: ErrCorruptArchive}
	}
	doc, err := readPart(parts["word/document.xml"], &budget)
	if err != nil {
		return err
	}
	num := &numbering{}
	if f, ok := parts["word/numbering.xml"]; ok {
		b, err := readPart(f, &budget)
		if err != nil {
			return err
		}
		if num, err = parseNumbering(b); err != nil {
			return &TableError{Msg: fmt.Sprintf("word/numbering.xml: %v", err), Err: ErrCorruptArchive}
		}
	}
	blocks, err := parseDocument(doc, num)
	if err != nil {
		return err
	}
	var gs []*grid
	for _, b := range blocks {
		if b.table != nil {
			gs = append(gs, b.table)
		}
	}
	if len(gs) == 0 {
		return &TableError{Msg: "not a task table: the document has no table"}
	}
	first, err := readGrids(gs, res, true)
	if err != nil {
		return err
	}
	var before, after []string
	seen := 0
	for _, b := range blocks {
		if b.table != nil {
			seen++
			continue
		}
		if b.para == "" {
			continue
		}
		if seen <= first {
			before = append(before, b.para)
		} else {
			after = append(after, b.para)
		}
	}
	docHeader(res.Notice, before)
	if res.Notice.Note.Text == "" {
		for i, p := range after {
			if tableEndRe.MatchString(p) {
				ls := make([]line, 0, len(after)-i)
				for _, t := range after[i:] {
					ls = append(ls, line{Text: t})
				}
				res.Notice.Note = parseNote(ls)
				break
			}
		}
	}
	return nil
}

// docParser reads word/document.xml as a stream of tokens.
type docParser struct {
	dec    *xml.Decoder
	num    *numbering
	tables int
}

func parseDocument(doc []byte, num *numbering) ([]docBlock, error) {
	p := &docParser{dec: xml.NewDecoder(bytes.NewReader(doc)), num: num}
	var out []docBlock
	for {
		tok, err := p.dec.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, p.corrupt(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "p":
			s, err := p.paragraph()
			if err != nil {
				return nil, err
			}
			out = append(out, docBlock{para: strings.TrimSpace(s)})
		case "tbl":
			p.tables++
			g, err := p.table(0)
			if err != nil {
				return nil, err
			}
			g.at = Location{Table: p.tables}
			out = append(out, docBlock{table: g})
		case "del", "moveFrom", "Fallback", "instrText", "delText":
			if err := p.dec.Skip(); err != nil {
				return nil, p.corrupt(err)
			}
		}
	}
}

func (p *docParser) corrupt(err error) error {
	return &TableError{Msg: fmt.Sprintf("word/document.xml: %v", err), Err: ErrCorruptArchive}
}

func attr(se xml.StartElement, name string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// paragraph reads the rest of a w:p: its text, line breaks as "\n", tabs
// as spaces, deleted text left out, and its list number in front.
func (p *docParser) paragraph() (string, error) {
	var b strings.Builder
	depth, inText := 1, false
	numID, ilvl := "", 0
	for depth > 0 {
		tok, err := p.dec.Token()
		if err != nil {
			return "", p.corrupt(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "del", "moveFrom", "Fallback", "instrText", "delText", "rPr":
				if err := p.dec.Skip(); err != nil {
					return "", p.corrupt(err)
				}
				continue
			case "t":
				inText = true
			case "tab":
				b.WriteString(" ")
			case "br", "cr":
				b.WriteString("\n")
			case "noBreakHyphen":
				b.WriteString("-")
			case "numId":
				numID, _ = attr(t, "val")
			case "ilvl":
				v, _ := attr(t, "val")
				ilvl, _ = strconv.Atoi(v)
			}
			depth++
		case xml.EndElement:
			depth--
			if t.Name.Local == "t" {
				inText = false
			}
		case xml.CharData:
			if inText {
				b.Write(t)
			}
		}
	}
	return p.num.label(numID, ilvl) + b.String(), nil
}

// rawCell is a w:tc as written: its text, how many grid columns it spans,
// and whether it continues a cell merged down from above.
type rawCell struct {
	text  []string
	span  int
	vcont bool
}

// table reads the rest of a w:tbl into a grid, merged cells spread; a
// table nested in a cell (nest > 0) is returned for its text only.
func (p *docParser) table(nest int) (*grid, error) {
	if nest > 8 {
		return nil, &TableError{Msg: "tables nested more than 8 deep", Err: ErrCorruptArchive}
	}
	var rows [][]rawCell
	var before []int // gridBefore of each row
	var cur *rawCell
	depth := 1
	for depth > 0 {
		tok, err := p.dec.Token()
		if err != nil {
			return nil, p.corrupt(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				s, err := p.paragraph()
				if err != nil {
					return nil, err
				}
				if cur != nil {
					cur.text = append(cur.text, s)
				}
				continue
			case "tbl":
				inner, err := p.table(nest + 1)
				if err != nil {
					return nil, err
				}
				if cur != nil {
					for i := range inner.rows {
						ts, _ := rowTexts(inner, i)
						cur.text = append(cur.text, strings.Join(ts, " "))
					}
				}
				continue
			case "del", "moveFrom", "Fallback":
				if err := p.dec.Skip(); err != nil {
					return nil, p.corrupt(err)
				}
				continue
			case "tr":
				rows = append(rows, nil)
				before = append(before, 0)
			case "gridBefore":
				if v, ok := attr(t, "val"); ok && len(before) > 0 {
					n, _ := strconv.Atoi(v)
					before[len(before)-1] = min(max(n, 0), 64)
				}
			case "tc":
				if len(rows) == 0 {
					rows, before = append(rows, nil), append(before, 0)
				}
				r := &rows[len(rows)-1]
				*r = append(*r, rawCell{span: 1})
				cur = &(*r)[len(*r)-1]
			case "gridSpan":
				if v, ok := attr(t, "val"); ok && cur != nil {
					n, _ := strconv.Atoi(v)
					cur.span = min(max(n, 1), 64)
				}
			case "vMerge":
				if v, _ := attr(t, "val"); cur != nil && v != "restart" {
					cur.vcont = true
				}
			}
			depth++
		case xml.EndElement:
			depth--
			if t.Name.Local == "tc" {
				cur = nil
			}
		}
	}
	g := &grid{}
	cells := 0
	for i, r := range rows {
		col := before[i]
		for _, c := range r {
			cells += c.span
			if cells > maxTableCells {
				return nil, &TableError{Where: Location{Table: p.tables}, Msg: "a table with too many cells", Err: ErrTooLarge}
			}
			cell := gridCell{Text: strings.Join(c.text, "\n")}
			if c.vcont && i > 0 {
				cell = gridCell{Text: g.cell(i-1, col).Text, VCont: true}
			}
			g.put(i, col, cell)
			for k := 1; k < c.span; k++ {
				g.put(i, col+k, gridCell{Text: cell.Text, VCont: cell.VCont, HCont: true})
			}
			col += c.span
		}
		if len(g.rows) <= i {
			g.put(i, 0, gridCell{})
		}
	}
	return g, nil
}
