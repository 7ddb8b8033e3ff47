package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"dutybot/bot/search"
	"dutybot/bot/textnorm"
	"dutybot/i18n"
	"dutybot/knowledge"
)

// Engine answers chat messages about the stored notices. It is safe for
// concurrent use: Load swaps in a new read-only snapshot of the notices, and
// completion state is read from the store for every message, so several
// replicas over one database agree.
type Engine struct {
	st     knowledge.Store
	admins map[string]bool
	loc    *time.Location
	lang   string
	log    *slog.Logger
	bundle *i18n.Bundle
	now    func() time.Time
	snap   atomic.Pointer[snapshot]
	// workdays is the calendar the traffic lights count working days in.
	workdays knowledge.Workdays
	// unboundChannel and adminChannel address notifications (notify.go).
	unboundChannel, adminChannel string
	// dashboard makes the web dashboard's links (nil: not set up).
	dashboard DashboardLinker
}

// New returns an Engine over st. Call Load before Handle.
func New(st knowledge.Store, opts ...Option) (*Engine, error) {
	if st == nil {
		return nil, errors.New("new engine: nil store")
	}
	var err error
	e := &Engine{st: st, admins: map[string]bool{}, loc: knowledge.China, lang: i18n.Default,
		log: slog.New(slog.NewTextHandler(io.Discard, nil)), now: time.Now}
	for _, o := range opts {
		if err := o(e); err != nil {
			return nil, fmt.Errorf("new engine: %w", err)
		}
	}
	if e.bundle == nil {
		if e.bundle, err = i18n.New(); err != nil {
			return nil, fmt.Errorf("new engine: %w", err)
		}
	}
	return e, nil
}

// Bundle returns the engine's message bundle, for adapters that write their own sentences.
func (e *Engine) Bundle() *i18n.Bundle { return e.bundle }

// IsAdmin reports whether user may change shared state.
func (e *Engine) IsAdmin(user string) bool { return e.admins[user] }

// Load (re)reads the notices from the store and rebuilds the search index.
func (e *Engine) Load(ctx context.Context) error {
	ns, err := e.st.Notices(ctx)
	if err != nil {
		return fmt.Errorf("load notices: %w", err)
	}
	// The store's units add what no notice names: members given to a group
	// later, with the group's member list.
	us, err := e.st.Units(ctx)
	if err != nil {
		return fmt.Errorf("load units: %w", err)
	}
	memo := replacerMemo{}
	s := memo.snapshot(ns, us)
	s.multi = newNoticeScopes(ns, us, memo) // noticescope.go
	e.snap.Store(s)
	e.log.Debug("notices loaded", "notices", len(ns))
	return nil
}

// snapshot is an immutable view of the notices, built by Load.
type snapshot struct {
	notices   []*knowledge.Notice
	cur       *knowledge.Notice // the latest import: the one task numbers refer to
	units     *unitIndex
	idx       *search.Index
	abbrev    map[string]string // folded 简称 → what it stands for (三项制度 → 行政执法公示制度、…)
	forms     topicForms        // everyday constructions for the notices' terms (lexicon [forms])
	syn       *strings.Replacer // an officer's words → the notices' words (newSynonyms)
	thes      *topicRewriter    // synonyms of the thesaurus, for topic words (newThesaurus)
	slips     *strings.Replacer // typing slips → the notices' words, over the whole question
	offtop    []string          // off-topic phrases the notices never use (lexicon [offtopic])
	offShield *strings.Replacer // cuts the everyday words for notice terms that hold an off-topic phrase (offtopicShield)
	words     string            // everything a question's words may match, in match form
	// beyondIndex is the part of words the search index does not hold: titles,
	// preambles, the tables' notes, cited documents, unit names
	beyondIndex string
	docOf       map[*knowledge.Task]int
	// leaders are the units that lead a task in some notice
	leaders map[string]bool
	years   map[time.Month][]int
	// sections and subsections of the current notice's table (tableParts)
	sections, subsections []part
	// multi answers about each notice alone when there are several; nil for one
	multi *noticeScopes
	// yearsCache holds yearsOf's answers: year → [12]int
	yearsCache sync.Map
}

