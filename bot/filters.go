package bot

import (
	"math"
	"regexp"
	"strings"
	"unicode/utf8"

	"dutybot/bot/search"
	"dutybot/bot/textnorm"
	"dutybot/knowledge"
)

// superlative asks for the extreme deadlines among the matching tasks.
type superlative int

const (
	superNone     superlative = iota
	superEarliest             // 最早到期
	superLatest               // 期限最靠后
	superNext                 // 接下来最先到期: the earliest not yet past
	superBoth                 // 最早和最晚的期限分别是: both ends
)

var (
	reEarliest = regexp.MustCompile(`最早|最先|最快|头一批|第一批|earliest|soonest|firstdue|firsttobedue|duefirst|duesoonest|firstdeadline|first(one|task|item|thing)?(to(come|fall|be))?due`)
	reLatest   = regexp.MustCompile(`最晚|最迟|最后到期|最后到点|最后截止|最后(一个|1个|那个)(时间节点|节点|截止日期|截止日|到期日|期限)|最后(时间节点|节点)|最靠后|最后一批|排在?最后|最后面|最末|latest|lastdue|lasttobedue|lastdeadline|finaldeadline`)
	reNextDue  = regexp.MustCompile(`最近的?(那个|那1个|1个|一个)(时间节点|节点|截止日|期限|到期日)|下一(个|拨|波)[^|,.?!]{0,5}(交差|到期|截止|到点)|(接下来|下一个|下个|下一批|下一拨|下一波|下一项|下一条|紧接着|眼下|最近)(要|将|该|会)?(最先|最早)?(到|来|到期)?(的)?(截止)?(时间节点|节点|期限|截止日|` + dueAlternation(builtinLexicon) + `)|(接下来|最近的?)(下一个|下1个|一个|1个|一批|1批)(要|将|会)?(时间节点|节点|期限|截止日|` + dueAlternation(builtinLexicon) + `)|接下来.{0,4}最(先|早)|接下来(的)?最近的?(一批|一个|1批|1个|一项|1项|一条|1条|那批)|(下一个|下1个|下一批|接下来)[^|,.?!]{0,4}(截止点|截止节点|截止时间点)|接下来(的)?(头|第)(1|一)(个|批|项|条)(要|将)?(到期|截止|` + dueAlternation(builtinLexicon) + `)|nextdue|duenext|nexttobedue|nextdeadline|next(thing|one|task|item)(coming|that'?s|thatis|to)?(come)?due|nextup`)
	reDueWord  = regexp.MustCompile(`(最晚|最迟|最早|最先)(要|得)?(交|完|办)|期限|时限|完成时间|时间卡|卡的时间|日期最|时间(上)?最(早|晚|迟|靠前|靠后)|最.{0,2}的日期|时间节点|时间要求|时间点|要完成|完成的|时间排|日期排|` + dueAlternation(builtinLexicon))
)

// rePeriodCount asks for a number of days or months (几个工作日, 多少天):
// a time limit, which 最晚 bounds (最晚几个工作日内), no deadline.
var rePeriodCount = regexp.MustCompile(`(几|多少)个?(工作)?(天|日)|(几|多少)个月|多久|多长时间|多少时间`)

// reByWhenLatest asks by when at the latest (最迟哪天之前, 最晚几号): one date.
var reByWhenLatest = regexp.MustCompile(`(最迟|最晚)(在|要在|得在|于|卡到|卡在|拖到|能拖到|到)?(哪天|哪一天|哪1天|几号|几月几号|几月几日|什么时候|啥时候|何时)`)

// parseSuperlative reads 最早到期, 期限最靠后 and 接下来最先到期 in a question
// about deadlines (最早 alone may be words of a task: 最早什么时候公开).
func parseSuperlative(f string) superlative {
	// 最晚几个工作日内要完成: a time limit the text sets, no deadline; 最迟哪天
	// 之前要弄好: the date of what the question describes, by when at the latest
	// by september 30 at the latest: a bound, no latest deadline asked
	f = strings.ReplaceAll(f, "atthelatest", "|")
	if !reDueWord.MatchString(f) || rePeriodCount.MatchString(f) || reByWhenLatest.MatchString(f) {
		return superNone
	}
	switch {
	case reNextDue.MatchString(f):
		return superNext
	case reEarliest.MatchString(f) && reLatest.MatchString(f):
		return superBoth
	case reEarliest.MatchString(f):
		return superEarliest
	case reLatest.MatchString(f):
		return superLatest
	}
	return superNone
}

