package bot

import (
	"math"
	"sort"
	"strings"

	"dutybot/knowledge"
)

// docKind says what part of a notice a searchable document is.
type docKind int

const (
	docTask    docKind = iota // a row of the table
	docSection                // a numbered section of the body
	docClosing                // the body's closing lines (whom to contact)
)

// doc is one searchable text: a task (its content, with its headings weighing
// less) or a part of a notice's body.
type doc struct {
	kind    docKind
	notice  *knowledge.Notice
	task    *knowledge.Task
	section int    // index into notice.Sections for docSection
	text    string // the original text, quoted in answers
	form    string // the indexed text in match form, for quoted phrases (quotedHit)
	timed   bool   // the task's text sets a time limit (periodsOf)
	grams   map[string]float64
	length  float64
}

// index ranks documents against a question by BM25 over character bigrams:
// Chinese has no spaces, and bigrams weighted by how rare they are
// (IDF) find 电子指纹 in a long task far better than substring search does.
type index struct {
	docs     []doc
	postings map[string][]posting
	avgLen   float64
	chars    map[rune]bool // every character the documents hold
}

type posting struct {
	doc int
	tf  float64
}

// headingWeight is how much a bigram of a task's section headings counts
// against one of its content: headings say what the task is about (严格记录归档)
// but are shared by several tasks.
const headingWeight = 0.5

// bigrams returns the character bigrams of each word run of s (already folded).
func bigrams(s string, add func(g string)) {
	var prev rune
	have := false
	for _, r := range s {
		if !isWordRune(r) {
			have = false
			continue
		}
		if have {
			add(string([]rune{prev, r}))
		}
		prev, have = r, true
	}
}

func isWordRune(r rune) bool {
	return isHan(r) || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || r == '%'
}

// matchForm is how a notice's text is indexed: folded, and with the
// punctuation inside a phrase (谁执法、谁公示) removed so that bigrams run on.
func matchForm(s string) string { return squeeze(fold(s)) }

func newIndex(docs []doc, texts []string, headings []string) *index {
	ix := &index{docs: docs, postings: map[string][]posting{}, chars: map[rune]bool{}}
	total := 0.0
	for i := range ix.docs {
		d := &ix.docs[i]
		d.grams = map[string]float64{}
		n := 0.0
		d.form = matchForm(texts[i])
		for _, r := range d.form {
			ix.chars[r] = true
		}
		bigrams(d.form, func(g string) { d.grams[g]++; n++ })
		if headings[i] != "" {
			bigrams(matchForm(headings[i]), func(g string) { d.grams[g] += headingWeight })
		}
		d.length = math.Max(n, 1)
		total += d.length
		for g, tf := range d.grams {
			ix.postings[g] = append(ix.postings[g], posting{doc: i, tf: tf})
		}
	}
	if len(ix.docs) > 0 {
		ix.avgLen = total / float64(len(ix.docs))
	}
	return ix
}

// idf is the BM25 inverse document frequency of g; a bigram no document holds
// gets the highest weight, so words the notice never uses count against a match.
func (ix *index) idf(g string) float64 {
	n := float64(len(ix.docs))
	df := float64(len(ix.postings[g]))
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}

// hit is one ranked document.
type hit struct {
	doc      int
	score    float64 // BM25
	coverage float64 // share of the question's IDF weight the document holds
	matched  float64 // IDF weight of the question's bigrams the document holds
}

// terms are the distinct bigrams of a question with their IDF.
type terms struct {
	grams []string
	idf   []float64
	total float64
	// occ are the bigrams in question order (index into grams, or -1 where a
	// phrase ends), to tell the words from the joins between them.
	occ []int
}

// functionChars are characters that mostly join words in a question (要, 后,
// 来, 却, measure words). A bigram holding one that no document holds is the
// join between two words (形成 after 要 in 要形成案卷), so it neither matches
// nor counts against a match; a bigram a document does hold still counts.
const functionChars = "要后来却当就会能被把给对在将该得着过呢也都还又再才让向从以于为与及而并等之其此这那些个项条件是有到由用做弄搞干去叫请吗了的内没上写讲说管"

// foreign reports whether the words of segments hold a word no document
// holds: a bigram that is not a join (队长), or a character standing alone
// that is neither a function character nor in any document (楼).
func (ix *index) foreign(segments []string) bool {
	for _, s := range segments {
		rs := []rune(s)
		if len(rs) == 1 {
			if isHan(rs[0]) && !strings.ContainsRune(functionChars, rs[0]) && !ix.chars[rs[0]] {
				return true
			}
			continue
		}
		var gs []string
		bigrams(s, func(g string) { gs = append(gs, g) })
		for k, g := range gs {
			if len(ix.postings[g]) == 0 && !ix.isJoin(gs, k) {
				return true
			}
		}
	}
	return false
}

