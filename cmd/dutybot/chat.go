package main

import (
	"context"
	"fmt"
	"time"

	"dutybot/bot"
	"dutybot/bot/console"
	"dutybot/store"
)

func (m *Main) runChat(ctx context.Context, args []string) error {
	var dsn string
	fs := m.newFlagSet("chat", &dsn)
	asJSON := fs.Bool("json", false, "print one JSON object per message (docs/cli.md §2)")
	as := fs.String("as", "", "user ID the messages come from (admins: $DUTYBOT_ADMINS)")
	nowFlag := fs.String("now", "", "today's date, YYYY-MM-DD (default: the real date in Asia/Shanghai)")
	lang := fs.String("lang", m.Getenv("DUTYBOT_LANG"), "reply language: zh-CN or en ($DUTYBOT_LANG)")
	if err := parse(fs, args); err != nil {
		return err
	}
	loc := shanghai()
	fixed, err := parseNow(*nowFlag, loc)
	if err != nil {
		return err
	}
	now := func() time.Time { return time.Now().In(loc) }
	if !fixed.IsZero() {
		now = func() time.Time { return fixed }
	}
	user := *as
	if user == "" {
		user = cliActor().User
	}

	db, err := m.openStore(ctx, dsn)
	if err != nil {
		return err
	}
	engine, err := m.newEngine(ctx, db, *lang)
	if err != nil {
		return err
	}

	interactive := fs.NArg() == 0 && !*asJSON && isTerminal(m.Stdin)
	opts := []console.Option{console.WithUser(user), console.WithLang(*lang), console.WithJSON(*asJSON), console.WithNow(now)}
	if interactive {
		opts = append(opts, console.WithInteractive("dutybot> "))
	}
	c, err := console.New(engine, m.Stdout, opts...)
	if err != nil {
		return err
	}
	if fs.NArg() > 0 {
		for _, msg := range fs.Args() {
			if err := c.Ask(ctx, msg); err != nil {
				return err
			}
		}
		return chatFailures(c)
	}
	if interactive {
		// A newcomer's first sight of the bot: what it can do.
		if err := c.Ask(ctx, "help"); err != nil {
			return err
		}
	}
	if err := c.Run(ctx, m.Stdin); err != nil {
		return err
	}
	if interactive {
		return nil // the person read each reply
	}
	return chatFailures(c)
}

// chatFailures makes a run in which some message failed (a change refused
// or not saved, a message too long) end with exit status 1, so that a
// script learns of it; every message has been answered by then.
func chatFailures(c *console.Console) error {
	failed, asked := c.Failed()
	if failed == 0 {
		return nil
	}
	noun := "messages"
	if asked == 1 {
		noun = "message"
	}
	return fmt.Errorf("%d of %d %s failed (refused, invalid, too long or not saved): see the replies", failed, asked, noun)
}

// newEngine builds the conversation engine over the store's notices.
func (m *Main) newEngine(ctx context.Context, db *store.DB, lang string) (*bot.Engine, error) {
	b, err := m.bundle()
	if err != nil {
		return nil, err
	}
	opts := []bot.Option{bot.WithAdmins(m.admins()...), bot.WithLocation(shanghai()), bot.WithLogger(m.Logger), bot.WithBundle(b),
		// Notifications of the loop go where reminders go (docs/cli.md §5).
		bot.WithChannels(m.Getenv("DUTYBOT_REMINDER_CHANNEL"), m.Getenv("DUTYBOT_ADMIN_CHANNEL"))}
	// The traffic lights count working days on the reminders' calendar.
	if p, err := m.policy(); err == nil {
		opts = append(opts, bot.WithWorkdays(p.Calendar()))
	} else {
		return nil, err
	}
	if lang != "" {
		opts = append(opts, bot.WithLang(lang))
	}
	opts = append(opts, m.dashboardOption(ctx, db)) // dashboard.go
	e, err := bot.New(db, opts...)
	if err != nil {
		return nil, fmt.Errorf("start engine: %w", err)
	}
	if err := e.Load(ctx); err != nil {
		return nil, fmt.Errorf("load notices: %w", err)
	}
	return e, nil
}
