package importer

import "strings"

// headingWords end the headings of the table's section and subsection
// columns. A section heading that does not yet end with one is incomplete:
// when a page break splits the vertical columns, the chars on the next page
// first finish the section heading (up to its first heading word) and only
// then continue the subsection (三、完善 | 重大执法决定法制审核制度 审核力量).
var headingWords = []string{"制度", "建设", "保障", "机制", "体系", "工作", "管理", "公开", "公示", "应用", "水平", "能力", "平台", "领导", "培训", "责任", "范围", "流程", "力量"}

func headingComplete(s string) bool {
	for _, w := range headingWords {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// heading is a section or subsection cell of the table.
type heading struct {
	numeral string
	text    strings.Builder
}

// headings rebuilds the vertical section and subsection columns from the
// runs of heading chars in reading order, and tells which cell each row
// starts under.
type headings struct {
	sections []*heading
	subs     []*heading
	secOf    []int // subsection → its section
	nextSec  int
	nextSub  int
}

func newHeadings() *headings { return &headings{nextSec: 1, nextSub: 1} }

// current returns the indexes of the current section and subsection (-1 for none).
func (h *headings) current() (int, int) {
	sec, sub := len(h.sections)-1, len(h.subs)-1
	if sub >= 0 && h.secOf[sub] != sec {
		sub = -1
	}
	return sec, sub
}

// run takes one contiguous run of heading chars.
func (h *headings) run(items []item) {
	first := len(items)
	for i := range items {
		if h.markerHere(items, i) {
			first = i
			break
		}
	}
	h.continueWith(items[:first])
	for i := first; i < len(items); {
		section, numeral, span := markerAt(items, i)
		n, _ := chineseNumber(numeral)
		switch {
		case span > 0 && section && n == h.nextSec:
			h.sections = append(h.sections, &heading{numeral: numeral})
			h.nextSec++
			h.nextSub = 1
			i += span
		case span > 0 && !section && n == h.nextSub:
			h.subs = append(h.subs, &heading{numeral: numeral})
			h.secOf = append(h.secOf, len(h.sections)-1)
			h.nextSub++
			i += span
		default:
			h.append(items[i].Text)
			i++
		}
	}
}

func (h *headings) markerHere(items []item, i int) bool {
	section, numeral, span := markerAt(items, i)
	n, _ := chineseNumber(numeral)
	return span > 0 && ((section && n == h.nextSec) || (!section && n == h.nextSub))
}

// append adds text to the cell open last.
func (h *headings) append(s string) {
	sec, sub := h.current()
	switch {
	case sub >= 0:
		h.subs[sub].text.WriteString(s)
	case sec >= 0:
		h.sections[sec].text.WriteString(s)
	}
}

// continueWith places chars that continue the open cells after a page break.
func (h *headings) continueWith(items []item) {
	if len(items) == 0 {
		return
	}
	sec, sub := h.current()
	var text strings.Builder
	for _, it := range items {
		text.WriteString(it.Text)
	}
	rest := text.String()
	if sec >= 0 && sub >= 0 && !headingComplete(h.sections[sec].text.String()) {
		head := h.sections[sec].text.String()
		rs := []rune(rest)
		for p := 1; p <= len(rs); p++ {
			if headingComplete(head + string(rs[:p])) {
				h.sections[sec].text.WriteString(string(rs[:p]))
				rest = string(rs[p:])
				break
			}
		}
	}
	h.append(rest)
}
