package importer

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"dutybot/knowledge"
)

const numClass = `(?:[0-9０-９]+|[零〇一二两三四五六七八九十百]+)`

var (
	relativeRe = regexp.MustCompile(`(` + numClass + `)(个工作日|工作日|个自然日|自然日|日|天|个月|个星期|星期|周|年)(?:以内|之内|内)`)
	yearlyRe   = regexp.MustCompile(`每年(` + numClass + `)月(` + numClass + `)日(?:之前|以前|前)?`)
)

// ParsePeriods finds the time limits a task's text sets relative to an event
// (20个工作日内, 30日内, 1个月内, 三十日内, 2周内) or on a fixed day each year
// (每年1月20日前). Weeks count as 7 days and years as 12 months; the notice's
// own words stay in Text. Clause is the part of the text that sets the limit,
// so that an answer can quote it.
func ParsePeriods(content string) []knowledge.Period {
	var out []knowledge.Period
	type hit struct {
		start, end int
		p          knowledge.Period
	}
	var hits []hit
	for _, m := range yearlyRe.FindAllStringSubmatchIndex(content, -1) {
		mo, ok1 := parseCount(content[m[2]:m[3]])
		d, ok2 := parseCount(content[m[4]:m[5]])
		if !ok1 || !ok2 || mo < 1 || mo > 12 || d < 1 || d > 31 {
			continue
		}
		hits = append(hits, hit{m[0], m[1], knowledge.Period{Text: content[m[0]:m[1]], Unit: knowledge.Yearly, Month: mo, Day: d}})
	}
	for _, m := range relativeRe.FindAllStringSubmatchIndex(content, -1) {
		n, ok := parseCount(content[m[2]:m[3]])
		if !ok || n <= 0 {
			continue
		}
		p := knowledge.Period{Text: content[m[0]:m[1]], Count: n}
		switch content[m[4]:m[5]] {
		case "个工作日", "工作日":
			p.Unit = knowledge.WorkingDays
		case "个月":
			p.Unit = knowledge.Months
		case "年":
			p.Unit, p.Count = knowledge.Months, n*12
		case "个星期", "星期", "周":
			p.Unit, p.Count = knowledge.Days, n*7
		default:
			p.Unit = knowledge.Days
		}
		hits = append(hits, hit{m[0], m[1], p})
	}
	// Report limits in the order the text states them.
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].start < hits[j-1].start; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	for _, h := range hits {
		h.p.Clause = clauseAround(content, h.start, h.end)
		out = append(out, h.p)
	}
	return out
}

func parseCount(s string) (int, bool) {
	s = toASCIIDigits(s)
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	return chineseNumber(s)
}

// A sentence up to this many characters is quoted whole; a longer one is cut
// down to the clause (between commas) that holds the limit.
const maxClauseRunes = 60

// clauseAround returns the sentence of text around [start,end), or for a
// long sentence the comma clause holding it (with the next clause when the
// limit ends its own, as in "自…之日起20个工作日内，向社会公布…").
func clauseAround(text string, start, end int) string {
	isStop := func(r rune) bool { return strings.ContainsRune("。；;！？!?", r) }
	isComma := func(r rune) bool { return r == '，' || r == ',' }
	sStart := strings.LastIndexFunc(text[:start], isStop)
	if sStart < 0 {
		sStart = 0
	} else {
		sStart += runeSizeAt(text, sStart)
	}
	sEnd := strings.IndexFunc(text[end:], isStop)
	if sEnd < 0 {
		sEnd = len(text)
	} else {
		sEnd += end
	}
	sentence := text[sStart:sEnd]
	if runeLen(sentence) <= maxClauseRunes {
		return trimClause(sentence)
	}
	cStart := strings.LastIndexFunc(text[sStart:start], isComma)
	if cStart < 0 {
		cStart = sStart
	} else {
		cStart += sStart
		cStart += runeSizeAt(text, cStart)
	}
	cEnd := strings.IndexFunc(text[end:sEnd], isComma)
	if cEnd < 0 {
		cEnd = sEnd
	} else {
		cEnd += end
		if cEnd == end { // the limit ends its clause: the act it limits follows
			after := cEnd + runeSizeAt(text, cEnd)
			next := strings.IndexFunc(text[after:sEnd], isComma)
			if next < 0 {
				cEnd = sEnd
			} else {
				cEnd = after + next
			}
		}
	}
	return trimClause(text[cStart:cEnd])
}

func runeSizeAt(s string, i int) int {
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

func trimClause(s string) string {
	return strings.TrimSpace(strings.TrimRight(strings.TrimLeft(s, "，,、 "), "，,、。；;！？!? "))
}
