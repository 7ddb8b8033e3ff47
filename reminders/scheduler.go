package reminders

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/go-co-op/gocron/v2"
	"github.com/jonboulle/clockwork"

	"dutybot/knowledge"
)

// JobName is the name of the reminder job, and the key of its lease.
const JobName = "dutybot-reminders"

// Scheduler runs the dispatcher's Tick on a gocron schedule. With a
// LeaseLocker, of several replicas on one database only one ticks at a time;
// the per-reminder claim makes a duplicate impossible even without it.
type Scheduler struct {
	d        *Dispatcher
	s        gocron.Scheduler
	clock    clockwork.Clock
	every    time.Duration
	locker   gocron.Locker
	observer func(Result, error)
	logger   *slog.Logger
}

// SchedulerOption configures NewScheduler; options validate their arguments.
type SchedulerOption func(*Scheduler) error

// Every sets how often the scheduler ticks (default 1 minute): retries and
// reminders due while the bot was down go out at the next tick.
func Every(d time.Duration) SchedulerOption {
	return func(s *Scheduler) error {
		if d < time.Second {
			return fmt.Errorf("%w: %v", ErrInvalidEvery, d)
		}
		s.every = d
		return nil
	}
}

// WithSchedulerClock sets the clock the schedule runs on and whose Now each
// tick uses (default: the real clock). Tests drive it with a fake clock.
func WithSchedulerClock(c clockwork.Clock) SchedulerOption {
	return func(s *Scheduler) error {
		if c == nil {
			return ErrNilClock
		}
		s.clock = c
		return nil
	}
}

// WithLocker sets the distributed lock the job takes before each tick.
func WithLocker(l gocron.Locker) SchedulerOption {
	return func(s *Scheduler) error {
		if l == nil {
			return ErrNilLocker
		}
		s.locker = l
		return nil
	}
}

// OnTick sets a function called after every tick that ran, with its result
// (for metrics, logs and tests).
func OnTick(f func(Result, error)) SchedulerOption {
	return func(s *Scheduler) error {
		if f == nil {
			return ErrNilObserver
		}
		s.observer = f
		return nil
	}
}

// WithSchedulerLogger sets the logger (default slog.Default()).
func WithSchedulerLogger(l *slog.Logger) SchedulerOption {
	return func(s *Scheduler) error {
		if l == nil {
			return ErrNilLogger
		}
		s.logger = l
		return nil
	}
}

// NewScheduler returns a stopped Scheduler ticking d, the first time as soon
// as it starts. Call Start, then Shutdown.
func NewScheduler(d *Dispatcher, opts ...SchedulerOption) (*Scheduler, error) {
	if d == nil {
		return nil, errors.New("new scheduler: nil dispatcher")
	}
	s := &Scheduler{d: d, clock: clockwork.NewRealClock(), every: time.Minute, logger: slog.Default()}
	for _, o := range opts {
		if err := o(s); err != nil {
			return nil, fmt.Errorf("new scheduler: %w", err)
		}
	}
	sopts := []gocron.SchedulerOption{
		gocron.WithClock(s.clock),
		gocron.WithLocation(d.policy.loc),
		gocron.WithLogger(slogAdapter{s.logger}),
	}
	if s.locker != nil {
		sopts = append(sopts, gocron.WithDistributedLocker(s.locker))
	}
	gs, err := gocron.NewScheduler(sopts...)
	if err != nil {
		return nil, fmt.Errorf("new scheduler: %w", err)
	}
	_, err = gs.NewJob(
		gocron.DurationJob(s.every),
		gocron.NewTask(s.tick),
		gocron.WithName(JobName),
		// At once at start: a restart catches up on its downtime, and sends
		// what a stopped replica handed back, without waiting a period.
		gocron.WithStartAt(gocron.WithStartImmediately()),
		// A run due while one is going waits for it rather than being
		// dropped: a tick is short, and nothing is ever sent twice anyway.
		gocron.WithSingletonMode(gocron.LimitModeWait),
	)
	if err != nil {
		_ = gs.Shutdown()
		return nil, fmt.Errorf("new scheduler: add job: %w", err)
	}
	s.s = gs
	return s, nil
}

