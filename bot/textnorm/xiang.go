package textnorm

import "strings"

// Officers from Hunan and Hubei type their speech's words in Mandarin
// questions (Xiang: 搞么子, 冒得期限, 咯个通知, 怎么港的, 好多天之内; Wuhan: 么事,
// 么时候, 搞么斯). xiang writes them as the Mandarin the rest of the engine
// reads. Like the other dialects it runs only on text that holds
// one of its marks, so that 香港, 好多 (many) and 感冒 in Mandarin questions
// are left alone.

// xiangMarks are Xiang words written with characters Mandarin uses.
var xiangMarks = []string{"么子", "冒得", "冒写", "冒公开", "冒有", "咯个", "咯号", "咯张", "咯份", "咯件", "咯条", "咯项", "咯些", "要得", "伢子", "港一下", "怎么港", "莫跟我港", "别个", "么事", "么斯", "么时候", "么样", "么办"}

// xiangWords are Xiang words and their Mandarin, longest first where one
// holds another.
var xiangWords = strings.NewReplacer(
	"搞么子", "干什么", "么子", "什么", "搞么斯", "干什么", "么斯", "什么",
	// 么 for 什么 and 怎么 (么事, 么时候, 么办) where no 什 or 怎 is before it
	"什么", "什么", "怎么", "怎么", "那么", "那么", "这么", "这么", "多么", "多么", "要么", "要么",
	"么事", "什么", "么时候", "什么时候", "么时间", "什么时间", "么样", "怎么样", "么办", "怎么办", "么搞", "怎么搞", "么回事", "怎么回事", "冒得", "没有", "冒", "没",
	"咯个", "这个", "咯号", "这种", "咯张", "这张", "咯份", "这份", "咯件", "这件", "咯条", "这条", "咯项", "这项", "咯些", "这些",
	"香港", "香港", "港澳", "港澳", "港", "讲", // 港一下, 怎么港的: 讲
	"好多天", "多少天", "好多钱", "多少钱", "好多项", "多少项", "好多条", "多少条", "有好多", "有多少", "是好多", "是多少", "好大", "多大", "好久", "多久",
	"几时", "什么时候", "别个", "别人", "伢子", "孩子", "莫跟我", "别跟我", "要得", "可以",
)

// xiang reads written Xiang.
var xiang = &dialect{markWords: xiangMarks, words: xiangWords}
