package bot

import (
	"regexp"
	"slices"
	"strings"

	"dutybot/knowledge"
)

// unitCond is what a question asks of one unit's place in a task: the roles
// it must play, the roles it must not, and whether it must stand alone in
// its column. Conditions of several units compose: every one must hold
// (科技处牵头、法制支队为责任单位; 科技处牵头、没有警务保障处).
type unitCond struct {
	unit               string
	needLead, needResp bool // must be in the lead (responsible) column
	banLead, banResp   bool // must not be
	alone              bool // the only unit in the column it must be in
}

// plain reports whether the condition only asks for a unit in some role, as
// a question without negation, exclusivity or both columns does.
func (c unitCond) plain() bool {
	return !c.banLead && !c.banResp && !c.alone && !(c.needLead && c.needResp)
}

// reBothColumns names both columns at once (牵头和责任都没有): a denial of
// both roles, though 责任 alone is no role word.
var reBothColumns = regexp.MustCompile(`(牵头|领头)(和|与|或|、|跟)?(责任|配合)`)

// reInvolved says a unit is in the table at all (出现了, 有份, 参与了): with one
// role denied, it must hold the other.
var reInvolved = regexp.MustCompile(`^\|?[^|]{0,2}(出现|有份|参与|露面|沾|涉及|挂名|上榜|在表里|在名单)`)

// holds reports whether t meets the condition; names are the unit and the
// groups it belongs to.
func (c unitCond) holds(t *knowledge.Task, names []string) bool {
	l, r := plays(t, names)
	switch {
	case c.needLead && !l, c.needResp && !r, c.banLead && l, c.banResp && r:
		return false
	case !c.needLead && !c.needResp && !c.banLead && !c.banResp && !l && !r:
		return false // asked about a unit in any role: it must play one
	}
	if c.alone {
		col := t.Lead
		if c.needResp && !c.needLead {
			col = t.Responsible
		}
		return len(col) == 1
	}
	return true
}

