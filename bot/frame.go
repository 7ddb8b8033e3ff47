package bot

import (
	"regexp"
	"slices"
	"sort"
	"strings"
)

// scaffolding are the words that frame a question (是什么, 由谁牵头, 哪些任务)
// rather than say what it is about; they split the rest into phrases.
var scaffolding = func() *strings.Replacer {
	words := []string{
		"请问", "请", "问一下", "我想知道", "我想问", "想问", "告诉我", "一下", "帮我", "查一下", "查询", "看看",
		"是什么", "是哪些", "是哪项", "是哪条", "是哪个", "是多少", "是谁", "是否", "是不是", "有没有",
		"什么时候", "什么", "哪些", "哪项", "哪条", "哪个", "哪几", "哪里", "哪儿", "哪", "怎么办", "怎么样", "怎么", "怎样", "如何",
		"多少", "几个", "几项", "几天", "几日", "几", "吗", "呢", "吧", "啊", "呀", "的", "了", "么",
		"哪个部门", "哪个单位", "哪些部门", "哪些单位", "什么部门", "什么单位", "哪个警种", "哪家单位",
		"牵头单位", "责任单位", "负责单位", "主办单位",
		"由谁", "谁来", "谁负责", "谁", "牵头", "主办", "负责单位", "负责哪", "负责的", "参与", "涉及", "作为", "分别",
		"有什么", "一共有", "一共", "总共", "共有", "共计", "总计",
		"任务", "工作任务", "这项", "该项", "这个", "那个", "这条", "要求", "规定", "内容",
		// everyday words for 要求 (罚缴这块有啥硬杠杠)
		"硬杠杠", "硬杠子", "硬要求", "硬性要求", "硬性规定", "硬性", "讲究", "说道", "门道", "死规矩", "规矩",
		"到期", "截止", "期限", "时限", "之前", "以前", "底前", "要完成", "需要完成", "完成", "还没", "没有", "已经", "还有",
		"有哪些", "都有", "所有", "全部", "列出", "拉个清单", "拉一个清单", "应该", "需要", "可以", "能不能", "能否",
		"通知", "文件", "这份", "本通知", "里", "中", "和", "及", "与", "或",
		"多长时间", "多长", "多久", "部分", "参加", "担任",
		// setting a named unit aside in a question about one task's units (除了办公室另一个是谁)
		// framing: the situation, not the topic (万一, 以后, 现在 would be rewritten
		// by the thesaurus into words of tasks: 意外, 事后)
		"接下来", "最近的", "最近", "万一", "如果", "要是", "假如", "假设", "现在", "以后", "今后", "领导说", "听说",
		"哪俩部门", "哪俩单位", "哪2个部门", "哪2个单位", "一起挑头", "一起牵头",
		"除了", "除去", "另一个", "另外一个", "另外", "其他", "别的", "跟着干", "那条", "那项", "这一条", "那一条",
		// a role said as the work (配合干活的, 出现在哪几项): read as the role, no topic
		"配合干活", "具体干活", "出现在",
		// pointing back at the matter described (政务窗口挂公示牌这件事，谁来牵头)
		"这件事情", "这件事", "那件事情", "那件事", "这个事情", "这个事儿", "那个事情", "那个事儿", "这事儿", "这档子事", "这摊事",
		// a modal before the question word (执法决定要怎样推送): the 要 belongs to the asking, not the topic
		"要怎么样", "要怎样", "要怎么", "要如何", "该怎么样", "该怎样", "该怎么", "该如何", "应怎样", "应如何", "应该怎样", "应该如何",
		// yes/no framing (穿便装行不行, 的时候): the asking, not the topic
		"的时候", "时候", "行不行", "行不", "可不可以", "好不好", "对不对", "要不要", "用不用", "算不算", "需不需要", "能不",
		"方面", "比例", "百分比", "占比", "比重", "总体上", "总体", "整体上", "整体", "总的来说", "总的",
		// asking for a time limit: the 内 of 时限内 is the question's, not a word of the topic
		"时限内", "期限内", "什么时间内", "多长时间内", "多久内", "几天内", "几日内", "几个工作日内",
		"多少天内", "多少日内", "多少个工作日内", "多少工作日内",
	}
	// the words of filters the parser has already read
	for _, ws := range [][]string{lateWords, lateTaskWords, soonWords, ongoingWords, openWords, doneWords, partialWords, overview} {
		words = append(words, ws...)
	}
	words = append(words, "已", "还", "未", "没", "我们单位", "我们", "我的", "本单位", "1个")
	// the words for a deadline (到期节点, 交差): the filters read them
	words = append(words, builtinLexicon.due...)
	// 罚没 is one word of the notices, not 罚 and a 没: it stands for itself
	// (a longer key wins where both match)
	keep := []string{"罚没"}
	sort.SliceStable(words, func(i, j int) bool { return len(words[i]) > len(words[j]) })
	var pairs []string
	for _, w := range keep {
		pairs = append(pairs, w, w)
	}
	for _, w := range words {
		pairs = append(pairs, w, "|")
	}
	return strings.NewReplacer(pairs...)
}()

// reAsksMe is a unit putting the question to the asker (督察问我…, 法制让我查):
// it set the scene, its tasks are not asked for.
// Its people and a call count as the unit (科技处的人问, 交警那边刚来电话问):
// 问 followed by what was asked (办公室问，…) puts the question too, and its
// people telling it (办公室那边说要把公开的规矩立起来) only set the scene.
var reAsksMe = regexp.MustCompile(`^\|?(的)?(人|同志们?|同事们?|领导|那边|这边|那头)(刚才|刚刚|今天|上午|下午)?(也)?说|^\|?(的)?(人|同志们?|同事们?|民警|领导|那边|这边|那头)?(刚才|刚刚|刚|今天|上午|下午)?(来电话|打电话|打来电话|来电|来)?(问|让|叫|要|催|找|跟)(我|俺|咱)|^\|?(的)?(人|同志们?|同事们?|民警|领导|那边|这边|那头)?(刚才|刚刚|刚|今天|上午|下午)?(来电话|打电话|打来电话|来电|来)?问(了)?(一下|一句)?(\||$)`)

// reBackRef points back at the units that asked (表里有他们的事吗): the
// question is about them after all.
var reBackRef = regexp.MustCompile(`他们|她们|它们|(^|[^其])它|their|they`)

// withoutAskers returns units and mentions without the units that only put
// the question to the asker.
func withoutAskers(sq string, units, mentions []string, canon func(string) string) ([]string, []string) {
	var keepU, keepM []string
	dropped := map[string]bool{}
	for _, m := range mentions {
		if i := strings.Index(sq, m); i >= 0 && reAsksMe.MatchString(sq[i+len(m):]) {
			dropped[canon(m)] = true
			continue
		}
		keepM = append(keepM, m)
	}
	if len(dropped) == 0 || reBackRef.MatchString(sq) {
		return units, mentions
	}
	for _, u := range units {
		if !dropped[u] || slices.ContainsFunc(keepM, func(m string) bool { return canon(m) == u }) {
			keepU = append(keepU, u)
		}
	}
	return keepU, keepM
}