var reAbbrev = regexp.MustCompile(`([^，。（(]+?)（以下简称“([^”]+)”）`)

func newSnapshot(ns []*knowledge.Notice, stored []knowledge.Unit) *snapshot {
	return replacerMemo{}.snapshot(ns, stored)
}

// snapshot is newSnapshot with its replacers shared through m.
func (m replacerMemo) snapshot(ns []*knowledge.Notice, stored []knowledge.Unit) *snapshot {
	s := &snapshot{notices: ns, abbrev: map[string]string{}, years: map[time.Month][]int{}, docOf: map[*knowledge.Task]int{}, leaders: map[string]bool{}}
	if len(ns) > 0 {
		s.cur = ns[len(ns)-1]
		s.sections, s.subsections = tableParts(s.cur)
	}
	var units []knowledge.Unit
	var docs []search.Doc
	var texts, heads []string
	var corpus, words strings.Builder   // task texts; everything a question's words may match
	for i := len(ns) - 1; i >= 0; i-- { // the latest notice's units win a clash of names
		units = append(units, ns[i].Units...)
	}
	// A notice's own aliases win; the store adds the members a group was
	// given later, and the units that no notice names.
	members := map[string][]string{}
	for _, u := range stored {
		members[u.Name] = u.Members
	}
	for i := range units {
		if m := members[units[i].Name]; len(m) > 0 {
			units[i].Members = m // units is a copy: the notices stay as loaded
		}
	}
	units = append(units, stored...)
	for _, n := range ns {
		for ti := range n.Tasks {
			t := &n.Tasks[ti]
			s.docOf[t] = len(docs)
			for _, u := range t.Lead {
				s.leaders[u] = true
			}
			docs = append(docs, search.Doc{Kind: search.Task, Notice: n, Task: t, Text: t.Content, Timed: len(periodsOf(t)) > 0})
			texts = append(texts, t.Content)
			// a term the task only names (双随机、一公开) is searchable by the
			// words that explain it, at a heading's weight
			heads = append(heads, t.Section+"|"+t.Subsection+"|"+glossOf(builtinLexicon, textnorm.MatchForm(t.Content)))
			corpus.WriteString(textnorm.MatchForm(t.Content) + "|")
			words.WriteString(textnorm.MatchForm(t.Content) + "|")
			if t.Deadline.Kind == knowledge.DeadlineDate {
				s.years[t.Deadline.Date.Month] = append(s.years[t.Deadline.Date.Month], t.Deadline.Date.Year)
			}
		}
		for si, sec := range n.Sections {
			body := strings.Join(sec.Paragraphs, "")
			words.WriteString(textnorm.MatchForm(sec.Heading+"|"+body) + "|")
			docs = append(docs, search.Doc{Kind: search.Section, Notice: n, Section: si, Text: sec.Heading + body})
			texts, heads = append(texts, body), append(heads, sec.Heading+"|"+sec.Heading)
		}
		if len(n.Closing) > 0 {
			c := strings.Join(n.Closing, "\n")
			docs = append(docs, search.Doc{Kind: search.Closing, Notice: n, Text: c})
			texts, heads = append(texts, c), append(heads, "")
		}
		for _, m := range reAbbrev.FindAllStringSubmatch(n.Preamble, -1) {
			full := m[1]
			if k := strings.LastIndexAny(full, "为了对"); k >= 0 && strings.Contains(full, "、") {
				full = full[k+len("为"):]
			}
			full = strings.TrimPrefix(strings.TrimPrefix(full, "全面贯彻落实"), "贯彻落实")
			s.abbrev[textnorm.MatchForm(m[2])] = full
		}
	}
	s.units = newUnitIndex(units, corpus.String(), builtinLexicon.units)
	s.units.addRemits(builtinLexicon.remits)
	s.forms = formsIn(builtinLexicon.forms, s.units.corpus)
	s.syn = m.synonyms(words.String())
	s.thes = m.thesaurus(words.String())
	tableAndBody := words.Len() // the index holds what is written before this
	// slips are read against everything a question may name: units, and the
	// notices' titles and the documents they cite (实施细责 for 实施细则)
	for _, n := range ns {
		// the table's note defines its columns (牵头单位, 责任单位): 前头 for 牵头
		words.WriteString(textnorm.MatchForm(n.Title) + "|" + textnorm.MatchForm(n.Preamble) + "|" + textnorm.MatchForm(n.Note.Text) + "|")
		for _, c := range n.Cites {
			words.WriteString(textnorm.MatchForm(c.Title) + "|")
		}
	}
	for _, u := range units {
		words.WriteString(textnorm.MatchForm(u.Name) + "|")
		for _, a := range u.Aliases {
			words.WriteString(textnorm.MatchForm(a) + "|")
		}
	}
	s.slips = m.replacer(builtinLexicon.slips, words.String())
	s.words = words.String()
	s.beyondIndex = s.words[tableAndBody:]
	s.offtop = offtopicIn(builtinLexicon, s.words)
	s.offShield = offtopicShield(builtinLexicon, s.offtop)
	for _, ys := range s.years {
		sort.Ints(ys) // once here: yearOf reads them from many goroutines
	}
	forms, headForms := make([]string, len(texts)), make([]string, len(heads))
	for i := range texts {
		forms[i], headForms[i] = textnorm.MatchForm(texts[i]), textnorm.MatchForm(heads[i])
	}
	s.idx = search.New(docs, forms, headForms)
	return s
}