var (
	// reNegBefore is a negation just before a unit's name (negBefore, any scope).
	reNegBefore = negBefore.compile(negAny, negNamedRole, negLead)
	// reYesNoBefore is a yes/no question, not a negation: 有没有纪检方面的单位;
	// reYesNoAfter the same after a unit (督察支队有没有自己牵头的任务).
	reYesNoBefore = regexp.MustCompile(`(有没有|是不是|在不在|含不含|包不包括)\|?$`)
	reYesNoAfter  = regexp.MustCompile(`有没有|是不是|在不在|含不含|包不包括|算不算`)
	// reExamplesAside names examples of a unit just after it, as a list of
	// short names (（治安、交警这些）) or after 比如: what follows is said of the unit.
	reExamplesAside = regexp.MustCompile(`^\|?(比如|例如|像)(\p{Han}{1,4}\|?){1,4}(这些|那些|等等|等|之类的|之类)|^\|?\p{Han}{1,3}\|\p{Han}{1,3}(\|\p{Han}{1,3}){0,2}(这些|那些|等等|等|之类的|之类)`)
	// reTablePlace says where a unit is looked for (在这张表里头): what follows is said of it.
	reTablePlace = regexp.MustCompile(`^\|?在?(这张|这个|整张|那张)?(任务分解表|分解表|表格|表)(里头|里面|里|上|中|当中)`)
	// reUnitPeople is the people of a unit just after its name (各分县局的同志,
	// 法制那边): what is said of them is said of the unit.
	reUnitPeople = regexp.MustCompile(`^(\|?)(的)?(同志们|同志|同事们|同事|民警|人员|那边|这边)`)
	// reNegAfter denies a unit any part: 各行政执法警种不用参与, X不在其中.
	reNegAfter = regexp.MustCompile(`^\|?(的)?(都|也|均)?(完全|根本|压根)?(没|没有|未)(挂上名|挂名|上名单|列名)|^\|?(哪几条|哪几项|哪些|哪条|哪项)?(条|项|个)?(是)?(的)?(1条|1项|1个|一条|一项|一个)?(都|也|均)?(完全|根本|压根)?(不用|不需要|不必|没有|没|不|未)(参与|参加|涉及|负责|份|在|管|干|掺和|参和|沾|involve)|^\|?(都|均|皆)?(完全|毫)?(无涉|无关|不相关|不相干|无干)|^\|?(都|也|均)?(完全|根本|压根)?(没|没有|未|不)被?(列|写|放|排|算|点)(进|入|上|在|到|为|成)|^\|?(都|也|均)?(完全|根本|压根)?(没|没有|未|不)被?(点名|点到名|提到|提及|列名|挂名|署名)|^\|?(都|也|均)?(完全|根本|压根)?(没|没有|未|不)(出现|露面|露过面)|^\|?(完全|根本|压根|都|一点(都|也)?)?(不沾边|不搭边|不挨边|无关|没关系|没有关系|没有关联|不相干|不搭界)|^\|?一点(关系|边)?(都|也)?(没有|不沾|没)|^\|?(isnot|arenot|doesnot|isn't|aren't|doesn't|not)(involved|takepart|participat)`)
	// reConcessive waves a condition aside (不管它是不是同时牵头, 无论是否牵头):
	// it asks for nothing, and its 不管 or 不是 deny nothing.
	reConcessive = regexp.MustCompile(`(不管|不论|无论)[^|,，。]{0,6}还是[^|,，。]{0,6}(都算|都行|都要)?|(它|自己|它自己)?(兼着|同时|也)(是|在|当)?牵头的?(那种|那些|那几条|那几项)?(也)?(算进去|算上|算|包括|要算|计入)|(不管|不论|无论|不问)[^|,，。]{0,6}(是不是|是否|有没有)(同时|也|还|另外|唯一|单独|独家|一家)?(在|是|当|作为|兼)?(牵头|主办|责任|配合)?(单位)?`)
	// reNegUs denies a part to the unit the asker speaks for (如果我们是执法警种，
	// 哪几项根本没把我们列进去); reNeitherColumn to a unit named before (两栏里都没写).
	reNegUs         = regexp.MustCompile(`没(有)?把(我们|咱们|咱|它|他们)(列|写|放|算|排)(进|入|上|在)`)
	reNeitherColumn = regexp.MustCompile(`(两栏|两个栏|两列|两边|牵头和(责任|负责)(两边|两栏)?)(里|中)?都(没|没有|未|不)(写|列|有|出现)`)
	// reColumnNegBefore and reColumnNegAfter deny a unit one column, named:
	// 责任单位里没有X; X不在责任单位里, 它自己没列进牵头栏.
	reColumnNegBefore = regexp.MustCompile(`(责任单位|责任栏|责任那栏|配合单位|牵头单位|牵头栏|牵头那栏)(一栏|那一?栏)?(里|中|里面|里头|当中)?(都|也)?(没有|没|不含|不包括|不包含)\|?$`)
	reColumnNegAfter  = regexp.MustCompile(`(它|自己|它自己)?(都|也|并|却)?(不|没|没有|未)(在|进|被?列在|被?列入|被?列进|被?写在|被?写进|出现在)(了)?(责任单位|责任栏|责任那一?栏|配合单位|牵头单位|牵头栏|牵头那一?栏)`)
	// reNotByBefore denies the role named after the unit, not the unit: 不是X牵头的;
	// reNotLedBy denies the lead in English before the unit (not led by the …).
	reNotByBefore = negBefore.compile(negNamedRole)
	reNotLedBy    = negBefore.compile(negLead)
	// reBanLead and reBanResp deny one role: 自己不牵头, 不作为责任单位.
	reBanLead = regexp.MustCompile(`(不|没有|没|未|非)(是|算)?(它|自己|他们|她们|它们|他|她)?(是|当|作为|担任|负责)?(` + leadVerbs + `)|(它|自己)(牵头|主办)的?(都|就|可以)?(不算|除外|不要|不用算|不计|不列)|(notlead|doesnotlead|doesn'tlead|notthelead|notas(a)?lead|notledby|n'tledby|without(also)?being(the|a)?lead|withoutleading|butnot(the|a)?lead)`)
	reBanResp = regexp.MustCompile(`(不|没有|没|未|非)((用|需|需要|必)(做|当|作为|担任)|是|当|作为|担任)?(责任单位|配合|协办)|(notresponsible|notas(a)?responsible)`)
	// reOnlyResp is "only responsible": 只是当责任单位配合, 只配合不牵头, 只挂责任单位
	// ("the only responsible unit" is alone in the column: reAlone).
	reOnlyResp = regexp.MustCompile(`(只|仅|光)(是|有)?(跟着|帮着)?(当|挂|作为|在|负责|做|担任)?(责任单位|配合|协办|责任|具体干活|具体干|具体落实|干活|办事|办)|(^|[^e])only(as)?(a)?(supporting|responsible)|just(a|as)?(a)?(supporting|responsible)|supportingunit|just(pitching|pitch|helping|help)`)
	reOnlyLead = regexp.MustCompile(`(只|仅|光)(是|有)?(当|挂|作为|负责|担任)?(牵头|主办)|onlyaslead|onlylead`)
	// reAlone is a unit alone in its column: 一家牵头, 单独牵头, 没跟别人联合.
	reAlone    = regexp.MustCompile(`一家|(1|一)个单位(牵头|负责|承担)|theonly|onlyresponsible|单独|独自|独家|唯一|独立|自己一个|没跟别人|不跟别人|没有别的|没有其他|没和别|solely|alone|soleleader|thesolelead|onlylead|onitsown|soleresponsible|nootherunit|nocolead|withoutacolead|nobodyelse|noother(unit|units|department)|bythemselves|byitself|allbythemselves|nooneelse|noone(else)?sharing`)
	reNotAlone = regexp.MustCompile(`(不管|无论|不论|不一定|不限于?|包括).{0,6}(唯一|一家|单独|独自|别人|其他)`)
	// reExceptBefore and reNoOther make a unit set aside the only one in its
	// column: 除了各分县局之外就再没别的责任单位.
	reExceptBefore = regexp.MustCompile(`(除了|除去|除)\|?$`)
	reNoOther      = regexp.MustCompile(`^\|?(之外|以外)?(就|再|都|也)*(没有|没)(别的|其他|其它|另外的)`)
	// reNegPronoun denies the unit named before by a pronoun (县局那边说有几条任务没他们的事,
	// 有没有哪件事完全不用它们管).
	reNegPronoun = regexp.MustCompile(`(没|没有)(他们|它们|它|他|我们|咱们)(的)?(事|份|活)|(他们|它们|它|他)(都)?(完全|根本|压根|一点)?(都|也)?(没有|没)(份|事|关系)|(跟|和|与|同)(他们|它们|它|他)(都)?(完全|根本|压根|一点)?(都|也)?(不沾边|无关|没关系|没有关系|不相干|不搭界|没关联)|(不用|不需要|用不着|轮不到)(他们|它们|它|他)(来)?(管|参与|负责|干|操心)`)
	// reDoesAfter is a unit said to do the work after another leads it (督察支队负责的).
	reDoesAfter = regexp.MustCompile(`^\|?(又|也|还)?(来|去|跟着|配合着?)?(具体)?(负责|干|做|办|落实)(的|具体)`)
	// reJustBefore is 就 before a unit that 一家 after it makes alone (责任单位就分县局一家).
	reJustBefore  = regexp.MustCompile(`(就|只|仅)(是)?(我们|咱们|咱|俺们)?\|?$`)
	reAloneBefore = regexp.MustCompile(`(只有|仅有|只由|仅由|就由|只交给|只交由|只派给|只写着|光写着|就光写着|仅写着|只列着|光列着|只挂了|只挂着|只挂|只写了|只写|就光写了|光写了|光写|只列了|只列|仅列了|仅列出|仅列|只列出|仅写了|仅写|就光剩|光剩|只剩|就剩|就光|光|仅)(我们|咱们|咱|我|1个|一个)?\|?$|onlyby$`)
	// reBoth is a unit in both columns of one task: 既在牵头栏又在责任栏.
	// reNeither denies both roles: 既不牵头也不是责任单位.
	reNeither = regexp.MustCompile(`既不.{0,6}(牵头|主办|责任|配合).{0,6}也(不|没|未)|(不牵头|没牵头).{0,3}也(不|没)(是|当|作为)?(责任|配合)|(^|[^a-z])neitherlead`)
	reBoth    = regexp.MustCompile(`(` + leadVerbs + `)(又|同时|也|还)(自己|亲自)?(负责)?(落实|执行|实施|具体干|具体办|具体做|具体负责|干活)|又(是|在|当|作为)?(` + leadVerbs + `).{0,10}又|(` + leadVerbs + `).{0,8}还(在|列在|写在|被列在)(了)?(责任单位|责任栏)|(` + leadVerbs + `).{0,8}(同时|又|也).{0,8}(列成|列为|列进|列入|列在|写进|写入|放进|挂成|挂为|挂在|挂|算作|当|是|为|作为|在)(了)?(责任单位|责任栏|配合|具体干活名单|干活名单|执行方|执行单位|落实方|干活|具体干)|既.{0,8}(` + leadVerbs + `|责任|配合).{0,8}(又|也|同时)|两栏|两个栏|两列|两边都|两头都|都在(两|牵头|责任)|同时(是|为|在|作为|担任|出现在|列在|写在)?(牵头|责任)|(牵头|主办)(栏|一栏|那栏)(和|跟|与|、|及)(责任|配合)|bothlead|boththelead|both(the)?(boss|leader)and|simultaneouslyinthelead|inthelead(column)?andinthe(responsible)?|bothas|bothcolumns|asbothlead`)
)

