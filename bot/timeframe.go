package bot

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"dutybot/knowledge"
)

// window is a span of days a question asks about; a zero From or To is open.
type window struct {
	From, To knowledge.Date
	// Shape says how the question named it, so the answer can name it back.
	Shape shape
}

type shape int

const (
	shapeDay shape = iota
	shapeMonth
	shapeYear
	shapeSpan // any other span, including the cumulative "by D" (From zero)
)

// contains reports whether d falls in w.
func (w window) contains(d knowledge.Date) bool {
	if d.IsZero() {
		return false
	}
	return (w.From.IsZero() || !d.Before(w.From)) && (w.To.IsZero() || !d.After(w.To))
}

// within reports whether every day of w falls in o; open ends never do.
func (w window) within(o window) bool {
	if w.From.IsZero() || w.To.IsZero() || o.From.IsZero() || o.To.IsZero() {
		return false
	}
	return !w.From.Before(o.From) && !w.To.After(o.To)
}

// clock gives today and the year a month without a year most likely means.
type clock struct {
	today knowledge.Date
	// yearOf returns the year of the notices' deadlines in month m nearest to today.
	yearOf func(m time.Month) int
}

var (
	reYMD   = regexp.MustCompile(`(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*[日号]?`)
	reYM    = regexp.MustCompile(`(\d{4})\s*(?:年|-|/)\s*(\d{1,2})\s*月?(?:底|末|份)?`)
	reYEnd  = regexp.MustCompile(`(\d{4})\s*年\s*(?:底|末)|(?:the\s*)?end\s*of\s*(\d{4})(?:\s*$|[^\d年])`)
	reY     = regexp.MustCompile(`(\d{4})\s*年(?:度|内)?`)
	reMD    = regexp.MustCompile(`(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]`)
	reM     = regexp.MustCompile(`(\d{1,2})\s*月(?:底|末|份)?`)
	reNDays = regexp.MustCompile(`(?:这|近|最近|` + aheadWords + `|不到|不足|少于|不满|还剩|只剩|剩下)\s*(\d{1,3})\s*(天|日|周|个星期|星期|个礼拜|礼拜|个月)|(\d{1,3})\s*(天|日|周|个星期|星期|个礼拜|礼拜|个月)(?:的时间)?(?:内|以内|之内|里头|里)|(?:next|within|coming)\s*(?:the\s*(?:next|coming)\s*)?(\d{1,3})\s*(days?|weeks?)`)
	// reAll asks for everything (所有, 都要); 都有哪些 only asks which.
	reAll = regexp.MustCompile(`所有|全部|都(?:要|得|需|必须|应|该|能)`)
	// reBatch restates the deadline as a batch of the table (就是12月底那批):
	// the tasks due on that day, even after 之前.
	reBatch = regexp.MustCompile(`(底|末|日|号|\|)(的)?那(一)?(批|几项|几条|几个|些)`)
	// reQuarter is a calendar quarter (2019年第4季度, 19年三季度, q3); reHalf a
	// half of a year (上半年). A two-digit year is this century's.
	reQuarter = regexp.MustCompile(`(?:(\d{4}|\d{2})\s*年\s*(?:的)?)?(?:第\s*)?([1-4一二三四])\s*季度|\bq([1-4])\b(?:\s*(?:of\s*)?(\d{4}))?|(first|second|third|fourth)\s*quarter(?:\s*(?:of\s*)?\d{4})?`)
	reHalf    = regexp.MustCompile(`(?:(\d{4}|\d{2})\s*年\s*)?(上|下)半年|(first|second)\s*half\s*of\s*(?:the\s*)?(?:year\s*)?(\d{4})?`)
	// reAnchor is "as of today" (到今天为止, 截至目前, as of today): where the
	// counting stands, not a day a deadline falls on.
	reAnchor = regexp.MustCompile(`(含|包括|包含)\s*(今天|今日|当天)|(今天|今日)\s*(到|至)\s*(月底|月末)|(到|截至|截止到|截止|至|直到)\s*(今天|今日|现在|目前|当前)\s*(为止)?|(从|自)\s*(今天|今日|现在|即日)\s*(起|开始|算起)?|as\s*of\s*(today|now)|so\s*far|from\s*today(\s*on)?|until\s*today`)
	// reInclusive says the day itself counts (含9月底, 9月底及以前): all due by then.
	reInclusive = regexp.MustCompile(`含|包括|及以前|及之前|累计|累积|inclusive|onorbefore|(or|and)\s*later|\bincl\b|including\s*(the\s*)?(ones|those)\s*(already\s*)?(passed|past|gone)`)
	reBy        = regexp.MustCompile(`之前|以前|为止|早于|先于|或更早|或者更早|及更早|或之前|或以前|比这(个)?(更|还)?早|(早|更早|之前|以前)(到期)?的(也|都)算|nolaterthan|no\s+later\s+than|(已|已经)?(过期|逾期|超期|过了期)(了)?的(也|都)算|(前面|之前|以前)?过了的(也|都)(要|算|算上)|比它(更|还)?早|\|结束前|\|过完前|截至|截止到|截到|及以前|before\s*\||by\s*\||(or|and|including|inclusiveof|plus)\s*(any\s*)?(earlier|before|prior)|(all\s*the\s*way\s*)?up\s*(un)?to\s*(and\s*including\s*)?\||\bincl\b|including\s*(the\s*)?(ones|those)\s*(already\s*)?(passed|past|gone)`)
	reAfter     = regexp.MustCompile(`之后|以后|after\s*\||\|\s*(or|and)\s+(later|after)|\|\s*onwards?`)
	reDue       = regexp.MustCompile(dueAlternation(builtinLexicon))
	reTaskish   = regexp.MustCompile(`任务|期限|时限|限期|进度要求|时间要求|要搞|要干|要弄|要落实|还剩(下)?(哪|几|多少|什么|啥)|(时间|日期|节点|日子)(写|标|定|填)|完成|要做|要办|办完|办结|干完|做完|弄完|搞完|整完|搞定|弄好|办好|搞好|做好|整好|干好|办妥|弄妥|那批|这批|那几项|那几条|那几个|工作|逾期|事项|清单|过期|超期|的活|活儿|些活|哪些条|哪几条|哪条|几条|条目|(月底|月末|年底|年末|\d日|\d号)(的)?(那|这)(个|些|几|一|条|项)|task|finish|complet|\bdone\b|deliverable|items|falls?\s*(?:in|within|into|due)\b|com(?:es|ing|e)\s*due|` + dueAlternation(builtinLexicon))
)

