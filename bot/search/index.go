// Package search ranks a notice's texts against a question: BM25 over the
// character bigrams of texts already in match form (folded and squeezed by
// the caller), with the coverage and join rules that tell a question the
// notices answer from one about something else. It knows nothing of chat
// requests, units or dates.
package search

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"dutybot/knowledge"
)

// Kind says what part of a notice a searchable document is.
type Kind int

const (
	Task    Kind = iota // a row of the table
	Section             // a numbered section of the body
	Closing             // the body's closing lines (whom to contact)
)

// Doc is one searchable text: a task (its content, with its headings weighing
// less) or a part of a notice's body.
type Doc struct {
	Kind    Kind
	Notice  *knowledge.Notice
	Task    *knowledge.Task
	Section int    // index into Notice.Sections for a Section document
	Text    string // the original text, quoted in answers
	Form    string // the indexed text in match form, for quoted phrases
	Timed   bool   // the task's text sets a time limit
	Grams   map[string]float64
	Length  float64
}

// Index ranks documents against a question by BM25 over character bigrams:
// Chinese has no spaces, and bigrams weighted by how rare they are
// (IDF) find 电子指纹 in a long task far better than substring search does.
type Index struct {
	Docs     []Doc
	postings map[string][]posting
	avgLen   float64
	chars    map[rune]bool // every character the documents hold
}

// Holds reports whether some document holds bigram g.
func (ix *Index) Holds(g string) bool { return len(ix.postings[g]) > 0 }

type posting struct {
	doc int
	tf  float64
}

// headingWeight is how much a bigram of a task's section headings counts
// against one of its content: headings say what the task is about (严格记录归档)
// but are shared by several tasks.
const headingWeight = 0.5

// Bigrams returns the character bigrams of each word run of s (already folded).
func Bigrams(s string, add func(g string)) {
	var prev rune
	have := false
	for _, r := range s {
		if !IsWordRune(r) {
			have = false
			continue
		}
		if have {
			add(string([]rune{prev, r}))
		}
		prev, have = r, true
	}
}

// IsWordRune reports whether r is part of a word: a Chinese character, a
// digit, a lower-case Latin letter or %.
func IsWordRune(r rune) bool {
	return IsHan(r) || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || r == '%'
}

// IsHan reports whether r is a Chinese character.
func IsHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// New indexes docs. forms are their texts in match form (folded, with the
// punctuation inside a phrase removed so that bigrams run on), headings the
// words of their headings in match form, "" for none.
func New(docs []Doc, forms []string, headings []string) *Index {
	ix := &Index{Docs: docs, postings: map[string][]posting{}, chars: map[rune]bool{}}
	total := 0.0
	for i := range ix.Docs {
		d := &ix.Docs[i]
		d.Grams = map[string]float64{}
		n := 0.0
		d.Form = forms[i]
		for _, r := range d.Form {
			ix.chars[r] = true
		}
		Bigrams(d.Form, func(g string) { d.Grams[g]++; n++ })
		if headings[i] != "" {
			Bigrams(headings[i], func(g string) { d.Grams[g] += headingWeight })
		}
		d.Length = math.Max(n, 1)
		total += d.Length
		for g, tf := range d.Grams {
			ix.postings[g] = append(ix.postings[g], posting{doc: i, tf: tf})
		}
	}
	if len(ix.Docs) > 0 {
		ix.avgLen = total / float64(len(ix.Docs))
	}
	return ix
}

// idf is the BM25 inverse document frequency of g; a bigram no document holds
// gets the highest weight, so words the notice never uses count against a match.
func (ix *Index) idf(g string) float64 {
	n := float64(len(ix.Docs))
	df := float64(len(ix.postings[g]))
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}

// Hit is one ranked document.
type Hit struct {
	Doc      int
	Score    float64 // BM25
	Coverage float64 // share of the question's IDF weight the document holds
	Matched  float64 // IDF weight of the question's bigrams the document holds
}

// Terms are the distinct bigrams of a question with their IDF.
type Terms struct {
	Grams []string
	IDF   []float64
	Total float64
	// Occ are the bigrams in question order (index into Grams, or -1 where a
	// phrase ends), to tell the words from the joins between them.
	Occ []int
}

// FunctionChars are characters that mostly join words in a question (要, 后,
// 来, 却, measure words). A bigram holding one that no document holds is the
// join between two words (形成 after 要 in 要形成案卷), so it neither matches
// nor counts against a match; a bigram a document does hold still counts.
const FunctionChars = "要后来却当就会能被把给对在将该得着过呢也都还又再才让向从以于为与及而并等之其此这那些个项条件是有到由用做弄搞干去叫请吗了的内没上写讲说管"

// Foreign reports whether the words of segments hold a word no document
// holds: a bigram that is not a join (队长), or a character standing alone
// that is neither a function character nor in any document (楼).
func (ix *Index) Foreign(segments []string) bool {
	for _, s := range segments {
		rs := []rune(s)
		if len(rs) == 1 {
			if IsHan(rs[0]) && !strings.ContainsRune(FunctionChars, rs[0]) && !ix.chars[rs[0]] {
				return true
			}
			continue
		}
		var gs []string
		Bigrams(s, func(g string) { gs = append(gs, g) })
		for k, g := range gs {
			if len(ix.postings[g]) == 0 && !ix.isJoin(gs, k) {
				return true
			}
		}
	}
	return false
}

