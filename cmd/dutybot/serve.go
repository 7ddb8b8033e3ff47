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
	clock := m.clock
	if clock == nil {
		clock = clockwork.NewRealClock()
	}
	adapter, err := m.newSlack(engine, db, clock)
	if err != nil {
		return err
	}
	d, err := m.newDispatcher(db, adapter, policy, reminders.WithClock(clock))
	if err != nil {
		return err
	}
	locker, err := reminders.NewLeaseLocker(db, d.Owner(), clock, 2*time.Minute)
	if err != nil {
		return err
	}
	sched, err := reminders.NewScheduler(d,
		reminders.WithSchedulerClock(clock),
		reminders.WithLocker(locker),
		// The scheduler logs each tick's summary; nothing here repeats it.
		reminders.WithSchedulerLogger(m.Logger),
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
	if err == nil || errors.Is(err, context.Canceled) {
		m.Logger.Info("dutybot stopped")
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

// sharedState is what the Slack adapter keeps in the database that the
// replicas share (the store implements it).
type sharedState interface {
	slack.EventLog
	slack.ReplayLog
	slack.WriteProbe
}

// writeProbeEvery is how long /healthz trusts one successful write probe.
const writeProbeEvery = 5 * time.Second

// newSlack builds the Slack adapter from the environment (docs/cli.md §5).
// Seen event IDs and request signatures are kept in the database too, so
// that replicas sharing it, or a restarted one, answer a retried event once
// and refuse a replayed request; and /healthz is ready only while the
// database takes writes.
func (m *Main) newSlack(engine *bot.Engine, db sharedState, clock clockwork.Clock) (*slack.Adapter, error) {
	cfg := slack.ConfigFromEnv(m.Getenv)
	cfg.Clock = clock
	cfg.HTTPAddr = m.httpAddrOrDefault()
	cfg.Logger = m.Logger
	// The adapter's errors name the variable at fault and start with
	// "slack: " already.
	b, err := m.bundle()
	if err != nil {
		return nil, err
	}
	return slack.New(cfg, engine, slack.WithBundle(b), slack.WithEventLog(db), slack.WithReplayLog(db),
		slack.WithWriteProbe(db, writeProbeEvery))
}
