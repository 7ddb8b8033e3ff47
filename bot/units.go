package bot

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dutybot/bot/textnorm"
	"dutybot/knowledge"
)

// unitIndex finds the units a question names. It knows every canonical name
// and alias of the notices' units, plus the short forms people say that drop
// a leading 各/局各/市局/市 (办公室 for 市局办公室), unless a short form would be
// ambiguous or is an ordinary phrase of a task's text (政务服务窗口).
type unitIndex struct {
	dir    *knowledge.Directory
	lookup map[string]string // key → canonical name
	keys   []string          // longest first
	// byFirst holds keys by their first byte, in the order of keys: find
	// tries at each place only the keys that can start there (the English
	// nicknames of [crews] run to thousands)
	byFirst map[byte][]string
	// roleKeys are nicknames that are also words of the notices' text (法制
	// for 法制支队, 人事 for 人事处): a unit only when a role or a unit's
	// part follows (法制牵头的, 法制只当责任单位), never in 法制审核.
	roleKeys []string
	groupOf  map[string][]string
	roleOf   map[string]string // roleKeys → canonical name
	remits   map[string]string // a word of a unit's remit → canonical name ("" when shared)
	corpus   string            // the tasks' texts: a name inside their words is no name (行政处罚)
}

var shortPrefixes = []string{"局各", "市局", "各", "市", "局"}

// nicknames are the lexicon's [units] groups: a unit's name or alias first,
// then what people call it (警保处). A nickname that the corpus uses or that
// already names something is skipped, like an ambiguous short form.
func newUnitIndex(units []knowledge.Unit, corpus string, nicknames [][]string) *unitIndex {
	ui := &unitIndex{dir: knowledge.NewDirectory(units), lookup: map[string]string{}, groupOf: map[string][]string{}, roleOf: map[string]string{}, corpus: corpus}
	add := func(k, canon string) bool {
		k = textnorm.Fold(knowledge.NormalizeName(k))
		if k == "" {
			return false
		}
		if c, ok := ui.lookup[k]; ok {
			return c == canon
		}
		ui.lookup[k] = canon
		return true
	}
	derived := map[string][]string{}
	for _, u := range ui.dir.Units() {
		for _, name := range append([]string{u.Name}, u.Aliases...) {
			add(name, u.Name)
			add(textnorm.Squeeze(name), u.Name)
			// 各县、分局: a question reaches find with its punctuation turned
			// into | marks (squeezeKeepBars), so the key must be in that form too
			add(squeezeKeepBars(textnorm.Fold(knowledge.NormalizeName(name))), u.Name)
			for _, p := range shortPrefixes {
				if s, ok := strings.CutPrefix(textnorm.Squeeze(name), p); ok && len([]rune(s)) >= 2 {
					derived[s] = append(derived[s], u.Name)
				}
			}
		}
		for _, m := range u.Members {
			ui.groupOf[m] = append(ui.groupOf[m], u.Name)
		}
	}
	// a short form inside its own full name (行政审批处 in 市局行政审批处) is no
	// ordinary phrase of the text: look for it with the names cut out
	bare := withoutNames(corpus, ui.lookup)
	for k, owners := range derived {
		if _, taken := ui.lookup[textnorm.Fold(k)]; taken || strings.Contains(bare, textnorm.Fold(k)) {
			continue
		}
		if uniq(owners) {
			add(k, owners[0])
		}
	}
	// an English nickname can be in the corpus only inside its Latin words
	latinCorpus := strings.Join(reEnglishWord.FindAllString(corpus, -1), "|")
	inCorpus := func(k string) bool {
		if isASCIIWord(k) {
			return strings.Contains(latinCorpus, k)
		}
		return strings.Contains(corpus, k)
	}
	for _, g := range nicknames {
		canon, ok := ui.lookup[textnorm.Fold(knowledge.NormalizeName(g[0]))]
		if !ok {
			continue // a unit of some other notice
		}
		for _, k := range g[1:] {
			_, taken := ui.lookup[k]
			switch {
			case taken:
			case !inCorpus(k):
				add(k, canon)
			case ui.roleOf[k] == "":
				ui.roleOf[k] = canon
				ui.roleKeys = append(ui.roleKeys, k)
			}
		}
	}
	ui.addDepartments()
	for k := range ui.lookup {
		ui.keys = append(ui.keys, k)
	}
	sort.Slice(ui.keys, func(i, j int) bool {
		if len(ui.keys[i]) != len(ui.keys[j]) {
			return len(ui.keys[i]) > len(ui.keys[j])
		}
		return ui.keys[i] < ui.keys[j]
	})
	ui.byFirst = map[byte][]string{}
	for _, k := range ui.keys {
		ui.byFirst[k[0]] = append(ui.byFirst[k[0]], k)
	}
	return ui
}

