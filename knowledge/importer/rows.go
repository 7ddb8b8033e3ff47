package importer

import (
	"slices"
	"strings"
)

// Penalties that make a reading of a row implausible rather than merely
// untidy: a row needs a lead unit, a responsible unit and, if it has a
// deadline, one that reads as a date.
const (
	costNoUnits     = 100
	costBadDeadline = 50
	// Enumeration budgets keep hostile input from exploding the search.
	maxBandChoices = 64
	maxSplits      = 256
	// A row with more unit fragments than this is no table row (a real cell
	// has a handful); it gets one plain reading instead of a search.
	maxUnitFragments = 48
)

// bandChoice is how many leading (k) and trailing (q) tail items of a band
// are heading chars.
type bandChoice struct{ k, q int }

// reading is one way to read a row's fragments.
type reading struct {
	cost, heading, leadLen int
	lead, resp             []token
	deadline               string
	deadlineLine           int
	choice                 []bandChoice
}

func (r *reading) better(o *reading) bool {
	if r.cost != o.cost {
		return r.cost < o.cost
	}
	if r.heading != o.heading {
		return r.heading > o.heading
	}
	return r.leadLen < o.leadLen
}

// resolved is the chosen reading of a row, with the readings that were just
// as good but named different units (the layout's true ambiguities).
type resolved struct {
	reading
	rivals [][2][]string // lead, responsible of equally good readings
}

type solver struct {
	lx   *lexicon
	memo map[string]tokenized
}

type tokenized struct {
	toks []token
	cost int
}

func (s *solver) tokenize(cell []rune, joins map[int]bool) tokenized {
	var key strings.Builder
	key.WriteString(string(cell))
	for p := range len(cell) + 1 {
		if joins[p] {
			key.WriteString("|")
			key.WriteString(string(rune('0' + p%64)))
		}
	}
	k := key.String()
	if v, ok := s.memo[k]; ok {
		return v
	}
	toks, cost := s.lx.tokenize(cell, joins)
	v := tokenized{toks, cost}
	s.memo[k] = v
	return v
}

// resolve picks the reading of a row that fits known units and a deadline
// best: which tail items are heading chars, which fragments are lead,
// responsible and deadline. Ties go to more heading chars, then to the
// smaller lead cell.
func (s *solver) resolve(r *row) resolved {
	var options, uniform [][]bandChoice
	total := 1
	for _, b := range r.bands {
		var cs []bandChoice
		for k := 0; k <= b.kMax && k+b.q <= len(b.tail); k++ {
			cs = append(cs, bandChoice{k, b.q})
		}
		options = append(options, cs)
		total = min(total*len(cs), maxBandChoices+1)
	}
	if total > maxBandChoices {
		// Too many combinations: try only "no heading chars" and "all the
		// heading chars there may be", the same in every band.
		var none, all []bandChoice
		for _, b := range r.bands {
			none = append(none, bandChoice{0, b.q})
			all = append(all, bandChoice{b.kMax, b.q})
		}
		options = nil
		for i := range r.bands {
			options = append(options, []bandChoice{none[i]})
		}
		uniform = [][]bandChoice{none, all}
	}
	var best *reading
	var level []*reading // readings as cheap as best, ignoring the lead-size tie-break
	sameLevel := func(a, b *reading) bool { return a.cost == b.cost && a.heading == b.heading }
	consider := func(choice []bandChoice) {
		for _, rd := range s.readings(r, choice) {
			switch {
			case best == nil || (!sameLevel(rd, best) && rd.better(best)):
				best, level = rd, []*reading{rd}
			case sameLevel(rd, best):
				if rd.better(best) {
					best = rd
				}
				if len(level) < 64 {
					level = append(level, rd)
				}
			}
		}
	}
	if uniform != nil {
		for _, c := range uniform {
			consider(c)
		}
	} else {
		choice := make([]bandChoice, len(r.bands))
		var walk func(i int)
		walk = func(i int) {
			if i == len(r.bands) {
				consider(choice)
				return
			}
			for _, c := range options[i] {
				choice[i] = c
				walk(i + 1)
			}
		}
		walk(0)
	}
	out := resolved{reading: *best}
	seen := map[string]bool{key(best): true}
	for _, t := range level {
		if k := key(t); !seen[k] {
			seen[k] = true
			out.rivals = append(out.rivals, [2][]string{canonNames(t.lead), canonNames(t.resp)})
		}
	}
	return out
}

func key(r *reading) string {
	return strings.Join(canonNames(r.lead), "、") + "|" + strings.Join(canonNames(r.resp), "、")
}

