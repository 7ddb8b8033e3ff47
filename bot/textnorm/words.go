package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// LatinStarts marks, for each byte offset of Squeeze(text), whether a Latin
// word begins there: squeezing joins "do penalty" into "dopenalty", where
// "open" must not be found.
func LatinStarts(text string) []bool {
	var starts []bool
	prevLatin := false
	for _, r := range text {
		latin := r < utf8.RuneSelf && unicode.IsLetter(r)
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%' {
			for range utf8.RuneLen(r) {
				starts = append(starts, false)
			}
			if latin && !prevLatin {
				starts[len(starts)-utf8.RuneLen(r)] = true
			}
		}
		prevLatin = latin
	}
	return starts
}

// ContainsWordAt is containsAny over squeezed text f, but a Latin word of
// words counts only where a word of f starts (starts from latinStarts).
func ContainsWordAt(f string, starts []bool, words []string) bool {
	for _, w := range words {
		if w == "" || w[0] >= utf8.RuneSelf {
			if strings.Contains(f, w) {
				return true
			}
			continue
		}
		for i := 0; ; {
			k := strings.Index(f[i:], w)
			if k < 0 {
				break
			}
			if i+k < len(starts) && starts[i+k] {
				return true
			}
			i += k + 1
		}
	}
	return false
}
