// Package reminders decides when each unit of a task-decomposition table is
// reminded of its milestones (Policy, Calendar, Plan), and delivers those
// reminders exactly once through a persisted log (Dispatcher), on a schedule
// shared safely by several replicas (Scheduler). It knows nothing of Slack:
// a Sender carries the messages.
package reminders

import (
	"fmt"
	"slices"
	"time"

	"dutybot/knowledge"
)

// Policy says when reminders go out. Build it with NewPolicy; it is
// read-only afterwards and safe for concurrent use.
type Policy struct {
	before       []int // days ahead of a milestone, descending
	hour, minute int
	loc          *time.Location
	cal          *Calendar
	workdaysOnly bool
	overdueEvery int // days between overdue chases; 0 for none
	digest       bool
	summary      bool
	notices      map[string]*Policy // per-notice overrides
	noticeOpts   map[string][]Option
	inNotice     bool // options are being applied to a per-notice copy
}

// Option configures a Policy. Options validate their arguments: NewPolicy
// fails on the first bad one.
type Option func(*Policy) error

// Shanghai returns the notices' time zone, knowledge.China.
func Shanghai() *time.Location { return knowledge.China }

// NewPolicy returns the default policy (14, 7, 3 and 1 days ahead and on the
// day, at 09:00 Asia/Shanghai, working days only, overdue chases weekly from
// the first working day after the deadline, a monthly digest of ongoing
// duties, a weekly summary to the administrators) changed by opts.
func NewPolicy(opts ...Option) (*Policy, error) {
	p := &Policy{
		before: []int{14, 7, 3, 1}, hour: 9, loc: Shanghai(),
		workdaysOnly: true, overdueEvery: 7, digest: true, summary: true,
	}
	for _, o := range opts {
		if err := o(p); err != nil {
			return nil, fmt.Errorf("reminder policy: %w", err)
		}
	}
	if p.cal == nil {
		cal, err := NewCalendar()
		if err != nil {
			return nil, fmt.Errorf("reminder policy: %w", err)
		}
		p.cal = cal
	}
	// Per-notice options apply on top of the finished deployment policy, so
	// their order relative to the other options does not matter.
	for number, nopts := range p.noticeOpts {
		np := *p
		np.notices, np.noticeOpts, np.inNotice = nil, nil, true
		np.before = slices.Clone(p.before)
		for _, o := range nopts {
			if err := o(&np); err != nil {
				return nil, fmt.Errorf("reminder policy for notice %s: %w", number, err)
			}
		}
		np.inNotice = false
		if p.notices == nil {
			p.notices = map[string]*Policy{}
		}
		p.notices[number] = &np
	}
	p.noticeOpts = nil
	return p, nil
}

// WithBefore sets how many days ahead of a dated milestone a unit is
// reminded (besides on the day itself). Days must be 1 to 366 and distinct;
// none at all means reminders only on the day.
func WithBefore(days ...int) Option {
	return func(p *Policy) error {
		seen := map[int]bool{}
		for _, d := range days {
			if d < 1 || d > 366 {
				return fmt.Errorf("%w: %d", ErrInvalidBefore, d)
			}
			if seen[d] {
				return fmt.Errorf("%w: %d given twice", ErrInvalidBefore, d)
			}
			seen[d] = true
		}
		p.before = slices.Clone(days)
		slices.Sort(p.before)
		slices.Reverse(p.before)
		return nil
	}
}

// WithSendTime sets the local time of day reminders go out.
func WithSendTime(hour, minute int) Option {
	return func(p *Policy) error {
		if hour < 0 || hour > 23 || minute < 0 || minute > 59 {
			return fmt.Errorf("%w: %02d:%02d", ErrInvalidSendTime, hour, minute)
		}
		p.hour, p.minute = hour, minute
		return nil
	}
}

// WithLocation sets the time zone of the send time and of "today". It is a
// deployment setting: a notice's override may not change it.
func WithLocation(loc *time.Location) Option {
	return func(p *Policy) error {
		if loc == nil {
			return ErrNilLocation
		}
		if p.inNotice {
			return fmt.Errorf("location: %w", ErrDeploymentOnly)
		}
		p.loc = loc
		return nil
	}
}

// WithCalendar sets the working-day calendar (default: NewCalendar()). It is
// a deployment setting: a notice's override may not change it.
func WithCalendar(c *Calendar) Option {
	return func(p *Policy) error {
		if c == nil {
			return ErrNilCalendar
		}
		if p.inNotice {
			return fmt.Errorf("calendar: %w", ErrDeploymentOnly)
		}
		p.cal = c
		return nil
	}
}

// WithWorkingDaysOnly, when on (the default), moves a reminder that falls on
// a weekend or holiday to the previous working day. The first overdue chase
// is the first working day after the deadline; a later chase moved back onto
// or before the chase before it is dropped.
func WithWorkingDaysOnly(on bool) Option {
	return func(p *Policy) error {
		p.workdaysOnly = on
		return nil
	}
}

// WithOverdueEvery sets the days between overdue chases, the first on the
// first working day after the deadline; 0 turns chasing off.
func WithOverdueEvery(days int) Option {
	return func(p *Policy) error {
		if days < 0 || days > 366 {
			return fmt.Errorf("%w: %d", ErrInvalidOverdueEvery, days)
		}
		p.overdueEvery = days
		return nil
	}
}

// WithMonthlyDigest turns the monthly reminder of ongoing (长期) duties,
// on the first working day of each month, on or off.
func WithMonthlyDigest(on bool) Option {
	return func(p *Policy) error {
		p.digest = on
		return nil
	}
}

// WithWeeklySummary turns the weekly progress summary (通报) to the
// administrators, on the first working day of each week, on or off.
func WithWeeklySummary(on bool) Option {
	return func(p *Policy) error {
		p.summary = on
		return nil
	}
}

// WithNotice applies opts to the reminders of one notice only (by its
// document number), on top of the rest of the policy: e.g. a notice whose
// deadlines are close may want WithBefore(3, 1). Location and calendar stay
// deployment-wide.
func WithNotice(number string, opts ...Option) Option {
	return func(p *Policy) error {
		if number == "" {
			return fmt.Errorf("%w: empty notice number", ErrInvalidNoticeOverride)
		}
		if p.inNotice {
			return fmt.Errorf("%w: %s nested", ErrInvalidNoticeOverride, number)
		}
		if p.noticeOpts == nil {
			p.noticeOpts = map[string][]Option{}
		}
		p.noticeOpts[number] = append(p.noticeOpts[number], opts...)
		return nil
	}
}

// For returns the policy that applies to the notice numbered number.
func (p *Policy) For(number string) *Policy {
	if np, ok := p.notices[number]; ok {
		return np
	}
	return p
}

// Before returns the days ahead of a milestone that reminders go out, largest first.
func (p *Policy) Before() []int { return slices.Clone(p.before) }

// Location returns the policy's time zone.
func (p *Policy) Location() *time.Location { return p.loc }

// Calendar returns the policy's working-day calendar.
func (p *Policy) Calendar() *Calendar { return p.cal }

// SendTime returns the local hour and minute reminders go out.
func (p *Policy) SendTime() (hour, minute int) { return p.hour, p.minute }

// OverdueEvery returns the days between overdue chases (0: none).
func (p *Policy) OverdueEvery() int { return p.overdueEvery }

// WeeklySummary reports whether the administrators get the weekly summary.
func (p *Policy) WeeklySummary() bool { return p.summary }
