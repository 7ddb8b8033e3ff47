package importer

import (
	"regexp"
	"strings"

	"dutybot/knowledge"
)

var (
	docNumberRe  = regexp.MustCompile(`^\S{0,12}[〔\[［(（]\d{4}[〕\]］)）]\d+号$`)
	signDateRe   = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})日$`)
	sectionRe    = regexp.MustCompile(`^([一二三四五六七八九十]+)、`)
	citationRe   = regexp.MustCompile(`《([^《》]+)》[（(]([^（）()]*〔\d{4}〕\d+号)[）)]`)
	attachLineRe = regexp.MustCompile(`^附件\s*\d*[：:]`)
)

// header is what precedes the table: the notice itself.
type header struct {
	n         knowledge.Notice
	tableFrom int // index into lines where the table's title starts
}

// parseHeader reads the notice's title, number, addressees, body and
// signature, and finds where the attached table begins.
func parseHeader(ls []line) (*header, error) {
	h := &header{}
	num := -1
	for i := 0; i < len(ls) && i < 40; i++ {
		if docNumberRe.MatchString(strings.ReplaceAll(ls[i].Text, " ", "")) {
			num = i
			break
		}
	}
	if num < 0 {
		first := 1
		if len(ls) > 0 {
			first = ls[0].No
		}
		return nil, errAt(first, 0, "not a notice: no document number such as 淮公通〔2019〕395号 near the top")
	}
	if num == 0 {
		return nil, errAt(ls[0].No, 0, "no title above the document number")
	}
	var title []string
	for _, l := range ls[:num] {
		title = append(title, l.Text)
	}
	h.n.Title = joinCJK(title...)
	h.n.Number = strings.ReplaceAll(ls[num].Text, " ", "")

	i := num + 1
	// 主送: the line(s) ending with a colon.
	for j := i; j < len(ls) && j < i+3; j++ {
		if strings.HasSuffix(ls[j].Text, "：") || strings.HasSuffix(ls[j].Text, ":") {
			var parts []string
			for _, l := range ls[i : j+1] {
				parts = append(parts, l.Text)
			}
			addr := strings.TrimRight(joinCJK(parts...), "：:")
			for _, a := range strings.FieldsFunc(addr, func(r rune) bool { return r == '、' || r == '，' || r == ',' }) {
				if a = strings.TrimSpace(a); a != "" {
					h.n.Addressees = append(h.n.Addressees, a)
				}
			}
			i = j + 1
			break
		}
	}

	// The body runs to the signature: the issuer's line and the date.
	end := -1
	for j := i; j < len(ls); j++ {
		if m := signDateRe.FindStringSubmatch(toASCIIDigits(ls[j].Text)); m != nil {
			d, err := exactDay(atoi(m[1]), atoi(m[2]), atoi(m[3]))
			if err != nil {
				return nil, errAt(ls[j].No, 0, "date of issue: %v", err)
			}
			h.n.Date = d
			end = j
			if j > i && runeLen(ls[j-1].Text) <= 20 && !strings.ContainsAny(ls[j-1].Text, "。，：") {
				h.n.Issuer = ls[j-1].Text
				end = j - 1
			}
			h.tableFrom = j + 1
			break
		}
	}
	if end < 0 {
		return nil, errAt(ls[len(ls)-1].No, 0, "no date of issue (such as 2019年9月3日) after the body")
	}
	if h.n.Issuer == "" {
		if k := strings.Index(h.n.Title, "关于"); k > 0 {
			h.n.Issuer = h.n.Title[:k]
		}
	}
	h.parseBody(ls[i:end])
	if m := citationRe.FindAllStringSubmatch(h.n.Preamble, -1); m != nil {
		for _, c := range m {
			h.n.Cites = append(h.n.Cites, knowledge.Citation{Title: c[1], Number: c[2]})
		}
	}
	return h, nil
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' || n > 1e6 {
			return n
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// parseBody splits the body into the preamble, the numbered sections and the
// closing paragraphs. A paragraph ends on a line that ends with 。 or ： and
// is visibly shorter than a full line.
func (h *header) parseBody(body []line) {
	if len(body) == 0 {
		return
	}
	full := 0
	for _, l := range body {
		full = max(full, width(l.Text))
	}
	paraEnd := func(l line) bool {
		return width(l.Text) <= full-4 && (strings.HasSuffix(l.Text, "。") || strings.HasSuffix(l.Text, "：") || strings.HasSuffix(l.Text, ":"))
	}
	var starts []int
	want := 1
	for j, l := range body {
		if m := sectionRe.FindStringSubmatch(l.Text); m != nil {
			if n, _ := chineseNumber(m[1]); n == want {
				starts = append(starts, j)
				want++
			}
		}
	}
	text := func(ls []line) string {
		var parts []string
		for _, l := range ls {
			parts = append(parts, l.Text)
		}
		return joinCJK(parts...)
	}
	closingFrom := len(body)
	if len(starts) == 0 {
		for j, l := range body {
			if paraEnd(l) {
				closingFrom = j + 1
				break
			}
		}
		h.n.Preamble = text(body[:closingFrom])
	} else {
		h.n.Preamble = text(body[:starts[0]])
		last := starts[len(starts)-1]
		// The last section ends at its first paragraph end after its heading line.
		for j := last + 1; j < len(body); j++ {
			if paraEnd(body[j]) {
				closingFrom = j + 1
				break
			}
		}
		for k, s := range starts {
			e := closingFrom
			if k+1 < len(starts) {
				e = starts[k+1]
			}
			h.n.Sections = append(h.n.Sections, bodySection(text(body[s:e])))
		}
	}
	// Closing paragraphs, each kept whole.
	var para []line
	for _, l := range body[closingFrom:] {
		if attachLineRe.MatchString(l.Text) && len(para) > 0 {
			h.n.Closing = append(h.n.Closing, text(para))
			para = nil
		}
		para = append(para, l)
		if paraEnd(l) {
			h.n.Closing = append(h.n.Closing, text(para))
			para = nil
		}
	}
	if len(para) > 0 {
		h.n.Closing = append(h.n.Closing, text(para))
	}
}

// bodySection splits "一、加强学习，…意义。…" into numeral, heading (without
// its 。) and the following sentences (each with its 。).
func bodySection(s string) knowledge.BodySection {
	m := sectionRe.FindStringSubmatch(s)
	rest := strings.TrimPrefix(s, m[0])
	sec := knowledge.BodySection{Numeral: m[1]}
	sentences := splitSentences(rest)
	if len(sentences) > 0 {
		sec.Heading = strings.TrimSuffix(sentences[0], "。")
		sec.Paragraphs = sentences[1:]
	}
	return sec
}

// splitSentences splits text after each 。 (keeping it, and a closing quote
// or bracket that follows it).
func splitSentences(s string) []string {
	var out []string
	rs := []rune(s)
	startAt := 0
	for i := 0; i < len(rs); i++ {
		if rs[i] != '。' {
			continue
		}
		j := i + 1
		for j < len(rs) && strings.ContainsRune("”’」』）)", rs[j]) {
			j++
		}
		out = append(out, string(rs[startAt:j]))
		startAt = j
		i = j - 1
	}
	if startAt < len(rs) {
		out = append(out, string(rs[startAt:]))
	}
	return out
}
