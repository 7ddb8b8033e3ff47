package reminders

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"time"

	"github.com/jonboulle/clockwork"

	"dutybot/i18n"
	"dutybot/knowledge"
)

// Source is where the dispatcher reads notices and completion state from on
// every tick, so that a completion or a channel binding counts at once.
// knowledge.Store satisfies it.
type Source interface {
	Notices(ctx context.Context) ([]*knowledge.Notice, error)
	Assignments(ctx context.Context, notice string) ([]knowledge.Assignment, error)
}

var _ Source = knowledge.Store(nil)

// DeliveryLog is the reminder log the dispatcher works through: the
// knowledge.ReminderLog of every replica, plus what a tick needs to catch up
// on exactly the time it was down and to stop cleanly. store.DB satisfies it.
type DeliveryLog interface {
	knowledge.ReminderLog
	// ReleaseClaims gives up owner's claims on the pending reminders ids
	// without counting an attempt, so that any replica may take them at once.
	ReleaseClaims(ctx context.Context, owner string, ids []int64) error
	// LastRun returns when job last recorded its plan (MarkRun), or the zero
	// time if it never has: the very first run of a deployment.
	LastRun(ctx context.Context, job string) (time.Time, error)
	// MarkRun records that job's plan is in the log up to at; the time only
	// moves forward.
	MarkRun(ctx context.Context, job string, at time.Time) error
}

// Dispatcher delivers due reminders through a persisted log, exactly once
// across restarts and replicas. `dutybot remind send` and the scheduler both
// call Tick. It is safe for concurrent use.
type Dispatcher struct {
	src    Source
	log    DeliveryLog
	sender Sender
	policy *Policy

	owner                        string
	clock                        clockwork.Clock
	defaultChannel, adminChannel string
	lang                         string
	unitLang                     map[string]string
	tr                           Translator
	lease, lookback, lateAfter   time.Duration
	backoffBase, backoffMax      time.Duration
	retryWait                    time.Duration
	jitter                       Jitter
	batch, parallel              int
	logger                       *slog.Logger
	pacer                        *pacer
	recorded                     recordedSet
	auditHead                    func(context.Context) (string, error)
}

// DispatcherOption configures NewDispatcher; options validate their arguments.
type DispatcherOption func(*Dispatcher) error

// NewDispatcher returns a Dispatcher that plans from src with policy,
// records and claims in log, and sends through sender. By default it writes
// zh-CN through the bot's message bundle, paces one message per second per
// channel on the real clock, claims for 5 minutes, catches up on at most 31
// days missed, retries a temporary failure within the tick for up to 30 s in
// all, and retries what still fails at later ticks from 30 s doubling up to 1 h.
func NewDispatcher(src Source, log DeliveryLog, sender Sender, policy *Policy, opts ...DispatcherOption) (*Dispatcher, error) {
	switch {
	case src == nil:
		return nil, errors.New("new dispatcher: nil source")
	case log == nil:
		return nil, errors.New("new dispatcher: nil reminder log")
	case sender == nil:
		return nil, errors.New("new dispatcher: nil sender")
	case policy == nil:
		return nil, errors.New("new dispatcher: nil policy")
	}
	d := &Dispatcher{
		src: src, log: log, sender: sender, policy: policy,
		clock: clockwork.NewRealClock(), lang: i18n.Default, unitLang: map[string]string{},
		lease: 5 * time.Minute, lookback: 31 * 24 * time.Hour, lateAfter: time.Hour,
		backoffBase: 30 * time.Second, backoffMax: time.Hour, retryWait: DefaultRetryWait,
		jitter: func(n time.Duration) time.Duration { return rand.N(n) },
		batch:  200, parallel: 4, logger: slog.Default(),
	}
	gap := time.Second
	for _, o := range opts {
		if err := o(d); err != nil {
			return nil, fmt.Errorf("new dispatcher: %w", err)
		}
	}
	if d.retryWait > d.lease/2 {
		return nil, fmt.Errorf("new dispatcher: %w: %v with a lease of %v", ErrInvalidRetryWait, d.retryWait, d.lease)
	}
	if d.tr == nil {
		b, err := i18n.New()
		if err != nil {
			return nil, fmt.Errorf("new dispatcher: %w", err)
		}
		d.tr = BundleTranslator(b)
	}
	if d.owner == "" {
		host, _ := os.Hostname()
		d.owner = fmt.Sprintf("%s:%d:%p", host, os.Getpid(), d)
	}
	if d.pacer == nil {
		d.pacer = newPacer(d.clock, gap)
	}
	return d, nil
}

