package reminders

import "dutybot/knowledge"

// This file holds the days a milestone's reminders fall on; plan.go turns
// them into reminders for each recipient.

// slot is a day a milestone's reminder goes out on.
type slot struct {
	kind knowledge.ReminderKind
	day  knowledge.Date
}

// workday moves d to a working day, backwards or forwards, when the policy
// asks for working days only.
func (pl *planner) workday(d knowledge.Date, forward bool) knowledge.Date {
	switch {
	case !pl.p.workdaysOnly:
		return d
	case forward:
		return pl.p.cal.OnOrAfter(d)
	}
	return pl.p.cal.OnOrBefore(d)
}

// milestone appends the days of due's reminders that may fall in the window.
// When moving to working days lands two on one day, the one closest to the
// deadline stays.
func (pl *planner) milestone(slots []slot, due knowledge.Date, chase bool) []slot {
	maxBefore := 0
	if len(pl.p.before) > 0 {
		maxBefore = pl.p.before[0]
	}
	if pl.toD.Before(due.AddDays(-maxBefore - maxShift)) {
		return slots
	}
	if !pl.fromD.After(due.AddDays(maxShift)) {
		// On the day, then the before offsets from nearest to farthest:
		// a day already taken belongs to a reminder nearer the deadline.
		last := pl.workday(due, false)
		slots = append(slots, slot{knowledge.KindDue, last})
		for i := len(pl.p.before) - 1; i >= 0; i-- {
			d := pl.workday(due.AddDays(-pl.p.before[i]), false)
			if !d.Before(last) {
				continue
			}
			slots = append(slots, slot{knowledge.KindBefore, d})
			last = d
		}
	}
	every := pl.p.overdueEvery
	if !chase || every == 0 {
		return slots
	}
	// The first chase is the first working day after the deadline; the
	// next ones come every so many days after it, each moved back to a
	// working day like any reminder, but never onto or before the chase
	// before it: one that would is dropped (a week of holidays does not
	// make two chases days apart).
	first := pl.workday(due.AddDays(1), true)
	slots = append(slots, slot{knowledge.KindOverdue, first})
	k, last := 1, first
	if gap := first.DaysUntil(pl.fromD); gap > every {
		// Start near the window. A chase only moves back, so those
		// before k cannot reach into it; the one before k still decides
		// whether k's collides.
		k = max(1, gap/every-1)
		if prev := pl.workday(first.AddDays((k-1)*every), false); prev.After(last) {
			last = prev
		}
	}
	for ; ; k++ {
		d := pl.workday(first.AddDays(k*every), false)
		if d.After(pl.toD) {
			break
		}
		if !d.After(last) {
			continue
		}
		slots = append(slots, slot{knowledge.KindOverdue, d})
		last = d
	}
	return slots
}

// monthly appends the first working day of each month of the window.
func (pl *planner) monthly(slots []slot) []slot {
	for m := knowledge.NewDate(pl.fromD.Year, pl.fromD.Month, 1); !m.After(pl.toD); m = knowledge.NewDate(m.Year, m.Month+1, 1) {
		slots = append(slots, slot{knowledge.KindDigest, pl.workday(m, true)})
	}
	return slots
}

// weekly appends the first working day of each week (Monday to Sunday) of
// the window; a week with none has no summary.
func (pl *planner) weekly(slots []slot) []slot {
	mon := pl.fromD.AddDays(-((int(pl.fromD.Weekday()) + 6) % 7))
	for ; !mon.After(pl.toD); mon = mon.AddDays(7) {
		d := pl.workday(mon, true)
		if !d.After(mon.AddDays(6)) {
			slots = append(slots, slot{knowledge.KindDigest, d})
		}
	}
	return slots
}
