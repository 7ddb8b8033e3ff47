package importer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one non-blank line of the source with its position. PageStart is
// set on the first line of a new PDF page: the extractor either indents it
// with a space or precedes it with page furniture (running head, page number).
type line struct {
	No        int
	Text      string
	PageStart bool
}

var pageNumberRe = regexp.MustCompile(`^[-－—–]\s*\d+\s*[-－—–]$`)

// splitLines cleans src into non-blank lines, dropping page furniture and
// marking page starts. It never fails: a notice's structure is checked later.
func splitLines(src []byte) []line {
	text := strings.ToValidUTF8(string(src), "\uFFFD")
	text = strings.TrimPrefix(text, "\uFEFF")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	raw := strings.Split(text, "\n")

	furniture := make([]bool, len(raw))
	for i, r := range raw {
		if !pageNumberRe.MatchString(strings.TrimSpace(r)) {
			continue
		}
		furniture[i] = true
		// The running heads (淮南市公安局文件, 淮南市公安局发布) sit just above
		// the page number; walk back over them and the blank lines between.
		for j, seen := i-1, 0; j >= 0 && seen < 3; j-- {
			t := strings.TrimSpace(raw[j])
			if t == "" {
				continue
			}
			if !isRunningHead(t) {
				break
			}
			furniture[j] = true
			seen++
		}
	}

	var out []line
	pending := false // the next kept line starts a page
	for i, r := range raw {
		if strings.Contains(r, "\f") {
			pending = true
			r = strings.ReplaceAll(r, "\f", "")
		}
		if furniture[i] {
			pending = true
			continue
		}
		t := strings.TrimSpace(r)
		if t == "" {
			continue
		}
		indented := len(r) > 0 && (r[0] == ' ' || r[0] == '\t' || strings.HasPrefix(r, "\u3000"))
		out = append(out, line{No: i + 1, Text: t, PageStart: pending || indented})
		pending = false
	}
	return out
}

// isRunningHead reports a short unpunctuated line such as 淮南市公安局文件.
func isRunningHead(s string) bool {
	if utf8.RuneCountInString(s) > 20 {
		return false
	}
	for _, r := range s {
		if unicode.IsPunct(r) || unicode.IsSpace(r) {
			return false
		}
	}
	return strings.HasSuffix(s, "文件") || strings.HasSuffix(s, "发布") || strings.HasSuffix(s, "印发")
}

// width is the printed width of s: 1 for ASCII, 2 for everything else.
// Line widths tell a wrapped line (full) from the last line of a paragraph.
func width(s string) int {
	w := 0
	for _, r := range s {
		if r < 0x80 {
			w++
		} else {
			w += 2
		}
	}
	return w
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// joinCJK joins lines of Chinese text: no spaces are inserted, and spaces
// that the extractor left between Chinese characters are dropped.
func joinCJK(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p)
	}
	return squeezeSpaces(b.String())
}

// squeezeSpaces drops whitespace unless it separates two ASCII words.
func squeezeSpaces(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if !unicode.IsSpace(r) {
			b.WriteRune(r)
			continue
		}
		prev, next := rune(0), rune(0)
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		if prev != 0 && next != 0 && prev < 0x80 && next < 0x80 && !unicode.IsSpace(prev) && !unicode.IsSpace(next) {
			b.WriteRune(' ')
		}
	}
	return b.String()
}

// chineseNumber parses 一…九十九 (and 两, 〇); ok is false for anything else.
func chineseNumber(s string) (int, bool) {
	digits := map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	rs := []rune(s)
	if len(rs) == 0 || len(rs) > 4 {
		return 0, false
	}
	n, cur := 0, -1
	for _, r := range rs {
		switch {
		case r == '十':
			if cur < 0 {
				cur = 1
			}
			n += cur * 10
			cur = -1
		case r == '百':
			if cur < 0 {
				return 0, false
			}
			n += cur * 100
			cur = -1
		default:
			d, ok := digits[r]
			if !ok {
				return 0, false
			}
			if cur >= 0 {
				return 0, false
			}
			cur = d
		}
	}
	if cur > 0 {
		n += cur
	}
	return n, n > 0
}

// chineseNumeral formats 1…99 as 一…九十九.
func chineseNumeral(n int) string {
	ds := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n > 99:
		return ""
	case n < 10:
		return ds[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + ds[n-10]
	default:
		return ds[n/10] + "十" + ds[n%10]
	}
}

// toASCIIDigits maps full-width digits to ASCII.
func toASCIIDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return '0' + (r - '０')
		}
		return r
	}, s)
}
