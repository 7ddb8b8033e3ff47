package importer

import (
	"regexp"
	"strings"

	"dutybot/knowledge"
)

var (
	// noticeTitleRe ends a notice's title: the kind of document it is.
	noticeTitleRe = regexp.MustCompile(`(通知|意见|方案|决定|办法|通报|函|报告|请示|规定|细则|纪要|批复|公告|通告|要点|计划|安排)$`)
	hanDateRe     = regexp.MustCompile(`^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$`)
)

// isNoticeTitle reports a title such as 淮南市公安局关于…的通知.
func isNoticeTitle(s string) bool {
	return strings.Contains(s, "关于") && noticeTitleRe.MatchString(s) && !strings.HasSuffix(s, "：")
}

// signDate reads the date under a signature: 2019年9月3日 or 二〇一九年九月三日.
func signDate(s string) (knowledge.Date, bool) {
	s = strings.Join(strings.Fields(toASCIIDigits(s)), "")
	if m := signDateRe.FindStringSubmatch(s); m != nil {
		d, err := exactDay(atoi(m[1]), atoi(m[2]), atoi(m[3]))
		return d, err == nil
	}
	if m := hanDateRe.FindStringSubmatch(s); m != nil {
		y := 0
		for _, r := range m[1] {
			d := strings.IndexRune("〇一二三四五六七八九", r)
			if r == '零' {
				d = 0
			}
			y = y*10 + max(d/len("一"), 0)
		}
		mo, ok1 := chineseNumber(m[2])
		day, ok2 := chineseNumber(m[3])
		if d, err := exactDay(y, mo, day); ok1 && ok2 && err == nil {
			return d, true
		}
	}
	return knowledge.Date{}, false
}

// docHeader reads the notice from the paragraphs before its task table:
// 文号, title (above or below the 文号, in one or more paragraphs),
// addressees (the line ending with ：), the body, the issuer and the date
// of the signature, and the table's title. It fills only what is empty.
func docHeader(n *knowledge.Notice, ps []string) {
	num, title := -1, -1
	for i := 0; i < len(ps) && i < 15; i++ {
		f := strings.Fields(ps[i])
		if num < 0 && len(f) > 0 && docNumberRe.MatchString(toASCIIDigits(f[0])) {
			num = i
			if n.Number == "" {
				n.Number = f[0]
			}
		} else if title < 0 && strings.Contains(ps[i], "关于") && !strings.HasSuffix(ps[i], "：") && runeLen(ps[i]) < 120 {
			title = i
		}
	}
	end := max(num, title)
	if title >= 0 {
		t := ps[title]
		// A title set in two lines as two paragraphs: an issuer line above
		// "关于…", or the rest of the title below.
		if title > 0 && title-1 != num && strings.HasPrefix(t, "关于") && runeLen(ps[title-1]) <= 20 && !strings.HasSuffix(ps[title-1], "文件") {
			t = ps[title-1] + t
		}
		for k := title + 1; !noticeTitleRe.MatchString(t) && k < len(ps) && k <= title+2 && k != num && !strings.HasSuffix(ps[k], "："); k++ {
			t += ps[k]
			end = max(end, k)
		}
		if n.Title == "" {
			n.Title = squeezeSpaces(t)
		}
	}
	i := end + 1
	if i < len(ps) && (strings.HasSuffix(ps[i], "：") || strings.HasSuffix(ps[i], ":")) && runeLen(ps[i]) <= 120 {
		if len(n.Addressees) == 0 {
			for _, a := range strings.FieldsFunc(strings.TrimRight(ps[i], "：:"), func(r rune) bool { return r == '、' || r == '，' || r == ',' }) {
				if a = strings.TrimSpace(a); a != "" {
					n.Addressees = append(n.Addressees, a)
				}
			}
		}
		i++
	}
	sign := -1
	for j := i; j < len(ps); j++ {
		if d, ok := signDate(ps[j]); ok {
			sign = j
			if n.Date.IsZero() {
				n.Date = d
			}
			break
		}
	}
	bodyEnd := len(ps)
	if sign >= 0 {
		bodyEnd = sign
		if sign > i && runeLen(ps[sign-1]) <= 20 && !strings.ContainsAny(ps[sign-1], "。，：") {
			if n.Issuer == "" {
				n.Issuer = ps[sign-1]
			}
			bodyEnd = sign - 1
		}
		for _, p := range ps[sign+1:] {
			if n.TableTitle == "" && (strings.HasSuffix(p, "表") || strings.Contains(p, "分解")) && !attachLineRe.MatchString(p) {
				n.TableTitle = squeezeSpaces(p)
			}
		}
	}
	if n.Issuer == "" {
		if k := strings.Index(n.Title, "关于"); k > 0 {
			n.Issuer = n.Title[:k]
		}
	}
	if i < bodyEnd && n.Preamble == "" && len(n.Sections) == 0 {
		docBody(n, ps[i:bodyEnd])
	}
}

// docBody splits the body's paragraphs into the preamble, the numbered
// sections (一、…) and the closing paragraphs. A section runs to the next;
// the last one is its own paragraph (and the next, when its paragraph is
// only its heading), the rest is closing.
func docBody(n *knowledge.Notice, body []string) {
	var starts []int
	want := 1
	for j, p := range body {
		if m := sectionRe.FindStringSubmatch(p); m != nil {
			if k, _ := chineseNumber(m[1]); k == want {
				starts = append(starts, j)
				want++
			}
		}
	}
	if len(starts) == 0 {
		n.Preamble = body[0]
		n.Closing = append(n.Closing, body[1:]...)
	} else {
		n.Preamble = strings.Join(body[:starts[0]], "")
		last := starts[len(starts)-1]
		closing := last + 1
		if len(splitSentences(body[last])) <= 1 && closing < len(body) {
			closing++
		}
		for k, s := range starts {
			e := closing
			if k+1 < len(starts) {
				e = starts[k+1]
			}
			n.Sections = append(n.Sections, bodySection(strings.Join(body[s:e], "")))
		}
		n.Closing = append(n.Closing, body[closing:]...)
	}
	for _, c := range citationRe.FindAllStringSubmatch(n.Preamble, -1) {
		n.Cites = append(n.Cites, knowledge.Citation{Title: c[1], Number: c[2]})
	}
}
