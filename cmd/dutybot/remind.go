package main

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"dutybot/bot/slack"
	"dutybot/knowledge"
	"dutybot/reminders"
	"dutybot/store"
)

func (m *Main) runRemind(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usagef("remind needs plan or send")
	}
	switch args[0] {
	case "plan":
		return m.runRemindPlan(ctx, args[1:])
	case "send":
		return m.runRemindSend(ctx, args[1:])
	}
	return usagef("unknown remind command %q: want plan or send", args[0])
}

func (m *Main) runRemindPlan(ctx context.Context, args []string) error {
	var dsn string
	fs := m.newFlagSet("remind plan", &dsn)
	asJSON := fs.Bool("json", false, "print a JSON array (docs/cli.md §3)")
	fromFlag := fs.String("from", "", "first day of the window, YYYY-MM-DD (default today)")
	toFlag := fs.String("to", "", "last day of the window, YYYY-MM-DD (default 30 days after --from)")
	if err := parse(fs, args); err != nil {
		return err
	}
	policy, err := m.policy()
	if err != nil {
		return err
	}
	from := knowledge.DateOf(time.Now().In(policy.Location()))
	if *fromFlag != "" {
		if from, err = knowledge.ParseDate(*fromFlag); err != nil {
			return usagef("--from: %v", err)
		}
	}
	to := from.AddDays(30)
	if *toFlag != "" {
		if to, err = knowledge.ParseDate(*toFlag); err != nil {
			return usagef("--to: %v", err)
		}
	}
	if to.Before(from) {
		return usagef("--to %s is before --from %s", to, from)
	}
	db, err := m.openStore(ctx, dsn)
	if err != nil {
		return err
	}
	rs, err := planFromStore(ctx, db, policy, from, to)
	if err != nil {
		return err
	}
	entries := reminders.PlanJSON(rs, policy.Location())
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(entries)
	}
	for _, e := range entries {
		due := "长期"
		if e.Due != nil {
			due = *e.Due
		}
		fmt.Fprintf(m.Stdout, "%s  %-8s 第%d项  %-12s %-11s 期限 %s\n", e.At, e.Kind, e.Task, e.Unit, e.Role, due)
	}
	fmt.Fprintf(m.Stdout, "%d reminders from %s to %s\n", len(entries), from, to)
	return nil
}

// planFromStore plans the reminders of every stored notice in [from, to].
func planFromStore(ctx context.Context, db *store.DB, policy *reminders.Policy, from, to knowledge.Date) ([]knowledge.Reminder, error) {
	notices, err := db.Notices(ctx)
	if err != nil {
		return nil, fmt.Errorf("read notices: %w", err)
	}
	assign := map[string][]knowledge.Assignment{}
	for _, n := range notices {
		if assign[n.Number], err = db.Assignments(ctx, n.Number); err != nil {
			return nil, fmt.Errorf("read progress of %s: %w", n.Number, err)
		}
	}
	units, err := db.Units(ctx)
	if err != nil {
		return nil, fmt.Errorf("read units: %w", err)
	}
	start, end := reminders.DayWindow(from, to, policy)
	return reminders.Plan(notices, assign, units, policy, start, end), nil
}

// exitRetryLater is the exit status of a `remind send` that left reminders
// for the next run (EX_TEMPFAIL of sysexits.h: try again later), so that
// cron wrappers and monitoring tell it from a hard failure (1).
const exitRetryLater = 75