// parseUnitConds reads each named unit's own condition from the words around
// its name, up to the next unit: 科技处牵头、法制支队在责任单位里. text is the
// question as units were found in (squeezeKeepBars); mentions are the words
// that named units, in order, and canon maps each to its unit.
func parseUnitConds(text string, mentions []string, canon func(string) string) []unitCond {
	type span struct{ from, to int }
	var at []span
	pos := 0
	for _, m := range mentions {
		i := strings.Index(text[pos:], m)
		if i < 0 {
			return nil
		}
		at = append(at, span{pos + i, pos + i + len(m)})
		pos += i + len(m)
	}
	var out []unitCond
	seen := map[string]int{}
	for k, s := range at {
		prevEnd := 0
		if k > 0 {
			prevEnd = at[k-1].to
		}
		nextFrom := len(text)
		if k+1 < len(at) {
			nextFrom = at[k+1].from
		}
		before, after := lastClause(text[prevEnd:s.from]), text[s.to:nextFrom]
		if k+1 < len(at) {
			after = firstClause(after) // …牵头，然后责任单位就只有各分县局: the tail is the next unit's
		}
		after = reUnitPeople.ReplaceAllString(after, "$1")   // 各分县局的同志完全不用管: the unit's people are the unit
		after = reExamplesAside.ReplaceAllString(after, "|") // 各执法队伍（治安、交警这些）没被列进去: examples of the unit
		after = reTablePlace.ReplaceAllString(after, "|")    // 分县局在这张表里头完全没有份: where, not what
		after = reConcessive.ReplaceAllString(after, "|")    // (不管它是不是同时牵头): no condition, and 不管 is no negation
		after = reYesNoAfter.ReplaceAllString(after, "|")    // 督察支队有没有自己牵头的: a yes/no question, its 没有 denies nothing
		c := unitCond{unit: canon(mentions[k])}
		lead, resp := containsAny(after, leadWords), containsAny(after, respWords)
		if reAnyRoleAside.MatchString(after) {
			after = reAnyRoleAside.ReplaceAllString(after, "|")
			lead, resp = containsAny(after, leadWords), containsAny(after, respWords)
			if lead == resp {
				lead, resp = false, false
			}
		}
		switch {
		// 除了各分县局之外就再没别的责任单位: X alone in that column, not X denied
		case reExceptBefore.MatchString(before) && reNoOther.MatchString(after):
			c.needLead = containsAny(after, leadWords)
			c.needResp = !c.needLead
			c.alone = true
		// 责任单位里没有X, X不在责任单位里: one column denied by name, the
		// other left open (办公室牵头，但是它自己不在责任单位里)
		case reColumnNegBefore.MatchString(before):
			leadCol := containsAny(reColumnNegBefore.FindStringSubmatch(before)[1], leadWords)
			c.banLead, c.banResp = leadCol, !leadCol
			c.needLead = containsAny(after, leadWords) && !c.banLead && !reBanLead.MatchString(after)
		case reColumnNegAfter.MatchString(after):
			leadCol := containsAny(reColumnNegAfter.FindString(after), leadWords) // the column denied
			c.banLead = reBanLead.MatchString(after) || leadCol
			c.banResp = reBanResp.MatchString(after) || !leadCol
			rest := reColumnNegAfter.ReplaceAllString(reBanResp.ReplaceAllString(reBanLead.ReplaceAllString(after, "|"), "|"), "|")
			c.needLead = containsAny(rest, leadWords) && !c.banLead
			c.needResp = containsAny(rest, respWords) && !c.banResp
		case reNegBefore.MatchString(before) && !reYesNoBefore.MatchString(before) || reNegAfter.MatchString(after) || reNeither.MatchString(after) ||
			reNegUs.MatchString(after) || reNeitherColumn.MatchString(after) || reNegPronoun.MatchString(firstClause(after)):
			c.banLead, c.banResp = true, true
			// (既不牵头也不负责: both denied, though 负责 is no role word)
			if lead && !resp && reBanLead.MatchString(before+after) && !reNegAfter.MatchString(after) && !reBothColumns.MatchString(after) && !reNeither.MatchString(after) {
				c.banResp = false // 没有X牵头: X may still be responsible
			}
			if reNotLedBy.MatchString(before) {
				c.banResp = false // not led by X: X may still be responsible
			}
			// 不是法制支队牵头的: X does not lead, and may still do the work
			// (不是X当责任单位的: the other way round)
			if reNotByBefore.MatchString(before) && lead != resp {
				c.banLead, c.banResp = lead, resp
			}
		case reOnlyResp.MatchString(after):
			c.needResp, c.banLead = true, true
		case reOnlyLead.MatchString(after) && !resp:
			c.needLead, c.banResp = true, true
		case reBoth.MatchString(after):
			c.needLead, c.needResp = true, true
		default:
			c.banLead = reBanLead.MatchString(after)
			c.banResp = reBanResp.MatchString(after)
			// the role words that remain once denied ones are cut
			rest := reBanResp.ReplaceAllString(reBanLead.ReplaceAllString(after, "|"), "|")
			c.needLead = containsAny(rest, leadWords) && !c.banLead
			c.needResp = containsAny(rest, respWords) && !c.banResp
			// 出现了、但不是牵头单位: in the table, in the other column
			if c.banLead != c.banResp && reInvolved.MatchString(after) {
				c.needLead, c.needResp = c.banResp, c.banLead
			}
			if c.needLead && c.needResp {
				c.needLead, c.needResp = false, false // 牵头或配合: either role
			}
			// 责任单位只有分县局一家: the role named before the unit
			if !c.needLead && !c.needResp && (reAloneBefore.MatchString(before) || reJustBefore.MatchString(before) && reAlone.MatchString(after)) {
				c.needLead = containsAny(before, leadWords)
				c.needResp = containsAny(before, respWords) && !c.needLead
			}
			// 但牵头单位是法制支队: the column named before the unit, with 是;
			// led by the legal affairs detachment: the lead, in English
			if !c.needLead && !c.needResp && !c.banLead && !c.banResp && reRoleIsBefore.MatchString(before) {
				c.needLead = containsAny(before, leadWords) || reLedByBefore.MatchString(before)
				c.needResp = !c.needLead
			}
			// 法制支队牵头、督察支队负责的: after a lead named, 负责 is the
			// responsible unit's part
			if !c.needLead && !c.needResp && !c.banLead && !c.banResp && len(out) > 0 && out[len(out)-1].needLead && reDoesAfter.MatchString(after) {
				c.needResp = true
			}
			// 不管是不是唯一牵头: exclusivity waved aside
			c.alone = (c.needLead || c.needResp) && !reNotAlone.MatchString(after) &&
				(reAlone.MatchString(after) || reAloneBefore.MatchString(before))
		}
		if i, ok := seen[c.unit]; ok { // named twice: the later words add to the earlier
			o := &out[i]
			o.needLead, o.needResp = o.needLead || c.needLead, o.needResp || c.needResp
			o.banLead, o.banResp, o.alone = o.banLead || c.banLead, o.banResp || c.banResp, o.alone || c.alone
			// 分县局有没有不用管的…牵头责任都没写各分县局: a role denied in so many
			// words outweighs one the other mention only touched on
			o.needLead, o.needResp = o.needLead && !o.banLead, o.needResp && !o.banResp
			continue
		}
		seen[c.unit] = len(out)
		out = append(out, c)
	}
	return out
}

