package reminders

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"dutybot/knowledge"
)

// Result counts what one tick did.
type Result struct {
	At       time.Time // the tick's now
	First    bool      // the deployment's very first run: units got their current status
	Planned  int       // reminders due since the last run (at most the look-back window)
	Recorded int       // of which new to the log
	Claimed  int       // reminders this tick took to deliver
	Sent     int       // reminders delivered
	Skipped  int       // reminders made pointless (done, superseded, nothing to report)
	Failed   int       // reminders whose delivery failed, to be retried at a later tick
	Retried  int       // sends retried within the tick after a temporary failure
	Deferred int       // reminders claimed and not tried (out of time, or stopped), handed back
	Messages int       // messages posted
}

// Waiting is how many reminders this tick took and left for a later one.
func (r Result) Waiting() int { return r.Failed + r.Deferred }

// run is one tick's bookkeeping, shared by its claim rounds and channels.
type run struct {
	now time.Time // the tick's now: what is due, and the time of marks
	// retryUntil is when, on the dispatcher's clock, waits to retry within
	// the tick must end.
	retryUntil time.Time

	mu      sync.Mutex
	settled map[int64]bool // claimed reminders marked (or sent): not to hand back
}

// settle notes that a claimed reminder needs its claim no more.
func (r *run) settle(id int64) {
	r.mu.Lock()
	r.settled[id] = true
	r.mu.Unlock()
}

// maxRounds bounds the claims of one tick, so that a log that keeps
// handing back the same rows (a marking that failed) cannot spin it.
const maxRounds = 100

// state is what a tick read from the source.
type state struct {
	notices []*knowledge.Notice
	byNum   map[string]*knowledge.Notice
	assign  map[string][]knowledge.Assignment
	status  map[string][]statusEntry    // open parts by unit, once asked for (open)
	head    string                      // the audit chain's head, for the weekly summary
	parts   map[string][]knowledge.Part // parts in the loop by notice, once asked for (signchase.go)
}