// extreme keeps the candidates whose dated deadline is the earliest or the
// latest of them; superNext looks only at deadlines from today on.
func extreme(cs []candidate, s superlative, today knowledge.Date) []candidate {
	if s == superBoth {
		return append(extreme(cs, superEarliest, today), extreme(cs, superLatest, today)...)
	}
	var best knowledge.Date
	var out []candidate
	for _, c := range cs {
		d := c.t.Deadline
		if d.Kind != knowledge.DeadlineDate || s == superNext && d.Date.Before(today) {
			continue
		}
		switch {
		case best.IsZero(), s == superLatest && d.Date.After(best), s != superLatest && d.Date.Before(best):
			best, out = d.Date, []candidate{c}
		case d.Date == best:
			out = append(out, c)
		}
	}
	return out
}

// reSectionWord names a part of the table by its topic: 公开公示那一块,
// 法制审核那部分里, the section on training.
var reSectionWord = regexp.MustCompile(`(那|这|该)(一|个|1)?大?(部分|板块|大块|块|方面|段|章|篇)|(那|这)第\d大?(部分|板块|大块|块)|(部分|板块|大块|章)(里|中|内|当中)|thesectionon|thepartabout|thepartcovering`)

// reMakesPoints asks for the points a part makes (提了哪几点, 讲了哪几个要求):
// the body's words, where the table has tasks.
var reMakesPoints = regexp.MustCompile(`(提|讲|说|写)(了|的|出了?)?(哪|几)[^|]{0,2}(点|个方面|个要求|条要求|项要求)`)

// reWherePart is a part of the table named by its place before its topic
// (最后那部分组织保障里); reTopicAfter is that topic, up to 里 or 中.
var (
	reWherePart  = regexp.MustCompile(`(最后|最末|末尾|开头|头一|第一|前面|后面|最前)$`)
	reTopicAfter = regexp.MustCompile(`^(\p{Han}{2,8}?)(里面|里头|里|中|当中|内)`)
)

// reBodyPoints asks for the points of a part of the body: 有哪三条, 有哪几点.
var reBodyPoints = regexp.MustCompile(`(有|是)?哪(几|两|三|四|\d)?(条|点|个方面|项要求|个要求|个阶段|个环节)`)

// reBodyDemands asks what the body demands on a topic (正文对记录制度…提出了什么要求):
// read only where the body is named by 正文, as 文件里有什么要求 may be a task's.
var reBodyDemands = regexp.MustCompile(`(提出|提了|有|作出|作了)(了)?(点|些)?(什么|哪些|啥)(要求|规定)`)

// reBareSectionWord is 部分 or 板块 right after the words that name it
// (信息化建设部分，…; 组织保障板块有…): two Chinese characters before it,
// none of which make it "some" (一部分, 大部分, 小部分) or a place (第二部分).
var reBareSectionWord = regexp.MustCompile(`\p{Han}{2}(部分|板块)`)

// reTimeBeforeSpan and reTimeAfterSpan make 那段/这段 a stretch of time
// (7到9月那段, 这段时间到期的) rather than a part of the table.
var (
	reTimeBeforeSpan = regexp.MustCompile(`[月季天周年号日]$`)
	reTimeAfterSpan  = regexp.MustCompile(`^(时间|日子|时期|期间)`)
)