func (m *Main) runRemindSend(ctx context.Context, args []string) error {
	var dsn string
	fs := m.newFlagSet("remind send", &dsn)
	nowFlag := fs.String("now", "", "deliver what is due at or before this moment (RFC 3339 or YYYY-MM-DD; default now)")
	retryWait := fs.Duration("retry-wait", reminders.DefaultRetryWait,
		"how long in all this run may wait to retry a send that failed for a reason that passes (429 Retry-After, 5xx, network); 0 leaves every failure to the next run")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *retryWait < 0 || *retryWait > reminders.MaxRetryWait {
		return usagef("--retry-wait %v: want 0 to %v", *retryWait, reminders.MaxRetryWait)
	}
	policy, err := m.policy()
	if err != nil {
		return err
	}
	now, err := parseNow(*nowFlag, policy.Location())
	if err != nil {
		return err
	}
	if now.IsZero() {
		now = time.Now()
	} else if len(*nowFlag) == len(time.DateOnly) {
		// A bare day means that day's sending time: its reminders go out
		// on time, not as late ones.
		h, min := policy.SendTime()
		y, mo, d := now.Date()
		now = time.Date(y, mo, d, h, min, 0, 0, policy.Location())
	}
	db, err := m.openStore(ctx, dsn)
	if err != nil {
		return err
	}
	cfg := slack.ConfigFromEnv(m.Getenv)
	cfg.Logger = m.Logger
	sender, err := slack.NewSender(cfg)
	if err != nil {
		return fmt.Errorf("slack: %w", err)
	}
	d, err := m.newDispatcher(db, sender, policy, reminders.WithRetryWait(*retryWait))
	if err != nil {
		return err
	}
	m.logChannels(ctx, db, d, slog.LevelInfo)
	res, err := d.Tick(ctx, now)
	// What waits is every reminder due and not delivered, this run's
	// failures and those of earlier runs whose retry time has not come.
	waiting, werr := dueUndelivered(context.WithoutCancel(ctx), db, now)
	if werr != nil {
		err = errors.Join(err, werr)
		waiting = res.Waiting()
	}
	if res.First && res.Messages > 0 {
		fmt.Fprintln(m.Stdout, "first run: each unit with open work got one message with its current status; nothing from before is sent as late")
	}
	fmt.Fprintf(m.Stdout, "%s delivered in %s; %s for the next run (%d skipped as no longer needed)\n",
		plural(res.Sent, "reminder"), plural(res.Messages, "message"), waitCount(waiting), res.Skipped)
	if err != nil {
		return fmt.Errorf("send reminders: %w", err)
	}
	if waiting > 0 {
		return exitError{exitRetryLater}
	}
	return nil
}

// dueUndelivered counts the reminders due at or before now that are neither
// sent nor skipped.
func dueUndelivered(ctx context.Context, db *store.DB, now time.Time) (int, error) {
	pending, err := db.Reminders(ctx, knowledge.DeliveryPending)
	if err != nil {
		return 0, fmt.Errorf("count reminders waiting: %w", err)
	}
	n := 0
	for _, p := range pending {
		if !p.Reminder.At.After(now) {
			n++
		}
	}
	return n, nil
}

// plural writes n things, with an s unless n is 1.
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// waitCount writes how many reminders wait.
func waitCount(n int) string {
	if n == 1 {
		return "1 waits"
	}
	return fmt.Sprintf("%d wait", n)
}

// logChannels says where reminders without a channel of their own go, and
// the weekly summary (通报): to the administrators' channel, or, when
// DUTYBOT_ADMIN_CHANNEL is unset, to the reminder channel, said as a
// warning at serve's start since it is easy to miss.
func (m *Main) logChannels(ctx context.Context, db *store.DB, d *reminders.Dispatcher, fallbackLevel slog.Level) {
	unbound, summary, fallback := d.Channels()
	bound := 0
	if units, err := db.Units(ctx); err == nil {
		for _, u := range units {
			if u.Channel != "" {
				bound++
			}
		}
	}
	m.Logger.Info("reminder channels", "bound_units", bound, "unbound", cmp.Or(unbound, "none"), "summary", cmp.Or(summary, "none"))
	switch {
	case unbound == "" && summary == "":
		m.Logger.Log(ctx, fallbackLevel, "reminder channels: DUTYBOT_REMINDER_CHANNEL and DUTYBOT_ADMIN_CHANNEL are unset: units without a bound channel and the weekly summary (通报) get nothing; their reminders wait until one is set")
	case unbound == "":
		m.Logger.Log(ctx, fallbackLevel, "reminder channels: DUTYBOT_REMINDER_CHANNEL is unset: units without a bound channel get nothing; their reminders wait until one is set or bound")
	case fallback:
		m.Logger.Log(ctx, fallbackLevel, "reminder channels: DUTYBOT_ADMIN_CHANNEL is unset, so the weekly summary (通报) goes to the reminder channel", "channel", summary)
	}
}

