package importer

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// numbering renders Word's automatic list numbers (word/numbering.xml), so
// that a task numbered by Word ("1." in a list, not typed) or a heading
// numbered "一、" keeps its number as the reader sees it.
type numbering struct {
	levels   map[string]map[int]numLevel // abstractNumId → level → format
	abstract map[string]string           // numId → abstractNumId
	counters map[string]*[9]int          // numId → the last number at each level
}

type numLevel struct {
	start  int
	format string // decimal, chineseCounting, …
	text   string // %1. or （%1）
}

type xmlNumbering struct {
	Abstract []struct {
		ID     string `xml:"abstractNumId,attr"`
		Levels []struct {
			Ilvl  int    `xml:"ilvl,attr"`
			Start xmlVal `xml:"start"`
			Fmt   xmlVal `xml:"numFmt"`
			Text  xmlVal `xml:"lvlText"`
		} `xml:"lvl"`
	} `xml:"abstractNum"`
	Num []struct {
		ID       string `xml:"numId,attr"`
		Abstract xmlVal `xml:"abstractNumId"`
	} `xml:"num"`
}

type xmlVal struct {
	Val string `xml:"val,attr"`
}

func parseNumbering(b []byte) (*numbering, error) {
	var x xmlNumbering
	if err := xml.Unmarshal(b, &x); err != nil {
		return nil, err
	}
	n := &numbering{levels: map[string]map[int]numLevel{}, abstract: map[string]string{}, counters: map[string]*[9]int{}}
	for _, a := range x.Abstract {
		ls := map[int]numLevel{}
		for _, l := range a.Levels {
			start, err := strconv.Atoi(l.Start.Val)
			if err != nil {
				start = 1
			}
			if l.Ilvl >= 0 && l.Ilvl < 9 {
				ls[l.Ilvl] = numLevel{start: start, format: l.Fmt.Val, text: l.Text.Val}
			}
		}
		n.levels[a.ID] = ls
	}
	for _, m := range x.Num {
		n.abstract[m.ID] = m.Abstract.Val
	}
	return n, nil
}

// label advances list numID at level ilvl and returns the paragraph's
// number as Word shows it ("" for none or a bullet).
func (n *numbering) label(numID string, ilvl int) string {
	if n == nil || n.levels == nil || numID == "" || numID == "0" || ilvl < 0 || ilvl >= 9 {
		return ""
	}
	ls := n.levels[n.abstract[numID]]
	lv, ok := ls[ilvl]
	if !ok || lv.format == "bullet" || lv.format == "none" {
		return ""
	}
	cs := n.counters[numID]
	if cs == nil {
		cs = &[9]int{}
		n.counters[numID] = cs
	}
	if cs[ilvl] == 0 {
		cs[ilvl] = lv.start
	} else {
		cs[ilvl]++
	}
	for k := ilvl + 1; k < 9; k++ {
		cs[k] = 0
	}
	out := lv.text
	for k := 0; k <= ilvl; k++ {
		v := cs[k]
		if v == 0 {
			v = ls[k].start
		}
		out = strings.ReplaceAll(out, "%"+strconv.Itoa(k+1), formatNumber(v, ls[k].format))
	}
	return out
}

// formatNumber writes n in one of Word's number formats.
func formatNumber(n int, format string) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting", "taiwaneseCountingThousand":
		if s := chineseNumeral(n); s != "" {
			return s
		}
	case "ideographTraditional":
		if n >= 1 && n <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[n-1])
		}
	case "decimalFullWidth", "decimalFullWidth2":
		return strings.Map(func(r rune) rune { return r - '0' + '０' }, strconv.Itoa(n))
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	case "lowerLetter", "upperLetter":
		s := strings.ToLower(columnLetters(n))
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	}
	return strconv.Itoa(n)
}