func (d *Dispatcher) load(ctx context.Context) (*state, error) {
	ns, err := d.src.Notices(ctx)
	if err != nil {
		return nil, fmt.Errorf("load notices: %w", err)
	}
	s := &state{byNum: map[string]*knowledge.Notice{}, assign: map[string][]knowledge.Assignment{}}
	for _, n := range ns {
		// An archived notice is known (a reminder of it logged before the
		// archive is skipped, saying why) but neither planned nor summed up.
		if !n.Archived {
			s.notices = append(s.notices, n)
		}
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
//
// The window it plans starts where the last run (of any replica, or `remind
// send`) ended, so that what comes late is only what fell due while nothing
// ran, and at most the look-back window of it. The very first run of a
// deployment has missed nothing: instead of every reminder of the past
// weeks, each unit gets one message with its current status (KindStatus).
//
// Claims it took and did not settle (the context ended, the claim ran out of
// time) are handed back before it returns, so that the next tick, here or on
// another replica, sends them at once.
func (d *Dispatcher) Tick(ctx context.Context, now time.Time) (Result, error) {
	now = now.In(d.policy.loc)
	res := Result{At: now}
	st, err := d.load(ctx)
	if err != nil {
		return res, fmt.Errorf("reminder tick: %w", err)
	}
	last, err := d.log.LastRun(ctx, JobName)
	if err != nil {
		return res, fmt.Errorf("reminder tick: %w", err)
	}
	from := now.Add(-d.lookback)
	if last.After(from) {
		from = last
	}
	res.First = last.IsZero()
	if res.First {
		// Only what is due now is on time; what fell due before the bot
		// ever ran is in the status messages, not sent as late.
		from = now.Add(-d.lateAfter + time.Nanosecond)
	}
	plan := Plan(st.notices, st.assign, nil, d.policy, from, now)
	res.Planned = len(plan)
	record := plan
	if res.First {
		record = append(summariesOf(plan), statusReminders(st, d.policy, now)...)
	}
	if res.Recorded, err = d.recorded.record(ctx, d.log, record, from); err != nil {
		return res, fmt.Errorf("reminder tick: record plan: %w", err)
	}
	if err := d.log.MarkRun(ctx, JobName, now); err != nil {
		return res, fmt.Errorf("reminder tick: %w", err)
	}
	chased, err := d.recordSignChase(ctx, st, now)
	if err != nil {
		return res, fmt.Errorf("reminder tick: 签收 follow-up: %w", err)
	}
	res.Recorded += chased
	ru := &run{now: now, retryUntil: d.clock.Now().Add(d.retryWait), settled: map[int64]bool{}}
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
		if err := d.deliver(ctx, ru, stopAt, st, ix, from, fresh, &res); err != nil {
			errs = append(errs, err)
		}
		if len(claimed) < d.batch || ctx.Err() != nil {
			break
		}
	}
	res.Deferred = d.release(ctx, ru, handled)
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

func (d *Dispatcher) deliver(ctx context.Context, ru *run, stopAt time.Time, st *state, ix *planIndex, from time.Time, claimed []knowledge.LoggedReminder, res *Result) error {
	now := ru.now
	// A reminder claimed after a long failure may predate the window: plan
	// far enough back to judge it.
	oldest := from
	for _, lr := range claimed {
		if lr.Reminder.Kind != KindStatus && !isChase(lr.Reminder.Kind) && lr.Reminder.At.Before(oldest) {
			oldest = lr.Reminder.At
		}
	}
	if oldest.Before(from) {
		ix = indexPlan(Plan(st.notices, st.assign, nil, d.policy, oldest, now))
	}
	var errs []error
	// Marks record what happened even when the context ends mid-tick.
	mctx := context.WithoutCancel(ctx)
	skip := func(lr knowledge.LoggedReminder, reason string) {
		if err := d.log.MarkSkipped(mctx, lr.ID, now, reason); err != nil {
			errs = append(errs, fmt.Errorf("mark reminder %d skipped: %w", lr.ID, err))
			return
		}
		ru.settle(lr.ID)
		res.Skipped++
	}
	byUnit := map[string]*message{}
	var order []*message
	for _, lr := range claimed {
		r := lr.Reminder
		switch {
		case r.Kind == KindStatus:
			// Judged when rendered: the unit may have nothing open by now.
		case isChase(r.Kind):
			// Judged when rendered, from the parts as they are now.
			if _, err := d.parts(ctx, st, r.Notice); err != nil {
				errs = append(errs, err)
				continue
			}
		case !ix.has(r):
			skip(lr, d.whyNotPlanned(st, r))
			continue
		case ix.latest[milestoneOf(r)].After(r.At):
			skip(lr, "superseded by the reminder of "+ix.latest[milestoneOf(r)].Format(time.RFC3339))
			continue
		}
		if r.Unit == AdminUnit {
			// The 通报's ranking and ledger read the parts as they are now;
			// without them it goes as before.
			if _, err := d.parts(ctx, st, r.Notice); err != nil {
				d.logger.Warn("weekly summary without the loop's ranking", "notice", r.Notice, "err", err)
			}
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
			r, err := d.sendChannel(ctx, ru, stopAt, ds)
			mu.Lock()
			defer mu.Unlock()
			res.Sent += r.Sent
			res.Failed += r.Failed
			res.Retried += r.Retried
			res.Messages += r.Messages
			if err != nil {
				errs = append(errs, err)
			}
		}(byChannel[ch])
	}
	wg.Wait()
	return errors.Join(errs...)
}

// release hands back the claims of handled that ru did not settle, and
// returns how many. It runs when the tick ends, even on a cancelled
// context: a shutdown gives back what it did not send.
func (d *Dispatcher) release(ctx context.Context, ru *run, handled map[int64]bool) int {
	ru.mu.Lock()
	var ids []int64
	for id := range handled {
		if !ru.settled[id] {
			ids = append(ids, id)
		}
	}
	ru.mu.Unlock()
	if len(ids) == 0 {
		return 0
	}
	slices.Sort(ids)
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), releaseTimeout)
	defer cancel()
	if err := d.log.ReleaseClaims(rctx, d.owner, ids); err != nil {
		// They are not lost: the claims lapse after the lease.
		d.logger.Warn("reminders not handed back; they go when their claim lapses", "count", len(ids), "lease", d.lease, "err", err)
		return len(ids)
	}
	d.logger.Info("reminders handed back for the next tick", "count", len(ids))
	return len(ids)
}

// releaseTimeout bounds handing back claims at the end of a tick, which
// may be during shutdown.
const releaseTimeout = 10 * time.Second

// summariesOf returns the weekly summaries of plan.
func summariesOf(plan []knowledge.Reminder) []knowledge.Reminder {
	var out []knowledge.Reminder
	for _, r := range plan {
		if r.Unit == AdminUnit {
			out = append(out, r)
		}
	}
	return out
}