func (s *Scheduler) tick(ctx context.Context) {
	res, err := s.d.Tick(ctx, s.clock.Now())
	if err != nil && ctx.Err() != nil {
		// Shutdown cancelled the tick: a clean stop, not a failure.
		s.logger.Info("reminder tick stopped by shutdown", "sent", res.Sent, "messages", res.Messages)
	} else if err != nil {
		s.logger.Error("reminder tick", "err", err)
	} else if res.Claimed > 0 {
		s.logger.Info("reminder tick", "sent", res.Sent, "skipped", res.Skipped, "failed", res.Failed, "messages", res.Messages)
	}
	if s.observer != nil {
		s.observer(res, err)
	}
}

// Start starts ticking.
func (s *Scheduler) Start() { s.s.Start() }

// Shutdown stops ticking and waits for a running tick to end.
func (s *Scheduler) Shutdown() error {
	if err := s.s.Shutdown(); err != nil {
		return fmt.Errorf("shut down reminder scheduler: %w", err)
	}
	return nil
}

// slogAdapter lets gocron log through slog.
type slogAdapter struct{ l *slog.Logger }

func (a slogAdapter) Debug(msg string, args ...any) { a.l.Debug(msg, args...) }
func (a slogAdapter) Error(msg string, args ...any) { a.l.Error(msg, args...) }
func (a slogAdapter) Info(msg string, args ...any)  { a.l.Info(msg, args...) }
func (a slogAdapter) Warn(msg string, args ...any)  { a.l.Warn(msg, args...) }

var _ gocron.Logger = slogAdapter{}

// ErrLocked is returned by LeaseLocker.Lock when another replica holds the lease.
var ErrLocked = errors.New("lease held by another replica")

// LeaseLocker is a gocron.Locker over a database lease (knowledge.Leases):
// the lease expires by itself, so a replica that dies while ticking does not
// block the others for longer than ttl.
type LeaseLocker struct {
	leases knowledge.Leases
	owner  string
	clock  clockwork.Clock
	ttl    time.Duration
}

var _ gocron.Locker = (*LeaseLocker)(nil)

// NewLeaseLocker returns a locker taking leases as owner (distinct per
// replica) for ttl (longer than a tick) on clock.
func NewLeaseLocker(leases knowledge.Leases, owner string, clock clockwork.Clock, ttl time.Duration) (*LeaseLocker, error) {
	switch {
	case leases == nil:
		return nil, errors.New("new lease locker: nil leases")
	case owner == "":
		return nil, errors.New("new lease locker: empty owner")
	case clock == nil:
		return nil, errors.New("new lease locker: nil clock")
	case ttl < time.Second:
		return nil, fmt.Errorf("new lease locker: ttl %v: want at least 1s", ttl)
	}
	return &LeaseLocker{leases: leases, owner: owner, clock: clock, ttl: ttl}, nil
}

// Lock takes the lease key, or returns ErrLocked.
func (l *LeaseLocker) Lock(ctx context.Context, key string) (gocron.Lock, error) {
	ok, err := l.leases.Acquire(ctx, key, l.owner, l.clock.Now(), l.ttl)
	if err != nil {
		return nil, fmt.Errorf("acquire lease %s: %w", key, err)
	}
	if !ok {
		return nil, fmt.Errorf("acquire lease %s: %w", key, ErrLocked)
	}
	return leaseLock{l, key}, nil
}

type leaseLock struct {
	l   *LeaseLocker
	key string
}

// Unlock releases the lease.
func (k leaseLock) Unlock(ctx context.Context) error {
	if err := k.l.leases.Release(context.WithoutCancel(ctx), k.key, k.l.owner); err != nil {
		return fmt.Errorf("release lease %s: %w", k.key, err)
	}
	return nil
}
