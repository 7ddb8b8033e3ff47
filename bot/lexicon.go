package bot

import (
	_ "embed" // the lexicon is data administrators edit, built into the binary
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"dutybot/bot/search"
	"dutybot/bot/textnorm"
)

// lexiconText is lexicon.txt: synonyms, slips, unit nicknames and off-topic
// phrases, kept as data so that administrators extend them without code.
//
//go:embed lexicon.txt
var lexiconText string

// thesaurusText is thesaurus.txt: the synonym groups of HIT-SCIR's Tongyici
// Cilin (extended), read after the lexicon's own (see the file's header).
//
//go:embed thesaurus.txt
var thesaurusText string

// thesaurus is the parsed thesaurus.txt: one group of words per line, less
// the words it must never rewrite (rewritable).
var thesaurus = keepWords(parseGroups(thesaurusText), rewritable)

// rewritable reports whether the thesaurus may rewrite w: not an everyday
// word it files under a rarer sense (the lexicon's [keep]), nor a word made only of
// characters that join words (后来, 然后, 以后: search.FunctionChars), whose
// rewriting (后来 as 事后) adds a topic the question never had.
func rewritable(w string) bool {
	return !builtinLexicon.keep[w] && strings.ContainsFunc(w, func(r rune) bool { return !strings.ContainsRune(search.FunctionChars, r) })
}

// keepWords keeps in each group the words keep accepts; a group left with
// fewer than two words goes.
func keepWords(groups [][]string, keep func(string) bool) [][]string {
	out := groups[:0]
	for _, g := range groups {
		kept := g[:0]
		for _, w := range g {
			if keep(w) {
				kept = append(kept, w)
			}
		}
		if len(kept) >= 2 {
			out = append(out, kept)
		}
	}
	return out
}

// parseGroups reads one group of space-separated words a line; # starts a comment.
func parseGroups(text string) [][]string {
	var out [][]string
	for _, line := range strings.Split(text, "\n") {
		if k := strings.IndexByte(line, '#'); k >= 0 {
			line = line[:k]
		}
		if ws := strings.Fields(line); len(ws) > 1 {
			out = append(out, ws)
		}
	}
	return out
}

// lexicon is the parsed lexicon.txt. Every list is in match form.
type lexicon struct {
	synonyms [][]string // the notice's usual word first
	slips    [][]string // the right form first
	units    [][]string // a unit's name or alias first, then its nicknames (with [crews] read in)
	remits   [][]string // a unit's name first, then words for what it is in charge of
	offtopic []string
	due      []string        // everyday ways to say a task falls due (要交, 到点, 收尾)
	glosses  [][]string      // a term of the notices first, then the words that explain it
	mixed    [][]string      // a Chinese word first, then English words for it written among Chinese
	forms    []topicForm     // constructions read as one term of the notices (a term and its pattern)
	keep     map[string]bool // everyday words the thesaurus files under a rarer sense: never rewritten
}

// builtinLexicon is parsed once: the embedded file never changes while the
// program runs, and a malformed one is a build defect caught by the tests.
var builtinLexicon = mustLexicon(lexiconText)

// builtinMixed reads the English words of a Chinese question (the [mixed] groups).
var builtinMixed = newMixedReader(builtinLexicon.mixed)

func mustLexicon(text string) *lexicon {
	lx, err := parseLexicon(text)
	if err != nil {
		panic(err)
	}
	return lx
}

