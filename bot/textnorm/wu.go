package textnorm

import (
	"regexp"
	"strings"
)

// Officers from Shanghai, Jiangsu and Zhejiang type Wu words in Mandarin
// questions (阿拉分局, 啥辰光发的, 有日期的有伐). wu writes them as the Mandarin
// the rest of the engine reads. Like cantonese it runs only on text that holds
// a mark of written Wu that Mandarin text does not (wuMarks), so that 讲, 拨
// and 好, which Mandarin uses too, are read as Wu only there.

// wuMarkChars are characters of written Wu that Mandarin text rarely holds
// (伐 in 采伐 changes nothing: no Wu word follows it).
const wuMarkChars = "搿侬勿伐"

// wuMarks are words of written Wu made of characters Mandarin does use.
var wuMarks = []string{"阿拉", "辰光", "今朝", "事体", "勒里", "里向", "哪能"}

// wuWords are written Wu words and their Mandarin, longest first where one
// holds another.
var wuWords = strings.NewReplacer(
	"搿桩事体", "这件事", "搿份", "这份", "搿个", "这个", "搿条", "这条", "搿些", "这些", "搿一块", "这一块", "搿", "这",
	"阿拉", "我们", "侬", "你", "啥人", "谁", "啥辰光", "什么时候", "辰光", "时候", "今朝", "今天", "明朝", "明天",
	"事体", "事情", "哪能", "怎么", "勒里向", "在里面", "里向", "里面", "勒", "在",
	"一眼眼勿搭界", "一点关系都没有", "勿搭界", "不沾边", "勿要", "不要", "勿", "不", "晓得伐", "知道吗", "晓得", "知道",
	"一眼眼", "一点点", "老少额", "很少", "发拨", "发给", "好看", "能看",
	"撤脱了", "撤了", "错脱了", "错了", "脱了", "了",
)

// reWuQuestion is 伐 ending a question (有伐, 算勒里向伐): Mandarin writes 吗.
var reWuQuestion = regexp.MustCompile(`伐([?？,，。!！\s]|$)`)

// wu reads written Wu.
var wu = &dialect{markChars: wuMarkChars, markWords: wuMarks, words: wuWords, grammar: []rewrite{{reWuQuestion, "吗$1"}}}
