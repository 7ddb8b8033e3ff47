package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jonboulle/clockwork"

	"dutybot/bot"
	"dutybot/bot/slack"
	"dutybot/reminders"
)

func (m *Main) runServe(ctx context.Context, args []string) error {
	var dsn string
	fs := m.newFlagSet("serve", &dsn)
	httpAddr := fs.String("http", "", "HTTP listen address ($DUTYBOT_HTTP_ADDR, default :8080)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *httpAddr != "" {
		m.httpAddr = *httpAddr
	}
	if m.Getenv("SLACK_BOT_TOKEN") == "" {
		return usagef("serve needs SLACK_BOT_TOKEN, and SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)")
	}
	if m.Getenv("SLACK_APP_TOKEN") == "" && m.Getenv("SLACK_SIGNING_SECRET") == "" {
		return usagef("serve needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP endpoints)")
	}
	policy, err := m.policy()
	if err != nil {
		return err
	}
	db, err := m.openStore(ctx, dsn)
	if err != nil {
		return err
	}
	engine, err := m.newEngine(ctx, db, "")
	if err != nil {
		return err
	}
	adapter, err := m.newSlack(engine, db)
	if err != nil {
		return err
	}
	d, err := m.newDispatcher(db, adapter, policy)
	if err != nil {
		return err
	}
	clock := clockwork.NewRealClock()
	locker, err := reminders.NewLeaseLocker(db, d.Owner(), clock, 2*time.Minute)
	if err != nil {
		return err
	}
	sched, err := reminders.NewScheduler(d,
		reminders.WithSchedulerClock(clock),
		reminders.WithLocker(locker),
		reminders.WithSchedulerLogger(m.Logger),
		reminders.OnTick(m.logTick),
	)
	if err != nil {
		return err
	}
	m.logChannels(ctx, db, d, slog.LevelWarn)
	sched.Start()
	m.Logger.Info("dutybot serving", "http", m.httpAddrOrDefault(), "socket_mode", m.Getenv("SLACK_APP_TOKEN") != "")
	err = adapter.Run(ctx)
	// Finish the tick in flight before the store closes.
	if serr := sched.Shutdown(); serr != nil {
		err = errors.Join(err, fmt.Errorf("stop scheduler: %w", serr))
	}
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

func (m *Main) httpAddrOrDefault() string {
	switch {
	case m.httpAddr != "":
		return m.httpAddr
	case m.Getenv("DUTYBOT_HTTP_ADDR") != "":
		return m.Getenv("DUTYBOT_HTTP_ADDR")
	}
	return ":8080"
}

// newSlack builds the Slack adapter from the environment (CONTRACTS §5).
// Seen event IDs are kept in events (the database) too, so that replicas
// sharing it, or a restarted one, answer a retried event once.
func (m *Main) newSlack(engine *bot.Engine, events slack.EventLog) (*slack.Adapter, error) {
	cfg := slack.ConfigFromEnv(m.Getenv)
	cfg.HTTPAddr = m.httpAddrOrDefault()
	cfg.Logger = m.Logger
	a, err := slack.New(cfg, engine, slack.WithEventLog(events))
	if err != nil {
		return nil, fmt.Errorf("slack: %w", err)
	}
	return a, nil
}

// logTick logs what a scheduler tick did, when it did anything.
func (m *Main) logTick(r reminders.Result, err error) {
	if err != nil {
		m.Logger.Error("reminder tick failed", "err", err)
		return
	}
	if r.Claimed > 0 {
		m.Logger.Info("reminder tick", "sent", r.Sent, "messages", r.Messages, "skipped", r.Skipped, "failed", r.Failed)
	}
}
