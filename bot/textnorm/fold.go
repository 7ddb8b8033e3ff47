package textnorm

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Fold rewrites text into the form that questions and the notice are matched
// in: half-width digits and letters, lower case, Chinese numerals that count
// something as digits, colloquial words as their standard forms, and the
// common slip 法治 for 法制 in unit and review names. It keeps punctuation;
// Squeeze removes it.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= '！' && r <= '～': // full-width ASCII block
			r -= 0xFEE0
		case r == '\u3000':
			r = ' '
		case r >= hanFirst: // Han and beyond: 發 is 发, 牽頭 牵头
			r = traditional().simplified(r)
		}
		b.WriteRune(unicode.ToLower(r))
	}
	s = withoutErhua(colloquial.Replace(classical.read(minnan.read(xiang.read(wu.read(cantonese.read(b.String())))))))
	s = Numerals(englishNumbers(s))
	// fold runs on every phrase a question is cut into: the two rewrites
	// below run only where their characters are
	if strings.Contains(s, "而言") {
		s = reAsFor.ReplaceAllString(s, "$2")
	}
	if strings.ContainsAny(s, "—–―~〜") {
		s = reDigitDash.ReplaceAllString(s, "$1-$2")
	}
	if strings.Contains(s, "一") && strings.ContainsAny(s, "拜期周月") {
		s = reOneSpan.ReplaceAllString(s, "1$1$2$3")
	}
	if strings.Contains(s, "季") {
		s = reSeason.ReplaceAllString(s, "第${1}季度$2")
	}
	if strings.Contains(s, "week") {
		s = reWithinAWeek.ReplaceAllString(s, "within 1 week")
	}
	if strings.Contains(s, "/") {
		s = reSlashDay.ReplaceAllString(s, "${1}${2}月${3}日${4}")
	}
	if strings.Contains(s, "h1") || strings.Contains(s, "h2") {
		s = reHalfCode.ReplaceAllStringFunc(s, func(m string) string {
			if m == "h1" {
				return "上半年"
			}
			return "下半年"
		})
	}
	if strings.Contains(s, "fortnight") {
		s = reFortnight.ReplaceAllString(s, "within 2 weeks")
	}
	if strings.Contains(s, "ly") {
		s = reEnglishStress.ReplaceAllString(s, " ")
	}
	if strings.Contains(s, "的那") || strings.Contains(s, "的这") {
		s = withoutPointer(s)
	}
	return s
}

// reInnerPointer is a demonstrative between a modifier and its noun (审核的
// 那个单子, 省里发的那份规范): the phrase reads the same without it, and the
// lexicon's phrases (审核的单子) are written so. Before 是, 呢 and the like it
// points at the thing asked (10月底前的那个是啥) and stays; so it does before
// a unit or a task described (管钱和装备的那个处, 给领导拿主意的那个活), which
// the pointer marks as a description.
var reInnerPointer = regexp.MustCompile(`的(那|这)(个|些|份|张|套|种)(\p{Han})(\p{Han}?)`)

func withoutPointer(s string) string {
	return reInnerPointer.ReplaceAllStringFunc(s, func(m string) string {
		rs := []rune(m)
		next, noun := rs[3], string(rs[3:])
		if strings.ContainsRune("是呢吗啊了就也都还又在有到要得该算叫"+"处支科队局组中窗活事工", next) || noun == "单位" || noun == "部门" {
			return m
		}
		return "的" + noun
	})
}

// reSeason is a quarter said as Taiwan says it (第三季): the quarter. 第
// makes it one (一年四季 is the year round).
var reSeason = regexp.MustCompile(`第\s*([1-4一二三四])\s*季([^度节]|$)`)

// reWithinAWeek is a week from now said without a number (within the next
// week): the number the span readers need.
var reWithinAWeek = regexp.MustCompile(`within\s+(the\s+next|the\s+coming|a|one|the)\s+week\b`)

