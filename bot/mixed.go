package bot

import (
	"regexp"
	"strings"
	"unicode"
)

// mixedReader reads the English work words officers drop into a Chinese
// sentence (这个task的deadline是啥, 谁来lead, 责任单位的role) as the Chinese
// words the parser knows (任务, 期限, 牵头, 职责): the parser's own patterns
// are Chinese, and the English reading is only for questions written in
// English. The words are the lexicon's [mixed] groups.
type mixedReader map[string]string // English word or phrase, spaces dropped → Chinese

// mixedHanPerWord is how many Han characters a question must hold for each
// English word in it to be read as Chinese with English words mixed in:
// "Which tasks does 法制支队 lead?" names a unit in Chinese, it is English.
const mixedHanPerWord = 3

// reEnglishRun is a run of English words joined by spaces or hyphens.
var reEnglishRun = regexp.MustCompile(`[a-z]+(?:[ \-]+[a-z]+)*`)

// newMixedReader maps every English word of groups (the Chinese word first)
// to its group's Chinese word.
func newMixedReader(groups [][]string) mixedReader {
	m := mixedReader{}
	for _, g := range groups {
		for _, w := range g[1:] {
			m[w] = g[0]
		}
	}
	return m
}

// read returns folded text with its English words read as Chinese when the
// text is Chinese with English words mixed in; any other text is returned
// as it is. A run of words is read whole when the lexicon holds it (annual
// summary), else word by word, and a word the lexicon lacks stays.
func (m mixedReader) read(text string) string {
	runs := reEnglishRun.FindAllStringIndex(text, -1)
	if len(runs) == 0 || len(m) == 0 {
		return text
	}
	words, han := 0, 0
	for _, r := range runs {
		// a lone letter is no English word: q4, h2 are codes for a quarter or a half
		for _, w := range strings.FieldsFunc(text[r[0]:r[1]], isRunGap) {
			if len(w) > 1 {
				words++
			}
		}
	}
	for _, r := range text {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	if han < mixedHanPerWord*words {
		return text
	}
	var b strings.Builder
	last := 0
	for _, r := range runs {
		b.WriteString(text[last:r[0]])
		b.WriteString(m.readRun(text[r[0]:r[1]]))
		last = r[1]
	}
	b.WriteString(text[last:])
	return b.String()
}

// readRun reads one run of English words (read).
func (m mixedReader) readRun(run string) string {
	ws := strings.FieldsFunc(run, isRunGap)
	if zh, ok := m[strings.Join(ws, "")]; ok {
		return zh
	}
	changed := false
	for i, w := range ws {
		if zh, ok := m[w]; ok {
			ws[i], changed = zh, true
		}
	}
	if !changed {
		return run
	}
	return strings.Join(ws, " ")
}

func isRunGap(r rune) bool { return r == ' ' || r == '-' }
