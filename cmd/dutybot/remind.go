package main

import (
	"context"
	"encoding/json"
	"fmt"
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
	asJSON := fs.Bool("json", false, "print a JSON array (CONTRACTS §3)")
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

func (m *Main) runRemindSend(ctx context.Context, args []string) error {
	var dsn string
	fs := m.newFlagSet("remind send", &dsn)
	nowFlag := fs.String("now", "", "deliver what is due at or before this moment (RFC 3339 or YYYY-MM-DD; default now)")
	if err := parse(fs, args); err != nil {
		return err
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
	d, err := m.newDispatcher(db, sender, policy)
	if err != nil {
		return err
	}
	res, err := d.Tick(ctx, now)
	fmt.Fprintf(m.Stdout, "sent %d reminders in %d messages; %d skipped, %d failed (to retry)\n",
		res.Sent, res.Messages, res.Skipped, res.Failed)
	if err != nil {
		return fmt.Errorf("send reminders: %w", err)
	}
	if res.Failed > 0 {
		return exitError{1}
	}
	return nil
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
func (m *Main) newDispatcher(db *store.DB, sender reminders.Sender, policy *reminders.Policy) (*reminders.Dispatcher, error) {
	host, _ := os.Hostname()
	opts := []reminders.DispatcherOption{
		reminders.WithOwner(fmt.Sprintf("%s/%d", host, os.Getpid())),
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
	d, err := reminders.NewDispatcher(db, db, sender, policy, opts...)
	if err != nil {
		return nil, fmt.Errorf("reminder dispatcher: %w", err)
	}
	return d, nil
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
