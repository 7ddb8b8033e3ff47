package bot

import (
	"dutybot/bot/textnorm"
	"dutybot/knowledge"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// parseWindow finds the span of days a question names (folded text, spaces
// kept), and returns it with the text that named it cut out. It only reads
// dates in a question about tasks or deadlines: 2019年9月3日发的通知 is about the
// notice, and 明天会下雨吗 is about the weather.
func parseWindow(text string, c clock) (*window, string) {
	// 法制牵头 9月底 几项, 县局当责任单位 8月底的: a fragment of a few words
	// asks for tasks as plainly as 任务 does
	// (几个工作日里公开: 工作日 is a unit of a time limit, not 工作 the work,
	// and 上个月被罚了 before it is the asker's story)
	// (wrapped up by year's end: an English due word is written in words)
	if !reTaskish.MatchString(strings.ReplaceAll(text, "工作日", "")) && !reTaskish.MatchString(textnorm.Squeeze(text)) && !fragment(text) && !(reDeadlinePhrase.MatchString(text) && (reWhichTasks.MatchString(text) || reThatOneAsked.MatchString(text) || reList.MatchString(text) || reWidened.MatchString(text))) && !reMonthEndLast.MatchString(text) {
		return nil, text
	}
	// 第四季度到期的是哪些？领导要排年底的工作。: a remark after the question
	// says why it is asked; its times (年底) are not the ones asked for
	if k := strings.IndexAny(text, "?？"); k > 0 {
		head, remark := text[:k+1], text[k+1:]
		// (早的也算上 widens the window; 之前的不算 only confirms it)
		widens := (reBy.MatchString(remark) || reAfter.MatchString(remark) || reInclusive.MatchString(remark)) && !reSetAside.MatchString(remark)
		if strings.TrimSpace(remark) != "" && !strings.ContainsAny(remark, "?？") && !widens {
			if w, rest := readWindow(head, c); w != nil {
				_, remark = readWindow(remark, c)
				return w, rest + remark
			}
		}
	}
	return readWindow(text, c)
}

// reDeadlinePhrase is a day written as the table writes a deadline (9月底前,
// 12月31日之前, 年底前, 12月底的): a question holding one asks about tasks by their
// deadline (表里写9月底前的有哪些) with no word for tasks or due, when it asks
// which (reWhichTasks): 是不是1月20号之前就得晒出来 asks a task's own date.
var (
	reDeadlinePhrase = regexp.MustCompile(`(\d{1,2}\s*月\s*(底|末|\d{1,2}\s*[日号])|年底|年末)\s*(前|之前|以前|的)`)
	// reMonthEndLast ends a question with a month's end as the table writes
	// it (办公室当责任单位的，12月底的？): the tasks of that batch, asked as a
	// fragment after the filters told before it
	reMonthEndLast = regexp.MustCompile(`[,，、|]\s*(\d{1,2}\s*月\s*(底|末)|年底|年末)\s*(前|之前|以前)?(的|那批|那些)\s*[?？]?\s*$`)
	// reTodayToMonthEnd runs from today to this month's end (从今天到月底).
	reTodayToMonthEnd = regexp.MustCompile(`(从)?(今天|今儿个|今儿|今日|现在|目前|眼下)(起|开始)?\s*(到|至|直到)\s*(本月|这个月|这月|当月|月)(底|末)`)

	// reThatOneAsked asks which one a deadline names (10月底前那个是啥, 是哪个,
	// 牵头8月底的是啥)
	reThatOneAsked = regexp.MustCompile(`(那|这)(一)?(个|项|条)(是)?(啥|什么|哪个|哪项|哪条)|是哪(个|一个)[?？]?$|的(是|有)(啥|什么|哪些)[?？]?$`)
	reSetAside     = regexp.MustCompile(`不算|不用算|不计|除外|不含|不包括|排除|不要`)
	reWhichTasks   = regexp.MustCompile(`哪些|哪几|几项|几条|几件|几个|多少项|多少条|哪项|哪条|哪一项|哪一条|which(ones|tasks|items)|what(tasks|items)`)
)

// fragmentRunes is the longest question (in characters, no punctuation)
// read as a fragment (9月底几项) whose dates name deadlines; words set apart
// by spaces (办公室牵头 年底的) may run to twice that.
const fragmentRunes = 8

// fragment reports whether text is a few words typed as a fragment around a
// month named by its number (明天会下雨吗 is about the weather).
func fragment(text string) bool {
	if !reMonthNumber.MatchString(text) {
		return false
	}
	n := utf8.RuneCountInString(textnorm.Squeeze(text))
	return n <= fragmentRunes || n <= 2*fragmentRunes && strings.Contains(strings.TrimSpace(text), " ")
}

// reSpanInside is a span of days, weeks or months followed by "inside" in
// words other than 内 (四个礼拜里面).
var reSpanInside = regexp.MustCompile(`(\d+\s*个?\s*(?:礼拜|星期|周|月|天|工作日))\s*(?:里面|里头|里边|当中)`)

// reMonthNumber is a month written by its number (9月, 12 月) or a year's or
// month's end (年底).
var reMonthNumber = regexp.MustCompile(`\d{1,2}\s*月|年底|年末|月底|月末`)

// readWindow is parseWindow for text known to speak of times: a story's
// clause (上个月就结了), whose times are cut whatever it speaks of.
func readWindow(text string, c clock) (*window, string) {
	text = englishDates(text)
	// 现在已经是1月了, 11月中旬了，…: where the asker stands, no window of
	// deadlines (read before 中旬 becomes a span of days)
	text = reNowMonth.ReplaceAllString(text, "|")
	// 四个礼拜里面, 两周里头: within the span, as 内 says
	text = reSpanInside.ReplaceAllString(text, "${1}内")
	// 九月最后一天 is 9月底; 十月份截止的 are due in October, not by it
	text = reLastDayOfMonth.ReplaceAllString(text, "${1}月底")
	text = reMonthDue.ReplaceAllString(text, "${1}月份到期")
	// 9月份当月到期的: the month named, not the month it is now
	text = reNamedMonthItself.ReplaceAllString(text, "${1}月份")
	text = reDayNoMark.ReplaceAllString(text, "${1}月${2}日${3}")
	// 9月中旬: the ten days of a month, as a span of days
	text = xunSpans(text)
	// 国庆前（9月30日及以前）, 四季度（10月到12月）: a loose name of a time
	// restated in brackets; the bracketed dates say it exactly
	text = reRestated.ReplaceAllString(reQuarterGloss.ReplaceAllString(monthRuns(text), "$1"), "(${4}")
	// 年底前（含年底）: the day itself counts, as （含） says
	text = reIncludesEnd.ReplaceAllString(text, "$1(含)")
	// 一个半月（45天）之内: the bracketed days say it exactly
	text = reRestatedDays.ReplaceAllString(text, "${1}${2}${3}")
	// 这个月（今天及以后）: from today on is what is left of the span
	text = reTodayOn.ReplaceAllString(text, "|还剩|")
	// 从今儿到月底: what is left of this month
	text = reTodayToMonthEnd.ReplaceAllString(text, "|这个月还剩|")
	var found []window
	// 国庆前, 国庆以后到年底, 从元旦起: a holiday with a fixed date bounds the
	// days; 国庆刚过 only says when the question is asked, and bounds nothing
	text = reHoliday.ReplaceAllStringFunc(text, func(s string) string {
		m := reHoliday.FindStringSubmatch(s)
		if m[1] == "" && m[3] == "" {
			return s
		}
		mo := holidays[m[2]]
		d := knowledge.NewDate(c.yearOf(mo), mo, 1)
		if m[3] == "前" || m[3] == "之前" || m[3] == "以前" {
			found = append(found, window{To: d.AddDays(-1), Shape: shapeSpan})
			return "|"
		}
		found = append(found, window{d, d, shapeDay})
		return m[1] + "|" + m[3]
	})
	cut := func(re *regexp.Regexp, f func(m []string) (window, bool)) {
		text = re.ReplaceAllStringFunc(text, func(s string) string {
			if w, ok := f(re.FindStringSubmatch(s)); ok {
				found = append(found, w)
				return "|"
			}
			return s
		})
	}
	num := func(s string) int { n, _ := strconv.Atoi(s); return n }
	yearNum := func(s string) int {
		if len(s) == 2 {
			return 2000 + num(s)
		}
		return num(s)
	}
	// a year written anywhere (2019年下半年（7月1日到12月31日）) is the year of bare months
	if m := reYearWritten.FindStringSubmatch(text); m != nil {
		y := num(m[1])
		c.yearOf = func(time.Month) int { return y }
	}
	// 按今天算: counting from today, which is no window of its own
	text = reCountFrom.ReplaceAllString(text, "|")
	// 按季度更新, 每月调整: how often, not when
	text = reFrequency.ReplaceAllString(text, "|")
	// 9月1号到30号: the second day is in the first day's month
	text = reDaySpan.ReplaceAllString(text, "${1}月${2}日${3}${1}月${4}日")
	anchored := reAnchor.MatchString(text)
	text = reAnchor.ReplaceAllString(text, "|")
	// 离今天最近的: today is where the distance is counted from, no window
	text = reFromToday.ReplaceAllString(text, "|")
	// 第四季度……落在这一季度之内: the quarter named again, not the first
	// quarter; 这一季度 alone is the quarter it is now
	if reThatQuarter.MatchString(text) {
		back := "这个季度"
		if reQuarter.MatchString(reThatQuarter.ReplaceAllString(text, "|")) {
			back = "|"
		}
		text = reThatQuarter.ReplaceAllString(text, back)
	}
	cut(reQuarter, func(m []string) (window, bool) {
		qn := strings.Index("1234一二三四firstsecondthirdfourth", m[2]+m[3])
		switch {
		case m[2]+m[3] != "" && qn < 4:
			qn = num(m[2] + m[3])
		case m[2] != "":
			qn = map[string]int{"一": 1, "二": 2, "三": 3, "四": 4}[m[2]]
		default:
			qn = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4}[m[5]]
		}
		y := c.yearOf(time.Month(qn * 3))
		if yr := m[1] + m[4]; yr != "" {
			y = yearNum(yr)
		}
		return quarter(knowledge.NewDate(y, time.Month(qn*3), 1), 0), true
	})
	cut(reHalf, func(m []string) (window, bool) {
		first := m[2] == "上" || m[3] == "first"
		mo := time.December
		if first {
			mo = time.June
		}
		y := c.yearOf(mo)
		if yr := m[1] + m[4]; yr != "" {
			y = yearNum(yr)
		}
		if first {
			return window{knowledge.NewDate(y, 1, 1), knowledge.NewDate(y, 6, 30), shapeSpan}, true
		}
		return window{knowledge.NewDate(y, 7, 1), knowledge.NewDate(y, 12, 31), shapeSpan}, true
	})
	validMonth := func(m int) bool { return m >= 1 && m <= 12 }
	cut(reYMD, func(m []string) (window, bool) {
		if !validMonth(num(m[2])) {
			return window{}, false
		}
		d := knowledge.NewDate(num(m[1]), time.Month(num(m[2])), num(m[3]))
		return window{d, d, shapeDay}, true
	})
	cut(reYEnd, func(m []string) (window, bool) { return month(num(m[1]+m[2]), time.December), true })
	cut(reYM, func(m []string) (window, bool) {
		if !validMonth(num(m[2])) || !strings.ContainsAny(m[0], "月-/") {
			return window{}, false
		}
		return monthOrEnd(m[0], num(m[1]), time.Month(num(m[2]))), true
	})
	cut(reY, func(m []string) (window, bool) { return year(num(m[1])), true })
	cut(reMD, func(m []string) (window, bool) {
		if !validMonth(num(m[1])) {
			return window{}, false
		}
		mo := time.Month(num(m[1]))
		d := knowledge.NewDate(c.yearOf(mo), mo, num(m[2]))
		return window{d, d, shapeDay}, true
	})
	// 10到12月: a span of months of one year
	cut(reMonthList, func(m []string) (window, bool) {
		a, b := num(m[1]), num(m[2])
		if m[3] != "" {
			if num(m[3]) != b+1 {
				return window{}, false
			}
			b = num(m[3])
		}
		if m[5] != "" || !validMonth(a) || !validMonth(b) || b != a+1 && (m[3] == "" || b != a+2) {
			return window{}, false
		}
		y := c.yearOf(time.Month(b))
		return window{knowledge.NewDate(y, time.Month(a), 1), month(y, time.Month(b)).To, shapeSpan}, true
	})
	cut(reMonthSpan, func(m []string) (window, bool) {
		a, b := num(m[1]), num(m[2])
		if !validMonth(a) || !validMonth(b) || b < a {
			return window{}, false
		}
		y := c.yearOf(time.Month(b))
		return window{knowledge.NewDate(y, time.Month(a), 1), month(y, time.Month(b)).To, shapeSpan}, true
	})
	cut(reM, func(m []string) (window, bool) {
		if !validMonth(num(m[1])) {
			return window{}, false
		}
		mo := time.Month(num(m[1]))
		return monthOrEnd(m[0], c.yearOf(mo), mo), true
	})
	asksDue := reDue.MatchString(text)
	cut(reNDays, func(m []string) (window, bool) {
		// 30日内 in a question about a task's time limit is none; 接下来10天要
		// 完成的 looks ahead from today, due words or not
		if !asksDue && !reAhead.MatchString(m[0]) {
			return window{}, false
		}
		n, unit := num(m[1]+m[3]+m[5]), m[2]+m[4]+m[6]
		weeks := strings.Contains(unit, "周") || strings.Contains(unit, "星期") || strings.Contains(unit, "礼拜") || strings.HasPrefix(unit, "week")
		// 这两周 is the fortnight from today; 这两天 is "lately" and 这三个月
		// names months told before: no span
		if strings.HasPrefix(m[0], "这") && !weeks {
			return window{}, false
		}
		// 三个礼拜里 is within three weeks; 七八九这三个月里 names the months of
		// a quarter told before, no span from today
		if unit == "个月" && (strings.HasSuffix(m[0], "里") || strings.HasSuffix(m[0], "里头")) {
			return window{}, false
		}
		switch {
		case weeks:
			n *= 7
		case unit == "个月":
			return window{c.today, knowledge.NewDate(c.today.Year, c.today.Month+time.Month(n), c.today.Day), shapeSpan}, true
		}
		return window{c.today, c.today.AddDays(n), shapeSpan}, true
	})
	// 年底考核, 年终总结: an event named by when it falls, no window of deadlines
	text = reEventAtEnd.ReplaceAllString(text, "|$4") // the event stays a word of the topic
	squeezed := strings.ReplaceAll(text, " ", "")
	monthNamed := namesMonth(found) // by its number: 9月份里月底的
	for _, r := range relatives {
		for _, w := range r.words {
			// 9月份里月中的、月底的: a bare 月底 beside a month named is that month's
			// 11月有没有到期的: a yes/no question, not "not yet due"
			// (还有没有到期的 still asks for those not yet due)
			yesNo := strings.HasPrefix(w, "没有") && !strings.Contains(strings.ReplaceAll(squeezed, "有"+w, ""), w) && !strings.Contains(squeezed, "还有"+w) ||
				// 没有到期日的: no due date at all, not "not yet due"
				(strings.HasPrefix(w, "没") || strings.HasPrefix(w, "未")) && (strings.Contains(squeezed, w+"日") || strings.Contains(squeezed, w+"时间"))
			// 这个月内还没到点、但月底前得交的: the month's days from today up to
			// its end, not its last day alone
			byMonthEnd := strings.HasPrefix(w, "月") && len(found) > 1 && found[len(found)-1].Shape == shapeMonth &&
				found[0].From == c.today && found[0].To.IsZero() && reByMonthEnd.MatchString(squeezed)
			// 写明日期的, 标明日期: 明 ends the verb, 日期 is a date, no tomorrow
			dateWritten := w == "明日" && strings.Count(squeezed, w) == strings.Count(squeezed, "明日期")
			if strings.Contains(squeezed, w) && !yesNo && !byMonthEnd && !dateWritten && !((reAnyMonthEnd.MatchString(squeezed) || monthNamed) && strings.HasPrefix(w, "月")) {
				found = append(found, r.span(c))
				squeezed = strings.ReplaceAll(squeezed, w, "|")
				text = strings.ReplaceAll(text, w, "|")
			}
		}
	}
	if len(found) == 0 {
		// 到今天为止 with nothing else: everything due by today
		if anchored && !containsAny(squeezed, lateWords) && !containsAny(squeezed, lateTaskWords) {
			return &window{To: c.today, Shape: shapeSpan}, text
		}
		return nil, text
	}
	w := found[0]
	// two days given (9月1日至9月30日, 晚于9月18日、不晚于10月31日): the span
	// between them, whatever else names the same days more loosely
	if from, to, ok := dayRange(found); ok {
		if reAfterFirst.MatchString(text) {
			from = from.AddDays(1) // 晚于9月18日: the day itself is not after it
		}
		return &window{from, to, shapeSpan}, text
	}
	// 这个星期（今天周一）: today beside a span that holds it only says where we are
	if len(found) > 1 {
		var kept []window
		for _, w := range found {
			if !(w.Shape == shapeDay && w.From == c.today && w.To == c.today) {
				kept = append(kept, w)
			}
		}
		if len(kept) > 0 {
			found = kept
		}
	}
	// 本月还没到期的: "not yet due" (open, from today) narrows the month to
	// its days from today on, rather than spanning from the month's start
	if len(found) > 1 {
		if iw, ok := intersectOpen(found); ok {
			return &iw, text
		}
	}
	w = found[0]
	spanned := false
	if len(found) > 1 { // 从9月到10月, 2019-09-01 至 2019-10-31
		last := found[len(found)-1]
		switch {
		case found[0].within(last): // 今年12月: the narrower names the days
		case last.within(found[0]):
			w = last
		default:
			spanned = true
			w = window{w.From, last.To, shapeSpan}
			if last.From.Before(found[0].From) {
				w = window{last.From, found[0].To, shapeSpan}
			}
		}
	}
	// 9月底前 copies a deadline of the table (that month); 之前, 为止 and
	// "…前…所有任务" ask for everything due by then.
	switch {
	case spanned: // 国庆以后到年底之间: the 以后 belongs to one end of the span
	case reBatch.MatchString(text) && !reInclusive.MatchString(text):
	case reBy.MatchString(text) || (strings.Contains(text, "|前") && (reAll.MatchString(text) || reInclusive.MatchString(text))):
		w = window{To: w.To, Shape: shapeSpan}
		if reDayExcluded.MatchString(text) { // 早于9月30日（当天不算）
			w.To = w.To.AddDays(-1)
		}
	case reAfter.MatchString(text) && reInclusive.MatchString(text) && !reSetAside.MatchString(text): // October or later, 10月及以后 (不含18号 sets the day aside)
		w = window{From: w.From, Shape: shapeSpan}
	case reAfter.MatchString(text):
		w = window{From: w.To.AddDays(1), Shape: shapeSpan}
	}
	// 这个月剩下的日子, 本周剩余, 月底之前还剩哪几条: what is left of a span
	// that holds today runs from today, with or without a start
	if reRest.MatchString(squeezed) && w.contains(c.today) && !w.To.IsZero() && w.From != w.To {
		w = window{c.today, w.To, shapeSpan}
	}
	return &w, text
}

