package textnorm

import (
	"regexp"
	"strings"
)

// Senior cadres and advisers write questions in the terse written register
// of official letters, close to classical Chinese (科技处牵头之任务，各系何号？
// 八月底须毕之事，几何？今日系九月十日，已逾期者何项？). classical writes it as
// the plain Mandarin the rest of the engine reads: its question words (何项,
// 几何, 凡几), its copula 系, 之 for 的 and 者 closing a description. Like the
// dialects it runs only on text that holds one of the register's marks, so
// that 系统, 何时 or 之前 in plain questions are left alone.

// classicalMarks are question words and turns of the written register that
// plain questions do not use.
var classicalMarks = []string{
	"何项", "何者", "几何", "凡几", "系何", "何部门", "何单位", "何机关", "何号", "何种", "何等", "何人", "何日", "何级", "何在",
	"何三", "何类", "何弊", "何制", "为何?", "为何。", "抑或", "若何", "见告", "之任务", "之项", "须毕", "告竣", "时值", "今系", "今为",
	"可否", "否?", "者何", "者几", "者凡", "者计", "者,", "岁末", "之职", "之责", "几端",
	"孰", "何处", "有乎", "乎?", "乎。", "悉举", "有定期", "所涉", "涉何", "了结", "但为", "不为", "不预", "承办者", "一节,", "一部,",
	"何别", "窒碍", "所谓", "此文", "何物", "下一到期", "三制",
}

// classicalWords are the register's words and their plain Mandarin, longest
// first where one holds another.
var classicalWords = strings.NewReplacer(
	// question words; 任何 and 如何 are words of their own
	"任何", "任何", "如何", "如何", "何三者", "哪三个", "何者", "哪个", "何项", "哪几项", "何部门", "哪个部门", "何单位", "哪个单位", "何机关", "哪个机关",
	"何号", "哪号", "何种", "什么", "何等", "什么", "何类", "什么", "何人", "谁", "何日", "哪天", "何时", "什么时候", "何级", "哪一级",
	"何在", "是哪些", "何处", "哪里", "几何日", "几日", "几何", "多少", "凡几", "共几项", "计有", "有", "共计", "共",
	"若何", "怎么样", "抑或", "还是", "可否见告", "是什么", "可否", "能不能", "逐一列明", "列出来",
	// deadlines and days
	"须毕", "要完成", "已毕", "已完成", "未毕", "没完成", "告竣", "完成", "岁末", "年底", "终期", "截止期限",
	"为期者", "到期的", "期在", "期限在", "定有", "有", "未注", "没写", "时值", "今天是", "今系", "今天是", "今为", "今天是", "本日", "今天",
	"紧接", "接下来", "尚待", "还要", "嗣后", "后来",
	// units and roles
	"所负", "负责", "计几项", "共几项", "限于", "期限在", "几端", "几个方面", "之职", "的职责", "之责", "的责任",
	"非止", "不止", "未列名", "没有列名", "担责", "作为责任单位", "自任", "自己也是", "之列", "里", "诸项", "各项",
	"孰主之", "谁牵头", "孰", "谁", "何处牵头", "哪个部门牵头", "有乎", "有吗", "悉举", "全部列出", "此文", "这份通知",
	"下发何人", "下发给谁", "下发何处", "下发给谁", "发往何处", "发给谁", "涉何事", "参与哪些任务", "所涉", "参与的", "有定期", "有明确期限", "了结", "完成",
	"但为", "只作为", "不为牵头", "不牵头", "全然不预", "完全不参与", "不预", "不参与", "承办者", "作为责任单位的",
	"何别", "有什么区别", "窒碍", "问题", "当报何处", "向谁报告",
	"所谓三制", "三项制度", "三制", "三项制度", "分解之表", "分解表", "何物", "什么", "下一到期", "下一个到期", "限期最", "期限最",
)

// notOwnZhe is a Chinese character before 者 that does not make it a word of
// its own (记者, 或者, 前者, 两者): 者 there closes a description.
const notOwnZhe = `([^记读或作患前后两三二再学使笔长\P{Han}])`

var (
	// reClassicalIs is 系 as "is" (系何项, 今日系九月, 各系何号): plain Mandarin
	// writes 是. 系 in a word (系统, 关系, 体系) has none of these beside it.
	reClassicalIs = regexp.MustCompile(`([日今即各均皆])系|系([哪谁什多\d一二三四五六七八九十])`)
	// reClassicalOf is 之 for 的 between two words (牵头之任务); 之前, 之内,
	// 之一, 总之 and the like keep it.
	reClassicalOf = regexp.MustCompile(`([^总加随久反使言分\P{Han}])之([^前后内间外一际类中上下日时初末余乎\P{Han}])`)
	// reClassicalWhich is 者 closing a description (九月底到期者，哪几项): the
	// tasks so described. 记者, 或者, 前者 and the like are words of their own.
	reClassicalWhich = regexp.MustCompile(notOwnZhe + `者([,、。?共多计有是还]|$)`)
	// reClassicalWhichAsk is such a description asked of at once (到期者哪几项).
	reClassicalWhichAsk = regexp.MustCompile(notOwnZhe + `者哪`)
	// reClassicalWhat is 为何 closing a question (文号为何？): "is what", not
	// "why".
	reClassicalWhat = regexp.MustCompile(`为何([?。]|$)`)
	// reClassicalWhatOf is 者何 closing a question (责任单位所负者何？): what
	// the thing described is.
	reClassicalWhatOf = regexp.MustCompile(`者何([?。,]|$)`)
	// reClassicalBareWhat is 何 as "what" left after the question words
	// above (系何网站, 所负何): 如何, 任何, 为何, 几何 and 何时 are words of
	// their own.
	reClassicalBareWhat = regexp.MustCompile(`([^如任为几奈\P{Han}])何([^时以况必苦妨等指\P{Han}]|[?。,]|$)`)
	// reClassicalYesNo is 否 closing a question (较一般者短否？): 吗; so is 乎
	// (本局但执行乎？).
	reClassicalYesNo = regexp.MustCompile(`([^是能可与妥\P{Han}])[否乎]([?。]|$)`)
	// reClassicalPart is 第三部 for the body's or table's third part (第三部言保障).
	reClassicalPart = regexp.MustCompile(`第(\d{1,2}|[一二三四五六七八九十])部([^分门\d])`)
	// reClassicalOnePart is 一节, 一部 after a topic (审核制度一部，信息化一节): that part.
	reClassicalOnePart = regexp.MustCompile(`([^第\d\P{Han}])[一1](节|部)([,，])`)
)

// classical reads the written register.
var classical = &dialect{markWords: classicalMarks, words: classicalWords, grammar: []rewrite{
	{reClassicalWhat, "是什么$1"},
	{reClassicalWhatOf, "的是什么$1"},
	{reClassicalBareWhat, "${1}什么${2}"},
	{reClassicalYesNo, "${1}吗$2"},
	{reClassicalIs, "${1}是${2}"},
	{reClassicalPart, "第${1}部分${2}"},
	{reClassicalOnePart, "${1}那部分${3}"},
	{reClassicalOf, "${1}的${2}"},
	{reClassicalWhich, "${1}的${2}"},
	{reClassicalWhichAsk, "${1}的是哪"},
}}