// reRoleIsBefore names a column just before the unit in it (牵头单位是法制支队,
// 责任单位为督察支队).
var reRoleIsBefore = regexp.MustCompile(`(牵头单位|牵头部门|牵头的|主办单位|责任单位|配合单位)(都|则|就|却)?(是|为|系|写的是|写着|列的是)\|?$|` + reLedByBefore.String())

// reLedByBefore is the lead named in English before the unit (led by the …).
var reLedByBefore = regexp.MustCompile(`(ledby|headedby|runby|spearheadedby)(the)?\|?$`)

// reClauseJoin joins the clauses of a question that names several units
// (科技处牵头，然后责任单位只有各分县局): each unit's role words stay in its clause.
var reClauseJoin = regexp.MustCompile(`然后|并且|而且|另外|\|`)

// firstClause returns s up to its first join, when role words stand both
// before and after it; s otherwise.
func firstClause(s string) string {
	loc := reClauseJoin.FindStringIndex(s)
	if loc == nil || loc[0] == 0 {
		return s
	}
	head, tail := s[:loc[0]], s[loc[1]:]
	if roleWords(head) && roleWords(tail) {
		return head
	}
	return s
}

// lastClause returns s after its last join, when role words stand both
// before and after it; s otherwise.
func lastClause(s string) string {
	locs := reClauseJoin.FindAllStringIndex(s, -1)
	if len(locs) == 0 {
		return s
	}
	loc := locs[len(locs)-1]
	head, tail := s[:loc[0]], s[loc[1]:]
	if roleWords(head) && roleWords(tail) {
		return tail
	}
	return s
}