// reEnglishDate is an English date in a folded question: december 2019,
// 31 dec 2019, december 31, 2019, in september. May needs a number by it.
var reEnglishDate = regexp.MustCompile(`(?:\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?\b)?(?:,?\s*(\d{4}))?`)

// reEndOfMonth is "at/of the end of" before a month englishDates has
// rewritten: a deadline on the month's last day. "By/before the end of
// September" keeps its by, which makes it everything due until then: writers
// of the question files read it so 6 times to 2 (the month alone).
var reEndOfMonth = regexp.MustCompile(`\b(at|of|on|is|due|by|before|deadline|deadlines)\s+(?:the\s+)?end\s*(?:of\s*)?(?:the\s*)?((?:\d{4}年)?\d{1,2}月)`)

// reBeforeMonth ends the words before a month named without a day that
// leave the month out (before october, earlier than october).
var reBeforeMonth = regexp.MustCompile(`\b(before|prior\s+to|earlier\s+than|until\s+the\s+start\s+of)\s+(the\s+(start|beginning)\s+of\s+)?$`)

var englishMonths = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// englishDates rewrites English dates as Chinese ones (2019年12月, 12月31日),
// the forms parseWindow reads.
func englishDates(text string) string {
	text = englishPeriodWords.Replace(text)
	// December-end, september end: the end of that month
	text = reMonthDashEnd.ReplaceAllString(text, "end of $1")
	if strings.Contains(text, "st") || strings.Contains(text, "th") || strings.Contains(text, "nd") || strings.Contains(text, "rd") {
		text = ordinalDays(text)
	}
	var b strings.Builder
	last := 0
	for _, ix := range reEnglishDate.FindAllStringSubmatchIndex(text, -1) {
		m := make([]string, 5)
		for g := range m {
			if ix[2*g] >= 0 {
				m[g] = text[ix[2*g]:ix[2*g+1]]
			}
		}
		b.WriteString(text[last:ix[0]])
		last = ix[1]
		mo := englishMonths[m[2][:3]]
		day := m[1] + m[3]
		if m[2] == "may" && day == "" && m[4] == "" {
			b.WriteString(m[0]) // the verb
			continue
		}
		year := m[4]
		// before October, prior to October: the month itself is not in it,
		// so the tasks due by the end of September
		if day == "" && reBeforeMonth.MatchString(text[:ix[0]]) {
			if mo--; mo == 0 {
				mo = 12
				if y, err := strconv.Atoi(year); err == nil {
					year = strconv.Itoa(y - 1)
				}
			}
			day = "底"
		} else if day != "" {
			day += "日"
		}
		out := strconv.Itoa(mo) + "月" + day
		if year != "" {
			out = year + "年" + out
		}
		b.WriteString(" " + out + " ")
	}
	text = b.String() + text[last:]
	// the end of September 2019: the month's last day, as 9月底 reads
	return reEndOfMonth.ReplaceAllString(text, "${1} ${2}底 ")
}