// Terms returns the distinct bigrams of segments, with their IDF, and tells
// the joins between words (isJoin) from the words.
func (ix *Index) Terms(segments []string) Terms {
	var t Terms
	pos := map[string]int{}
	for _, s := range segments {
		var gs []string // the segment's bigrams in order, "" where a word run breaks
		Bigrams(s, func(g string) { gs = append(gs, g) })
		for k, g := range gs {
			if ix.isJoin(gs, k) {
				t.Occ = append(t.Occ, -1) // 要形 in 要形成: a join, not a word
				continue
			}
			if i, ok := pos[g]; ok {
				t.Occ = append(t.Occ, i)
				continue
			}
			pos[g] = len(t.Grams)
			t.Occ = append(t.Occ, len(t.Grams))
			w := ix.idf(g)
			t.Grams = append(t.Grams, g)
			t.IDF = append(t.IDF, w)
			t.Total += w
		}
		t.Occ = append(t.Occ, -1)
	}
	return t
}

// isJoin reports whether bigram k of gs joins a function character to a word
// the notices use: 要形 in 要形成 (形成 is held), 开却 in 公开却 (公开 is held).
// 仪在 in 记录仪在哪 is not: 录仪 is no word of the notices, so the question
// is about something they never name.
func (ix *Index) isJoin(gs []string, k int) bool {
	g := []rune(gs[k])
	if len(g) != 2 || len(ix.postings[gs[k]]) > 0 {
		return false
	}
	fa, fb := strings.ContainsRune(FunctionChars, g[0]), strings.ContainsRune(FunctionChars, g[1])
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

// CoverageIn returns the IDF weight of t's bigrams that a document holds, and
// its share of the question's weight. A bigram the document lacks between two
// that it holds (开执 in 公开|执法) is the join of two words, not a word the
// document is missing, and does not count against it.
func (t Terms) CoverageIn(grams map[string]float64) (matched, coverage float64) {
	has := make([]bool, len(t.Grams))
	for i, g := range t.Grams {
		if grams[g] > 0 {
			has[i] = true
			matched += t.IDF[i]
		}
	}
	join := make([]bool, len(t.Grams))
	for i := range join {
		join[i] = !has[i]
	}
	for k, gi := range t.Occ {
		if gi < 0 || has[gi] {
			continue
		}
		left := k > 0 && t.Occ[k-1] >= 0 && has[t.Occ[k-1]]
		right := k+1 < len(t.Occ) && t.Occ[k+1] >= 0 && has[t.Occ[k+1]]
		if !left || !right {
			join[gi] = false // somewhere it is a word of its own
		}
	}
	total := t.Total
	for i, j := range join {
		if j {
			total -= t.IDF[i]
		}
	}
	if total > 0 {
		coverage = matched / total
	}
	return matched, coverage
}

// Search ranks the documents that keep returns true for, best first.
func (ix *Index) Search(t Terms, keep func(d *Doc) bool) []Hit {
	const k1, b = 1.2, 0.4
	// A dense accumulator: with 10,000 documents a map per question costs
	// more than the scoring itself.
	score := make([]float64, len(ix.Docs))
	matched := make([]float64, len(ix.Docs))
	var touched []int
	for i, g := range t.Grams {
		for _, p := range ix.postings[g] {
			d := &ix.Docs[p.doc]
			if keep != nil && !keep(d) {
				continue
			}
			if score[p.doc] == 0 {
				touched = append(touched, p.doc)
			}
			norm := k1 * (1 - b + b*d.Length/ix.avgLen)
			score[p.doc] += t.IDF[i]*p.tf*(k1+1)/(p.tf+norm) + 1e-12
			matched[p.doc] += t.IDF[i] * math.Min(p.tf, 1)
		}
	}
	out := make([]Hit, 0, len(touched))
	for _, d := range touched {
		h := Hit{Doc: d, Score: score[d], Matched: matched[d]}
		if t.Total > 0 {
			h.Coverage = h.Matched / t.Total
		}
		out = append(out, h)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Doc < out[j].Doc
	})
	for i := range out[:min(len(out), TopCovered)] {
		out[i].Matched, out[i].Coverage = t.CoverageIn(ix.Docs[out[i].Doc].Grams)
	}
	return out
}

// TopCovered is how many of the best hits get the exact coverage (CoverageIn);
// only the best few are ever judged by it.
const TopCovered = 10

// Overlap is the IDF weight of t's bigrams that the text s (in match form) holds.
func (t Terms) Overlap(s string) float64 {
	if len(t.Grams) == 0 {
		return 0
	}
	have := map[string]bool{}
	Bigrams(s, func(g string) { have[g] = true })
	w := 0.0
	for i, g := range t.Grams {
		if have[g] {
			w += t.IDF[i]
		}
	}
	return w
}
