package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"dutybot/bot/slack"
	"dutybot/reminders"
	"dutybot/store"
)

// slackConfigured reads which Slack variables are set: none (serve runs the
// dashboard and the scheduler only), or a complete set; a partial set is a
// mistake worth stopping for.
func (m *Main) slackConfigured() (bool, error) {
	bot, app, secret := m.Getenv("SLACK_BOT_TOKEN"), m.Getenv("SLACK_APP_TOKEN"), m.Getenv("SLACK_SIGNING_SECRET")
	switch {
	case bot == "" && app == "" && secret == "":
		return false, nil
	case bot == "":
		return false, usagef("serve needs SLACK_BOT_TOKEN with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET (or no Slack variable at all, for the dashboard alone)")
	case app == "" && secret == "":
		return false, usagef("serve needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP endpoints)")
	}
	return true, nil
}

// noSlack is the reminders' sender when Slack is not set up: every
// reminder stays in the log, retried later, and goes once Slack is.
type noSlack struct{}

var errNoSlack = errors.New("Slack is not set up (no SLACK_BOT_TOKEN); the reminder waits in the log")

func (noSlack) Send(context.Context, reminders.Delivery) (string, error) { return "", errNoSlack }

var _ reminders.Sender = noSlack{}

// serveWithoutSlack serves the dashboard and GET /healthz (200 while the
// database takes writes) until ctx ends, with the Slack server's timeouts.
func (m *Main) serveWithoutSlack(ctx context.Context, db *store.DB, dash http.Handler) error {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if err := db.ProbeWrite(r.Context(), time.Now()); err != nil {
			m.Logger.Warn("the database is not writable", "err", err)
			http.Error(w, "not ready: database not writable", http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte("ok"))
	})
	mux.Handle("/", dash)
	t := slack.DefaultHTTPTimeouts
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: t.ReadHeader, ReadTimeout: t.Read,
		WriteTimeout: t.Write, IdleTimeout: t.Idle, ErrorLog: slog.NewLogLogger(m.Logger.Handler(), slog.LevelWarn)}
	ln, err := net.Listen("tcp", m.httpAddrOrDefault())
	if err != nil {
		return fmt.Errorf("listen on %s: %w", m.httpAddrOrDefault(), err)
	}
	m.Logger.Info("http listening", "addr", ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
	case err := <-errc:
		return fmt.Errorf("serve http: %w", err)
	}
	shut, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		m.Logger.Warn("http shutdown", "err", err)
	}
	return ctx.Err()
}
