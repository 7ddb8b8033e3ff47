package bot

import (
	"context"
	"sort"
	"testing"
	"time"

	"dutybot/knowledge"
)

// labelledFiles are the project's question files with answers.
var labelledFiles = []string{"testdata/dev.jsonl", "testdata/questions.jsonl", "testdata/unseen.jsonl",
	"testdata/unseen2.jsonl", "testdata/regressions.jsonl", "testdata/unseen3.jsonl", "testdata/unseen4.jsonl",
	"testdata/unseen5.jsonl", "testdata/unseen6.jsonl"}

// bestMatched returns the IDF weight the best-ranked document holds of a
// question, as answerFact sees it, and whether an off-topic phrase refuses
// the question before any search.
func bestMatched(e *Engine, text string, now time.Time) (float64, bool) {
	r := &request{e: e, ctx: context.Background(), text: text, loc: e.bundle.For("zh-CN"),
		today: knowledge.DateOf(now.In(e.loc)), states: map[string]map[int][]knowledge.Assignment{}}
	r.snap = e.snap.Load()
	q := r.parseText(text)
	hits := r.rank(q, r.topicTerms(q))
	if len(hits) == 0 {
		return 0, containsAny(q.flat, r.snap.offtop)
	}
	return hits[0].Matched, containsAny(q.flat, r.snap.offtop)
}

// TestPlausibleCalibration recomputes the distribution plausibleMatched was
// read from: every out-of-scope question of the labelled files that reaches
// the search must hold less than plausibleMatched of its best match, with a
// margin, or the threshold would answer it with a task.
func TestPlausibleCalibration(t *testing.T) {
	if testing.Short() {
		t.Skip("answers to the question files hold no concurrency: run without -short (CI runs them once, without -race)")
	}
	e, _ := newTestEngine(t)
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, e.loc)
	var none []float64
	for _, file := range labelledFiles {
		for _, c := range readCases(t, file) {
			if c.Kind != "none" {
				continue
			}
			m, off := bestMatched(e, c.Q, now)
			if !off {
				none = append(none, m)
			}
		}
	}
	// tentativeMatched is lower: the last step answers tentatively from it,
	// after every other way to refuse (a task number that does not exist, a
	// foreign unit, off-topic words). Out of scope questions of every file
	// that reach the search and hold that much must still be refused.
	var above int
	for _, fr := range freshRounds {
		for _, c := range readCases(t, fr.file) {
			if c.Kind != "none" {
				continue
			}
			if m, off := bestMatched(e, c.Q, now); off || m < tentativeMatched {
				continue
			}
			above++
			if rep := e.Handle(context.Background(), Message{User: "U1", Via: "console", Text: c.Q, Now: now}); len(rep.Tasks) > 0 {
				t.Errorf("%s: out-of-scope %q got a tentative answer %v", fr.file, c.Q, rep.Tasks)
			}
		}
	}
	t.Logf("out-of-scope questions of the fresh rounds holding tentativeMatched %.2f or more, refused by the steps before: %d", tentativeMatched, above)
	if len(none) < 20 {
		t.Fatalf("only %d out-of-scope questions reach the search: too few to calibrate on", len(none))
	}
	sort.Float64s(none)
	p95 := none[len(none)*95/100]
	t.Logf("out-of-scope questions reaching the search: %d; best match p50 %.2f, p95 %.2f, max %.2f; threshold %.2f",
		len(none), none[len(none)/2], p95, none[len(none)-1], plausibleMatched)
	if max := none[len(none)-1]; max >= plausibleMatched {
		t.Errorf("an out-of-scope question holds %.2f of its best match, above plausibleMatched %.2f", max, plausibleMatched)
	}
	if p95 >= 0.8*plausibleMatched {
		t.Errorf("95th percentile %.2f is within 20%% of plausibleMatched %.2f: no margin left", p95, plausibleMatched)
	}
}
