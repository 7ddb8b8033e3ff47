package bot

import (
	"regexp"
	"sort"
	"strings"

	"dutybot/bot/search"
	"dutybot/bot/textnorm"
	"dutybot/knowledge"
)

func sortHits(hs []search.Hit) {
	sort.SliceStable(hs, func(i, j int) bool {
		if hs[i].Score != hs[j].Score {
			return hs[i].Score > hs[j].Score
		}
		return hs[i].Doc < hs[j].Doc
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
// usually says what must happen within it (…20个工作日内，向社会公布…). The
// rest of the limit's sentence counts too, for less: it often names the
// subject (建立…年报制度，…应当于每年1月20日前公开…), and without it a question
// about that subject would get the first, most generic limit of the task.
func bestPeriod(t *knowledge.Task, terms search.Terms) (string, string, bool) {
	best, bestText, bestClause := -1.0, "", ""
	ss := textnorm.Sentences(t.Content)
	weight := map[string]float64{} // limits often share a sentence or a clause
	overlap := func(s string) float64 {
		if s == "" {
			return 0
		}
		w, ok := weight[s]
		if !ok {
			w = terms.Overlap(textnorm.MatchForm(s))
			weight[s] = w
		}
		return w
	}
	for _, p := range periodsOf(t) {
		clause, sent := periodClause(ss, p)
		if clause == "" {
			clause = p.Clause
		}
		own, next, _ := strings.Cut(clause, "\x00")
		score := overlap(own) + 0.7*overlap(next) + 0.4*overlap(sent)
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

// periodClause finds p's text in the sentences ss and returns its clause and
// the next one of the same sentence, separated by a NUL, and the sentence.
func periodClause(ss []string, p knowledge.Period) (string, string) {
	if p.Text == "" {
		return "", ""
	}
	for _, s := range ss {
		if !strings.Contains(s, p.Text) {
			continue
		}
		cs := textnorm.Clauses(s)
		for i, c := range cs {
			if strings.Contains(c, p.Text) {
				if i+1 < len(cs) && !strings.HasSuffix(strings.TrimSpace(c), "前") {
					return c + "\x00" + cs[i+1], s
				}
				return c, s
			}
		}
	}
	return "", ""
}

var reNumberAsk = regexp.MustCompile(`多少|比例|几|百分|%|数量`)

// bestSentence returns the sentence of content that shares most with the
// question; a question asking for a number prefers a sentence holding one.
func bestSentence(content string, terms search.Terms, q *query) string {
	ss := textnorm.Sentences(content)
	if len(ss) == 0 {
		return ""
	}
	wantsNumber := q != nil && reNumberAsk.MatchString(q.flat)
	best, bestScore := ss[0], -1.0
	for _, s := range ss {
		score := terms.Overlap(textnorm.MatchForm(s))
		if wantsNumber && strings.ContainsAny(s, "0123456789%％") {
			score += 1.5
		}
		if score > bestScore {
			best, bestScore = s, score
		}
	}
	return best
}