// englishOrdinals are the days of a month said as ordinal words.
var englishOrdinals = func() map[string]int {
	units := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"}
	m := map[string]int{"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
		"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30}
	for i, u := range units {
		m[u] = i + 1
		m["twenty-"+u], m["twenty "+u], m["twenty"+u] = 21+i, 21+i, 21+i
	}
	m["thirty-first"], m["thirty first"], m["thirtyfirst"] = 31, 31, 31
	return m
}()

// reOrdinalDay is a day said as an ordinal word by its month (the first of
// October, october the first).
var reOrdinalDay = func() *regexp.Regexp {
	words := make([]string, 0, len(englishOrdinals))
	for w := range englishOrdinals {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool { return len(words[i]) > len(words[j]) })
	ord := strings.Join(words, "|")
	month := `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`
	return regexp.MustCompile(`\b(?:the\s+)?(` + ord + `)\s+(?:of\s+)?(` + month + `)\b|\b(` + month + `)\s+(?:the\s+)?(` + ord + `)\b`)
}()

// ordinalDays writes a day said as an ordinal word in digits (the first of
// October is 1 october), the form reEnglishDate reads.
func ordinalDays(text string) string {
	return reOrdinalDay.ReplaceAllStringFunc(text, func(s string) string {
		m := reOrdinalDay.FindStringSubmatch(s)
		if m[1] != "" {
			return strconv.Itoa(englishOrdinals[m[1]]) + " " + m[2]
		}
		return m[3] + " " + strconv.Itoa(englishOrdinals[m[4]])
	})
}

// relative phrases, longest first within each meaning.
var relatives = []struct {
	words []string
	span  func(c clock) window
}{
	// not yet due: from today on; before 今天, which it may hold (今天还没到期的)
	{[]string{"还要到期", "还会到期", "还将到期", "尚未到期", "还没到期", "还没到点", "没到点", "未到点", "没有到期", "未到期", "没到期", "还未到期", "截止日还没到", "截止日期还没到", "期限还没到", "日子还没到", "还没到截止日", "没到截止日", "未到截止日", "还没到截止", "没到截止", "还没到期限", "没到期限", "还没过期", "没过期", "未过期", "还没超期", "没超期", "未逾期", "没逾期", "notyetdue", "notdueyet", "notoverdue", "notyetoverdue", "stillupcoming", "stilltocome"}, func(c clock) window { return window{From: c.today, Shape: shapeSpan} }},
	{[]string{"今天", "今日", "today"}, func(c clock) window { return window{c.today, c.today, shapeDay} }},
	{[]string{"明天", "明日", "tomorrow"}, func(c clock) window { d := c.today.AddDays(1); return window{d, d, shapeDay} }},
	{[]string{"后天"}, func(c clock) window { d := c.today.AddDays(2); return window{d, d, shapeDay} }},
	{[]string{"下个星期", "下星期", "下礼拜", "下周", "nextweek"}, func(c clock) window { return week(c.today, 1) }},
	{[]string{"上个星期", "上星期", "上礼拜", "上周", "lastweek"}, func(c clock) window { return week(c.today, -1) }},
	{[]string{"这个星期", "本星期", "这星期", "这个礼拜", "这礼拜", "本礼拜", "本周", "这周", "thisweek"}, func(c clock) window { return week(c.today, 0) }},
	{[]string{"下个季度", "下季度", "nextquarter"}, func(c clock) window { return quarter(c.today, 1) }},
	{[]string{"上个季度", "上季度", "lastquarter"}, func(c clock) window { return quarter(c.today, -1) }},
	{[]string{"这个季度", "本季度", "这季度", "当季度", "本季", "thisquarter"}, func(c clock) window { return quarter(c.today, 0) }},
	{[]string{"下个月", "下月", "nextmonth"}, func(c clock) window { return month(c.today.Year, c.today.Month+1) }},
	{[]string{"上个月", "上月", "lastmonth"}, func(c clock) window { return month(c.today.Year, c.today.Month-1) }},
	{[]string{"这个月", "本月", "当月", "这月", "thismonth", "this month", "the current month", "currentmonth"}, func(c clock) window { return month(c.today.Year, c.today.Month) }},
	// what is left of this month (before the end of the month, the rest of this month)
	{[]string{"beforetheendofthemonth", "beforetheendofthismonth", "beforemonthend", "restofthemonth", "restofthismonth"}, func(c clock) window {
		return window{c.today, month(c.today.Year, c.today.Month).To, shapeSpan}
	}},
	// a bare 月底 is this month's last day (月底就到期的, 这个月月底前), as 9月底
	// is September's; 某个月底, 9月底 are read elsewhere
	{[]string{"月底", "月末", "endofthemonth", "endofmonth"}, func(c clock) window {
		last := month(c.today.Year, c.today.Month).To
		return window{last, last, shapeDay}
	}},
	{[]string{"明年", "nextyear"}, func(c clock) window { return year(c.today.Year + 1) }},
	// 今年年底前 asks for everything due by the year's end, where a bare 年底前
	// copies the table's 12月底 deadlines; 今年年底 is the year of the
	// deadlines, as 年底 is, not the calendar's when the notice is old
	{[]string{"今年年底之前", "今年年底以前", "今年年底前", "今年底之前", "今年底以前", "今年底前", "本年底前"}, func(c clock) window {
		return window{To: month(c.yearOf(time.December), time.December).To, Shape: shapeSpan}
	}},
	{[]string{"今年年底", "今年年末", "今年底"}, func(c clock) window { return month(c.yearOf(time.December), time.December) }},
	{[]string{"今年", "本年度", "本年", "年内", "thisyear"}, func(c clock) window { return year(c.today.Year) }},
	{[]string{"年底", "年末", "yearend", "year-end", "year end", "endoftheyear", "end of the year"}, func(c clock) window { return month(c.yearOf(time.December), time.December) }},
}

func week(today knowledge.Date, offset int) window {
	back := (int(today.Weekday()) + 6) % 7 // days since Monday
	mon := today.AddDays(-back + 7*offset)
	return window{mon, mon.AddDays(6), shapeSpan}
}

// quarter is the calendar quarter offset quarters from today's.
func quarter(today knowledge.Date, offset int) window {
	first := knowledge.NewDate(today.Year, time.Month((int(today.Month)-1)/3*3+1+3*offset), 1)
	return window{first, knowledge.NewDate(first.Year, first.Month+3, 0), shapeSpan}
}

// reDayExcluded leaves the named day out: 当天不算, 不含当天.
// reTodayIs states the day it is: 今天是10月20日, 现在是2019年9月5日, today is 20 october.
var reTodayIs = regexp.MustCompile(`(今天是|今日是|今日为|今日系|今日|兹值|时值|现值|眼下是|眼下|如今|今天|今儿个|今儿|今个|现在是|现在已经是|现在|目前是|当前是|today\s*is|it\s*is\s*now|it\s*is)\s*(?:[^\d,，。.?？|a-z到至起往前后算开离距]{1,6}?|[^\s,，。.?？|a-z到至起往前算开离距哪啥么吗几]{1,12}?)??\s*(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?`)

// reDayThenLate is a day said on its own just before asking what is late
// (国庆后上班第一天10月8号，已经超期的有多少项): the day it is, as 今天是 says,
// with the words before it in its clause; the groups line up with reTodayIs's.
var reDayThenLate = regexp.MustCompile(`(?:^|[,，。|?？!！])([^,，。|?？!！]{0,12}?)(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})(\s*[日号]\s*[,，|]\s*)(?:已经|已|都|还)?(?:超期|逾期|过期|过了期|超时|拖期)`)

// reOpeningDay is a day a keyword question opens with (9.10 本月 还剩,
// 11.15 过期 全部, 9月1号 三周内): the day it is when reRelativeAsk follows;
// the groups line up with reTodayIs's.
var (
	reOpeningDay  = regexp.MustCompile(`^\s*()(?:(\d{4})\s*[年.])?\s*(\d{1,2})\s*[月.]\s*(\d{1,2})\s*[日号]?(?:\s+|[,，])`)
	reRelativeAsk = regexp.MustCompile(`本月|这个月|当月|还剩|剩下|过期|逾期|超期|最近|下一个|接下来|(周|天|礼拜|星期)(以内|之内|内|里)|往后|未来`)
)

// reDeadlineAfterDay follows a day that is a deadline (9月30号前, 10月8日到期).
var reDeadlineAfterDay = regexp.MustCompile(`^\s*[日号]?\s*(前|之前|以前|到期|截止|为止|要交|要完成)`)

// statedToday reads the day a question says it is, and returns the text
// without it.
func statedToday(text string, c clock) (knowledge.Date, string, bool) {
	en := englishDates(text)
	m := reTodayIs.FindStringSubmatchIndex(en)
	due := ""
	if m == nil {
		if m = reDayThenLate.FindStringSubmatchIndex(en); m != nil {
			m[1] = m[11] // keep the late words; the clause's other words describe the day
		} else if m = reOpeningDay.FindStringSubmatchIndex(en); m == nil || !reRelativeAsk.MatchString(en[m[1]:]) {
			return knowledge.Date{}, text, false
		} else if !reDue.MatchString(en[m[1]:]) {
			due = "到期" // 9.10 本月 还剩: keywords asking after deadlines, which they leave unsaid
		}
	}
	num := func(i int) int { n, _ := strconv.Atoi(en[m[2*i]:m[2*i+1]]); return n }
	mo, d := num(3), num(4)
	// 今天领导说9月30号前要交: a deadline told today, not the day it is
	if mo < 1 || mo > 12 || d < 1 || d > 31 || reDeadlineAfterDay.MatchString(en[m[1]:]) {
		return knowledge.Date{}, text, false
	}
	y := c.yearOf(time.Month(mo))
	if m[4] >= 0 {
		y = num(2)
	}
	return knowledge.NewDate(y, time.Month(mo), d), en[:m[0]] + "|" + en[m[1]:] + due, true
}

// reRestatedDays is a loose span restated in bracketed days before 之内.
var reRestatedDays = regexp.MustCompile(`[^\s|,，(]{1,8}\(\s*(\d{1,3})\s*(天|日|周)\s*\)\s*(之内|以内|内)`)

// reHoliday is a holiday with a fixed date, with what makes it a bound.
var reHoliday = regexp.MustCompile(`(从|自|到|至)?\s*(国庆节|国庆|十一长假|元旦|五一|劳动节|nationalday|newyearsday|mayday)\s*(前|之前|以前|后|之后|以后|过后|起)?`)

// holidays are the months whose first day the holidays of reHoliday fall on.
var holidays = map[string]time.Month{"国庆节": time.October, "国庆": time.October, "十一长假": time.October, "nationalday": time.October,
	"元旦": time.January, "newyearsday": time.January, "五一": time.May, "劳动节": time.May, "mayday": time.May}

// reNamedMonthItself is a month named and then called "that month" (9月份当月).
var reNamedMonthItself = regexp.MustCompile(`(\d{1,2})\s*月份?\s*(当月|那个月|这个月|本月)`)

// reDayNoMark is a day of a month written without 日 or 号 (9月18 节点):
// the day all the same, unless a count follows (9月15天内).
var reDayNoMark = regexp.MustCompile(`(\d{1,2})\s*月\s*(\d{1,2})(\s*(?:[^\d\s项条个天周年%日号.]|$))`)

// reThatQuarter is a quarter pointed at (这一季度, 该季度), not numbered.
var reThatQuarter = regexp.MustCompile(`(这|那|该|同)\s*(一|1)?\s*(个)?\s*季度`)

// reQuarterGloss is a quarter or a half of a year with its months glossed in
// brackets (三季度（7、8、9三个月）, q4 2019 (oct to dec)): the quarter says it
// all, and the months listed are no span to read.
var reQuarterGloss = regexp.MustCompile(`((?:第\s*)?[1-4一二三四]\s*季度|\bq[1-4](?:\s*(?:of\s*)?\d{4})?|[上下]半年|(?:first|second|third|fourth)\s*quarter(?:\s*(?:of\s*)?\d{4})?)\s*(?:\([^()]*\)|[,，]\s*(?:i\.?e\.?,?\s*|that\s+is,?\s*)?(?:[a-z]{3,9}|\d{1,2}\s*月?)\s*(?:to|through|thru|-|–|到|至)\s*(?:[a-z]{3,9}\b|\d{1,2}\s*月))`)

// reRestated is a loose name of a time (a holiday, a quarter, a half, a
// year's or month's end) followed by brackets that give dates.
var reRestated = regexp.MustCompile(`(国庆节?|元旦|五一|劳动节|(第\s*)?[1-4一二三四]\s*季度|q[1-4]|(?:first|second|third|fourth)\s*quarter(?:\s*(?:of\s*)?\d{4})?|[上下]半年|年底|年末|月底|月末)\s*(前|之前|以前|后|之后|以后)?\s*(?:\(|[,，]?\s*(?:也就是|就是|即|也即|i\.e\.|that\s+is,?\s*(?:between|from)?))\s*(\d)`)

// englishPeriodWords rewrites English names of periods said loosely as
// the reader knows them: the back half of the year is its second half, the
// last quarter of 2019 its fourth (not the quarter before this one), year's
// end the end of the year.
var englishPeriodWords = strings.NewReplacer("back half", "second half", "front half", "first half",
	"last quarter of", "fourth quarter of", "final quarter of", "fourth quarter of", "year's end", "end of the year", "years end", "end of the year")

// reMonthDashEnd is a month's end said month first (December-end).
var reMonthDashEnd = regexp.MustCompile(`\b(january|february|march|april|may|june|july|august|september|october|november|december)[\s-]end\b`)

// reMonthRun is months listed one by one (7、8、9这三个月, 7月、8月、9月):
// when they follow each other, the span from the first to the last.
var reMonthRun = regexp.MustCompile(`(\d{1,2})(\s*月)?((?:\s*、\s*\d{1,2}(?:\s*月)?)+)(\s*(?:这|那)?\s*(?:[2-9]|两|几)\s*个\s*月|\s*月份?)?`)

var reDigits = regexp.MustCompile(`\d+`)

// monthRuns rewrites a run of months listed one by one as a span (7月到9月);
// months that skip (3、6、9月) or with no 月 at all (7、8、9) are left.
func monthRuns(text string) string {
	return reMonthRun.ReplaceAllStringFunc(text, func(s string) string {
		m := reMonthRun.FindStringSubmatch(s)
		if !strings.Contains(s, "月") {
			return s
		}
		first, _ := strconv.Atoi(m[1])
		prev := first
		for _, d := range reDigits.FindAllString(m[3], -1) {
			n, _ := strconv.Atoi(d)
			if n != prev+1 {
				return s
			}
			prev = n
		}
		if first < 1 || prev > 12 {
			return s
		}
		return strconv.Itoa(first) + "月到" + strconv.Itoa(prev) + "月"
	})
}

// reFrequency is how often something is done (按季度, 每个月, 逐月): no span
// of time to filter the table by.
var reFrequency = regexp.MustCompile(`(按|每|逐)个?(季度|季|月|周|星期)(?:[^底末初\d]|$)`)

// reDaySpan is a span of days in one month written once: 9月1号到30号.
var reDaySpan = regexp.MustCompile(`(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?\s*(到|至|-|~|～)\s*(\d{1,2})\s*[日号]`)

var (
	// reLastDayOfMonth is a month's last day said in words.
	reLastDayOfMonth = regexp.MustCompile(`(\d{1,2})\s*月份?的?(最后1天|最后一天|最末1天|最末一天|最后那天)`)
	// reXun is the first, middle or last ten days of a month (9月中旬).
	reXun = regexp.MustCompile(`(\d{1,2})\s*月份?的?\s*(上旬|中旬|下旬|月初|月中)`)
	// reMonthDue is a month with 份 before 截止: the month deadlines fall in.
	reMonthDue = regexp.MustCompile(`(\d{1,2})\s*月份\s*(截止|截至)`)
)

// reCountFrom says where counting starts (按今天算, 以现在来看): today, as always.
var reCountFrom = regexp.MustCompile(`(按|以|从)(今天|今日|现在|当前)(往后|往前|起)?(来)?(算|计算|看)`)

// reIncludesEnd restates the end a span runs to as included (年底前（含年底）,
// 9月底前(包括月底)): the plain （含） the readers know.
var reIncludesEnd = regexp.MustCompile(`(前|之前|以前)\s*[(（]\s*(?:含|包括|包含)\s*(?:年底|年末|月底|月末|当天|当日|那天)\s*[)）]`)

// reByMonthEnd is a bare month's end as a bound (月底前, 月末之前).
var reByMonthEnd = regexp.MustCompile(`(月底|月末)(前|之前|以前)`)

// reNowMonth says which month it is now (现在已经是1月了, 眼下到了11月份),
// or opens the question with it (11月中旬了，接下来…).
var reNowMonth = regexp.MustCompile(`(现在|目前|眼下|如今|当前)\s*(已经)?\s*(是|到了)\s*\d{1,2}\s*月(份)?(了)?|(现在|目前|眼下|如今|当前)\s*(已经|都)?\s*\d{1,2}\s*月(份)?(初|上旬|中旬|下旬|中|底|末)?了|^\s*(都|已经|这都)?\s*\d{1,2}\s*月(份)?(初|上旬|中旬|下旬|中|底|末)?(了)\s*[,，|]`)

// reMonthList is consecutive months listed (7、8、9月, 10月、11月): the span
// they make, unless each is asked for on its own (7、8月各有几项).
var reMonthList = regexp.MustCompile(`(\d{1,2})\s*(?:月份?)?\s*[、，,]\s*(\d{1,2})\s*(?:月份?)?(?:\s*[、，,]\s*(\d{1,2}))?\s*月(?:份)?([^,，。?？]{0,3}(各|分别))?`)

// reMonthSpan is a span of months written once: 10到12月, 10-12月, Oct–Dec.
var reMonthSpan = regexp.MustCompile(`(\d{1,2})\s*(?:月份?)?\s*(?:到|至|-|~|～|–|—|－)\s*(\d{1,2})\s*月(?:份|底|末)?`)

// reAnyMonthEnd is a month's end in general (某个月底, 每个月末): a shape of
// deadlines that parse reads, not this month's end.
var reAnyMonthEnd = regexp.MustCompile(`(某|哪|每|任何|一)个?月(的)?(底|末)|(不是|而非|不在|非|并非)(落在|在|定在|卡在)?(某个?月)?(的)?月(底|末)`)

// reEventAtEnd is an event of a year's or month's end: 年底考核, 年终总结.
var reEventAtEnd = regexp.MustCompile(`(年底|年末|年终|月底|月末)(的)?(好|要|来)?(考核|考评|总结|评比|述职|盘点|绩效|评优|算账|算总账|打分|排名)`)

// reFromToday measures from today: 离今天最近, 距现在.
var reFromToday = regexp.MustCompile(`(离|距|距离)\s*(今天|今日|现在|目前)`)

// namesMonth reports whether a month was named among the windows found.
func namesMonth(found []window) bool {
	for _, w := range found {
		if w.Shape == shapeMonth {
			return true
		}
	}
	return false
}

// reTodayOn is "today and after", bracketed after a span (这个月还有哪些到期
// （今天及以后）): what is left of it.
var reTodayOn = regexp.MustCompile(`[(（]\s*(今天|今日|当天)\s*(及|和|含|以及)?\s*(以后|之后|往后)\s*[)）]`)

// reRest is "what is left of" a span: 这个月剩下的, 本周剩余, 年底前余下的,
// 这个月还有…要到期的 (the span itself already read, as |).
var reRest = regexp.MustCompile(`剩下|剩余|还剩|余下|所剩|(尚须|尚需|尚待|仍需|仍须|还须)(办结|完成|到期|办理|落实)|(\||月|内|里|周|礼拜|星期|前)还有.{0,9}(到期|截止|要交)|(\||月|内|里)还(要|得|需)(交|完成|到期)|restof|remainderof|remainingdays`)

// intersectOpen narrows closed windows by open-ended ones (from today on)
// when the question names both; ok is false without an open-ended window.
func intersectOpen(found []window) (window, bool) {
	open := false
	for _, w := range found {
		if w.From.IsZero() != w.To.IsZero() {
			open = true
		}
	}
	if !open {
		return window{}, false
	}
	out := window{Shape: shapeSpan}
	for _, w := range found {
		// 这个月还没到期、月底前得完成的: beside "not yet due", a month's end
		// is where the span ends, not the one day asked
		if w.From == w.To && w.To.AddDays(1).Day == 1 {
			w.From = knowledge.Date{}
		}
		if !w.From.IsZero() && (out.From.IsZero() || w.From.After(out.From)) {
			out.From = w.From
		}
		if !w.To.IsZero() && (out.To.IsZero() || w.To.Before(out.To)) {
			out.To = w.To
		}
	}
	return out, true
}

var reDayExcluded = regexp.MustCompile(`当天不算|不含当天|不包括当天|当日不算|不含当日|早于|先于|strictlybefore`)

// reYearWritten is a year a question writes out.
var reYearWritten = regexp.MustCompile(`(\d{4})\s*年`)

// reAfterFirst says the first of two days is not in the span: 晚于9月18日.
var reAfterFirst = regexp.MustCompile(`(晚于|迟于|之后|以后|after)\s*\|`)

// dayRange returns the earliest and latest of two or more single days found.
func dayRange(found []window) (knowledge.Date, knowledge.Date, bool) {
	var days []knowledge.Date
	for _, w := range found {
		if w.Shape == shapeDay && w.From == w.To {
			days = append(days, w.From)
		}
	}
	if len(days) < 2 {
		return knowledge.Date{}, knowledge.Date{}, false
	}
	from, to := days[0], days[0]
	for _, d := range days[1:] {
		if d.Before(from) {
			from = d
		}
		if d.After(to) {
			to = d
		}
	}
	return from, to, from != to
}

// monthOrEnd is the month a question names, or only its last day when it
// names the month's end (9月底, 9月末): a task due on 18 September is not due
// "at the end of September".
func monthOrEnd(named string, y int, m time.Month) window {
	if strings.ContainsAny(named, "底末") {
		end := knowledge.NewDate(y, m, 1).EndOfMonth()
		return window{end, end, shapeDay}
	}
	return month(y, m)
}

func month(y int, m time.Month) window {
	first := knowledge.NewDate(y, m, 1)
	return window{first, first.EndOfMonth(), shapeMonth}
}

func dayOf(y int, m time.Month, d int) window {
	t := knowledge.NewDate(y, m, d)
	return window{t, t, shapeDay}
}

func year(y int) window {
	return window{knowledge.NewDate(y, 1, 1), knowledge.NewDate(y, 12, 31), shapeYear}
}
