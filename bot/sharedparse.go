package bot

import (
	"slices"
	"sync"
	"time"

	"dutybot/bot/textnorm"
	"dutybot/knowledge"
)

// A question asked across many notices (250 in the 10,000-task benchmark)
// was parsed once per notice, and parsing is most of what answering it in a
// notice costs: 0.3 ms each, 75 ms in all. The parse depends on a notice
// only through the year a bare month means (9月底 is 2019-09-30 in a 2019
// table, 2020-09-30 in a 2020 one); the units, synonyms and slips it reads
// are those of all notices together, as topicNotices and aboutTaskNumber
// already read them. sharedParse parses a message once per such year
// pattern and hands each notice a copy of its own.

// sharedParse parses one message for many notices, once per year pattern.
// It is safe for the goroutines of inEach.
type sharedParse struct {
	all *snapshot // the snapshot of every notice: units, synonyms and slips
	mu  sync.Mutex
	got map[[12]int]*query
}

func newSharedParse(all *snapshot) *sharedParse {
	return &sharedParse{all: all, got: map[[12]int]*query{}}
}

// query returns the parse of r's message for r's notice, a copy the caller
// may change.
func (p *sharedParse) query(r *request) *query {
	c := r.clock()
	years := r.snap.yearsOf(r.today.Year)
	p.mu.Lock()
	defer p.mu.Unlock()
	q, ok := p.got[years]
	if !ok {
		q = parse(p.all.slips.Replace(builtinMixed.read(textnorm.Fold(r.text))), p.all, c)
		q.noticeAsk() // read once here, shared by every copy
		// the topic words are rewritten once too, with the thesaurus of all
		for i, seg := range q.rest {
			q.rest[i] = p.all.thes.Rewrite(seg)
		}
		q.rewritten = true
		p.got[years] = q
	}
	return q.clone()
}

// yearsOf is the year each month means (yearOf) in a question asked in
// year, January first: the key of sharedParse. It is read once per snapshot
// and year, not once per message and notice.
func (s *snapshot) yearsOf(year int) [12]int {
	if v, ok := s.yearsCache.Load(year); ok {
		return v.([12]int)
	}
	var ys [12]int
	of := s.yearOf(knowledge.Date{Year: year, Month: 1, Day: 1})
	for m := range ys {
		ys[m] = of(time.Month(m + 1))
	}
	s.yearsCache.Store(year, ys)
	return ys
}

// clone returns a copy of q that shares nothing a caller may change.
func (q *query) clone() *query {
	c := *q
	c.nums, c.units, c.mentions = slices.Clone(q.nums), slices.Clone(q.units), slices.Clone(q.mentions)
	c.rest, c.conds = slices.Clone(q.rest), slices.Clone(q.conds)
	if q.when != nil {
		w := *q.when
		c.when = &w
	}
	if q.part != nil {
		pt := *q.part
		c.part = &pt
	}
	return &c
}
