package slack

import (
	"dutybot/i18n"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Errors of invalid options, returned (wrapped, with the bad value) by New;
// test them with errors.Is.
var (
	// ErrNilTranslator is WithTranslator(nil).
	ErrNilTranslator = errors.New("nil translator")
	// ErrNilBundle is WithBundle(nil).
	ErrNilBundle = errors.New("nil message bundle")
	// ErrNilRegistry is WithRegistry(nil).
	ErrNilRegistry = errors.New("nil metrics registry")
	// ErrNilEventLog is WithEventLog(nil).
	ErrNilEventLog = errors.New("nil event log")
	// ErrNilReplayLog is WithReplayLog(nil).
	ErrNilReplayLog = errors.New("nil replay log")
	// ErrNilWriteProbe is WithWriteProbe(nil, …).
	ErrNilWriteProbe = errors.New("nil write probe")
	// ErrNilListener is WithListener(nil).
	ErrNilListener = errors.New("nil listener")
	// ErrInvalidLang is a WithDefaultLang other than zh-CN or en.
	ErrInvalidLang = errors.New("invalid default language (want zh-CN or en)")
	// ErrInvalidDuration is a WithWriteProbe interval, WithInlineBudget,
	// WithPingInterval or WithShutdownTimeout of 0 or less.
	ErrInvalidDuration = errors.New("invalid duration (want more than 0)")
	// ErrInvalidMaxRetries is a negative WithMaxRetries.
	ErrInvalidMaxRetries = errors.New("invalid max retries (want 0 or more)")
	// ErrInvalidHTTPTimeouts is a WithHTTPTimeouts with a timeout of 0 or
	// less, or a write timeout within the inline budget of slash commands.
	ErrInvalidHTTPTimeouts = errors.New("invalid http timeouts")
)

// Option configures an Adapter; an invalid option makes New fail.
type Option func(*Adapter) error

// WithTranslator sets where the adapter's own sentences come from (default:
// the messages embedded in dutybot/bot/i18n).
func WithTranslator(t Translator) Option {
	return func(a *Adapter) error {
		if t == nil {
			return ErrNilTranslator
		}
		a.tr = t
		return nil
	}
}

// WithRegistry registers the adapter's metrics in reg (and serves reg at
// /metrics), so that other parts of dutybot can add theirs to the same page.
func WithRegistry(reg *prometheus.Registry) Option {
	return func(a *Adapter) error {
		if reg == nil {
			return ErrNilRegistry
		}
		m, err := newMetrics(reg)
		if err != nil {
			return err
		}
		a.metrics = m
		return nil
	}
}

// WithEventLog makes the adapter ask l, after its own memory, whether an
// event is new before answering it, so that replicas sharing l answer a
// retried or duplicated event once between them.
func WithEventLog(l EventLog) Option {
	return func(a *Adapter) error {
		if l == nil {
			return ErrNilEventLog
		}
		a.events = l
		return nil
	}
}

// WithReplayLog makes the adapter record every accepted request's signature
// in l, and refuse a request whose signature l has already seen, so that a
// request replayed to any replica sharing l is refused. Without it only this
// process remembers signatures.
func WithReplayLog(l ReplayLog) Option {
	return func(a *Adapter) error {
		if l == nil {
			return ErrNilReplayLog
		}
		a.replays = l
		return nil
	}
}

// WithWriteProbe makes the adapter ready (GET /healthz 200) only while p
// succeeds: a bot whose database takes no writes cannot do what it is asked.
// p is asked at most once every interval; askers in between get its last
// answer.
func WithWriteProbe(p WriteProbe, every time.Duration) Option {
	return func(a *Adapter) error {
		if p == nil {
			return ErrNilWriteProbe
		}
		if every <= 0 {
			return fmt.Errorf("%w: write probe interval %s", ErrInvalidDuration, every)
		}
		a.writes = &writeCheck{probe: p, every: every}
		return nil
	}
}

// WithListener serves HTTP on ln instead of listening on Config.HTTPAddr.
func WithListener(ln net.Listener) Option {
	return func(a *Adapter) error {
		if ln == nil {
			return ErrNilListener
		}
		a.listener = ln
		return nil
	}
}

// WithDefaultLang sets the language for users whose Slack locale is neither
// Chinese nor English, or cannot be read (zh-CN or en; default zh-CN).
func WithDefaultLang(lang string) Option {
	return func(a *Adapter) error {
		if lang != langZH && lang != langEN {
			return fmt.Errorf("%w: %q", ErrInvalidLang, lang)
		}
		a.defaultLang = lang
		return nil
	}
}

// WithInlineBudget sets how long an HTTP slash command waits for its answer
// before acknowledging and sending it through response_url instead (default
// 2s, inside Slack's 3s).
func WithInlineBudget(d time.Duration) Option {
	return positive("inline budget", d, func(a *Adapter) { a.inlineBudget = d })
}

// WithPingInterval sets how long the Socket Mode connection may stay quiet
// (no ping from Slack) before it is reopened (default 30s).
func WithPingInterval(d time.Duration) Option {
	return positive("ping interval", d, func(a *Adapter) { a.pingInterval = d })
}

// WithShutdownTimeout bounds how long Run waits for in-flight work after its
// context ends (default 25s, inside the usual 30s SIGTERM grace period).
func WithShutdownTimeout(d time.Duration) Option {
	return positive("shutdown timeout", d, func(a *Adapter) { a.shutdownTimeout = d })
}

// WithMaxRetries sets how many times a Web API call that got 429 is retried
// after its Retry-After (default 3).
func WithMaxRetries(n int) Option {
	return func(a *Adapter) error {
		if n < 0 {
			return fmt.Errorf("%w: %d", ErrInvalidMaxRetries, n)
		}
		a.maxRetries = n
		return nil
	}
}

// HTTPTimeouts bound how long the HTTP server gives a client, so that a
// slow or idle one cannot hold a connection (and its file descriptor and
// goroutine) for ever.
type HTTPTimeouts struct {
	// ReadHeader is how long a client may take to send a request's headers.
	ReadHeader time.Duration
	// Read is how long it may take to send a whole request, body included:
	// a body trickled a byte at a time is cut off here.
	Read time.Duration
	// Write is how long the answer may take, from the end of the request's
	// headers; it must exceed the inline budget of slash commands.
	Write time.Duration
	// Idle is how long a kept-alive connection may wait for its next request.
	Idle time.Duration
}

// DefaultHTTPTimeouts are generous for Slack, whose requests are small and
// which wants an answer within 3 seconds.
var DefaultHTTPTimeouts = HTTPTimeouts{ReadHeader: 5 * time.Second, Read: 10 * time.Second, Write: 20 * time.Second, Idle: 30 * time.Second}

// WithHTTPTimeouts sets the HTTP server's timeouts (default
// DefaultHTTPTimeouts); each must be positive.
func WithHTTPTimeouts(t HTTPTimeouts) Option {
	return func(a *Adapter) error {
		for _, d := range []struct {
			name string
			d    time.Duration
		}{{"read header", t.ReadHeader}, {"read", t.Read}, {"write", t.Write}, {"idle", t.Idle}} {
			if d.d <= 0 {
				return fmt.Errorf("%w: %s timeout %s (want more than 0)", ErrInvalidHTTPTimeouts, d.name, d.d)
			}
		}
		a.timeouts = t
		return nil
	}
}

func positive(name string, d time.Duration, set func(*Adapter)) Option {
	return func(a *Adapter) error {
		if d <= 0 {
			return fmt.Errorf("%w: %s %s", ErrInvalidDuration, name, d)
		}
		set(a)
		return nil
	}
}

// WithBundle gives the adapter the program's one message bundle, the one its
// engine and reminders use (default: a bundle of its own).
func WithBundle(b *i18n.Bundle) Option {
	return func(a *Adapter) error {
		if b == nil {
			return ErrNilBundle
		}
		a.tr = bundleTranslator(b)
		return nil
	}
}
