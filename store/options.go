package store

import (
	"errors"
	"log/slog"

	"github.com/jonboulle/clockwork"
)

// Errors of invalid options, returned by Open; test them with errors.Is.
var (
	// ErrNilOption is a nil Option given to Open.
	ErrNilOption = errors.New("store: nil option")
	// ErrNilClock is WithClock(nil).
	ErrNilClock = errors.New("store: WithClock: nil clock")
	// ErrNilLogger is WithLogger(nil).
	ErrNilLogger = errors.New("store: WithLogger: nil logger")
)

// Option configures Open. Options validate their argument so that a wiring
// mistake fails at start, not at the first audited change.
type Option func(*config) error

type config struct {
	clock  clockwork.Clock
	logger *slog.Logger
}

func defaultConfig() config {
	return config{
		clock:  clockwork.NewRealClock(),
		logger: slog.New(slog.DiscardHandler),
	}
}

// WithClock sets the clock that stamps audit entries and completion times.
// Tests inject a fake clock so that audit hashes are reproducible.
func WithClock(c clockwork.Clock) Option {
	return func(cfg *config) error {
		if c == nil {
			return ErrNilClock
		}
		cfg.clock = c
		return nil
	}
}

// WithLogger sets the logger for migrations, slow queries and database errors.
func WithLogger(l *slog.Logger) Option {
	return func(cfg *config) error {
		if l == nil {
			return ErrNilLogger
		}
		cfg.logger = l
		return nil
	}
}