// WithOwner names this dispatcher in claims; replicas must use distinct
// names (default: host, process and instance).
func WithOwner(owner string) DispatcherOption {
	return func(d *Dispatcher) error {
		if owner == "" {
			return ErrEmptyOwner
		}
		d.owner = owner
		return nil
	}
}

// WithClock sets the clock that paces sends (default: the real clock).
// Tick's now, not the clock, decides what is due.
func WithClock(c clockwork.Clock) DispatcherOption {
	return func(d *Dispatcher) error {
		if c == nil {
			return ErrNilClock
		}
		d.clock = c
		if d.pacer != nil {
			d.pacer.clock = c
		}
		return nil
	}
}

// WithChannelGap sets the least time between two messages to one channel
// (default 1 s, Slack's limit); other channels are not held up.
func WithChannelGap(gap time.Duration) DispatcherOption {
	return func(d *Dispatcher) error {
		if gap < 0 {
			return fmt.Errorf("%w: %v", ErrInvalidChannelGap, gap)
		}
		d.pacer = newPacer(d.clock, gap)
		return nil
	}
}

// WithDefaultChannel sets the channel of units with no channel of their own
// ($DUTYBOT_REMINDER_CHANNEL); the message then names the unit.
func WithDefaultChannel(ch string) DispatcherOption {
	return func(d *Dispatcher) error {
		d.defaultChannel = ch
		return nil
	}
}

// WithAdminChannel sets the channel of the weekly summary
// ($DUTYBOT_ADMIN_CHANNEL); without it the summary goes to the default channel.
func WithAdminChannel(ch string) DispatcherOption {
	return func(d *Dispatcher) error {
		d.adminChannel = ch
		return nil
	}
}

// WithLanguage sets the language of messages to units with none of their own.
func WithLanguage(lang string) DispatcherOption {
	return func(d *Dispatcher) error {
		if lang == "" {
			return ErrEmptyLanguage
		}
		d.lang = lang
		return nil
	}
}

// WithUnitLanguage sets the language of one unit's messages (AdminUnit for
// the weekly summary).
func WithUnitLanguage(unit, lang string) DispatcherOption {
	return func(d *Dispatcher) error {
		if unit == "" || lang == "" {
			return fmt.Errorf("%w: unit %q, language %q", ErrEmptyLanguage, unit, lang)
		}
		d.unitLang[unit] = lang
		return nil
	}
}

// WithTranslator sets what writes the messages (default: the bot's bundle).
func WithTranslator(t Translator) DispatcherOption {
	return func(d *Dispatcher) error {
		if t == nil {
			return ErrNilTranslator
		}
		d.tr = t
		return nil
	}
}

// WithLease sets how long a claim holds reminders for this dispatcher; it
// must outlast a tick, after which another replica may take them over.
func WithLease(lease time.Duration) DispatcherOption {
	return func(d *Dispatcher) error {
		if lease < time.Second {
			return fmt.Errorf("%w: %v", ErrInvalidLease, lease)
		}
		d.lease = lease
		return nil
	}
}

// WithLookback sets how far back a tick looks for reminders missed while
// the bot was down (default 31 days: the longest gap between two reminders
// of one milestone, the monthly digest).
func WithLookback(lookback time.Duration) DispatcherOption {
	return func(d *Dispatcher) error {
		if lookback < time.Hour {
			return fmt.Errorf("%w: %v", ErrInvalidLookback, lookback)
		}
		d.lookback = lookback
		return nil
	}
}

