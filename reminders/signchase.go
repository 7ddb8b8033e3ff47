package reminders

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"dutybot/knowledge"
)

// This file holds the 签收 follow-up (签收催办): a unit that has not signed
// for a task two working days after its first reminder of it is told
// again, once, and the task's lead unit hears which units have not signed.
// It is its own job, not a planned kind (`remind plan` never shows it,
// docs/cli.md §3): once a day it reads what was sent and which parts are
// signed, and records the follow-ups in the reminder log, so that each is
// delivered exactly once across restarts and replicas, as reminders are.

// The kinds, in the delivery log, of the follow-up: to the unit that has
// not signed, and to the lead unit about its units that have not.
const (
	KindUnsigned     knowledge.ReminderKind = "unsigned"
	KindUnsignedLead knowledge.ReminderKind = "unsigned_lead"
)

// SignChaseJob is the name under which the follow-up records its daily
// run (LastRun, MarkRun).
const SignChaseJob = "dutybot-sign-chase"

// signChaseAfter is how many working days after the first reminder of a
// task a unit that has not signed is told again.
const signChaseAfter = 2

// PartSource is what the follow-up reads besides Source: each unit's part
// in the loop (signed or not). store.DB satisfies it; a Source without it
// runs no follow-up.
type PartSource interface {
	Parts(ctx context.Context, notice string) ([]knowledge.Part, error)
}

var _ PartSource = knowledge.Store(nil)

// isChase reports whether k is a kind of the follow-up.
func isChase(k knowledge.ReminderKind) bool { return k == KindUnsigned || k == KindUnsignedLead }

// parts returns notice's parts, read once per tick; nil when the source
// keeps none.
func (d *Dispatcher) parts(ctx context.Context, st *state, notice string) ([]knowledge.Part, error) {
	ps, ok := d.src.(PartSource)
	if !ok {
		return nil, nil
	}
	if st.parts == nil {
		st.parts = map[string][]knowledge.Part{}
	}
	if got, ok := st.parts[notice]; ok {
		return got, nil
	}
	got, err := ps.Parts(ctx, notice)
	if err != nil {
		return nil, fmt.Errorf("load parts of %s: %w", notice, err)
	}
	st.parts[notice] = got
	return got, nil
}

// unsigned reports whether p still waits for its unit's signature: open
// and never signed (a part in review or done is past signing).
func unsigned(p knowledge.Part) bool { return p.State == knowledge.PartOpen && p.SignedAt.IsZero() }

// addWorkdays returns the n-th working day after d.
func addWorkdays(cal knowledge.Workdays, d knowledge.Date, n int) knowledge.Date {
	for n > 0 {
		d = d.AddDays(1)
		if cal == nil && d.Weekday() != time.Saturday && d.Weekday() != time.Sunday || cal != nil && cal.IsWorkday(d) {
			n--
		}
	}
	return d
}

// chaseKey is one unit's part of one task, as the follow-up sees it.
type chaseKey struct {
	notice string
	task   int
	unit   string
}