// parseLexicon reads the lexicon format described at the top of lexicon.txt.
func parseLexicon(text string) (*lexicon, error) {
	lx := &lexicon{keep: map[string]bool{}}
	section := ""
	for i, line := range strings.Split(text, "\n") {
		if k := strings.IndexByte(line, '#'); k >= 0 {
			line = line[:k]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") {
			if !strings.HasSuffix(line, "]") {
				return nil, fmt.Errorf("lexicon line %d: unclosed section %q", i+1, line)
			}
			section = strings.TrimSpace(line[1 : len(line)-1])
			switch section {
			case "synonyms", "slips", "units", "crews", "remits", "offtopic", "english", "due", "glosses", "mixed", "forms", "keep":
			default:
				return nil, fmt.Errorf("lexicon line %d: unknown section [%s]", i+1, section)
			}
			continue
		}
		if section == "forms" {
			f, err := parseForm(line)
			if err != nil {
				return nil, fmt.Errorf("lexicon line %d: %w", i+1, err)
			}
			lx.forms = append(lx.forms, f)
			continue
		}
		var words []string
		for _, w := range strings.Fields(line) {
			if f := textnorm.MatchForm(w); f != "" {
				words = append(words, f)
			}
		}
		switch section {
		case "":
			return nil, fmt.Errorf("lexicon line %d: %q before any [section]", i+1, line)
		case "offtopic":
			lx.offtopic = append(lx.offtopic, words...)
			continue
		case "due":
			lx.due = append(lx.due, words...)
			continue
		case "keep":
			for _, w := range words {
				lx.keep[w] = true
			}
			continue
		}
		if len(words) < 2 {
			return nil, fmt.Errorf("lexicon line %d: a [%s] group needs two words or more: %q", i+1, section, line)
		}
		switch section {
		case "synonyms", "english":
			// English words read as the notice's terms: the same rewriting as synonyms
			lx.synonyms = append(lx.synonyms, words)
		case "slips":
			lx.slips = append(lx.slips, words)
		case "units":
			lx.units = append(lx.units, words)
		case "crews":
			lx.units = append(lx.units, crewNicknames(words))
		case "remits":
			lx.remits = append(lx.remits, words)
		case "glosses":
			lx.glosses = append(lx.glosses, words)
		case "mixed":
			lx.mixed = append(lx.mixed, words)
		}
	}
	return lx, nil
}

// newReplacer builds the question-side replacements of groups for a corpus
// (the notices' text in match form): a word the corpus never uses becomes
// the first word of its group that the corpus does use. Words the corpus
// uses stay as they are, so a replacement never hides a real match, and a
// group none of whose words the corpus uses does nothing.
func newReplacer(groups [][]string, corpus string) *strings.Replacer {
	return replacerMemo{}.replacer(groups, corpus)
}

// replacerMemo shares the replacers built by one Load: with several notices
// each gets a snapshot of its own, and notices of the same kind mostly need
// the same replacements, so one Replacer serves every snapshot whose pairs
// are the same. It also builds each Replacer at once (strings.Replacer builds
// its lookup table on first use): over 250 notices the first question
// answered in all of them spent 0.5 s building their tables.
type replacerMemo map[string]*strings.Replacer

// replacer is newReplacer, shared through m.
func (m replacerMemo) replacer(groups [][]string, corpus string) *strings.Replacer {
	return m.replacerOf(groups, corpus, false)
}

// replacerOf is replacer; with unambiguous set, a word whose groups read it
// as different words of the corpus is not replaced at all (明白 is 公开 in
// one of the thesaurus's groups, 清楚 in another, and means "understand"
// in 整不明白), rather than by its first group.
func (m replacerMemo) replacerOf(groups [][]string, corpus string, unambiguous bool) *strings.Replacer {
	type pair struct{ from, to string }
	var pairs []pair
	corpusHas := corpusHolds(corpus)
	for _, g := range groups {
		holds := func(w string) bool { return corpusHas(w) && !onlyInside(w, g, corpus, corpusHas) }
		to := ""
		for _, w := range g {
			if holds(w) {
				to = w
				break
			}
		}
		if to == "" {
			continue
		}
		for _, w := range g {
			if w != to && !holds(w) {
				pairs = append(pairs, pair{w, to})
				// 被撤 → 撤销 must not make 被撤销 into 撤销销: the form
				// already followed by the rest of its word is that word
				if ext := overlapped(w, to); ext != "" && !slices.Contains(g, ext) {
					pairs = append(pairs, pair{ext, to})
				}
			}
		}
	}
	if unambiguous {
		reads := map[string]string{}
		for _, p := range pairs {
			if to, ok := reads[p.from]; ok && to != p.to {
				reads[p.from] = ""
			} else if !ok {
				reads[p.from] = p.to
			}
		}
		kept := pairs[:0]
		for _, p := range pairs {
			if reads[p.from] != "" {
				kept = append(kept, p)
			}
		}
		pairs = kept
	}
	// strings.Replacer tries its pairs in order at each position: longest first
	sort.SliceStable(pairs, func(i, j int) bool { return len(pairs[i].from) > len(pairs[j].from) })
	args := make([]string, 0, 2*len(pairs))
	for _, p := range pairs {
		args = append(args, p.from, p.to)
	}
	key := strings.Join(args, "\x00")
	if rep, ok := m[key]; ok {
		return rep
	}
	rep := strings.NewReplacer(args...)
	rep.Replace("") // builds the table now, once, rather than in a question
	m[key] = rep
	return rep
}

