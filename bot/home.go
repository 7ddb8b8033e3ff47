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
	n := s.cur
	secs := map[string]*Progress{}
	units := map[string]*Progress{}
	for i := range n.Tasks {
		t := &n.Tasks[i]
		st, late, err := r.status(n, t)
		if err != nil {
			return Home{}, fmt.Errorf("home of %s: %w", user, err)
		}
		p := secs[t.Section]
		if p == nil {
			p = &Progress{Name: prefixNumeral(t.SectionNumeral, "、") + t.Section}
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
				p = &Progress{Name: a.Unit}
				units[a.Unit] = p
			}
			done, err := r.unitDone(n, t, []string{a.Unit})
			if err != nil {
				return Home{}, err
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
					return Home{}, err
				}
				// The light of the unit's own parts, not the task's.
				light, err := r.taskLight(n, t, names)
				if err != nil {
					return Home{}, err
				}
				if h.Lights == nil {
					h.Lights = map[int]HomeLight{}
				}
				h.Lights[t.Number] = HomeLight{Light: light, Text: r.lightText(light)}
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
	for _, p := range units {
		h.Units = append(h.Units, *p)
	}
	sort.Slice(h.Units, func(i, j int) bool { return h.Units[i].Name < h.Units[j].Name })
	byDeadline(h.Lead)
	byDeadline(h.Responsible)
	return h, nil
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
