package textnorm

import (
	"slices"
	"strings"

	"dutybot/bot/search"
)

// shouldModals say what ought to be done (该公开的没公开: 该); shouldNots
// deny it was done. Longer first.
var (
	shouldModals = [][]rune{[]rune("应该"), []rune("应当"), []rune("本该"), []rune("本应"), []rune("该")}
	shouldNots   = [][]rune{[]rune("没有"), []rune("没"), []rune("不"), []rune("未")}
)

// ShouldButNot writes "ought to X but did not X" the notices' way, 应X而不X:
// 该挂的没挂, 应该公开却一直拖着不公开, 该亮的东西没亮出去. X is the one or
// two characters after the modal, found again after a negation within ten
// characters of the same clause. The [synonyms] of the lexicon then read X
// (应挂而不挂 is 应公开而不公开).
func ShouldButNot(s string) string {
	if !strings.ContainsAny(s, "该应") {
		return s // most questions: no rune slice built on the hot path
	}
	rs := []rune(s)
	var out []rune
	for i := 0; i < len(rs); {
		if n, xn, end := shouldSpan(rs, i); n > 0 {
			x := rs[i+n : i+n+xn]
			out = append(out, '应')
			out = append(out, x...)
			out = append(out, '而', '不')
			out = append(out, x...)
			i = end
			continue
		}
		out = append(out, rs[i])
		i++
	}
	return string(out)
}

// shouldSpan returns, for a modal at rs[i], its length, the length of X and
// where the negated X ends; n is 0 when no "X … 没X" follows.
func shouldSpan(rs []rune, i int) (n, xn, end int) {
	for _, mr := range shouldModals {
		if !hasRunes(rs[i:], mr) {
			continue
		}
		for _, xl := range []int{2, 1} {
			x := i + len(mr)
			if x+xl > len(rs) || !allHan(rs[x:x+xl]) {
				continue
			}
			for j := x + xl; j < len(rs) && j <= x+xl+10 && !isClauseEnd(rs[j]); j++ {
				for _, neg := range shouldNots {
					if hasRunes(rs[j:], neg) && hasRunes(rs[j+len(neg):], rs[x:x+xl]) {
						return len(mr), xl, j + len(neg) + xl
					}
				}
			}
		}
		return 0, 0, 0
	}
	return 0, 0, 0
}

func hasRunes(rs, prefix []rune) bool {
	return len(rs) >= len(prefix) && slices.Equal(rs[:len(prefix)], prefix)
}

func allHan(rs []rune) bool {
	return !slices.ContainsFunc(rs, func(r rune) bool { return !search.IsHan(r) })
}

func isClauseEnd(r rune) bool { return strings.ContainsRune(",，。.?？!！;；:：|", r) }
