package bot

import (
	"regexp"
	"strings"
)

// A question often tells what happened before it asks (上礼拜我们所给一个小伙
// 子下了罚款决定，他家里人天天问，啥时候能在网上看到？). The story's times and
// its "we" are narrative: 上礼拜 is no window of deadlines, 我们所 does not ask
// for the asker's unit's tasks. Its other words stay: they may name the topic.

// reStoryClause marks a clause that narrates: someone acting (我, 他, 领导,
// 老刘) or a time in the past (上个月, 去年, 那天), or a verb of telling.
var reStoryClause = regexp.MustCompile(`我|咱|他|她|领导|局长|所长|同事|老[\p{Han}]|上礼拜|上周|上星期|上个月|上月|去年|前年|昨天|前几天|那天|那回|上回|以前|当年|年轻时|听说|说是|跟我说|告诉我`)

// reClauseEnd separates clauses: sentence ends, commas and colons.
var reClauseEnd = regexp.MustCompile(`[,，.。;；!！:：?？]+`)

// storyClauses returns text split into clauses, each with the separator that
// ends it, and which of them tell a story: those before the last clause that
// asks, that narrate and ask nothing themselves.
func storyClauses(text string) ([]string, []bool) {
	var parts []string
	last := 0
	for _, loc := range reClauseEnd.FindAllStringIndex(text, -1) {
		parts = append(parts, text[last:loc[1]])
		last = loc[1]
	}
	if last < len(text) {
		parts = append(parts, text[last:])
	}
	story := make([]bool, len(parts))
	ask := -1
	for i, p := range parts {
		if reAsking.MatchString(p) {
			ask = i
		}
	}
	for i := 0; i < ask; i++ {
		story[i] = reStoryClause.MatchString(parts[i]) && !reAsking.MatchString(parts[i])
	}
	return parts, story
}

// withoutStory returns text with the story's clauses put through cut (which
// takes out what the story must not add) and the asking part as it was.
func withoutStory(text string, cut func(string) string) string {
	parts, story := storyClauses(text)
	var b strings.Builder
	for i, p := range parts {
		if story[i] {
			p = cut(p)
		}
		b.WriteString(p)
	}
	return b.String()
}
