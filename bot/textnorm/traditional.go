package textnorm

import (
	_ "embed" // the table is data, built into the binary
	"strings"
	"sync"
	"unicode/utf8"
)

// tsCharacters is OpenCC's table of traditional characters and their
// simplified forms (Apache License 2.0; source in the file's header).
// Officers from Taiwan, Hong Kong or the south type 牽頭, 責任單位, 錄影: a
// hand-made list of the common ones missed 牽 and 傷; the full table of 4,113
// characters costs one map lookup per Han character.
//
//go:embed tscharacters.txt
var tsCharacters string

// tsTable is tsCharacters read: the map, and a bit per character of the
// Han blocks saying whether the map holds it, so that the simplified text
// most questions are typed in costs a bit test per character, not a lookup.
type tsTable struct {
	to  map[rune]rune
	has [(hanLast - hanFirst + 64) / 64]uint64
}

// hanFirst and hanLast bound the characters the bit set covers (CJK
// Extension A to the end of the basic block); others are looked up.
const (
	hanFirst = 0x3400
	hanLast  = 0x9FFF
)

// simplified returns r's simplified form, or r.
func (t *tsTable) simplified(r rune) rune {
	if r >= hanFirst && r <= hanLast && t.has[(r-hanFirst)/64]&(1<<((r-hanFirst)%64)) == 0 {
		return r
	}
	if s, ok := t.to[r]; ok {
		return s
	}
	return r
}

// traditional is tsCharacters read once, when a question first needs it.
var traditional = sync.OnceValue(func() *tsTable {
	m := make(map[rune]rune, 4200)
	for line := range strings.Lines(tsCharacters) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		from, to, ok := strings.Cut(strings.TrimRight(line, "\r\n"), "\t")
		if !ok {
			continue
		}
		f, n := utf8.DecodeRuneInString(from)
		t, _ := utf8.DecodeRuneInString(to)
		// a phrase, a character that stays as it is, or one whose form lies
		// outside the basic Han block (嗰 → 𠮶): Cantonese words are read
		// by cantonese, and no notice writes such characters
		if n != len(from) || f == t || t < 0x4E00 || t > 0x9FFF {
			continue
		}
		m[f] = t
	}
	t := &tsTable{to: m}
	for f := range m {
		if f >= hanFirst && f <= hanLast {
			t.has[(f-hanFirst)/64] |= 1 << ((f - hanFirst) % 64)
		}
	}
	return t
})