// reSlashDay is a day written month/day (9/18): 9月18日. A date with its
// year (2019/9/18) is left as it is.
var reSlashDay = regexp.MustCompile(`(^|[^\d/])(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])([^\d/]|$)`)

// reHalfCode is a half of a year as a planner writes it (h2 2019).
var reHalfCode = regexp.MustCompile(`\bh[12]\b`)

// reFortnight is two weeks from now said as a fortnight.
var reFortnight = regexp.MustCompile(`(within|in|over|during)?\s*(the\s+next|the\s+coming|a|one|the)\s+fortnight\b`)

// reEnglishStress is an English adverb that only stresses (what exactly are,
// who actually issued): the question reads the same without it.
var reEnglishStress = regexp.MustCompile(`,?\s*\b(actually|exactly|really|precisely|basically)\b[,\s]*`)

// erhuaKeeps are the characters before which 儿 is a word of its own
// (儿子, 儿童), and erhuaAfter those after which it is (女儿, 婴儿) or
// which the parser reads with it (哪儿, 这儿: a place asked or pointed at).
const (
	erhuaKeeps = "子童女孙媳科歌戏"
	erhuaAfter = "女婴幼孤男胎健宠孩侄犬混哪这那"
)

// withoutErhua drops the northern 儿 suffix (事儿, 活儿, 压根儿, 名儿, 一拨儿):
// the notices write none, and 没咱事儿 or 挂个名儿 read as 没咱事, 挂个名.
func withoutErhua(s string) string {
	if !strings.Contains(s, "儿") {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	for i, r := range rs {
		if r == '儿' && i > 0 && unicode.Is(unicode.Han, rs[i-1]) && !strings.ContainsRune(erhuaAfter, rs[i-1]) &&
			(i+1 == len(rs) || !strings.ContainsRune(erhuaKeeps, rs[i+1])) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// reAsFor is the written frame 对于……而言 (对于本通知的正式文号而言，其表述是什么):
// what it frames is what is asked about.
var reAsFor = regexp.MustCompile(`(对于|就|对)(\p{Han}[^,.?!;:，。？！]{0,30}?)(来说|而言)`)

// reOneSpan is one week or month as a span (这一个礼拜之内, 一个月内): the
// 一 counts, though 一个 before a noun is only "a".
var reOneSpan = regexp.MustCompile(`一(个)?(礼拜|星期|周|月)(内|以内|之内)`)

// reDigitDash is a dash or tilde between two numbers (10—12月, 9～10月): a
// range, written as the ASCII hyphen the date readers know. A dash elsewhere
// (——) sets a clause apart and stays.
var reDigitDash = regexp.MustCompile(`(\d)\s*(?:—|–|―|~|〜)+\s*(\d)`)

var (
	englishUnits = map[string]int{"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
		"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
	englishTens = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
	// reEnglishNumber is a number in words after the noun it numbers (task
	// twenty-three): elsewhere "one" is a pronoun (which one).
	reEnglishNumber = regexp.MustCompile(`\b((?:task|item|section|part)(?:\s+(?:number|no\.?))?|number|no\.|next|within|in\s+the\s+next|past)(\s*#?\s*)(?:(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(one|two|three|four|five|six|seven|eight|nine))?|(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))\b`)
)

// englishNumbers writes a task number given in English words in digits
// (task twenty-three is task 23), as numerals does for Chinese ones.
func englishNumbers(s string) string {
	if !slices.ContainsFunc([]string{"task", "item", "number", "no", "section", "part", "next", "within", "past"}, func(w string) bool { return strings.Contains(s, w) }) {
		return s
	}
	return reEnglishNumber.ReplaceAllStringFunc(s, func(w string) string {
		m := reEnglishNumber.FindStringSubmatch(w)
		n := englishTens[m[3]] + englishUnits[m[4]] + englishUnits[m[5]]
		if strings.HasPrefix(m[1], "task") || strings.HasPrefix(m[1], "item") {
			return "task " + strconv.Itoa(n) // task number nine is task 9
		}
		return m[1] + m[2] + strconv.Itoa(n)
	})
}

// colloquial maps spoken forms and slips to the notice's words. Longer keys
// come first in strings.Replacer's matching, so 咋办 wins over 咋.
var colloquial = strings.NewReplacer(
	// 几号前头, 月底前头: before a time, not the slip 前头 for 牵头
	"号前头", "号前", "日前头", "日前", "底前头", "底前", "末前头", "末前", "天前头", "天前",
	"ddl", "期限", "今儿", "今天", "哪仨", "哪三个", "啥时候", "什么时候", "啥时间", "什么时间", "啥时限", "什么时限", "啥时", "什么时候", "多会儿", "什么时候",
	"啥活", "什么任务", "活儿", "任务", "些活", "些任务", "么活", "么任务", "的活有", "的任务有", "的活,", "的任务,", "的活?", "的任务?", "条目", "任务",
	"啥子", "什么", "啥", "什么", "咋办", "怎么办", "咋整", "怎么办", "咋样", "怎么样", "咋", "怎么",
	"不够", "不足", "哪一项", "哪项", "哪一条", "哪条", "哪一个", "哪个",
	"俺们", "我们", "俺", "我", // the north's "we" and "I"
	"没得", "没有", "莫得", "没有", "莫写", "没写", // the south-west's "there is none"
	"嘎哈", "干什么", "干哈", "干什么", // the north's "what for"
	"期线", "期限", "期现", "期限", "已前", "以前", "以经", "已经", // pinyin slips of question words
	"自个儿", "自己", "自各儿", "自己", "俩", "两个", "仨", "三个", "头一部分", "第1部分", "头一大块", "第1大块", "头一个部分", "第1部分", "头一板块", "第1板块", "头一块", "第1块", "头一条", "第1条", "两礼拜", "2礼拜", "两星期", "2星期", "两周", "2周",
	"节止", "截止", "道期", "到期", "截至的", "截止的", "截至日期", "截止日期", "截至时间", "截止时间", "截至期限", "截止期限", // 截至 (up to) for 截止 (closing)
	// a question's word, not the notices': no lexicon slip (those need the notices to hold it)
	"有无", "有没有", // the written "whether there is"
	"有着", "有", // 有着具体完成日期: the written "have"
	"额们", "我们", "弄啥", "干什么", "一搭", "一起", // the north-west's "we", "what for", "together"
	"牵了多少项的头", "牵头了多少项", "牵了几项的头", "牵头了几项", "牵的头", "牵头", // the split verb 牵……头
	// the passive after a negation (没有被涉及, 未被列入): the same negation
	"没有被涉及", "没有涉及", "没被涉及", "没涉及", "未被涉及", "未涉及", "没有被列", "没有列", "没被列", "没列", "未被列", "未列",
	"没有被提", "没有提", "没被提", "没提", "未被提", "未提", "没有被分配", "没有分配", "没被分配", "没分配", "未被分配", "未分配",
	"除开", "除了", // the south's "except"
	"届满", "到期", "届期", "到期", // the written "falls due"
	// Taiwan's words for the same things (期程 is a schedule's deadline)
	"期程", "期限", "影片", "视频", "建置", "建设", "资讯", "信息", "网路", "网络", "公文", "文件",
	"哪几本", "哪几项", "几张任务", "几项任务", "哪些项目", "哪些任务", "哪几个项目", "哪几项", "的项目", "的任务", "项目是哪", "任务是哪", // 项目 for a task (重要项目 stays)
	"法治支队", "法制支队", "法治大队", "法制大队", "法治审核", "法制审核",
	"法治队伍", "法制队伍", "法治机构", "法制机构", "法治部门", "法制部门",
)

// Squeeze drops punctuation, symbols and spaces: what is left is the words.
func Squeeze(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
