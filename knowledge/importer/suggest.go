package importer

import "dutybot/knowledge"

// nearestUnit returns the canonical name of the known unit whose name or
// alias is closest to name in edit distance, when it is close enough to be a
// likely slip (at most a third of the longer name's characters differ, and
// at least one in common); "" when none is.
func nearestUnit(entries []unitEntry, name string) string {
	name = knowledge.NormalizeName(name)
	rn := []rune(name)
	best, bestD := "", -1
	for _, e := range entries {
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			ra := []rune(knowledge.NormalizeName(a))
			d := editDistance(rn, ra)
			limit := max(len(rn), len(ra)) / 3
			if len(rn) <= 3 {
				limit = 1
			}
			if d > limit || d >= max(len(rn), len(ra)) {
				continue
			}
			if bestD < 0 || d < bestD {
				best, bestD = e.Name, d
			}
		}
	}
	return best
}

// editDistance is the Levenshtein distance between two rune strings.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
