package bot

import (
	"regexp"
	"strconv"
	"strings"
)

// A units question may pick units by how many tasks they have: 牵头最多的
// 单位, 哪个处只牵头了一项, the unit with the fewest tasks. answerUnits
// lists every unit with its count; unitPick says which of them the question
// asks for, so the answer names them first.
var (
	reMostUnits = regexp.MustCompile(`最多|最忙|任务最重|排第一|排名第一|most`)
	// reRankUnits is a place in the ranking: 第二多, 排第3.
	reRankUnits   = regexp.MustCompile(`第(\d+)多|排(名)?第(\d+)|(second|third)most`)
	reFewestUnits = regexp.MustCompile(`最少|最轻|最闲|排最后|fewest|least`)
	// reExactUnits is a count a unit is asked to have: 只牵头了1项, 就1项.
	reExactUnits = regexp.MustCompile(`(只|就|仅|总共就|一共就|才)(牵头|负责|参与|承担|挂|露过|露了|出现过|出现了|出现|露)?(了)?(\d+)(项|条|个任务|次|回)`)
	// reUnitRank asks for units by their count, with a unit noun to pick.
	reUnitRank = regexp.MustCompile(`(哪个|哪家|哪些|什么|哪一个|哪几个)(单位|部门|处|支队|警种)|(单位|部门|处|支队)(都|分别)?(是)?(哪个|哪家|谁)|是哪(个|家)|(单位|部门)(有|是)哪(几个|些|几家)|谁(牵头|负责|参与)?的?(任务)?最(多|少)|whichunit|whichdepartment|whichdivision`)
	// reUnitKind narrows the units to a kind of body: 哪个处, 哪个支队.
	reUnitKind = regexp.MustCompile(`(哪个|哪家|哪些|什么|哪一个|哪几个)(处|支队|警种)|(处|支队)(是)?(哪个|哪家)|是哪个(处|支队)`)
)

// unitPick is which units a question picks by their task counts.
type unitPick struct {
	most, fewest bool
	rank         int    // a place in the ranking, most first (第二多: 2); 0: none
	exact        int    // 0: none asked
	kind         string // 处, 支队: the units' names must end in it
}

// parseUnitPick reads a pick from a folded, squeezed question; ok is false
// when the question picks nothing.
func parseUnitPick(f string) (unitPick, bool) {
	if !reUnitRank.MatchString(f) {
		return unitPick{}, false
	}
	var p unitPick
	if m := reExactUnits.FindStringSubmatch(f); m != nil {
		p.exact, _ = strconv.Atoi(m[4])
	}
	p.most, p.fewest = reMostUnits.MatchString(f), reFewestUnits.MatchString(f)
	if m := reRankUnits.FindStringSubmatch(f); m != nil {
		p.rank, _ = strconv.Atoi(m[1] + m[3])
		p.rank += map[string]int{"second": 2, "third": 3}[m[4]]
		p.most = false
	}
	if !p.most && !p.fewest && p.exact == 0 && p.rank < 2 {
		return unitPick{}, false
	}
	if m := reUnitKind.FindStringSubmatch(f); m != nil {
		p.kind = m[2] + m[3] + m[6]
	}
	return p, true
}

// pick returns the units of order (most tasks first) that p asks for.
func (p unitPick) pick(order []string, count map[string]int) []string {
	var cand []string
	for _, u := range order {
		if p.kind == "" || strings.HasSuffix(u, p.kind) {
			cand = append(cand, u)
		}
	}
	if len(cand) == 0 {
		return nil
	}
	want := -1
	switch {
	case p.rank > 1:
		// 第二多: the second count from the top (units that tie share a place)
		place, last := 0, -1
		for _, u := range cand {
			if count[u] != last {
				place, last = place+1, count[u]
			}
			if place == p.rank {
				want = count[u]
				break
			}
		}
	case p.exact > 0:
		want = p.exact
	case p.most:
		want = count[cand[0]]
	case p.fewest:
		want = count[cand[len(cand)-1]]
	}
	var out []string
	for _, u := range cand {
		if count[u] == want {
			out = append(out, u)
		}
	}
	return out
}