func (ix *index) terms(segments []string) terms {
	var t terms
	pos := map[string]int{}
	for _, s := range segments {
		var gs []string // the segment's bigrams in order, "" where a word run breaks
		bigrams(s, func(g string) { gs = append(gs, g) })
		for k, g := range gs {
			if ix.isJoin(gs, k) {
				t.occ = append(t.occ, -1) // 要形 in 要形成: a join, not a word
				continue
			}
			if i, ok := pos[g]; ok {
				t.occ = append(t.occ, i)
				continue
			}
			pos[g] = len(t.grams)
			t.occ = append(t.occ, len(t.grams))
			w := ix.idf(g)
			t.grams = append(t.grams, g)
			t.idf = append(t.idf, w)
			t.total += w
		}
		t.occ = append(t.occ, -1)
	}
	return t
}

// isJoin reports whether bigram k of gs joins a function character to a word
// the notices use: 要形 in 要形成 (形成 is held), 开却 in 公开却 (公开 is held).
// 仪在 in 记录仪在哪 is not: 录仪 is no word of the notices, so the question
// is about something they never name.
func (ix *index) isJoin(gs []string, k int) bool {
	g := []rune(gs[k])
	if len(g) != 2 || len(ix.postings[gs[k]]) > 0 {
		return false
	}
	fa, fb := strings.ContainsRune(functionChars, g[0]), strings.ContainsRune(functionChars, g[1])
	// held reports whether bigram i is held and shares the character c with g
	held := func(i int, c rune, at int) bool {
		if i < 0 || i >= len(gs) || len(ix.postings[gs[i]]) == 0 {
			return false
		}
		return []rune(gs[i])[at] == c
	}
	switch {
	case fa && fb:
		return true
	case fa: // the word is on the right
		return held(k+1, g[1], 0)
	case fb:
		return held(k-1, g[0], 1)
	}
	return false
}

// coverageIn returns the IDF weight of t's bigrams that a document holds, and
// its share of the question's weight. A bigram the document lacks between two
// that it holds (开执 in 公开|执法) is the join of two words, not a word the
// document is missing, and does not count against it.
func (t terms) coverageIn(grams map[string]float64) (matched, coverage float64) {
	has := make([]bool, len(t.grams))
	for i, g := range t.grams {
		if grams[g] > 0 {
			has[i] = true
			matched += t.idf[i]
		}
	}
	join := make([]bool, len(t.grams))
	for i := range join {
		join[i] = !has[i]
	}
	for k, gi := range t.occ {
		if gi < 0 || has[gi] {
			continue
		}
		left := k > 0 && t.occ[k-1] >= 0 && has[t.occ[k-1]]
		right := k+1 < len(t.occ) && t.occ[k+1] >= 0 && has[t.occ[k+1]]
		if !left || !right {
			join[gi] = false // somewhere it is a word of its own
		}
	}
	total := t.total
	for i, j := range join {
		if j {
			total -= t.idf[i]
		}
	}
	if total > 0 {
		coverage = matched / total
	}
	return matched, coverage
}

// search ranks the documents that keep returns true for, best first.
func (ix *index) search(t terms, keep func(d *doc) bool) []hit {
	const k1, b = 1.2, 0.4
	// A dense accumulator: with 10,000 documents a map per question costs
	// more than the scoring itself.
	score := make([]float64, len(ix.docs))
	matched := make([]float64, len(ix.docs))
	var touched []int
	for i, g := range t.grams {
		for _, p := range ix.postings[g] {
			d := &ix.docs[p.doc]
			if keep != nil && !keep(d) {
				continue
			}
			if score[p.doc] == 0 {
				touched = append(touched, p.doc)
			}
			norm := k1 * (1 - b + b*d.length/ix.avgLen)
			score[p.doc] += t.idf[i]*p.tf*(k1+1)/(p.tf+norm) + 1e-12
			matched[p.doc] += t.idf[i] * math.Min(p.tf, 1)
		}
	}
	out := make([]hit, 0, len(touched))
	for _, d := range touched {
		h := hit{doc: d, score: score[d], matched: matched[d]}
		if t.total > 0 {
			h.coverage = h.matched / t.total
		}
		out = append(out, h)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].doc < out[j].doc
	})
	for i := range out[:min(len(out), topCovered)] {
		out[i].matched, out[i].coverage = t.coverageIn(ix.docs[out[i].doc].grams)
	}
	return out
}

// topCovered is how many of the best hits get the exact coverage (coverageIn);
// only the best few are ever judged by it.
const topCovered = 10

// overlap is the IDF weight of t's bigrams that the text s (in match form) holds.
func (t terms) overlap(s string) float64 {
	if len(t.grams) == 0 {
		return 0
	}
	have := map[string]bool{}
	bigrams(s, func(g string) { have[g] = true })
	w := 0.0
	for i, g := range t.grams {
		if have[g] {
			w += t.idf[i]
		}
	}
	return w
}

// sentences splits text into sentences at 。；！？ keeping the marks out.
func sentences(text string) []string {
	var out []string
	for _, s := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("。；;！？!?\n", r) }) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// clauses splits a sentence at ，, and 、is kept inside.
func clauses(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("，,。；;：:", r) })
}
