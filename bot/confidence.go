package bot

import (
	"strings"
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
func coverable(hits []hit) bool {
	return len(hits) > 0 && hits[0].matched >= tentativeMatched
}

// plausible reports whether the best hit holds enough of the question for the
// notice to plausibly answer it, though not clearly (relevant).
func plausible(hits []hit) bool {
	return len(hits) > 0 && hits[0].matched >= plausibleMatched
}

// maxAlternatives is how many other candidates a tentative answer offers.
const maxAlternatives = 2

// alternativeShare is the share of the best score a candidate must have to be
// offered as "也可能是": a weaker one is noise, not a near miss.
const alternativeShare = 0.5

// tentative answers a question the notice plausibly covers with the best
// matching task, says plainly that the match is uncertain, and offers the next
// candidates with the sentences they would quote.
func (r *request) tentative(q *query, t terms, hits []hit) (Reply, error) {
	top := r.snap.idx.docs[hits[0].doc]
	head, quote, err := r.taskHeadline(q, top.notice, top.task, t)
	if err != nil {
		return Reply{}, err
	}
	if quote == "" {
		quote = bestSentence(top.task.Content, t, q)
	}
	if q.ask == 0 {
		head = r.loc.T(msgAnsFact, map[string]any{"N": top.task.Number, "Quote": quote})
	}
	it, err := r.item(top.notice, top.task, quote)
	if err != nil {
		return Reply{}, err
	}
	rep := Reply{Kind: "fact", Tasks: []int{top.task.Number}, Items: []Item{it}}
	if q.ask&askWho != 0 {
		rep.Kind = "who"
	}
	rep.Headline = r.loc.T(msgAnsUnsure, map[string]any{"Answer": head})
	text := []string{rep.Headline, r.detail(it, top.task, quote != top.task.Content)}
	var alts []string
	for _, h := range hits[1:] {
		if len(alts) == maxAlternatives || h.score < alternativeShare*hits[0].score {
			break
		}
		d := r.snap.idx.docs[h.doc]
		if d.kind != docTask || d.notice != top.notice {
			continue
		}
		rep.Tasks = append(rep.Tasks, d.task.Number)
		alts = append(alts, r.loc.T(msgAnsAlternative, map[string]any{"N": d.task.Number, "Quote": bestSentence(d.task.Content, t, q)}))
	}
	if len(alts) > 0 {
		text = append(text, r.loc.T(msgAnsMaybe, map[string]any{"Tasks": strings.Join(alts, "\n")}))
	}
	rep.Text = strings.Join(text, "\n\n")
	return rep, nil
}