// recordSignChase runs the follow-up once a day, at the first tick at or
// after the send time: for every part still unsigned whose unit got its
// first reminder of the task two working days ago or more, it records a
// follow-up to the unit and one to each lead unit of the task, at the send
// time of that second working day. The time is fixed by the first
// reminder, not by the day of the run, so that a follow-up recorded again
// (another replica, a later day) is the same entry of the log: it goes
// once. It returns how many entries were new.
func (d *Dispatcher) recordSignChase(ctx context.Context, st *state, now time.Time) (int, error) {
	if _, ok := d.src.(PartSource); !ok {
		return 0, nil
	}
	hour, minute := d.policy.SendTime()
	today := knowledge.DateOf(now)
	if now.Before(time.Date(today.Year, today.Month, today.Day, hour, minute, 0, 0, d.policy.loc)) {
		return 0, nil
	}
	last, err := d.log.LastRun(ctx, SignChaseJob)
	if err != nil {
		return 0, err
	}
	if !last.IsZero() && !knowledge.DateOf(last.In(d.policy.loc)).Before(today) {
		return 0, nil // ran today already
	}
	sent, err := d.log.Reminders(ctx, knowledge.DeliverySent)
	if err != nil {
		return 0, fmt.Errorf("read sent reminders: %w", err)
	}
	first := map[chaseKey]knowledge.Reminder{}
	for _, lr := range sent {
		r := lr.Reminder
		if r.Task <= 0 || r.Unit == AdminUnit || r.Kind == KindStatus || isChase(r.Kind) {
			continue
		}
		k := chaseKey{r.Notice, r.Task, r.Unit}
		if f, ok := first[k]; !ok || r.At.Before(f.At) {
			first[k] = r
		}
	}
	cal := knowledge.Workdays(d.policy.Calendar())
	if d.policy.Calendar() == nil {
		cal = nil
	}
	var rs []knowledge.Reminder
	for _, k := range sortedChaseKeys(first) {
		n := st.byNum[k.notice]
		if n == nil || n.Task(k.task) == nil {
			continue
		}
		ps, err := d.parts(ctx, st, k.notice)
		if err != nil {
			return 0, err
		}
		i := slices.IndexFunc(ps, func(p knowledge.Part) bool { return p.Task == k.task && p.Unit == k.unit })
		if i < 0 || !unsigned(ps[i]) {
			continue
		}
		firstDay := knowledge.DateOf(first[k].At.In(d.policy.loc))
		day := addWorkdays(cal, firstDay, signChaseAfter)
		if today.Before(day) {
			continue
		}
		at := time.Date(day.Year, day.Month, day.Day, hour, minute, 0, 0, d.policy.loc)
		rs = append(rs, knowledge.Reminder{Notice: k.notice, Task: k.task, Unit: k.unit, Role: ps[i].Role,
			Kind: KindUnsigned, At: at, Due: firstDay})
		for _, lead := range n.Task(k.task).Lead {
			if lead != k.unit {
				rs = append(rs, knowledge.Reminder{Notice: k.notice, Task: k.task, Unit: lead, Role: knowledge.RoleLead,
					Kind: KindUnsignedLead, At: at})
			}
		}
	}
	added := 0
	if len(rs) > 0 {
		if added, err = d.log.Record(ctx, rs); err != nil {
			return 0, fmt.Errorf("record 签收 follow-ups: %w", err)
		}
	}
	if err := d.log.MarkRun(ctx, SignChaseJob, now); err != nil {
		return 0, err
	}
	return added, nil
}

func sortedChaseKeys(m map[chaseKey]knowledge.Reminder) []chaseKey {
	out := make([]chaseKey, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b chaseKey) int {
		return cmp.Or(strings.Compare(a.notice, b.notice), cmp.Compare(a.task, b.task), strings.Compare(a.unit, b.unit))
	})
	return out
}

// chaseText writes a follow-up as it reads when it goes out, from the
// parts as they are then: to the unit, unless it has signed since; to the
// lead unit, the units of the task that still have not signed (none: it
// is skipped). ok is false when there is nothing left to say.
// The parts were read when the follow-up was claimed (deliver).
func (d *Dispatcher) chaseText(st *state, lang string, r knowledge.Reminder) (string, bool) {
	n := st.byNum[r.Notice]
	if n == nil || n.Task(r.Task) == nil {
		return "", false
	}
	ps := st.parts[r.Notice]
	if r.Kind == KindUnsigned {
		i := slices.IndexFunc(ps, func(p knowledge.Part) bool { return p.Task == r.Task && p.Unit == r.Unit })
		if i < 0 || !unsigned(ps[i]) {
			return "", false
		}
		return d.tr.T(lang, "reminders_unsigned", map[string]any{
			"Unit": r.Unit, "Task": r.Task, "First": r.Due.String(), "Content": clipRunes(n.Task(r.Task).Content, contentRunes),
		}), true
	}
	var units []string
	for _, p := range ps {
		if p.Task == r.Task && p.Unit != r.Unit && unsigned(p) {
			units = append(units, p.Unit)
		}
	}
	if len(units) == 0 {
		return "", false
	}
	return d.tr.T(lang, "reminders_unsigned_lead", map[string]any{
		"Unit": r.Unit, "Task": r.Task, "Count": len(units), "Units": strings.Join(units, d.tr.T(lang, "reminders_unsigned_sep", nil)),
	}), true
}

// clipRunes shortens s to at most n runes, ending in an ellipsis when cut.
func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
