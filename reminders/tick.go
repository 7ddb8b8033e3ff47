package reminders

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"dutybot/knowledge"
)

// Result counts what one tick did.
type Result struct {
	At       time.Time // the tick's now
	Planned  int       // reminders due in the look-back window
	Recorded int       // of which new to the log
	Claimed  int       // reminders this tick took to deliver
	Sent     int       // reminders delivered
	Skipped  int       // reminders made pointless (done, superseded, nothing to report)
	Failed   int       // reminders whose delivery failed, to be retried
	Deferred int       // reminders left to a later tick: their claim was running out
	Messages int       // messages posted
}

// maxRounds bounds the claims of one tick, so that a log that keeps
// handing back the same rows (a marking that failed) cannot spin it.
const maxRounds = 100

// state is what a tick read from the source.
type state struct {
	notices []*knowledge.Notice
	byNum   map[string]*knowledge.Notice
	assign  map[string][]knowledge.Assignment
	head    string // the audit chain's head, for the weekly summary
}

func (d *Dispatcher) load(ctx context.Context) (*state, error) {
	ns, err := d.src.Notices(ctx)
	if err != nil {
		return nil, fmt.Errorf("load notices: %w", err)
	}
	s := &state{notices: ns, byNum: map[string]*knowledge.Notice{}, assign: map[string][]knowledge.Assignment{}}
	for _, n := range ns {
		as, err := d.src.Assignments(ctx, n.Number)
		if err != nil {
			return nil, fmt.Errorf("load assignments of %s: %w", n.Number, err)
		}
		s.byNum[n.Number], s.assign[n.Number] = n, as
	}
	s.head = d.readAuditHead(ctx)
	return s, nil
}

// Tick delivers every reminder due at or before now that has not been
// delivered: it plans the look-back window from the source's current state,
// records the plan in the log, claims what is due, skips what has become
// pointless (the unit or task is done, or a later reminder of the same
// milestone to the same unit is due too), merges the rest into one message
// per unit (late ones saying so), sends them paced per channel, and marks
// each sent or failed with the time of its retry. Errors of single sends are
// not returned: they are logged, counted and retried; the error reports a
// source or log that failed.
func (d *Dispatcher) Tick(ctx context.Context, now time.Time) (Result, error) {
	now = now.In(d.policy.loc)
	res := Result{At: now}
	st, err := d.load(ctx)
	if err != nil {
		return res, fmt.Errorf("reminder tick: %w", err)
	}
	from := now.Add(-d.lookback)
	plan := Plan(st.notices, st.assign, nil, d.policy, from, now)
	res.Planned = len(plan)
	if res.Recorded, err = d.recorded.record(ctx, d.log, plan, from); err != nil {
		return res, fmt.Errorf("reminder tick: record plan: %w", err)
	}
	handled := map[int64]bool{}
	var ix *planIndex // built at the first claim that needs it
	var errs []error
	for round := 0; round < maxRounds; round++ {
		// Stop sending well before the claim lapses: past it, another
		// replica may claim and send the same reminders.
		stopAt := d.clock.Now().Add(d.lease / 2)
		claimed, err := d.log.Claim(ctx, d.owner, now, d.lease, d.batch)
		if err != nil {
			errs = append(errs, fmt.Errorf("claim reminders: %w", err))
			break
		}
		fresh := claimed[:0]
		for _, lr := range claimed {
			if !handled[lr.ID] {
				handled[lr.ID] = true
				fresh = append(fresh, lr)
			}
		}
		if len(fresh) == 0 {
			break
		}
		res.Claimed += len(fresh)
		if ix == nil {
			ix = indexPlan(plan)
		}
		if err := d.deliver(ctx, now, stopAt, st, ix, from, fresh, &res); err != nil {
			errs = append(errs, err)
		}
		if len(claimed) < d.batch || ctx.Err() != nil {
			break
		}
	}
	if err := errors.Join(errs...); err != nil {
		return res, fmt.Errorf("reminder tick: %w", err)
	}
	return res, nil
}

// milestoneKey groups the reminders of one milestone to one unit in one
// role: only the latest due one of a group is worth sending.
type milestoneKey struct {
	notice string
	task   int
	unit   string
	role   knowledge.Role
	due    knowledge.Date
}

func milestoneOf(r knowledge.Reminder) milestoneKey {
	return milestoneKey{r.Notice, r.Task, r.Unit, r.Role, r.Due}
}

// message is what goes to one unit in one tick.
type message struct {
	unit, channel, lang string
	items               []knowledge.LoggedReminder
}

func (d *Dispatcher) deliver(ctx context.Context, now, stopAt time.Time, st *state, ix *planIndex, from time.Time, claimed []knowledge.LoggedReminder, res *Result) error {
	// A reminder claimed after a long failure may predate the window: plan
	// far enough back to judge it.
	oldest := from
	for _, lr := range claimed {
		if lr.Reminder.At.Before(oldest) {
			oldest = lr.Reminder.At
		}
	}
	if oldest.Before(from) {
		ix = indexPlan(Plan(st.notices, st.assign, nil, d.policy, oldest, now))
	}
	var errs []error
	skip := func(lr knowledge.LoggedReminder, reason string) {
		if err := d.log.MarkSkipped(ctx, lr.ID, now, reason); err != nil {
			errs = append(errs, fmt.Errorf("mark reminder %d skipped: %w", lr.ID, err))
			return
		}
		res.Skipped++
	}
	byUnit := map[string]*message{}
	var order []*message
	for _, lr := range claimed {
		r := lr.Reminder
		switch {
		case !ix.has(r):
			skip(lr, d.whyNotPlanned(st, r))
			continue
		case ix.latest[milestoneOf(r)].After(r.At):
			skip(lr, "superseded by the reminder of "+ix.latest[milestoneOf(r)].Format(time.RFC3339))
			continue
		}
		m := byUnit[r.Unit]
		if m == nil {
			m = &message{unit: r.Unit, channel: d.channelOf(st, r), lang: d.langOf(r.Unit)}
			byUnit[r.Unit] = m
			order = append(order, m)
		}
		m.items = append(m.items, lr)
	}
	// Render every message first, skipping summaries with nothing to report,
	// then send channel by channel.
	byChannel := map[string][]Delivery{}
	var channels []string
	today := knowledge.DateOf(now)
	for _, m := range order {
		dl, ok := d.render(st, m, now, today, skip)
		if !ok {
			continue
		}
		if _, seen := byChannel[dl.Channel]; !seen {
			channels = append(channels, dl.Channel)
		}
		byChannel[dl.Channel] = append(byChannel[dl.Channel], dl)
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, d.parallel)
	for _, ch := range channels {
		wg.Add(1)
		sem <- struct{}{}
		go func(ds []Delivery) {
			defer func() { <-sem; wg.Done() }()
			r, err := d.sendChannel(ctx, now, stopAt, ds)
			mu.Lock()
			defer mu.Unlock()
			res.Sent += r.Sent
			res.Failed += r.Failed
			res.Messages += r.Messages
			res.Deferred += r.Deferred
			if err != nil {
				errs = append(errs, err)
			}
		}(byChannel[ch])
	}
	wg.Wait()
	return errors.Join(errs...)
}