// officeSuffixes are the kinds of office a name ends in, longest first, that
// people swap for 部门 (警保部门 for 警保处, 行政审批部门 for 市局行政审批处).
var officeSuffixes = []string{"支队", "处", "科", "室", "组"}

// addDepartments adds each office's name and nicknames with 部门 for its
// suffix: a written register names any office a department, and a bare
// nickname (警保) may end inside a word of the notices (保部), so the longer
// key is the one that finds it.
func (ui *unitIndex) addDepartments() {
	type pair struct{ key, canon string }
	var adds []pair
	stems := func(k, canon string) {
		if u := ui.dir.Unit(canon); u == nil || u.Group || strings.IndexFunc(k, isLatinLetter[rune]) >= 0 {
			return
		}
		stem := k
		for _, s := range officeSuffixes {
			if t, ok := strings.CutSuffix(k, s); ok {
				stem = t
				break
			}
		}
		if utf8.RuneCountInString(stem) >= 2 && !strings.HasSuffix(stem, "部门") {
			adds = append(adds, pair{stem + "部门", canon})
		}
	}
	for k, c := range ui.lookup {
		stems(k, c)
	}
	for k, c := range ui.roleOf {
		stems(k, c)
	}
	// two offices whose stems meet in one key (maps iterate in no order) name neither
	owners := map[string][]string{}
	for _, a := range adds {
		owners[a.key] = append(owners[a.key], a.canon)
	}
	for k, cs := range owners {
		if _, taken := ui.lookup[k]; !taken && uniq(cs) && !strings.Contains(ui.corpus, k) {
			ui.lookup[k] = cs[0]
		}
	}
}

// withoutNames returns corpus with every name in names cut out, longest first.
func withoutNames(corpus string, names map[string]string) string {
	ks := make([]string, 0, len(names))
	for k := range names {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return len(ks[i]) > len(ks[j]) })
	pairs := make([]string, 0, 2*len(ks))
	for _, k := range ks {
		pairs = append(pairs, k, "|")
	}
	return strings.NewReplacer(pairs...).Replace(corpus)
}

func uniq(ss []string) bool {
	for _, s := range ss {
		if s != ss[0] {
			return false
		}
	}
	return len(ss) > 0
}

// resolve returns the canonical name of a unit written exactly (command arguments).
func (ui *unitIndex) resolve(name string) (string, bool) {
	if c, ok := ui.dir.Resolve(name); ok {
		return c, true
	}
	c, ok := ui.lookup[textnorm.Fold(textnorm.Squeeze(knowledge.NormalizeName(name)))]
	return c, ok
}

