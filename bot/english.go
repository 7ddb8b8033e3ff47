package bot

import (
	"regexp"
	"strings"
	"unicode"

	"dutybot/bot/search"
	"dutybot/bot/textnorm"
)

// The lexicon's English phrases are written without spaces (bodyworncamera)
// and matched on a question squeezed of its spaces, so on their own they can
// match across a word boundary: "video recordings system" squeezes to
// videorecordingssystem, where the longest phrase videorecordings eats the s
// of system. markEnglish, run before squeezing, fences every phrase that
// spans whole words with | marks, which the replacers never cross.

// reEnglishWord is one English word; words joined by spaces, hyphens or
// apostrophes may make one phrase (body-worn camera).
var reEnglishWord = regexp.MustCompile(`[a-z0-9+]+`)

// builtinPhrases are the built-in lexicon's English phrases.
var builtinPhrases = englishPhrases(builtinLexicon)

// reFencedPhrase is a phrase markEnglish fenced.
var reFencedPhrase = regexp.MustCompile(`\|[a-z0-9+]+\|`)

// maxPhraseWords bounds the words one phrase may span.
const maxPhraseWords = 7

// englishPhrases are the lexicon's English phrases (synonyms, [english] and
// unit nicknames), in match form.
func englishPhrases(lx *lexicon) map[string]bool {
	out := map[string]bool{}
	// off-topic words too (drivinglicence), so that a phrase inside them (licence) is not fenced alone
	for _, w := range lx.offtopic {
		if isASCIIWord(w) {
			out[w] = true
		}
	}
	for _, gs := range [][][]string{lx.synonyms, lx.units} {
		for _, g := range gs {
			for _, w := range g {
				if isASCIIWord(w) {
					out[w] = true
				}
			}
		}
	}
	return out
}

func isASCIIWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r >= 0x80 || !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '+') {
			return false
		}
	}
	return true
}

// markEnglish returns folded text with the longest run of whole words that
// makes a phrase (a plural s allowed) fenced as |phrase|, left to right.
func markEnglish(text string, phrases map[string]bool) string {
	locs := reEnglishWord.FindAllStringIndex(text, -1)
	if len(locs) == 0 {
		return text
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(locs); {
		end := -1
		var key strings.Builder
		for j := i; j < len(locs) && j < i+maxPhraseWords; j++ {
			if j > i && !joinable(text[locs[j-1][1]:locs[j][0]]) {
				break
			}
			key.WriteString(text[locs[j][0]:locs[j][1]])
			k := key.String()
			if phrases[k] || (strings.HasSuffix(k, "s") && phrases[strings.TrimSuffix(k, "s")]) {
				end = j
			}
		}
		if end < 0 {
			i++
			continue
		}
		b.WriteString(text[last:locs[i][0]])
		b.WriteString("|")
		for j := i; j <= end; j++ {
			b.WriteString(text[locs[j][0]:locs[j][1]])
		}
		b.WriteString("|")
		last = locs[end][1]
		i = end + 1
	}
	b.WriteString(text[last:])
	return b.String()
}

// joinable is what may stand between two words of one phrase.
func joinable(sep string) bool {
	return strings.Trim(sep, " -'’") == ""
}

// reURL is a link, which says nothing of its writer's language.
var reURL = regexp.MustCompile(`(?i)(https?://|www\.)\S+`)

// looksEnglish reports whether a message is written in English: more English
// words than Chinese ones (a Chinese word taken as two characters), once URLs
// and the units' Chinese names are set aside, so that "Which tasks does 人事处
// take part in?" is English and "第1项 status" is not.
func looksEnglish(s string, ui *unitIndex) bool {
	if !strings.ContainsFunc(s, func(r rune) bool { return r < 128 && unicode.IsLetter(r) }) {
		return false // no Latin letter: the common case costs no unit search
	}
	s = reURL.ReplaceAllString(s, " ")
	if ui != nil {
		_, s, _ = ui.find(textnorm.Fold(s))
	}
	words, han, inWord := 0, 0, false
	for _, r := range s {
		latin := r < 128 && unicode.IsLetter(r)
		switch {
		case latin && !inWord:
			words++
		case search.IsHan(r):
			han++
		}
		inWord = latin
	}
	return words > 0 && words > (han+1)/2
}

// reLatinRun is a run of Latin letters.
var reLatinRun = regexp.MustCompile(`[a-z]+`)

// latinPhrasesOnly keeps the English phrases markEnglish fenced and cuts every
// other run of Latin letters: the rewriting of words into the notices' terms
// is by substring, and "exam" must not be read inside "example", nor "app"
// inside "happens". Unfenced English words frame a question and are dropped
// from its topic anyway.
func latinPhrasesOnly(text string, phrases map[string]bool) string {
	if !reLatinRun.MatchString(text) {
		return text
	}
	parts := strings.Split(text, "|")
	for i, p := range parts {
		if phrases[p] || strings.HasSuffix(p, "s") && phrases[strings.TrimSuffix(p, "s")] {
			continue
		}
		parts[i] = reLatinRun.ReplaceAllString(p, "|")
	}
	return strings.Join(parts, "|")
}
