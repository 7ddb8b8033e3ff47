package reminders

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"time"

	"github.com/jonboulle/clockwork"

	"dutybot/bot/i18n"
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

// Dispatcher delivers due reminders through a persisted log, exactly once
// across restarts and replicas. `dutybot remind send` and the scheduler both
// call Tick. It is safe for concurrent use.
type Dispatcher struct {
	src    Source
	log    knowledge.ReminderLog
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
// channel on the real clock, claims for 5 minutes, looks 31 days back for
// missed reminders, and retries failures from 30 s doubling up to 1 h.
func NewDispatcher(src Source, log knowledge.ReminderLog, sender Sender, policy *Policy, opts ...DispatcherOption) (*Dispatcher, error) {
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
		backoffBase: 30 * time.Second, backoffMax: time.Hour,
		jitter: func(n time.Duration) time.Duration { return rand.N(n) },
		batch:  200, parallel: 4, logger: slog.Default(),
	}
	gap := time.Second
	for _, o := range opts {
		if err := o(d); err != nil {
			return nil, fmt.Errorf("new dispatcher: %w", err)
		}
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
			return errors.New("owner: empty")
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
			return errors.New("clock: nil")
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
			return fmt.Errorf("channel gap %v: negative", gap)
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
			return errors.New("language: empty")
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
			return fmt.Errorf("unit language %q=%q: empty", unit, lang)
		}
		d.unitLang[unit] = lang
		return nil
	}
}

// WithTranslator sets what writes the messages (default: the bot's bundle).
func WithTranslator(t Translator) DispatcherOption {
	return func(d *Dispatcher) error {
		if t == nil {
			return errors.New("translator: nil")
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
			return fmt.Errorf("lease %v: want at least 1s", lease)
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
			return fmt.Errorf("lookback %v: want at least 1h", lookback)
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
			return fmt.Errorf("late after %v: want more than 0", after)
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
			return fmt.Errorf("backoff %v..%v: want 0 < base <= ceiling", base, ceiling)
		}
		d.backoffBase, d.backoffMax = base, ceiling
		return nil
	}
}

// WithJitter sets the random source of retry jitter (tests make it fixed).
func WithJitter(j Jitter) DispatcherOption {
	return func(d *Dispatcher) error {
		if j == nil {
			return errors.New("jitter: nil")
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
			return fmt.Errorf("batch %d: want at least 1", n)
		}
		d.batch = n
		return nil
	}
}

// WithParallel sets how many channels are sent to at once (default 4).
func WithParallel(n int) DispatcherOption {
	return func(d *Dispatcher) error {
		if n < 1 {
			return fmt.Errorf("parallel %d: want at least 1", n)
		}
		d.parallel = n
		return nil
	}
}

// WithLogger sets the logger (default slog.Default()).
func WithLogger(l *slog.Logger) DispatcherOption {
	return func(d *Dispatcher) error {
		if l == nil {
			return errors.New("logger: nil")
		}
		d.logger = l
		return nil
	}
}

// Owner returns the name this dispatcher claims reminders under.
func (d *Dispatcher) Owner() string { return d.owner }

// Policy returns the dispatcher's policy.
func (d *Dispatcher) Policy() *Policy { return d.policy }