// policy is the deployment's reminder policy: the defaults of the reminders
// package, with holidays extended by $DUTYBOT_HOLIDAYS when set.
func (m *Main) policy() (*reminders.Policy, error) {
	var opts []reminders.Option
	if path := m.Getenv("DUTYBOT_HOLIDAYS"); path != "" {
		cal, err := reminders.NewCalendar(reminders.WithHolidayFile(path))
		if err != nil {
			return nil, fmt.Errorf("holidays %s: %w", path, err)
		}
		opts = append(opts, reminders.WithCalendar(cal))
	}
	p, err := reminders.NewPolicy(opts...)
	if err != nil {
		return nil, fmt.Errorf("reminder policy: %w", err)
	}
	return p, nil
}

// newDispatcher builds the one code path that delivers reminders, shared by
// `remind send` and the scheduler of `serve`.
func (m *Main) newDispatcher(db *store.DB, sender reminders.Sender, policy *reminders.Policy, extra ...reminders.DispatcherOption) (*reminders.Dispatcher, error) {
	opts := []reminders.DispatcherOption{
		reminders.WithOwner(m.owner()),
		reminders.WithLogger(m.Logger),
		reminders.WithAuditHead(func(ctx context.Context) (string, error) { return publishedHead(ctx, db) }),
	}
	if ch := m.Getenv("DUTYBOT_REMINDER_CHANNEL"); ch != "" {
		opts = append(opts, reminders.WithDefaultChannel(ch))
	}
	if ch := m.Getenv("DUTYBOT_ADMIN_CHANNEL"); ch != "" {
		opts = append(opts, reminders.WithAdminChannel(ch))
	}
	if lang := m.Getenv("DUTYBOT_LANG"); lang != "" {
		opts = append(opts, reminders.WithLanguage(lang))
	}
	langs, err := unitLanguages(m.Getenv("DUTYBOT_UNIT_LANGS"))
	if err != nil {
		return nil, err
	}
	for unit, lang := range langs {
		opts = append(opts, reminders.WithUnitLanguage(unit, lang))
	}
	d, err := reminders.NewDispatcher(db, db, sender, policy, append(opts, extra...)...)
	if err != nil {
		return nil, fmt.Errorf("reminder dispatcher: %w", err)
	}
	return d, nil
}

// owner names this run of the program in claims and leases: host and
// process, and a random part, because a restarted container is often the
// same host and process ID 1 again and must not pass for the run it replaces.
func (m *Main) owner() string {
	if m.ownerName == "" {
		host, _ := os.Hostname()
		var b [4]byte
		_, _ = rand.Read(b[:])
		m.ownerName = fmt.Sprintf("%s/%d/%x", host, os.Getpid(), b)
	}
	return m.ownerName
}

// unitLanguages reads $DUTYBOT_UNIT_LANGS: the language each unit's
// reminders are written in, as "法制支队=en,人事处=zh-CN".
func unitLanguages(s string) (map[string]string, error) {
	out := map[string]string{}
	for _, pair := range strings.Split(s, ",") {
		if pair = strings.TrimSpace(pair); pair == "" {
			continue
		}
		unit, lang, ok := strings.Cut(pair, "=")
		unit, lang = strings.TrimSpace(unit), strings.TrimSpace(lang)
		if !ok || unit == "" || (lang != "zh-CN" && lang != "en") {
			return nil, usagef("DUTYBOT_UNIT_LANGS: %q is not UNIT=zh-CN or UNIT=en", pair)
		}
		out[unit] = lang
	}
	return out, nil
}