// aheadWords open a span of days that runs from today on (未来, 接下来);
// reNDays reads the span and reAhead tells it looks ahead.
const aheadWords = `未来|接下来|今后|往后|之后|以后`

// reAhead opens a span of days that runs from today on (未来, 接下来, next).
var reAhead = regexp.MustCompile(`^(?:` + aheadWords + `|next|coming)`)

// reXunAsked is what follows a month's ten days that a question asks about
// (9月中旬截止的, 9月中旬那个时间节点); reXunAside sets them aside or lets them in beside others
// (9月中旬到期的不算, 9月中旬那个也算): no window of their own.
var (
	reXunAsked = regexp.MustCompile(`^\s*(某(一|1)?天)?(的|那个|那1个|那项|那条)?(时间)?(截止|到期|要完成|完成|要交|前|以前|之前|节点|期限|时限)`)
	reXunAside = regexp.MustCompile(`^[^,，。?？]{0,6}(不算|也算|除外|不包括|不含|还是)`)
	// reXunAfterDue is a deadline said before the ten days (期限是9月中旬某一天, 截止在9月中旬的)
	reXunAfterDue = regexp.MustCompile(`(期限|截止日期|截止时间|截止日|截止|到期日|到期|时间节点|节点)(都|也)?(是|在|为|定在|卡在|落在)\s*(\d{4}\s*年)?\s*$`)
)

// xunSpans writes a month's ten days that a question asks about (9月中旬截止
// 的) as a span readWindow reads (9月11日到9月20日; 下旬 to the month's end).
func xunSpans(text string) string {
	locs := reXun.FindAllStringSubmatchIndex(text, -1)
	for i := len(locs) - 1; i >= 0; i-- {
		m := locs[i]
		after := text[m[1]:]
		if !reXunAsked.MatchString(after) && !reXunAfterDue.MatchString(text[:m[0]]) || reXunAside.MatchString(after) {
			continue
		}
		mo := atoi(text[m[2]:m[3]])
		span := fmt.Sprintf("%d月1日到%d月10日", mo, mo)
		switch text[m[4]:m[5]] {
		case "中旬", "月中":
			span = fmt.Sprintf("%d月11日到%d月20日", mo, mo)
		case "下旬":
			span = fmt.Sprintf("%d月21日到%d月底", mo, mo)
		}
		text = text[:m[0]] + span + after
	}
	return text
}