// overlapped returns w written on into to, when w ends with how to begins
// (被撤 and 撤销: 被撤销), or "" when it does not.
func overlapped(w, to string) string {
	for i := range w {
		if i > 0 && strings.HasPrefix(to, w[i:]) && len(w)-i < len(to) {
			return w + to[len(w)-i:]
		}
	}
	return ""
}

// onlyInside reports whether every use of w in the corpus is inside a longer
// word of its own group: 录像 in a notice that writes it only in 录音录像 is
// no word of that notice on its own, and is read as the group's word.
func onlyInside(w string, g []string, corpus string, has func(string) bool) bool {
	inside := 0
	for _, l := range g {
		if len(l) > len(w) && strings.Contains(l, w) && has(l) {
			inside += strings.Count(corpus, l) * strings.Count(l, w)
		}
	}
	return inside > 0 && strings.Count(corpus, w) <= inside
}

// heldRunes is the longest word corpusHolds answers from its table; longer
// ones are searched for. Almost every word of the lexicon and thesaurus is
// shorter.
const heldRunes = 6

// corpusHolds returns a test of whether the corpus holds a word. Testing the
// thesaurus's 46,000 words one strings.Contains at a time took 0.45 s at
// every start; a table of the corpus's short substrings takes milliseconds.
func corpusHolds(corpus string) func(string) bool {
	rs := []rune(corpus)
	held := make(map[string]bool, len(rs)*heldRunes)
	for i := range rs {
		for n := 2; n <= heldRunes && i+n <= len(rs); n++ {
			held[string(rs[i:i+n])] = true
		}
	}
	return func(w string) bool {
		n := utf8.RuneCountInString(w)
		if n >= 2 && n <= heldRunes {
			return held[w]
		}
		return strings.Contains(corpus, w)
	}
}

// newSynonyms builds the synonym replacements of the built-in lexicon for a corpus.
func newSynonyms(corpus string) *strings.Replacer {
	return replacerMemo{}.synonyms(corpus)
}

// synonyms is newSynonyms, shared through m.
func (m replacerMemo) synonyms(corpus string) *strings.Replacer {
	return m.replacer(builtinLexicon.synonyms, corpus)
}

// newThesaurus builds the thesaurus replacements for a corpus. They apply to
// a question's topic words only, once its framing is cut out (parse): the
// thesaurus also knows 一共 and 多少, which frame a question, not its topic.
func newThesaurus(corpus string) *topicRewriter {
	return replacerMemo{}.thesaurus(corpus)
}

// thesaurus is newThesaurus, shared through m.
func (m replacerMemo) thesaurus(corpus string) *topicRewriter {
	return &topicRewriter{r: m.replacerOf(thesaurus, corpus, true), corpus: corpus}
}

// offtopicIn returns the lexicon's off-topic phrases that the corpus never
// uses: a notice that does speak of 补办 is asked about 补办.
func offtopicIn(lx *lexicon, corpus string) []string {
	var out []string
	for _, w := range lx.offtopic {
		if !strings.Contains(corpus, w) {
			out = append(out, w)
		}
	}
	return out
}

