package bot

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"dutybot/i18n"
	"dutybot/knowledge"
)

// Errors of invalid options, returned (wrapped, with the bad value) by New;
// test them with errors.Is.
var (
	// ErrInvalidAdmin is a WithAdmins entry that is not one user ID.
	ErrInvalidAdmin = errors.New("invalid admin (want one user ID)")
	// ErrInvalidLang is a WithLang that is neither Chinese nor English.
	ErrInvalidLang = errors.New("invalid language (want zh-CN or en)")
	// ErrNilLocation is WithLocation(nil).
	ErrNilLocation = errors.New("nil location")
	// ErrNilLogger is WithLogger(nil).
	ErrNilLogger = errors.New("nil logger")
	// ErrNilBundle is WithBundle(nil).
	ErrNilBundle = errors.New("nil message bundle")
	// ErrNilClock is WithClock(nil).
	ErrNilClock = errors.New("nil clock")
	// ErrNilWorkdays is WithWorkdays(nil).
	ErrNilWorkdays = errors.New("nil working-day calendar")
)

// Option configures an Engine; New rejects an option whose value is invalid.
type Option func(*Engine) error

// WithAdmins sets the user IDs allowed to change shared state (done, reopen, bind).
func WithAdmins(ids ...string) Option {
	return func(e *Engine) error {
		for _, id := range ids {
			id = strings.TrimSpace(id)
			if id == "" {
				continue
			}
			if strings.ContainsAny(id, " ,\t\n") {
				return fmt.Errorf("%w: %q", ErrInvalidAdmin, id)
			}
			e.admins[id] = true
		}
		return nil
	}
}

// WithLocation sets the time zone in which "today" is read (default Asia/Shanghai).
func WithLocation(loc *time.Location) Option {
	return func(e *Engine) error {
		if loc == nil {
			return ErrNilLocation
		}
		e.loc = loc
		return nil
	}
}

// WithLang sets the language of answers when a message names none (default zh-CN).
func WithLang(lang string) Option {
	return func(e *Engine) error {
		l := strings.ToLower(strings.TrimSpace(lang))
		if l != "en" && !strings.HasPrefix(l, "en-") && !strings.HasPrefix(l, "zh") {
			return fmt.Errorf("%w: %q", ErrInvalidLang, lang)
		}
		e.lang = lang
		return nil
	}
}

// WithLogger sets the logger (default: discard).
func WithLogger(l *slog.Logger) Option {
	return func(e *Engine) error {
		if l == nil {
			return ErrNilLogger
		}
		e.log = l
		return nil
	}
}

// WithBundle shares a message bundle (default: i18n.New()).
func WithBundle(b *i18n.Bundle) Option {
	return func(e *Engine) error {
		if b == nil {
			return ErrNilBundle
		}
		e.bundle = b
		return nil
	}
}

// WithClock sets where the engine reads the time when a Message carries no
// Now (default time.Now); tests pass a fixed clock.
func WithClock(now func() time.Time) Option {
	return func(e *Engine) error {
		if now == nil {
			return ErrNilClock
		}
		e.now = now
		return nil
	}
}

// WithWorkdays sets the working-day calendar that the traffic lights count
// in (the reminders' calendar, with China's holidays); default Monday to Friday.
func WithWorkdays(w knowledge.Workdays) Option {
	return func(e *Engine) error {
		if w == nil {
			return ErrNilWorkdays
		}
		e.workdays = w
		return nil
	}
}
