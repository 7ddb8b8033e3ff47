package importer

import (
	"strings"

	"dutybot/knowledge"
)

// Costs of reading a unit cell one way rather than another. Known units are
// free; two units run together with no 、 between them cost a little (unless
// the join is a page break, where the PDF loses separators); a unit the
// table does not know costs more; text that is no unit at all costs most.
const (
	costNoSeparator = 1
	costUnknownUnit = 4
	costGarbage     = 10
)

// unitSuffixes end the names of offices; they split text the alias table
// does not cover (科技处法制支队 → 科技处, 法制支队).
var unitSuffixes = []string{"中心", "窗口", "大队", "支队", "分局", "处", "科", "队", "局", "室", "组", "种", "所", "院", "办", "委", "厅", "部", "站", "股", "庭", "馆"}

func isSeparator(r rune) bool {
	switch r {
	case '、', '，', ',', '；', ';', '：', ':', ' ', '\t', '\u3000', '。', '/', '／':
		return true
	}
	return false
}

// lexicon resolves unit names while splitting cells.
type lexicon struct {
	keys  [][]rune
	canon []string
	slip  []bool
	group map[string]bool
	order map[string]int // canonical name → position in the table
	units map[string]unitEntry
}

func newLexicon(entries []unitEntry) *lexicon {
	lx := &lexicon{group: map[string]bool{}, order: map[string]int{}, units: map[string]unitEntry{}}
	seen := map[string]bool{}
	for i, e := range entries {
		if _, dup := lx.units[e.Name]; dup {
			continue
		}
		lx.units[e.Name] = e
		lx.order[e.Name] = i
		lx.group[e.Name] = e.Group
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			k := strings.Join(strings.Fields(a), "")
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			lx.keys = append(lx.keys, []rune(k))
			lx.canon = append(lx.canon, e.Name)
			isSlip := false
			for _, s := range e.Slips {
				isSlip = isSlip || s == a
			}
			lx.slip = append(lx.slip, isSlip)
		}
	}
	return lx
}

// token is one unit read from a cell.
type token struct {
	Text  string // as written
	Canon string // canonical name; Text itself for a unit the table lacks
	Known bool
	Slip  bool
	Junk  bool // text that is no unit name
}

type dpStep struct {
	cost  int
	from  int // previous position
	fromS int // previous state
	tok   int // -2 separator, -1 unknown unit, -3 junk, ≥0 key index
}

// tokenize splits a cell into units at the cheapest reading. joins are the
// rune offsets where a page break joined two fragments of the cell.
func (lx *lexicon) tokenize(cell []rune, joins map[int]bool) ([]token, int) {
	n := len(cell)
	const inf = 1 << 30
	// state 0: at start or just after a separator; state 1: just after a unit.
	best := make([][2]dpStep, n+1)
	for i := range best {
		best[i][0].cost, best[i][1].cost = inf, inf
	}
	best[0][0] = dpStep{cost: 0, from: -1}
	// matches[p] are the keys that occur at p; firstEnd[p] is the end of the
	// shortest key occurring at or after p (an unknown unit must not hold one).
	matches := make([][]int, n)
	for p := range cell {
		for ki, k := range lx.keys {
			if hasRunePrefix(cell[p:], k) {
				matches[p] = append(matches[p], ki)
			}
		}
	}
	// sufLen[q] / strongLen[q]: the shortest unit suffix / strong suffix that
	// cell[:q] ends with (0 for none).
	sufLen, strongLen := suffixLengths(cell, unitSuffixes), suffixLengths(cell, strongSuffixes)
	firstEnd := make([]int, n+1)
	firstEnd[n] = n + 1
	for p := n - 1; p >= 0; p-- {
		firstEnd[p] = firstEnd[p+1]
		for _, ki := range matches[p] {
			firstEnd[p] = min(firstEnd[p], p+len(lx.keys[ki]))
		}
	}
	relax := func(p, s, q, t, tok, c int) {
		if c < best[q][t].cost {
			best[q][t] = dpStep{cost: c, from: p, fromS: s, tok: tok}
		}
	}
	for p := 0; p < n; p++ {
		for s := 0; s < 2; s++ {
			c := best[p][s].cost
			if c == inf {
				continue
			}
			if isSeparator(cell[p]) {
				relax(p, s, p+1, 0, -2, c)
				continue
			}
			boundary := 0
			if s == 1 && !joins[p] {
				boundary = costNoSeparator
			}
			for _, ki := range matches[p] {
				relax(p, s, p+len(lx.keys[ki]), 1, ki, c+boundary)
			}
			end := p
			for end < n && !isSeparator(cell[end]) {
				end++
			}
			inside := false // a unit name could end strictly inside cell[p:q]
			for q := p + 2; q <= end && q-p <= 16; q++ {
				if e := q - 1; e-p >= 2 && strongLen[e] > 0 && e-p >= strongLen[e] {
					inside = true
				}
				if sufLen[q] > 0 && q-p > sufLen[q] && firstEnd[p] > q {
					cost := costUnknownUnit
					if inside { // 网安支队出入境管理处 is two units
						cost += 2*costUnknownUnit + costNoSeparator
					}
					relax(p, s, q, 1, -1, c+boundary+cost)
				}
			}
			for q := p + 1; q <= end && q-p <= 32; q++ { // long junk is read in pieces
				relax(p, s, q, 1, -3, c+boundary+costGarbage+(q-p))
			}
		}
	}
	s := 0
	if best[n][1].cost < best[n][0].cost {
		s = 1
	}
	total := best[n][s].cost
	var toks []token
	for p := n; p > 0; {
		st := best[p][s]
		text := string(cell[st.from:p])
		switch {
		case st.tok >= 0:
			toks = append(toks, token{Text: text, Canon: lx.canon[st.tok], Known: true, Slip: lx.slip[st.tok]})
		case st.tok == -1:
			toks = append(toks, token{Text: text, Canon: text})
		case st.tok == -3:
			toks = append(toks, token{Text: text, Canon: text, Junk: true})
		}
		p, s = st.from, st.fromS
	}
	for i, j := 0, len(toks)-1; i < j; i, j = i+1, j-1 {
		toks[i], toks[j] = toks[j], toks[i]
	}
	return toks, total
}

func hasRunePrefix(s, prefix []rune) bool {
	if len(prefix) > len(s) {
		return false
	}
	for i, r := range prefix {
		if s[i] != r {
			return false
		}
	}
	return true
}

// suffixLengths returns, for each end q of a prefix of cell, the length of
// the shortest suffix in sufs that cell[:q] ends with (0 for none).
func suffixLengths(cell []rune, sufs []string) []int {
	out := make([]int, len(cell)+1)
	for _, suf := range sufs {
		sr := []rune(suf)
		for q := len(sr); q <= len(cell); q++ {
			if hasRunePrefix(cell[q-len(sr):], sr) && (out[q] == 0 || len(sr) < out[q]) {
				out[q] = len(sr)
			}
		}
	}
	return out
}

// strongSuffixes end a unit name and hardly occur inside one.
var strongSuffixes = []string{"支队", "大队", "中心", "窗口", "处", "科", "室", "组", "种"}

// canonNames returns the canonical names of toks, each once, in order.
func canonNames(toks []token) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range toks {
		c := knowledge.NormalizeName(t.Canon)
		if c == "" || seen[c] {
			continue
		}
		seen[c] = true
		out = append(out, c)
	}
	return out
}