// offtopicShield cuts out the everyday words for the notices' terms and
// units that hold an off-topic phrase (身份证号 for 敏感内容 holds 身份证,
// 110指挥中心 holds 110), so that the phrase inside them marks nothing.
func offtopicShield(lx *lexicon, offtop []string) *strings.Replacer {
	// an English word holds only English phrases: the thousands of English
	// nicknames ([crews]) are tried against those alone
	var latin []string
	for _, o := range offtop {
		if isASCIIWord(o) {
			latin = append(latin, o)
		}
	}
	var args []string
	for _, g := range slices.Concat(lx.synonyms, lx.units) {
		for _, w := range g[1:] {
			candidates := offtop
			if isASCIIWord(w) {
				candidates = latin
			}
			for _, o := range candidates {
				if len(w) > len(o) && strings.Contains(w, o) {
					args = append(args, w, "|")
					break
				}
			}
		}
	}
	return strings.NewReplacer(args...)
}

// minRewriteRunes is the shortest topic phrase (function characters such as
// 在 and 要 left out) the thesaurus rewrites: a phrase that is one word and
// nothing else stays as asked.
const minRewriteRunes = 4

// topicRewriter rewrites a question's topic words with the thesaurus, but
// never inside a word the notices use: 法案 is a thesaurus word, yet in
// 执法案卷 its 法 belongs to 执法, which the notices hold.
type topicRewriter struct {
	r      *strings.Replacer
	corpus string
}

// Rewrite returns seg with its thesaurus words replaced, unless the result
// breaks a bigram the corpus holds at a replaced word's edge.
func (t *topicRewriter) Rewrite(seg string) string {
	content := strings.Map(func(r rune) rune {
		if strings.ContainsRune(search.FunctionChars, r) {
			return -1
		}
		return r
	}, seg)
	if utf8.RuneCountInString(content) < minRewriteRunes {
		return seg // 公安局 alone: a synonym would make a whole question of one common word
	}
	out := t.r.Replace(seg)
	if out == seg {
		return seg
	}
	// keep every bigram of seg the corpus holds: a rewrite that drops one
	// cut through a word of the notices
	kept := true
	search.Bigrams(seg, func(g string) {
		if kept && strings.Contains(t.corpus, g) && !strings.Contains(out, g) {
			kept = false
		}
	})
	if !kept {
		return seg
	}
	return out
}

// dueAlternation is the lexicon's [due] phrases as a regular-expression
// alternation, longest first, for the patterns that recognise a question
// about deadlines (reDue, reTaskish, reNextDue, reDueWord).
func dueAlternation(lx *lexicon) string {
	ws := append([]string(nil), lx.due...)
	sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	for i, w := range ws {
		ws[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(ws, "|")
}

// glossOf returns the words that explain the glossed terms a text (in match
// form) holds: 双随机、一公开 is explained as 随机抽取检查对象 … 向社会公开, so
// a question that describes the scheme finds the task that only names it.
func glossOf(lx *lexicon, form string) string {
	var out []string
	for _, g := range lx.glosses {
		if strings.Contains(form, g[0]) {
			out = append(out, g[1:]...)
		}
	}
	return strings.Join(out, "|")
}

// crewWords are the English words for a group of people that follow a word
// for what a unit does (the IT mob, the legal people, the gear folks): with
// one of a [crews] group's words before them they name its unit. Not section
// or part: the IT section is a part of the table.
var crewWords = []string{"mob", "mobs", "people", "folks", "folk", "lot", "crowd", "team", "teams", "guys", "squad", "squads",
	"crew", "crews", "bunch", "side", "unit", "units", "office", "offices", "division", "department", "dept",
	"branch", "branches", "group", "groups", "bureaus", "bureaux", "outfit", "shop", "desk"}

// crewNicknames returns a [crews] group as a [units] one: the unit's name,
// then each of its words with each of crewWords after it (it → itmob,
// itpeople, …), in match form as the question's squeezed English is.
func crewNicknames(words []string) []string {
	out := []string{words[0]}
	for _, w := range words[1:] {
		for _, c := range crewWords {
			out = append(out, w+c)
		}
	}
	return out
}
