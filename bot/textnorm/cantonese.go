package textnorm

import (
	"regexp"
	"strings"
)

// Officers from Guangdong write Cantonese words in Mandarin questions (边个带头搞,
// 有冇定咗日期, 佢哋). cantonese writes them as the Mandarin the rest of the
// engine reads. It runs only on text that holds a character written Cantonese
// uses and Mandarin does not (cantoneseMarks), so that 边, 点 and 系, which
// Mandarin uses too (边界, 节点, 系统), are read as Cantonese only there.

// cantoneseMarks are characters of written Cantonese that Mandarin text does
// not hold.
const cantoneseMarks = "嘅咗冇唔佢哋嗰啲喺咩睇揾畀俾嘢乜咁嚟掂嚿冚"

// cantoneseWords are written Cantonese words and their Mandarin, longest
// first where one holds another.
var cantoneseWords = strings.NewReplacer(
	"系唔系", "是不是", "系咪", "是不是", "有冇得", "有没有", "冇得", "没有", "有冇", "有没有", "系咩", "是什么", "乜嘢", "什么", // 冇得: Hubei and Hunan write it too
	"边个单位", "哪个单位", "边个部门", "哪个部门", "边个", "谁", "边几项", "哪几项", "边几条", "哪几条",
	"边几个", "哪几个", "边啲", "哪些", "边项", "哪项", "边条", "哪条", "边度", "哪里", "边份", "哪份",
	"边三个", "哪三个", "边三样", "哪三样", "边样", "哪样", "边几单", "哪几项", "下一单", "下一项", "边单", "哪项", "边", "哪",
	"自己落手做", "自己具体干", "落手做", "具体干", "落手", "动手",
	"呢份", "这份", "呢个", "这个", "呢啲", "这些", "呢项", "这项", "呢条", "这条",
	"嗰边", "那边", "嗰度", "那里", "嗰啲", "那些", "嗰条", "那条", "嗰个", "那个", "嗰", "那", "啲", "些",
	"佢哋", "他们", "我哋", "我们", "你哋", "你们", "佢", "他",
	"点样", "怎样", "点搞", "怎么办", "点处理", "怎么处理", "点做", "怎么做", "点算", "怎么办", "点解", "为什么",
	"几时", "什么时候", "几多", "多少", "而家", "现在", "今个月", "这个月", "下个月", "下个月",
	"跟住落嚟", "接下来", "落嚟", "下来", "跟住做", "跟着做", "跟住干", "跟着干", "跟住", "接着",
	"赶住", "赶着", "仲未", "还没", "仲要", "还要", "仲有", "还有",
	"唔使", "不用", "唔洗", "不用", "净系得", "只有", "净系", "只是", "过咗期", "过了期", // 唔使: need not; 净系得X一个: only X
	"唔落力", "不力", "通知话", "通知说", "文件话", "文件说", "搞掂", "完成", "死线", "期限", "做嘢", "做事", "嘢", "事", "咩", "什么", "乜", "什么",
	"嘅", "的", "咗", "了", "冇", "没有", "唔系", "不是", "唔", "不",
	"喺", "在", "一齐", "一起", "睇", "看", "揾", "找", "畀", "给", "俾", "给", "咁", "那",
)

// reCantoneseIs is 系 as "is" (即系, 只系, 系边项, 系9月): Mandarin writes 是.
// 系 in a word (系统, 关系, 体系) has none of these beside it.
var reCantoneseIs = regexp.MustCompile(`([即只就都又先仲而我佢你唔亦也])系|系([哪谁什边咩唔冇咪自一\d])`)

// reCantoneseOnly is 得 as "only" before a unit and one of it (责任单位得分县局一个).
var reCantoneseOnly = regexp.MustCompile(`得(\p{Han}{2,8}?)(一个|一家|1个|1家)`)

// cantonese reads written Cantonese.
var cantonese = &dialect{markChars: cantoneseMarks, words: cantoneseWords, grammar: []rewrite{{reCantoneseIs, "${1}是${2}"}, {reCantoneseOnly, "只有${1}${2}"}}}
