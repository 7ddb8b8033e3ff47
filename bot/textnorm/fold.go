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
		}
		b.WriteRune(unicode.ToLower(r))
	}
	s = colloquial.Replace(cantonese(traditional.Replace(b.String())))
	s = Numerals(englishNumbers(s))
	// fold runs on every phrase a question is cut into: the two rewrites
	// below run only where their characters are
	if strings.ContainsAny(s, "—–―~〜") {
		s = reDigitDash.ReplaceAllString(s, "$1-$2")
	}
	if strings.Contains(s, "一") && strings.ContainsAny(s, "拜期周月") {
		s = reOneSpan.ReplaceAllString(s, "1$1$2$3")
	}
	return s
}

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
	"啥", "什么", "咋办", "怎么办", "咋整", "怎么办", "咋样", "怎么样", "咋", "怎么",
	"不够", "不足", "哪一项", "哪项", "哪一条", "哪条", "哪一个", "哪个",
	"俺们", "我们", "俺", "我", // the north's "we" and "I"
	"没得", "没有", // the south-west's "there is none"
	"嘎哈", "干什么", "干哈", "干什么", // the north's "what for"
	"期线", "期限", "已前", "以前", "以经", "已经", // pinyin slips of question words
	"自个儿", "自己", "自各儿", "自己", "俩", "两个", "仨", "三个",
	"节止", "截止", // a question's word, not the notices': no lexicon slip (those need the notices to hold it)
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

// traditional writes the traditional characters an officer may type (發,
// 條, 們) in the simplified ones the notices use.
var traditional = strings.NewReplacer(
	"發", "发", "條", "条", "們", "们", "個", "个", "來", "来", "這", "这", "區", "区", "過", "过", "還", "还", "時", "时", "麼", "么",
	"於", "于", "說", "说", "給", "给", "開", "开", "關", "关", "單", "单", "務", "务", "為", "为", "爲", "为", "與", "与", "對", "对",
	"從", "从", "後", "后", "會", "会", "員", "员", "問", "问", "題", "题", "號", "号", "項", "项", "歷", "历", "實", "实", "現", "现",
	"應", "应", "報", "报", "導", "导", "長", "长", "門", "门", "間", "间", "東", "东", "車", "车", "書", "书", "種", "种", "機", "机",
	"歸", "归", "檔", "档", "錄", "录", "審", "审", "執", "执", "處", "处", "罰", "罚", "決", "决", "議", "议", "義", "义", "監", "监",
	"級", "级", "縣", "县", "將", "将", "專", "专", "據", "据", "聯", "联", "網", "网", "傳", "传", "權", "权", "舉", "举", "嗎", "吗",
	"讓", "让", "電", "电", "話", "话", "體", "体", "點", "点", "數", "数", "統", "统", "計", "计", "勞", "劳", "動", "动", "總", "总",
	"結", "结", "規", "规", "範", "范", "論", "论", "證", "证", "責", "责", "負", "负", "經", "经", "濟", "济", "覺", "觉", "產", "产",
	"資", "资", "質", "质", "標", "标", "準", "准", "備", "备", "價", "价", "錢", "钱", "幾", "几", "參", "参", "無", "无", "見", "见",
	"觀", "观", "認", "认", "識", "识", "讀", "读", "寫", "写", "請", "请", "謝", "谢", "變", "变", "調", "调", "辦", "办", "營", "营",
	"環", "环", "節", "节", "頭", "头", "顯", "显", "親", "亲", "該", "该", "沒", "没", "樣", "样", "兩", "两", "內", "内", "視", "视",
	"頻", "频", "訊", "讯", "圖", "图", "畫", "画", "紀", "纪", "綜", "综", "臺", "台", "賬", "账", "簽", "签", "隊", "队", "屬", "属",
	"鄉", "乡", "鎮", "镇", "廳", "厅", "庫", "库", "輛", "辆", "裝", "装", "費", "费", "預", "预", "獎", "奖", "懲", "惩", "勵", "励",
	"檢", "检", "驗", "验", "鑒", "鉴", "測", "测", "試", "试", "係", "系", "線", "线", "進", "进", "遠", "远", "運", "运", "達", "达",
	"邊", "边", "連", "连", "選", "选", "遞", "递", "適", "适", "遲", "迟", "遺", "遗", "邏", "逻", "採", "采", "擇", "择", "擴", "扩",
	"護", "护", "損", "损", "換", "换", "揮", "挥", "攝", "摄", "擬", "拟", "熱", "热", "樓", "楼", "歲", "岁", "滿", "满", "況", "况",
	"減", "减", "確", "确", "碼", "码", "礎", "础", "禮", "礼", "穩", "稳", "競", "竞", "筆", "笔", "簡", "简", "紅", "红", "約", "约",
	"紙", "纸", "細", "细", "終", "终", "組", "组", "織", "织", "絕", "绝", "維", "维", "緊", "紧", "縮", "缩", "績", "绩", "職", "职",
	"聽", "听", "腦", "脑", "興", "兴", "舊", "旧", "華", "华", "萬", "万", "葉", "叶", "術", "术", "衛", "卫", "補", "补", "製", "制",
	"襲", "袭", "覽", "览", "觸", "触", "訂", "订", "記", "记", "討", "讨", "訓", "训", "託", "托", "許", "许", "設", "设", "訪", "访",
	"評", "评", "詞", "词", "詳", "详", "語", "语", "誤", "误", "課", "课", "談", "谈", "諸", "诸", "貨", "货", "貫", "贯", "賴", "赖",
	"趕", "赶", "趨", "趋", "跡", "迹", "軍", "军", "較", "较", "輕", "轻", "輸", "输", "轉", "转", "農", "农", "醫", "医", "釋", "释",
	"針", "针", "鐘", "钟", "錯", "错", "鎖", "锁", "閒", "闲", "際", "际", "陳", "陈", "險", "险", "隨", "随", "隱", "隐", "雖", "虽",
	"雙", "双", "離", "离", "難", "难", "靈", "灵", "頁", "页", "順", "顺", "須", "须", "領", "领", "額", "额", "風", "风", "飛", "飞",
	"館", "馆", "髮", "发", "黨", "党", "齊", "齐", "裡", "里", "週", "周", "併", "并", "盡", "尽", "嚴", "严", "衝", "冲", "擔", "担",
	"誰", "谁", "啟", "启", "稅", "税", "態", "态", "憑", "凭", "湊", "凑", "撥", "拨", "擁", "拥",
)