// find returns the units named in folded text, in order of first mention,
// longest names first, the text with every mention cut out, and the mentions
// as written (in key form).
func (ui *unitIndex) find(text string) ([]string, string, []string) {
	var out, mentions []string
	var rest strings.Builder
	seen := map[string]bool{}
	for i := 0; i < len(text); {
		matched := false
		for _, k := range ui.byFirst[text[i]] {
			// a short name that ends inside a word of the notices (全局办案:
			// 局办 and 办案) names no unit
			if strings.HasPrefix(text[i:], k) && !(utf8.RuneCountInString(k) <= 2 && suffixInWord(text, i+len(k), ui.corpus)) && !isPlace(text[:i], k) &&
				!insideLatinWord(text, i, i+len(k)) {
				if c := ui.lookup[k]; !seen[c] {
					seen[c] = true
					out = append(out, c)
				}
				mentions = append(mentions, k)
				rest.WriteByte('|')
				i += len(k)
				matched = true
				break
			}
		}
		if !matched {
			if k, c := ui.roleKeyAt(text[i:]); k != "" {
				if !seen[c] {
					seen[c] = true
					out = append(out, c)
				}
				mentions = append(mentions, k)
				rest.WriteByte('|')
				i += len(k)
				continue
			}
			_, size := firstRune(text[i:])
			rest.WriteString(text[i : i+size])
			i += size
		}
	}
	return out, rest.String(), mentions
}

// insideLatinWord reports whether text[i:j], a short Latin name (fz, kjc),
// touches another Latin letter: then it is part of a word (feedbackjob holds
// kj), not a unit's initials.
func insideLatinWord(text string, i, j int) bool {
	if j-i > 4 || !isLatinLetter(text[i]) {
		return false
	}
	return i > 0 && isLatinLetter(text[i-1]) || j < len(text) && isLatinLetter(text[j])
}

func isLatinLetter[T byte | rune](b T) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// placeNames are units' short names that are also rooms any unit has: after
// a verb of going or being (回到办公室, 在办公室翻表) they are a place, not the unit.
var placeNames = map[string]bool{"办公室": true}

// rePlaceVerb ends the text before a place: being in it or going to it.
var rePlaceVerb = regexp.MustCompile(`(在|回到|回|到|进|去|来|出了)$`)

// reOtherBody ends the text before an office of some other body (市政府办公室,
// 县委办公室): the office is theirs, not the bureau's.
var reOtherBody = regexp.MustCompile(`(政府|党委|县委|市委|省委|人大|政协|法院|检察院)$`)

// isPlace reports whether the short name k, after before, is a place or
// another body's office.
func isPlace(before, k string) bool {
	return placeNames[k] && (rePlaceVerb.MatchString(before) || reOtherBody.MatchString(before))
}

// placeAt reports whether text[:end] ends with a place (回到办公室).
func placeAt(text string, end int) bool {
	for p := range placeNames {
		if strings.HasSuffix(text[:end], p) && isPlace(text[:end-len(p)], p) {
			return true
		}
	}
	return false
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 1
}

// names returns the unit and the groups it belongs to: a member unit
// (田家庵分局) has the duties of its group (各分县局).
func (ui *unitIndex) names(unit string) []string {
	return append([]string{unit}, ui.groupOf[unit]...)
}

// all returns every canonical unit name, sorted.
func (ui *unitIndex) all() []string {
	var out []string
	for _, u := range ui.dir.Units() {
		out = append(out, u.Name)
	}
	return out
}

// reRoleAfter is what must follow a roleKeys nickname for it to name a unit:
// a role, a unit's part, a conjunction joining it to another unit, or its
// side or people (警保那边开会…, 警保的同志). 这边 is the asker's own side
// (法制这边从哪一步把关): no unit.
var reRoleAfter = regexp.MustCompile(`^\|?(那边|那头|的同志|的人)|^\|?(牵头|挑头|领头|带头|主办|只|光|仅|又|当|作为|担任|做|作|为|是|在|配合|负责的|参与|有份|的任务|的活|跟|和|与|都|不|没|这块|那块|是不是|有哪些|有几|[一两几]家|既|同时|单独|独自|独家|自己|也|还|涉及|沾边|出现)`)

// roleKeyAt returns the roleKeys nickname that text starts with and its unit,
// when a role or a part follows it; "" otherwise.
func (ui *unitIndex) roleKeyAt(text string) (string, string) {
	for _, k := range ui.roleKeys {
		if strings.HasPrefix(text, k) && reRoleAfter.MatchString(text[len(k):]) {
			return k, ui.roleOf[k]
		}
	}
	return "", ""
}