// sectionWordAt returns where the words naming a part of the table by its
// topic end: the first match of reSectionWord, else a bare 部分 or 板块.
func sectionWordAt(flat string) []int {
	for _, loc := range reSectionWord.FindAllStringIndex(flat, -1) {
		// 7到9月那段, 这段时间: a stretch of time, not a part of the table
		if strings.HasSuffix(flat[:loc[1]], "段") && (reTimeBeforeSpan.MatchString(flat[:loc[0]]) || reTimeAfterSpan.MatchString(flat[loc[1]:])) {
			continue
		}
		return loc
	}
	for _, m := range reBareSectionWord.FindAllStringSubmatchIndex(flat, -1) {
		before := []rune(flat[:m[2]])
		if last := before[len(before)-1]; strings.ContainsRune("一大小少某其各第这那该每", last) || strings.HasSuffix(flat[:m[2]], "任务") {
			continue
		}
		return []int{m[2], m[3]}
	}
	return nil
}

// reSystemPart is one of the three systems by its short name (记录制度 带日期任务):
// the part of the table named for it, where no word says "part"; 收支两条线制度
// is a task's rule.
var reSystemPart = regexp.MustCompile(`(公示|公开|记录|审核)(制度)`)

// reOrdinalPart names a part of the table by its place (第4块, 第二部分), up
// to the section word.
var reOrdinalPart = regexp.MustCompile(`第(\d)(大)?(块|部分|板块|大块|大部分|方面)$`)

// bodyTopicRunes is how many characters may stand between the body's name
// and a bare 部分 for them to name a part of the body (文里保障部分).
const bodyTopicRunes = 6

// sectionTopicRunes is how many characters before the section word can name it.
const sectionTopicRunes = 10

// sectionNamed returns the section of the table a question names loosely by
// its topic (搞公开公示那一块): each bigram of the words before the section
// word counts for the sections in proportion to how often their headings
// (three times over) and their tasks hold it, weighted by how few sections
// hold it at all; the best section must lead clearly.
func (r *request) sectionNamed(q *query) (part, bool) {
	// 我负责保障这块。组织保障那一大块里…: the part the asking names, not the
	// story's; 正在捋信息化建设那一大块，想问问这一部分里: the story's, when
	// the asking only points back at it
	if fa := textnorm.Squeeze(q.asking); fa != q.flat {
		if p, ok := r.sectionIn(fa); ok {
			return p, true
		}
	}
	if p, ok := r.sectionIn(q.flat); ok {
		return p, true
	}
	return r.englishSection(q.text)
}

// sectionIn reads the part of the table named by its topic in flat (sectionNamed).
func (r *request) sectionIn(flat string) (part, bool) {
	loc := sectionWordAt(flat)
	if m := reSystemPart.FindStringSubmatchIndex(flat); loc == nil && m != nil {
		loc = m[4:6]
	}
	secs := r.snap.sections
	if loc == nil || len(secs) < 2 {
		return part{}, false
	}
	// 讲网上办案的那第四块: the part by its place in the table, whatever the
	// words before it
	if m := reOrdinalPart.FindStringSubmatch(flat[:loc[1]]); m != nil {
		if n := atoi(m[1]); n >= 1 && n <= len(secs) {
			return secs[n-1], true
		}
	}
	// 全过程记录 (recording) 那一部分: an English gloss of a Chinese topic adds nothing
	before := flat[:loc[0]]
	if g := reLatinWords.ReplaceAllString(before, ""); g != "" {
		before = g
	}
	rs := []rune(before)
	topic := string(rs[max(0, len(rs)-sectionTopicRunes):])
	// 法制把关审案子那一块: the topic in the notices' words (把关 is 审核), as
	// bodyNamed reads a part of the body
	topic = r.snap.syn.Replace(topic)
	// 最后那部分组织保障里: the place first, the topic after the part's word
	if reWherePart.MatchString(topic) {
		if m := reTopicAfter.FindStringSubmatch(flat[loc[1]:]); m != nil {
			topic = m[1]
		}
	}
	return r.sectionByTopic(topic)
}

// reEnglishPart is a part of the table named in English by its topic: "in
// the section on recording the whole process", "in the legal review part".
var reEnglishPart = regexp.MustCompile(`\b(?:in|of|under|from|within|for)\s+the\s+(?:(?:section|part|bit)\s+(?:on|about|covering|concerning|dealing\s+with)\s+([a-z][a-z\s-]{2,60}?)(?:\s*[,?.;:]|$)|([a-z][a-z\s/-]{2,40}?)\s+(?:section|part|bit)\b)`)

