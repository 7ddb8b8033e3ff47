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
	nowFlag := fs.String("now", "", "the dashboard's day for its lights, YYYY-MM-DD (demos, tests; default: today in Asia/Shanghai)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *httpAddr != "" {
		m.httpAddr = *httpAddr
	}
	withSlack, err := m.slackConfigured()
	if err != nil {
		return err
	}
	fixed, err := parseNow(*nowFlag, shanghai())
	if err != nil {
		return err
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
	dashNow := clock.Now
	if !fixed.IsZero() {
		dashNow = func() time.Time { return fixed }
	}
	dash, err := m.dashboardHandler(ctx, db, dashNow)
	if err != nil {
		return err
	}
	var adapter *slack.Adapter
	var sender reminders.Sender = noSlack{}
	if withSlack {
		if adapter, err = m.newSlack(engine, db, clock, slack.WithHandler(dash)); err != nil {
			return err
		}
		sender = adapter
	}
	d, err := m.newDispatcher(db, sender, policy, reminders.WithClock(clock))
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
	m.Logger.Info("dutybot serving", "http", m.httpAddrOrDefault(), "socket_mode", m.Getenv("SLACK_APP_TOKEN") != "",
		"dashboard", m.publicURL()+"/dashboard")
	if withSlack {
		err = adapter.Run(ctx)
	} else {
		m.Logger.Warn("no Slack tokens (SLACK_BOT_TOKEN): serving the dashboard and the scheduler only; reminders wait in the log until Slack is set up")
		err = m.serveWithoutSlack(ctx, db, dash)
	}
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
func (m *Main) newSlack(engine *bot.Engine, db sharedState, clock clockwork.Clock, extra ...slack.Option) (*slack.Adapter, error) {
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
	opts := []slack.Option{slack.WithBundle(b), slack.WithEventLog(db), slack.WithReplayLog(db),
		slack.WithWriteProbe(db, writeProbeEvery)}
	return slack.New(cfg, engine, append(opts, extra...)...)
}