// canonical returns the unit a mention found by find names.
func (ui *unitIndex) canonical(mention string) string {
	if c, ok := ui.lookup[mention]; ok {
		return c
	}
	return ui.roleOf[mention]
}

// reOrgName is what reads as an organisation's name asked about for its
// duties: two to four characters before a unit's suffix (交警支队, 宣传处,
// 市司法局), then what a question about a unit's tasks goes on with
// (在这份表里, 要配合, 负责, 牵头).
var reOrgName = regexp.MustCompile(`(\p{Han}{2,4}?(?:支队|大队|分局|局|处|院|厅|委))(?:在|要(?:[^求]|$)|负责|牵头|配合|参与|分到|分了|有没有|有哪些|干(?:[^警部]|$)|的任务|的活)`)

// reDescribed marks a name that describes a unit rather than names one
// (管装备的那个处, 这个局, 我们分局).
var reDescribed = regexp.MustCompile(`[那这哪个的些么我咱你本]`)

// unknownOrg returns the first organisation the question names for its
// duties that is no unit of the notices and no words of theirs (宣传处,
// 交警支队); "" when there is none. rest is the question with the units it
// names cut out (find); holds tells the notices' words.
func unknownOrg(rest string, holds func(string) bool) string {
	for _, m := range reOrgName.FindAllStringSubmatch(rest, -1) {
		// 办证大厅要重新装修: a hall is a place, not an organisation
		if name := m[1]; !reDescribed.MatchString(name) && !holds(name) && !strings.HasSuffix(name, "大厅") && !strings.HasSuffix(name, "餐厅") {
			return name
		}
	}
	return ""
}

// nameless reports whether no unit's name or nickname holds name or the word
// first (an English name squeezed of its spaces, and its first word).
func (ui *unitIndex) nameless(name, first string) bool {
	for _, k := range ui.keys {
		if strings.Contains(k, name) || strings.Contains(name, k) && len(k) > 3 || strings.Contains(k, first) {
			return false
		}
	}
	return true
}

// reOrgAny is what reads as the name of an office or a unit (科技信息处,
// 教育培训科): two to five characters before a unit's suffix.
var reOrgAny = regexp.MustCompile(`\p{Han}{2,5}?(支队|大队|中队|处|科|室)`)

// suffixKind groups the suffixes people mix up: an office is a 处, 科 or 室;
// a police unit a 支队, 大队 or 中队.
func suffixKind(s string) int {
	switch {
	case strings.HasSuffix(s, "队"):
		return 1
	case strings.HasSuffix(s, "处"), strings.HasSuffix(s, "科"), strings.HasSuffix(s, "室"):
		return 2
	}
	return 0
}

// near returns the unit an outsider most likely means by a name the notices
// do not use (科技信息处 for 科技处, 教育培训科 for 教育训练处): the one unit of
// the same kind of suffix whose name shares most two-character words with it,
// at least one. It returns the name as written in text and the unit, or "".
func (ui *unitIndex) near(text string) (string, string) {
	for _, loc := range reOrgAny.FindAllStringIndex(text, -1) {
		m := text[loc[0]:loc[1]]
		if reDescribed.MatchString(m) || strings.Contains(ui.corpus, lastTwo(m)) || suffixInWord(text, loc[1], ui.corpus) || placeAt(text, loc[1]) {
			continue
		}
		core := []rune(strings.TrimSuffix(strings.TrimSuffix(m, "队"), string([]rune(m)[len([]rune(m))-1:])))
		best, bestN, tie := "", 0, false
		for _, u := range ui.dir.Units() {
			if u.Group || suffixKind(u.Name) != suffixKind(m) {
				continue
			}
			n := 0
			for i := 0; i+2 <= len(core); i++ {
				if strings.Contains(u.Name, string(core[i:i+2])) {
					n++
				}
			}
			switch {
			case n > bestN:
				best, bestN, tie = u.Name, n, false
			case n == bestN && n > 0 && u.Name != best:
				tie = true
			}
		}
		if bestN > 0 && !tie {
			return m, best
		}
	}
	return "", ""
}