// WithLateAfter sets when a reminder counts as late: sent that long or more
// after its time, its message says so (default 1 h).
func WithLateAfter(after time.Duration) DispatcherOption {
	return func(d *Dispatcher) error {
		if after <= 0 {
			return fmt.Errorf("%w: %v", ErrInvalidLateAfter, after)
		}
		d.lateAfter = after
		return nil
	}
}

// WithBackoff sets the wait after a failed send that gives no Retry-After:
// base after the first failure, doubling up to ceiling, plus jitter.
func WithBackoff(base, ceiling time.Duration) DispatcherOption {
	return func(d *Dispatcher) error {
		if base <= 0 || ceiling < base {
			return fmt.Errorf("%w: %v..%v", ErrInvalidBackoff, base, ceiling)
		}
		d.backoffBase, d.backoffMax = base, ceiling
		return nil
	}
}

// DefaultRetryWait is how long a tick waits in all, by default, to retry
// sends that failed for a reason that passes (a 429's Retry-After, a 5xx, a
// network error) before it leaves them to a later tick.
const DefaultRetryWait = 30 * time.Second

// MaxRetryWait is the longest retry wait WithRetryWait accepts with the
// default claim lease: a tick must end well before its claims lapse.
const MaxRetryWait = 2 * time.Minute

// retriesPerSend is how many times a tick retries one message.
const retriesPerSend = 3

// WithRetryWait sets how long one tick may wait in all to retry sends that
// failed for a reason that passes: it waits out a Retry-After, and backs off
// from 1 s doubling after a 5xx or a network error, up to 3 times a message,
// as long as the wait ends within d of the tick's start. What still fails is
// left to a later tick. 0 retries nothing within a tick. A one-shot `remind
// send` from cron needs it: its next run may be an hour away.
func WithRetryWait(d time.Duration) DispatcherOption {
	return func(disp *Dispatcher) error {
		if d < 0 {
			return fmt.Errorf("%w: %v", ErrInvalidRetryWait, d)
		}
		disp.retryWait = d
		return nil
	}
}

// WithJitter sets the random source of retry jitter (tests make it fixed).
func WithJitter(j Jitter) DispatcherOption {
	return func(d *Dispatcher) error {
		if j == nil {
			return ErrNilJitter
		}
		d.jitter = j
		return nil
	}
}

// WithBatch sets how many reminders one claim takes (default 200); a tick
// claims batches until none is left.
func WithBatch(n int) DispatcherOption {
	return func(d *Dispatcher) error {
		if n < 1 {
			return fmt.Errorf("%w: %d", ErrInvalidBatch, n)
		}
		d.batch = n
		return nil
	}
}

// WithParallel sets how many channels are sent to at once (default 4).
func WithParallel(n int) DispatcherOption {
	return func(d *Dispatcher) error {
		if n < 1 {
			return fmt.Errorf("%w: %d", ErrInvalidParallel, n)
		}
		d.parallel = n
		return nil
	}
}

// WithLogger sets the logger (default slog.Default()).
func WithLogger(l *slog.Logger) DispatcherOption {
	return func(d *Dispatcher) error {
		if l == nil {
			return ErrNilLogger
		}
		d.logger = l
		return nil
	}
}

// Channels returns where messages go that have no channel of their own:
// unbound is the channel of units with none bound ("" when they get
// nothing), summary that of the weekly summary (通报), which is the
// administrators' channel or, without one, the default channel;
// summaryFallback is true in that last case.
func (d *Dispatcher) Channels() (unbound, summary string, summaryFallback bool) {
	return d.defaultChannel, cmp.Or(d.adminChannel, d.defaultChannel), d.adminChannel == ""
}

// Owner returns the name this dispatcher claims reminders under.
func (d *Dispatcher) Owner() string { return d.owner }

// Policy returns the dispatcher's policy.
func (d *Dispatcher) Policy() *Policy { return d.policy }