// rowPart is the fragments of one band of a row: units, then deadline.
type rowPart struct{ units, deadline []item }

// readings enumerates the lead/responsible splits of a row for one choice of
// heading chars: in each band the first cut unit fragments are lead, the rest
// responsible.
func (s *solver) readings(r *row, choice []bandChoice) []*reading {
	parts := make([]rowPart, len(r.bands))
	heading := 0
	for i, b := range r.bands {
		c := choice[i]
		// Chars that could as well end a deadline (前, 年, 月…) do not count
		// for reading a run as heading chars: "2019年9月底" + "前" stays a deadline.
		for _, it := range b.tail[:c.k] {
			if !isDeadlineFragment(it.Text) {
				heading++
			}
		}
		frags := b.tail[c.k : len(b.tail)-c.q]
		d := len(frags)
		for d > 0 && isDeadlineFragment(frags[d-1].Text) {
			d--
		}
		parts[i] = rowPart{units: frags[:d], deadline: frags[d:]}
	}
	var dl strings.Builder
	dlLine := 0
	for _, p := range parts {
		for _, it := range p.deadline {
			dl.WriteString(it.Text)
			if dlLine == 0 {
				dlLine = it.Line
			}
		}
	}
	dlCost := 0
	if _, err := ParseDeadline(dl.String()); err != nil {
		dlCost = costBadDeadline
	}
	base := reading{heading: heading, deadline: dl.String(), deadlineLine: dlLine, cost: dlCost, choice: slices.Clone(choice)}

	splits, frags := 1, 0
	for _, p := range parts {
		splits = min(splits*(len(p.units)+1), maxSplits+1)
		frags += len(p.units)
	}
	if frags > maxUnitFragments {
		cut := make([]int, len(parts))
		cut[0] = min(1, len(parts[0].units))
		return []*reading{s.evaluate(parts, cut, base)}
	}
	cut := make([]int, len(parts))
	var out []*reading
	var walk func(i int)
	walk = func(i int) {
		if i == len(parts) {
			out = append(out, s.evaluate(parts, cut, base))
			return
		}
		if splits > maxSplits && i > 0 { // budget: later pages continue the responsible cell
			cut[i] = 0
			walk(i + 1)
			return
		}
		for a := 0; a <= len(parts[i].units); a++ {
			cut[i] = a
			walk(i + 1)
		}
	}
	walk(0)
	return out
}

// evaluate scores one split: the lead cell is the first cut[i] unit
// fragments of each band, the responsible cell the rest. Fragments of
// different bands meet at a page break, where a missing 、 costs nothing.
func (s *solver) evaluate(parts []rowPart, cut []int, base reading) *reading {
	rd := base
	cell := func(pick func(i int) []item) ([]rune, map[int]bool) {
		var rs []rune
		joins := map[int]bool{}
		for i := range parts {
			its := pick(i)
			if len(its) > 0 && len(rs) > 0 {
				joins[len(rs)] = true
			}
			for _, it := range its {
				rs = append(rs, []rune(it.Text)...)
			}
		}
		return rs, joins
	}
	lr, lj := cell(func(i int) []item { return parts[i].units[:cut[i]] })
	rr, rj := cell(func(i int) []item { return parts[i].units[cut[i]:] })
	lt, rt := s.tokenize(lr, lj), s.tokenize(rr, rj)
	rd.lead, rd.resp = lt.toks, rt.toks
	rd.cost += lt.cost + rt.cost
	// The same unit twice in one cell (法制支队法制支队) is no reading of a table.
	rd.cost += costNoSeparator * (duplicates(lt.toks) + duplicates(rt.toks))
	if len(canonNames(lt.toks)) == 0 {
		rd.cost += costNoUnits
	}
	if len(canonNames(rt.toks)) == 0 {
		rd.cost += costNoUnits
	}
	rd.leadLen = len(lr)
	// A lead cell is short; it runs on to the next page only when what the
	// page holds of it is not yet a whole unit (警务保障 | 处). A lead that is
	// already whole and takes more units after the page break is a stretch.
	for i := 1; i < len(parts); i++ {
		if cut[i] == 0 {
			continue
		}
		var before []rune
		for j := 0; j < i; j++ {
			for _, it := range parts[j].units[:cut[j]] {
				before = append(before, []rune(it.Text)...)
			}
		}
		if len(before) > 0 && s.tokenize(before, nil).cost == 0 {
			rd.cost += costNoSeparator
		}
	}
	return &rd
}

// duplicates counts units named more than once in a cell.
func duplicates(toks []token) int {
	n := 0
	for _, t := range toks {
		if !t.Junk {
			n++
		}
	}
	return n - len(canonNames(toks))
}