// lastTwo returns the last two characters of s.
func lastTwo(s string) string {
	rs := []rune(s)
	return string(rs[max(0, len(rs)-2):])
}

// suffixInWord reports whether the unit suffix ending text[:end] begins a
// word the notices use with the character after it (许可和处罚: 处 is the
// 处 of 处罚, no office).
func suffixInWord(text string, end int, corpus string) bool {
	last, _ := utf8.DecodeLastRuneInString(text[:end])
	next, size := utf8.DecodeRuneInString(text[end:])
	return size > 0 && next != utf8.RuneError && strings.Contains(corpus, string([]rune{last, next}))
}

// reInCharge describes a unit by what it is in charge of (那个管装备的处,
// 管培训那个处, 负责审案子合不合法的那个支队, 搞科技信息的那个处): a verb of charge, what it is
// in charge of, then the kind of unit. Only 管 describes without 那个: 负责审核的
// 部门是哪个 asks who, it points at no unit.
var reInCharge = regexp.MustCompile(`(那个|那家)?(管|负责|分管|主管|专管|专门管|抓|搞|做|干|盯|专门盯|盯着|查|专门查)(\p{Han}{1,8}?)(的)?(那个|那家|那一个)?(处室|处|部门|支队|单位|科)`)

// reRemitJoin joins the things a description names (管钱和装备的那个处).
var reRemitJoin = regexp.MustCompile(`和|与|跟|及|、|还有|以及`)

// described returns folded text with each unit described by what it is in
// charge of written as the unit's name, when exactly one unit has a name or
// nickname holding what it describes, or failing that, exactly one unit's
// remit (the lexicon's [remits]) holds a word of the description.
func (ui *unitIndex) described(text string) string {
	text = ui.remitPeople(text)
	if !reInCharge.MatchString(text) {
		return ui.pointedUnits(text)
	}
	return ui.pointedUnits(reInCharge.ReplaceAllStringFunc(text, func(m string) string {
		sm := reInCharge.FindStringSubmatch(m)
		what, pointed := sm[3], sm[1] != "" || sm[5] != ""
		if sm[2] != "管" && !pointed {
			return m
		}
		// 管电脑技术的处: a kind of unit (处, 支队, not 部门) points as 那个 does
		kind := ""
		if sm[6] != "部门" && sm[6] != "单位" {
			kind = strings.TrimSuffix(sm[6], "室")
			pointed = true
		}
		found := ""
		for _, keys := range [][]string{ui.keys, ui.roleKeys} {
			for _, k := range keys {
				if !strings.Contains(k, what) {
					continue
				}
				c := ui.canonical(k)
				if found != "" && found != c {
					return m // two units answer the description: none is meant
				}
				found = c
			}
		}
		if found == "" && pointed {
			found = ui.remitOf(what, kind)
		}
		if found == "" {
			return m
		}
		return found
	}))
}

// rePointedUnit is a unit named by a stem and a pointer before its kind
// (警务保障那个处, 科技信息化那个处, 装备保障的处).
var rePointedUnit = regexp.MustCompile(`(\p{Han}{2,10}?)(的那个|的那一个|那个|这个|那一个|的)(处室|处|支队|科)`)