// englishSection reads a part of the table an English question names by its
// topic, the topic's English phrases read as the notices' words.
func (r *request) englishSection(text string) (part, bool) {
	if !strings.Contains(text, "the ") {
		return part{}, false
	}
	m := reEnglishPart.FindStringSubmatch(text)
	if m == nil || len(r.snap.sections) < 2 {
		return part{}, false
	}
	topic := r.snap.syn.Replace(textnorm.Squeeze(latinPhrasesOnly(markEnglish(m[1]+m[2], builtinPhrases), builtinPhrases)))
	if topic = reLatinWords.ReplaceAllString(topic, ""); topic == "" {
		return part{}, false
	}
	return r.sectionByTopic(topic)
}

// sectionByTopic returns the part of the table whose headings and tasks hold
// the topic's bigrams well ahead of every other part's.
func (r *request) sectionByTopic(topic string) (part, bool) {
	secs := r.snap.sections
	texts := make([]string, len(secs))
	for i, s := range secs {
		var b strings.Builder
		head := s.form
		for _, sub := range r.snap.subsections {
			if len(sub.tasks) > 0 && len(s.tasks) > 0 && sub.tasks[0].Section == s.tasks[0].Section {
				head += "|" + sub.form
			}
		}
		for k := 0; k < headingTimes; k++ {
			b.WriteString(head + "|")
		}
		for _, t := range s.tasks {
			b.WriteString(r.snap.idx.Docs[r.snap.docOf[t]].Form + "|")
		}
		texts[i] = b.String()
	}
	score := make([]float64, len(secs))
	search.Bigrams(topic, func(g string) {
		counts := make([]float64, len(secs))
		total, df := 0.0, 0
		for i, t := range texts {
			counts[i] = float64(strings.Count(t, g))
			total += counts[i]
			if counts[i] > 0 {
				df++
			}
		}
		if df == 0 {
			return
		}
		w := math.Log(1 + float64(len(secs))/float64(df))
		for i := range score {
			score[i] += w * counts[i] / total
		}
	})
	best, second, at := 0.0, 0.0, -1
	for i, sc := range score {
		switch {
		case sc > best:
			best, second, at = sc, best, i
		case sc > second:
			second = sc
		}
	}
	if at < 0 || best < sectionLead*second {
		return part{}, false
	}
	return secs[at], true
}

// reLatinWords are the English words of a folded question.
var reLatinWords = regexp.MustCompile(`[a-z]+`)

// headingTimes is how many times a section's headings count against one
// task's text; sectionLead how far the best section must lead the next.
const (
	headingTimes = 3
	sectionLead  = 1.2
)

// inPart reports whether t is filed under p.
func inPart(p *part, t *knowledge.Task) bool {
	for _, pt := range p.tasks {
		if pt == t {
			return true
		}
	}
	return false
}