func roleWords(s string) bool { return containsAny(s, leadWords) || containsAny(s, respWords) }

// composed reports whether a question's unit conditions need the composed
// reading: a negation, a unit alone or in both columns, or several units
// each with a role of its own (科技处牵头、法制支队配合).
func composed(cs []unitCond) bool {
	roles := 0
	for _, c := range cs {
		if !c.plain() {
			return true
		}
		if c.needLead || c.needResp {
			roles++
		}
	}
	return len(cs) > 1 && roles == len(cs) && !sameRole(cs)
}

func sameRole(cs []unitCond) bool {
	for _, c := range cs[1:] {
		if c.needLead != cs[0].needLead || c.needResp != cs[0].needResp {
			return false
		}
	}
	return true
}

// anyExcluded reports whether a condition sets a unit aside (除了各分县局).
func anyExcluded(cs []unitCond) bool {
	for _, c := range cs {
		if c.banLead && c.banResp {
			return true
		}
	}
	return false
}

// negScope is what a negation before a unit's name denies it.
type negScope int

const (
	negAny       negScope = iota // any part: 没有警务保障处的份, 没把各分县局列进去, without 法制支队
	negNamedRole                 // the role named after the unit: 不是法制支队牵头的 (it may still do the work)
	negLead                      // the lead: not led by the …
)

