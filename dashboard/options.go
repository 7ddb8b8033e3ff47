package dashboard

import (
	"errors"
	"fmt"
	"log/slog"
	"time"

	"dutybot/i18n"
	"dutybot/knowledge"
)

// Errors of invalid options, returned (wrapped) by New; test them with errors.Is.
var (
	// ErrNilBundle is WithBundle(nil).
	ErrNilBundle = errors.New("nil message bundle")
	// ErrNilClock is WithClock(nil).
	ErrNilClock = errors.New("nil clock")
	// ErrNilLocation is WithLocation(nil).
	ErrNilLocation = errors.New("nil location")
	// ErrNilWorkdays is WithWorkdays(nil).
	ErrNilWorkdays = errors.New("nil working-day calendar")
	// ErrNilLogger is WithLogger(nil).
	ErrNilLogger = errors.New("nil logger")
	// ErrInvalidPageSize is a WithPageSize outside 1 to 5000.
	ErrInvalidPageSize = errors.New("invalid page size (want 1 to 5000)")
)

// Option configures a Server; New rejects an option whose value is invalid.
type Option func(*Server) error

// WithBundle shares the program's message bundle (default: i18n.New()).
func WithBundle(b *i18n.Bundle) Option {
	return func(s *Server) error {
		if b == nil {
			return ErrNilBundle
		}
		s.bundle = b
		return nil
	}
}

// WithClock sets where the dashboard reads the time: today's lights and
// the tokens' expiry (default time.Now).
func WithClock(now func() time.Time) Option {
	return func(s *Server) error {
		if now == nil {
			return ErrNilClock
		}
		s.now = now
		return nil
	}
}

// WithLocation sets the notices' time zone (default Asia/Shanghai).
func WithLocation(loc *time.Location) Option {
	return func(s *Server) error {
		if loc == nil {
			return ErrNilLocation
		}
		s.loc = loc
		return nil
	}
}

// WithWorkdays sets the working-day calendar the lights count in (the
// reminders' calendar); default Monday to Friday.
func WithWorkdays(w knowledge.Workdays) Option {
	return func(s *Server) error {
		if w == nil {
			return ErrNilWorkdays
		}
		s.cal = w
		return nil
	}
}

// WithLogger sets the logger (default: discard).
func WithLogger(l *slog.Logger) Option {
	return func(s *Server) error {
		if l == nil {
			return ErrNilLogger
		}
		s.log = l
		return nil
	}
}

// WithSecureCookies marks the session cookie Secure, for a dashboard
// reached over HTTPS.
func WithSecureCookies(on bool) Option {
	return func(s *Server) error {
		s.secure = on
		return nil
	}
}

// WithPageSize sets how many tasks one page of the board shows (default
// 200), which keeps a page of a 10,000-task notice small.
func WithPageSize(n int) Option {
	return func(s *Server) error {
		if n < 1 || n > 5000 {
			return fmt.Errorf("%w: %d", ErrInvalidPageSize, n)
		}
		s.pageSize = n
		return nil
	}
}
