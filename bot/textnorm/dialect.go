package textnorm

import (
	"regexp"
	"slices"
	"strings"
)

// dialect reads the written words of a Chinese dialect (Cantonese, Wu) as the
// Mandarin the rest of the engine reads. It runs only on text that holds one
// of the dialect's marks, words Mandarin text does not hold, so that words
// both write (边界, 讲, 好看) are read as the dialect's only there.
type dialect struct {
	markChars string   // characters only the dialect writes
	markWords []string // words only the dialect writes, of characters Mandarin uses
	words     *strings.Replacer
	// grammar rewrites what a word list cannot (系 as "is", 伐 ending a
	// question), in order, after the words
	grammar []rewrite
}

// rewrite is one rule of a dialect's grammar: what re matches becomes to,
// where $1 and the like are re's groups.
type rewrite struct {
	re *regexp.Regexp
	to string
}

// read writes the dialect's words of s in Mandarin; s is returned as it is
// when it holds none of the dialect's marks.
func (d *dialect) read(s string) string {
	if !strings.ContainsAny(s, d.markChars) && !slices.ContainsFunc(d.markWords, func(m string) bool { return strings.Contains(s, m) }) {
		return s
	}
	s = d.words.Replace(s)
	for _, g := range d.grammar {
		s = g.re.ReplaceAllString(s, g.to)
	}
	return s
}
