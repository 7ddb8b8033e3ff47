package bot

import (
	"context"
	"fmt"
	"sort"
	"time"

	"dutybot/knowledge"
)

// Home returns what user's App Home shows: the tasks of the unit they said
// they belong to (iam), and the progress of every section and unit.
func (e *Engine) Home(ctx context.Context, user, lang string, now time.Time) (Home, error) {
	s := e.snap.Load()
	if s == nil {
		if err := e.Load(ctx); err != nil {
			return Home{}, err
		}
		s = e.snap.Load()
	}
	if s.cur == nil {
		return Home{}, errNoNotice
	}
	if lang == "" {
		lang = e.lang
	}
	r := &request{e: e, ctx: ctx, msg: Message{User: user, Now: now}, loc: e.bundle.For(lang), snap: s,
		today: knowledge.DateOf(now.In(e.loc)), states: map[string]map[int][]knowledge.Assignment{}}
	unit, err := e.st.UserUnit(ctx, user)
	if err != nil {
		return Home{}, fmt.Errorf("home of %s: %w", user, err)
	}
	h := Home{User: user, Unit: unit}
	// With several notices, each notice in force in turn, newest first,
	// its sections and units named with its 文号 (homeNotices).
	for _, hn := range homeNotices(s) {
		if err := r.homeOf(&h, hn.n, hn.prefix); err != nil {
			return Home{}, fmt.Errorf("home of %s: %w", user, err)
		}
	}
	return h, nil
}

// homeOf adds notice n's tasks of h's unit and its progress to h, the
// names of its sections and units after prefix.
func (r *request) homeOf(h *Home, n *knowledge.Notice, prefix string) error {
	s, unit := r.snap, h.Unit
	h.Notices = append(h.Notices, n.Number)
	lead0, resp0 := len(h.Lead), len(h.Responsible)
	secs := map[string]*Progress{}
	units := map[string]*Progress{}
	for i := range n.Tasks {
		t := &n.Tasks[i]
		st, late, err := r.status(n, t)
		if err != nil {
			return err
		}
		p := secs[t.Section]
		if p == nil {
			p = &Progress{Name: prefix + prefixNumeral(t.SectionNumeral, "、") + t.Section}
			secs[t.Section] = p
		}
		count(p, st, late)
		seenUnit := map[string]bool{} // a unit in both columns (task 8) counts once
		for _, a := range t.Units() {
			if seenUnit[a.Unit] {
				continue
			}
			seenUnit[a.Unit] = true
			p := units[a.Unit]
			if p == nil {
				p = &Progress{Name: prefix + a.Unit}
				units[a.Unit] = p
			}
			done, err := r.unitDone(n, t, []string{a.Unit})
			if err != nil {
				return err
			}
			part := knowledge.StatusOpen
			switch {
			case done:
				part = knowledge.StatusDone
			case st == knowledge.StatusPartial:
				part = knowledge.StatusPartial
			}
			count(p, part, late && !done)
		}
		if unit != "" {
			names := s.units.names(unit)
			l, rs := plays(t, names)
			if l || rs {
				it, err := r.item(n, t, "")
				if err != nil {
					return err
				}
				// The light of the unit's own parts, not the task's.
				light, err := r.taskLight(n, t, names)
				if err != nil {
					return err
				}
				if h.Lights == nil {
					h.Lights = map[TaskRef]HomeLight{}
				}
				h.Lights[TaskRef{Notice: n.Number, Task: t.Number}] = HomeLight{Light: light, Text: r.lightText(light)}
				if l {
					h.Lead = append(h.Lead, it)
				}
				if rs {
					h.Responsible = append(h.Responsible, it)
				}
			}
		}
	}
	seen := map[string]bool{}
	for _, t := range n.Tasks {
		if !seen[t.Section] {
			seen[t.Section] = true
			h.Sections = append(h.Sections, *secs[t.Section])
		}
	}
	var us []Progress
	for _, p := range units {
		us = append(us, *p)
	}
	sort.Slice(us, func(i, j int) bool { return us[i].Name < us[j].Name })
	h.Units = append(h.Units, us...)
	// each notice's tasks by deadline, the notices kept apart
	byDeadline(h.Lead[lead0:])
	byDeadline(h.Responsible[resp0:])
	return nil
}

func count(p *Progress, st knowledge.Status, late bool) {
	p.Total++
	switch st {
	case knowledge.StatusDone:
		p.Done++
	case knowledge.StatusPartial:
		p.Partial++
	}
	if late {
		p.Overdue++
	}
}

// byDeadline orders items by their date deadline, dated ones first, then by number.
func byDeadline(items []Item) {
	key := func(it Item) knowledge.Date {
		if it.Deadline.Kind == knowledge.DeadlineDate {
			return it.Deadline.Date
		}
		return knowledge.NewDate(9999, 12, 31)
	}
	sort.SliceStable(items, func(i, j int) bool {
		if c := key(items[i]).Compare(key(items[j])); c != 0 {
			return c < 0
		}
		return items[i].Task < items[j].Task
	})
}
