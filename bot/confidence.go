package bot

import (
	"strings"

	"dutybot/bot/search"
)

// plausibleMatched is the IDF weight a question's best match must hold for
// the notice to plausibly cover a question that no document answers clearly
// (relevant). It comes from measured distributions, not from phrases: over
// the project's labelled question files (1,388 questions) the out-of-scope
// questions that reach the search (31: 出入境电子签证, 公安局电话多少, 身份证咋办…)
// hold a best match of at most 5.6 (95th percentile 4.2: one shared word
// such as 执法, 公安 or 电子); of 28 in-scope paraphrases an earlier engine
// refused, the 21 at or above 6.0 had the right task first in 20, those below
// it in 1 of 7. TestPlausibleCalibration recomputes the out-of-scope side.
const plausibleMatched = 2 * minMatched

// tentativeMatched is the IDF weight a question's best match must hold for
// answerFact to answer it tentatively, with the best match and alternatives,
// rather than say the notice does not cover it. plausibleMatched still
// decides where a question goes (notice, units, table); this is only the
// last step's choice between a tentative answer and a denial. Measured over
// all 4,134 labelled questions: the out-of-scope questions that reach that
// step and name no foreign unit (foreignUnit) hold at most 3.7 of their best
// match (one shared word such as 执法 is 3.5); in-scope questions denied there
// at 6.0 hold 1.4–5.9. At 4.2, 14 of the 34 in-scope questions still denied
// are answered (8 with the right task first; 4,033 → 4,041 right); at 3.6 one
// more is lost and none gained. TestPlausibleCalibration recomputes it.
const tentativeMatched = 1.4 * minMatched

// coverable reports whether the best hit holds enough of the question for a
// tentative answer rather than a denial (tentativeMatched).
func coverable(hits []search.Hit) bool {
	return len(hits) > 0 && hits[0].Matched >= tentativeMatched
}

// plausible reports whether the best hit holds enough of the question for the
// notice to plausibly answer it, though not clearly (relevant).
func plausible(hits []search.Hit) bool {
	return len(hits) > 0 && hits[0].Matched >= plausibleMatched
}

// maxAlternatives is how many other candidates a tentative answer offers.
const maxAlternatives = 2

// alternativeShare is the share of the best score a candidate must have to be
// offered as "也可能是": a weaker one is noise, not a near miss.
const alternativeShare = 0.5

// tentative answers a question the notice plausibly covers with the best
// matching task, says plainly that the match is uncertain, and offers the next
// candidates with the sentences they would quote.
func (r *request) tentative(q *query, t search.Terms, hits []search.Hit) (Reply, error) {
	top := r.snap.idx.Docs[hits[0].Doc]
	head, quote, err := r.taskHeadline(q, top.Notice, top.Task, t)
	if err != nil {
		return Reply{}, err
	}
	if quote == "" {
		quote = bestSentence(top.Task.Content, t, q)
	}
	if q.ask == 0 {
		head = r.loc.T(msgAnsFact, map[string]any{"N": top.Task.Number, "Quote": quote})
	}
	it, err := r.item(top.Notice, top.Task, quote)
	if err != nil {
		return Reply{}, err
	}
	rep := Reply{Kind: "fact", Tasks: []int{top.Task.Number}, Items: []Item{it}}
	if q.ask&askWho != 0 {
		rep.Kind = "who"
	}
	rep.Headline = r.loc.T(msgAnsUnsure, map[string]any{"Answer": head})
	text := []string{rep.Headline, r.detail(it, top.Task, quote != top.Task.Content)}
	var alts []string
	for _, h := range hits[1:] {
		if len(alts) == maxAlternatives || h.Score < alternativeShare*hits[0].Score {
			break
		}
		d := r.snap.idx.Docs[h.Doc]
		if d.Kind != search.Task || d.Notice != top.Notice {
			continue
		}
		rep.Tasks = append(rep.Tasks, d.Task.Number)
		alts = append(alts, r.loc.T(msgAnsAlternative, map[string]any{"N": d.Task.Number, "Quote": bestSentence(d.Task.Content, t, q)}))
	}
	if len(alts) > 0 {
		text = append(text, r.loc.T(msgAnsMaybe, map[string]any{"Tasks": strings.Join(alts, "\n")}))
	}
	rep.Text = strings.Join(text, "\n\n")
	return rep, nil
}