// yearOf picks the year a bare month (9月底) means: the deadline year in that
// month closest to today; for a month no deadline falls in (11月底以前), the
// year that puts it nearest the notices' deadlines, so that a question asked
// years later still reads the table's own year; today's year when no notice
// has a dated deadline.
func (s *snapshot) yearOf(today knowledge.Date) func(time.Month) int {
	return func(m time.Month) int {
		ys := s.years[m]
		if len(ys) == 0 {
			return s.nearestYear(m, today.Year)
		}
		best := ys[0]
		for _, y := range ys {
			if abs(y-today.Year) < abs(best-today.Year) {
				best = y
			}
		}
		return best
	}
}

// nearestYear is the year y whose month m lies fewest months from a dated
// deadline of the notices; ties go to the year nearest fallback.
func (s *snapshot) nearestYear(m time.Month, fallback int) int {
	best, bestGap := fallback, -1
	for dm, ys := range s.years {
		for _, y := range ys {
			for _, cand := range []int{y - 1, y, y + 1} {
				gap := abs((cand*12 + int(m)) - (y*12 + int(dm)))
				if bestGap < 0 || gap < bestGap || gap == bestGap && abs(cand-fallback) < abs(best-fallback) {
					best, bestGap = cand, gap
				}
			}
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// reMarkup is Slack markup that is no word of the message: user mentions
// (<@U123>), broadcasts (<!channel>, <!here>) and emoji (:smile:). Channel
// links (<#C123|name>) stay: bind takes one.
var reMarkup = regexp.MustCompile(`<[@!][^>]*>|:[a-z0-9_+\-]+:`)

// Handle answers one message. It never fails: every error becomes a reply
// the user can read, made in one place (errorReply).
func (e *Engine) Handle(ctx context.Context, m Message) Reply {
	now := m.Now
	if now.IsZero() {
		now = e.now()
	}
	lang := m.Lang
	if lang == "" {
		lang = e.lang
	}
	r := &request{e: e, ctx: ctx, msg: m, loc: e.bundle.For(lang),
		today: knowledge.DateOf(now.In(e.loc)), states: map[string]map[int][]knowledge.Assignment{}}
	if tooLong(m.Text) {
		// Refused before any work: reading a message costs time in its
		// length (a 1 MiB one took 5 s), and no question is that long.
		m.Text = ""
		r.msg = m
		return e.errorReply(r, errTooLong)
	}
	r.text = strings.TrimSpace(reMarkup.ReplaceAllString(m.Text, " "))
	r.snap = e.snap.Load()
	if r.snap == nil || r.snap.cur == nil {
		if err := e.Load(ctx); err != nil {
			return e.errorReply(r, err)
		}
		if r.snap = e.snap.Load(); r.snap.cur == nil {
			return e.errorReply(r, errNoNotice)
		}
	}
	reply, err := r.handleScoped() // noticereply.go
	if err != nil {
		return e.errorReply(r, err)
	}
	e.log.Debug("handled", "user", m.User, "via", m.Via, "kind", reply.Kind, "tasks", reply.Tasks)
	return reply
}

// request is the work of answering one message.
type request struct {
	e      *Engine
	ctx    context.Context
	msg    Message
	text   string
	loc    *i18n.Localizer
	today  knowledge.Date
	snap   *snapshot
	states map[string]map[int][]knowledge.Assignment // notice → task → assignments, read once per message
	parts  map[string][]knowledge.Part               // notice → parts in the loop, read once per message (taskLight)
	// shared parses the message once for the notices it is answered in
	// side by side (acrossNotices); nil when it is answered in one
	shared *sharedParse
	// brief answers a list with its tasks and groups but no lines written:
	// a notice counted among many (acrossNotices), not shown
	brief bool
	// noLoopLine leaves the loop's line out of task details (loopLine):
	// set by an answer that lists every part's light and progress itself.
	noLoopLine bool
	// listing is set while a list answer builds its items: a list line shows
	// no light, and reading the parts for it cost 1.3 ms per notice listed
	// (a unit's tasks over 250 notices: 34 → 364 ms).
	listing bool
}

func (r *request) clock() clock { return clock{today: r.today, yearOf: r.snap.yearOf(r.today)} }

// askedQuery returns q's asking clauses read alone, without the story or
// remark set aside in them (q.asking), reading them the first time.
func (r *request) askedQuery(q *query) *query {
	if q.askedOnly == nil {
		q.askedOnly = r.parseText(strings.ReplaceAll(q.asking, "|", "，"))
	}
	return q.askedOnly
}

// parseText reads text as a question in the snapshot's words: slips (随即 for
// 随机) mended before anything is read, unit names included.
func (r *request) parseText(text string) *query {
	return parse(r.snap.slips.Replace(builtinMixed.read(textnorm.Fold(text))), r.snap, r.clock())
}

// assignments returns the stored state of a notice's tasks, read once per message.
func (r *request) assignments(n *knowledge.Notice) (map[int][]knowledge.Assignment, error) {
	if s, ok := r.states[n.Number]; ok {
		return s, nil
	}
	as, err := r.e.st.Assignments(r.ctx, n.Number)
	if err != nil {
		return nil, fmt.Errorf("read state of %s: %w", n.Number, err)
	}
	// The store returns a task's assignments together: share runs of the
	// slice rather than copy 10,000 tasks' worth of them per question.
	s := make(map[int][]knowledge.Assignment, len(as)/3+1)
	for i := 0; i < len(as); {
		j := i
		for j < len(as) && as[j].Task == as[i].Task {
			j++
		}
		if prev, ok := s[as[i].Task]; ok { // not grouped after all: copy
			s[as[i].Task] = append(append([]knowledge.Assignment(nil), prev...), as[i:j]...)
		} else {
			s[as[i].Task] = as[i:j:j]
		}
		i = j
	}
	r.states[n.Number] = s
	return s, nil
}

// status returns a task's status and whether it is overdue today.
func (r *request) status(n *knowledge.Notice, t *knowledge.Task) (knowledge.Status, bool, error) {
	s, err := r.assignments(n)
	if err != nil {
		return "", false, err
	}
	st := knowledge.DeriveStatus(s[t.Number])
	late := t.Deadline.Kind == knowledge.DeadlineDate && t.Deadline.Date.Before(r.today) && st != knowledge.StatusDone
	return st, late, nil
}

// unitDone reports whether every part that one of units plays in t is done.
func (r *request) unitDone(n *knowledge.Notice, t *knowledge.Task, units []string) (bool, error) {
	s, err := r.assignments(n)
	if err != nil {
		return false, err
	}
	found := false
	for _, a := range s[t.Number] {
		for _, u := range units {
			if a.Unit == u {
				found = true
				if !a.Done {
					return false, nil
				}
			}
		}
	}
	return found, nil
}
