package bot

import (
	"regexp"
	"sort"
	"strings"

	"dutybot/knowledge"
)

func sortHits(hs []hit) {
	sort.SliceStable(hs, func(i, j int) bool {
		if hs[i].score != hs[j].score {
			return hs[i].score > hs[j].score
		}
		return hs[i].doc < hs[j].doc
	})
}

var rePeriodText = regexp.MustCompile(`\d+\s*个?(?:工作日|日|天|个月|月)(?:内|以内)?|每年\d+月\d+日前`)

// periodsOf returns the time limits a task's text sets: the importer's, or,
// for a notice imported without them, the ones its text plainly writes.
func periodsOf(t *knowledge.Task) []knowledge.Period {
	if len(t.Periods) > 0 {
		return t.Periods
	}
	var out []knowledge.Period
	for _, m := range rePeriodText.FindAllString(t.Content, -1) {
		out = append(out, knowledge.Period{Text: m})
	}
	return out
}

// bestPeriod picks the time limit of t that the question is about and the
// words around it: the clause holding the limit and the clause after it, which
// usually says what must happen within it (…20个工作日内，向社会公布…).
func bestPeriod(t *knowledge.Task, terms terms) (string, string, bool) {
	best, bestText, bestClause := -1.0, "", ""
	for _, p := range periodsOf(t) {
		clause := periodClause(t.Content, p)
		if clause == "" {
			clause = p.Clause
		}
		own, next, _ := strings.Cut(clause, "\x00")
		score := terms.overlap(matchForm(own)) + 0.7*terms.overlap(matchForm(next))
		text := own
		if next != "" {
			text = own + "，" + next
		}
		if score > best {
			best, bestText, bestClause = score, p.Text, text
		}
	}
	return bestText, bestClause, best >= 0
}

// periodClause finds p's text in content and returns its clause and the next
// one of the same sentence, separated by a NUL.
func periodClause(content string, p knowledge.Period) string {
	for _, s := range sentences(content) {
		cs := clauses(s)
		for i, c := range cs {
			if p.Text != "" && strings.Contains(c, p.Text) {
				if i+1 < len(cs) && !strings.HasSuffix(strings.TrimSpace(c), "前") {
					return c + "\x00" + cs[i+1]
				}
				return c
			}
		}
	}
	return ""
}

var reNumberAsk = regexp.MustCompile(`多少|比例|几|百分|%|数量`)

// bestSentence returns the sentence of content that shares most with the
// question; a question asking for a number prefers a sentence holding one.
func bestSentence(content string, terms terms, q *query) string {
	ss := sentences(content)
	if len(ss) == 0 {
		return ""
	}
	wantsNumber := q != nil && reNumberAsk.MatchString(q.flat)
	best, bestScore := ss[0], -1.0
	for _, s := range ss {
		score := terms.overlap(matchForm(s))
		if wantsNumber && strings.ContainsAny(s, "0123456789%％") {
			score += 1.5
		}
		if score > bestScore {
			best, bestScore = s, score
		}
	}
	return best
}