// negWords is one scope's words, as RE2 alternatives.
type negWords struct {
	scope negScope
	words string
}

// negTable holds every negation that may stand just before a unit's name,
// each with what it denies: one table, so that a word is added in one place.
type negTable []negWords

// negBefore is the table of negations before a unit's name.
var negBefore = negTable{
	{negAny, `没有|没|未|无|不含|不包括|不包含|除了|除去|除|排除|没有把|未把|没把|未将|没将|没有将|不将|没出现|没有出现|没有列|没有提|没列|没涉及|没写|没有写|没提到|没有提到|没提及|没有提及|没点到|没写到|没列到|没提|没挂|没有给|没给|没分给|没派给|没点|没有点|没让|不让|没叫|没有让|不涉及|不需要|不用|没咱|没俺|不关|不干|没有列到|没有写到|没有点到|没有分到|没分到|没有分给|没有派给|没被列|没有被列|未列入|没列入|没有列入|没列进|没有列进`},
	{negAny, `without|excluding|except|not|notinvolving|(don'?\|?t|donot|doesn'?\|?t|doesnot)involve(the)?|leaveout(the)?|leavesout(the)?|exclude(the)?|excluding(the)?`},
	{negNamedRole, `不是|并非|不由|不归`},
	{negLead, `n(o|')tledby(the)?`},
}

// compile returns a pattern matching, at the end of a text, a negation of
// the scopes given, with a pronoun (我们) it may bring.
func (t negTable) compile(scopes ...negScope) *regexp.Regexp {
	var alts []string
	for _, w := range t {
		if slices.Contains(scopes, w.scope) {
			alts = append(alts, w.words)
		}
	}
	return regexp.MustCompile(`(` + strings.Join(alts, "|") + `)(我们|咱们|你们|他们)?\|?$`)
}
