package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"time"
)

// Run checks the bot token, serves HTTP (/healthz, /metrics and, with a
// signing secret, Slack's endpoints) and, with an app token, holds the
// Socket Mode connection. It returns when ctx ends, after in-flight answers
// are delivered (up to the shutdown timeout), or when a connection fails for
// good (a revoked token).
func (a *Adapter) Run(ctx context.Context) error {
	if a.engine == nil {
		return errors.New("slack: a send-only adapter (NewSender) cannot run")
	}
	a.runDone = ctx.Done()
	auth, err := a.api.AuthTestContext(ctx)
	if err != nil {
		return botTokenError(err)
	}
	a.botUser.Store(auth.UserID)
	a.authed.Store(true)
	a.log.Info("slack: signed in", "team", auth.Team, "bot_user", auth.UserID,
		"socket_mode", a.socket != nil, "http_events", a.secret != nil)
	// Say at once when the database takes no writes, not only when a
	// health check first asks.
	_ = a.writable(ctx)

	ln := a.listener
	if ln == nil {
		if ln, err = net.Listen("tcp", a.httpAddr); err != nil {
			return fmt.Errorf("slack: listen on %s: %w", a.httpAddr, err)
		}
	}
	srv := a.server()
	errc := make(chan error, 2)
	go func() {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			errc <- fmt.Errorf("slack: serve http: %w", err)
		}
	}()
	a.log.Info("slack: http listening", "addr", ln.Addr().String())

	sockCtx, stopSocket := context.WithCancel(ctx)
	defer stopSocket()
	sockDone := make(chan struct{})
	if a.socket != nil {
		go a.runSocket(sockCtx, errc, sockDone)
	} else {
		close(sockDone)
	}

	select {
	case <-ctx.Done():
		a.log.Info("slack: shutting down, finishing in-flight work")
	case err = <-errc:
		// Run returns err, and its caller reports it: logging it here too
		// would say the same thing twice.
		a.log.Info("slack: a connection failed for good, shutting down")
	}
	stopSocket()
	<-sockDone
	shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), a.shutdownTimeout)
	defer cancel()
	if serr := srv.Shutdown(shutCtx); serr != nil {
		a.log.Warn("slack: http shutdown", "err", serr)
	}
	if !a.wait(shutCtx) {
		a.log.Warn("slack: shutdown timeout with work still in flight")
	}
	return err
}

// server is the HTTP server of Run. Every phase of a connection has a
// deadline: without them a client that trickles a body, or keeps an idle
// connection open, holds a descriptor and a goroutine for ever. The read
// timeout is the deadline of a request's body too; the signed handlers
// read it whole (bounded by the maximum body size) before any work.
func (a *Adapter) server() *http.Server {
	return &http.Server{
		Handler:           a.Handler(),
		ReadHeaderTimeout: a.timeouts.ReadHeader,
		ReadTimeout:       a.timeouts.Read,
		WriteTimeout:      a.timeouts.Write,
		IdleTimeout:       a.timeouts.Idle,
		ErrorLog:          slog.NewLogLogger(a.log.Handler(), slog.LevelWarn),
	}
}

// wait waits for in-flight work, or until ctx ends; it reports whether all finished.
func (a *Adapter) wait(ctx context.Context) bool {
	done := make(chan struct{})
	go func() { a.work.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-ctx.Done():
		return false
	}
}

// goWork runs f in the background with a context of its own: answering goes
// on after the request is acknowledged, and after Run's context ends, until
// delivered (Run waits for it). A panic in the engine is logged, not fatal.
func (a *Adapter) goWork(what string, f func(ctx context.Context)) {
	a.work.Go(func() {
		defer func() {
			if p := recover(); p != nil {
				a.log.Error("slack: panic while answering", "what", what, "panic", p, "stack", string(debug.Stack()))
			}
		}()
		ctx, cancel := context.WithTimeout(context.Background(), a.workTimeout)
		defer cancel()
		f(ctx)
	})
}

// retry calls f, and again after Slack's Retry-After while f gets 429, at
// most maxRetries times.
func (a *Adapter) retry(ctx context.Context, what string, f func() error) error {
	for attempt := 0; ; attempt++ {
		err := f()
		after, ok := retryAfter(err)
		if !ok || attempt >= a.maxRetries {
			return err
		}
		wait := max(after, time.Second)
		a.log.Warn("slack: rate limited, retrying", "call", what, "after", wait, "attempt", attempt+1)
		select {
		case <-a.clock.After(wait):
		case <-ctx.Done():
			return fmt.Errorf("%s: %w (gave up waiting: %w)", what, err, ctx.Err())
		}
	}
}
