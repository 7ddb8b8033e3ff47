package textnorm

import (
	"regexp"
	"strings"
)

// Officers from southern Fujian type Minnan words in Mandarin questions
// (啥物, 按怎处理, 敢有别的单位, 毋是牵头, 佗几项, 今仔日). minnan writes them as
// the Mandarin the rest of the engine reads. Like the other dialects it runs
// only on text that holds one of its marks.

// minnanMarkChars are characters of written Minnan that Mandarin text rarely
// holds (毋 in 毋庸 changes nothing: no Minnan word follows it).
const minnanMarkChars = "毋佗攏矣"

// minnanMarks are Minnan words written with characters Mandarin uses.
var minnanMarks = []string{"啥物", "按怎", "敢有", "敢会", "今仔日", "干焦", "内底", "会使", "紧接落来", "卡早", "上早", "上尾", "有讲无", "阮"}

// minnanWords are Minnan words and their Mandarin, longest first where one
// holds another.
var minnanWords = strings.NewReplacer(
	"啥物", "什么", "啥人", "谁", "按怎", "怎么", "敢有", "有没有", "敢会使", "能不能", "敢会", "会不会", "会使", "可以",
	"毋是", "不是", "毋免", "不用", "毋", "不", "佗几项", "哪几项", "佗一项", "哪一项", "佗一工", "哪一天", "佗一个", "哪个", "佗", "哪",
	"伊攏", "他们都", "攏", "都", "阮", "我们", "恁", "你们", "今仔日", "今天", "矣", "了",
	"卡早", "最早", "上早", "最早", "上尾", "最晚", "内底", "里面", "干焦", "只有", "紧接落来", "接下来",
	"无够", "不够", "无写", "没写", "无份", "没份", "无公开", "没公开", "有讲无", "有没有讲", "彼项", "那项", "彼些", "那些", "彼", "那",
)

// reMinnanYesNo is 有……无 asking whether there is (有讲无, 有规定无): 有没有.
var reMinnanYesNo = regexp.MustCompile(`有(\p{Han}{1,4})无([?。,]|$)`)

// minnan reads written Minnan.
var minnan = &dialect{markChars: minnanMarkChars, markWords: minnanMarks, words: minnanWords, grammar: []rewrite{{reMinnanYesNo, "有没有$1$2"}}}