// pointedUnits writes a unit pointed at by its stem and kind as its name:
// the shortest end of the stem that, with the kind or alone, is a name or
// nickname; failing that, the one unit of that kind whose remit holds a word
// of the stem's last four characters (装备保障的处: 警务保障处).
func (ui *unitIndex) pointedUnits(text string) string {
	if !strings.ContainsAny(text, "处支科") || !rePointedUnit.MatchString(text) {
		return text
	}
	var b strings.Builder
	last := 0
	for _, ix := range rePointedUnit.FindAllStringSubmatchIndex(text, -1) {
		stem, kind := []rune(text[ix[2]:ix[3]]), strings.TrimSuffix(text[ix[6]:ix[7]], "室")
		// 许可的处分, 依法的处理: the kind's character begins a word
		next, _ := utf8.DecodeRuneInString(text[ix[1]:])
		if strings.ContainsRune("分理罚置所于在学目研", next) {
			continue
		}
		name := ""
		for i := len(stem) - 2; i >= 0 && name == ""; i-- {
			end := string(stem[i:])
			for _, k := range []string{end + kind, end} {
				if c, ok := ui.lookup[k]; ok && strings.HasSuffix(c, kind) {
					name, stem = c, stem[:i]
					break
				}
			}
		}
		if name == "" {
			if c := ui.remitOf(string(stem[max(0, len(stem)-4):]), kind); c != "" {
				name, stem = c, stem[:max(0, len(stem)-4)]
			}
		}
		if name == "" {
			continue
		}
		b.WriteString(text[last:ix[0]] + string(stem) + name)
		last = ix[1]
	}
	return b.String() + text[last:]
}

// remitJoiners may stand before a unit's remit word said of its people
// (跟督查那边, 问装备那帮人).
const remitJoiners = "跟和与同让找问给是请"

// reThereSide points at the people of a place or office (督查那边, 装备那帮人).
var reThereSide = regexp.MustCompile(`那边|那帮人|那帮|那伙人|那伙`)

// remitPeople writes the unit's name for a word of one unit's remit said of
// its people (督查那边作为责任单位: 督察支队's people): only a whole remit
// word just before 那边, so 督查 alone (a check, anyone's) names no unit.
func (ui *unitIndex) remitPeople(text string) string {
	locs := reThereSide.FindAllStringIndex(text, -1)
	for i := len(locs) - 1; i >= 0; i-- { // from the end, so earlier offsets hold
		before, best := text[:locs[i][0]], ""
		for w, c := range ui.remits {
			if c != "" && len(w) > len(best) && strings.HasSuffix(before, w) {
				best = w
			}
		}
		// 法制审核那边 is the reviewers of a review, no unit: the remit word
		// stands alone, after no other word's character
		if prev, _ := utf8.DecodeLastRuneInString(before[:len(before)-len(best)]); best != "" && (!unicode.Is(unicode.Han, prev) || strings.ContainsRune(remitJoiners, prev)) {
			text = before[:len(before)-len(best)] + ui.remits[best] + text[locs[i][0]:]
		}
	}
	return text
}

// addRemits records what each unit is in charge of (a [remits] group: the
// unit's name first, then words for its remit), for the units of these
// notices; a word two units share names neither.
func (ui *unitIndex) addRemits(groups [][]string) {
	owner := map[string]string{}
	for _, g := range groups {
		canon, ok := ui.lookup[textnorm.Fold(knowledge.NormalizeName(g[0]))]
		if !ok {
			continue // a unit of some other notice
		}
		for _, w := range g[1:] {
			if o, seen := owner[w]; seen && o != canon {
				owner[w] = ""
				continue
			}
			owner[w] = canon
		}
	}
	ui.remits = owner
}

// remitOf returns the one unit whose remit holds a word of what (钱和装备:
// 装备 is 警务保障处's), or "" when none or several do. A kind of unit said
// (支队) leaves out the units of other kinds (作风纪律那个支队: 督察支队, not
// 驻局纪检组, whose remit holds 纪律).
func (ui *unitIndex) remitOf(what, kind string) string {
	found := ""
	for _, part := range reRemitJoin.Split(what, -1) {
		for w, c := range ui.remits {
			if c == "" || !strings.Contains(part, w) || kind != "" && !strings.HasSuffix(c, kind) {
				continue
			}
			if found != "" && found != c {
				return ""
			}
			found = c
		}
	}
	return found
}