// bodyNamed returns the part of the notice's body a question names by topic
// (正文里讲审核制度那块): the section of the body that holds most of the words
// before the section word.
func (r *request) bodyNamed(q *query) (search.Doc, bool) {
	// 通知正文最后讲保障的那部分: the body's last part, by its place, whatever
	// a story before it speaks of
	if n := r.snap.cur; namesBodyLast(q.flat) && len(n.Sections) > 0 {
		return search.Doc{Kind: search.Section, Notice: n, Section: len(n.Sections) - 1}, true
	}
	loc := reSectionWord.FindStringIndex(q.flat)
	if b := reBodyWord.FindStringIndex(q.flat); loc == nil && b != nil {
		// 文里保障部分提了哪三条要求: a bare 部分 close after the body's name
		if at := sectionWordAt(q.flat); at != nil && at[0] >= b[1] && utf8.RuneCountInString(q.flat[b[1]:at[0]]) <= bodyTopicRunes {
			loc = at
		}
	}
	if loc == nil && strings.Contains(q.flat, "正文") {
		// 正文里的保障措施有哪三条: the part named by its topic, asked for its
		// points (文件里提了哪几条要求 may well be about a task)
		if loc = reBodyPoints.FindStringIndex(q.flat); loc == nil {
			loc = reBodyDemands.FindStringIndex(q.flat)
		}
	}
	// 保障那部分提了哪几点: the points a part makes are the body's, not its tasks
	if loc == nil || !reBodyWord.MatchString(q.flat) && !reMakesPoints.MatchString(q.flat) {
		return search.Doc{}, false
	}
	// 记录制度在可追溯性方面: the topic in the notices' words (可回溯)
	topic := r.snap.syn.Replace(reBodyWord.ReplaceAllString(q.flat[:loc[0]], "|"))
	terms := r.snap.idx.Terms([]string{topic})
	hits := r.snap.idx.Search(terms, func(d *search.Doc) bool {
		return d.Kind == search.Section && d.Notice == r.snap.cur
	})
	// 文里保障部分: a short topic matched whole is enough; 正文里审核那块: so is
	// most of a topic whose word (审核) is too common in the tasks to weigh much
	if len(hits) == 0 || hits[0].Matched < min(minMatched, terms.Total) && hits[0].Coverage < strongCoverage {
		return search.Doc{}, false
	}
	// 审核责任那一块…表里写的是哪个单位: what the table says is no part of the body
	if reInTable.MatchString(q.flat) && !strings.Contains(q.flat, "正文") {
		return search.Doc{}, false
	}
	// 公开这块…文件里说要落实省里的一个什么规范: 文件里 is "the document says"
	// and 这块 a topic; a question that asks no points of a part, and that a
	// task answers better than any part of the body, is the task's
	if strings.Contains(q.flat, "文件") && !strings.Contains(q.flat, "正文") && !reMakesPoints.MatchString(q.flat) && !reBodyPoints.MatchString(q.flat) {
		if all := r.snap.idx.Search(r.topicTerms(q), nil); len(all) > 0 && r.snap.idx.Docs[all[0].Doc].Kind == search.Task {
			return search.Doc{}, false
		}
	}
	return r.snap.idx.Docs[hits[0].Doc], true
}

// reLastPart names the last part by its place, with what it speaks of between
// (最后讲保障的那部分, 最后保障那一部分, 最后一部分).
var reLastPart = regexp.MustCompile(`最后(讲|说|关于)?[^|]{0,6}?(那|这)?(1|一)?(个)?(大)?(部分|块|段|大点)`)

// namesBodyLast reports whether flat names the last part of the notice's
// body by its place (通知正文最后讲保障的那部分, 文件最后一部分), not the table's.
func namesBodyLast(flat string) bool {
	return reLastPart.MatchString(flat) && !reTableWord.MatchString(flat) &&
		(reBodyWord.MatchString(flat) || reNoticeWord.MatchString(flat) || strings.Contains(flat, "文件"))
}

// reKindsCount asks how many tasks of each kind of deadline there are: 有具体
// 日期的和长期的各有多少项, how many are dated and how many ongoing.
var reKindsCount = regexp.MustCompile(`(各|分别|各自)(有|是|占)?(多少|几)|howmany(of)?each|respectively`)

// kindsCount answers a count of the tasks by kind of deadline, when the
// question names two kinds or more and asks for each.
func (r *request) kindsCount(q *query) (Reply, bool) {
	if !reKindsCount.MatchString(q.flat) {
		return Reply{}, false
	}
	named := 0
	for _, named1 := range []bool{reHasDeadline.MatchString(q.flat) || strings.Contains(q.flat, "日期") || strings.Contains(q.flat, "dated"),
		containsAny(q.flat, ongoingWords), reNoDeadline.MatchString(q.flat)} {
		if named1 {
			named++
		}
	}
	if named < 2 {
		return Reply{}, false
	}
	counts := map[knowledge.DeadlineKind]int{}
	for _, t := range r.snap.cur.Tasks {
		counts[t.Deadline.Kind]++
	}
	text := r.loc.T(msgKindsCount, map[string]any{"Notice": r.snap.cur.Number, "Dated": counts[knowledge.DeadlineDate],
		"Ongoing": counts[knowledge.DeadlineOngoing], "None": counts[knowledge.DeadlineNone], "Total": len(r.snap.cur.Tasks)})
	return r.noticeReply(text), true
}
