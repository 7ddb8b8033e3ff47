// Command dutybot makes a notice's task-decomposition table live: officers ask
// about duties and deadlines in chat, units get reminders, administrators mark
// work done with an audit trail. This package only parses flags and
// configuration and wires the packages together.
package main

import (
	"context"
	"dutybot/i18n"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/jonboulle/clockwork"
	_ "time/tzdata" // Asia/Shanghai on machines without zoneinfo
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	m := NewMain()
	err := m.Run(ctx, os.Args[1:])
	stop()
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	os.Exit(exitCode(m.Stderr, err))
}

// exitCode reports err to the user and returns the process exit status:
// 0 on success, 2 for a usage error, 1 for anything else.
func exitCode(w io.Writer, err error) int {
	var ue usageError
	var ee exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &ue):
		fmt.Fprintf(w, "dutybot: %v\n", err)
		return 2
	case errors.Is(err, context.Canceled):
		return 130
	}
	fmt.Fprintf(w, "dutybot: %v\n", err)
	return 1
}

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// exitError ends the program with a status and no further message (the
// command has already said what is wrong).
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// Main is the whole program, so that end-to-end tests run the real wiring.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Getenv reads configuration from the environment (tests replace it).
	Getenv func(string) string
	// Logger writes structured logs to Stderr, at LogLevel.
	Logger *slog.Logger
	// LogLevel is warn for one-shot commands (their output is the answer)
	// and info for serve; $DUTYBOT_LOG_LEVEL (debug, info, warn, error)
	// overrides both.
	LogLevel *slog.LevelVar

	closers   []func() error
	httpAddr  string          // --http of serve
	clock     clockwork.Clock // serve's clock; nil: the real one (tests set a fake)
	ownerName string          // see owner
	messages  *i18n.Bundle    // the one message bundle, built by bundle()
}

// NewMain returns a Main reading the process's standard streams and environment.
func NewMain() *Main {
	level := new(slog.LevelVar)
	level.Set(slog.LevelWarn)
	return &Main{
		Stdin:    os.Stdin,
		Stdout:   os.Stdout,
		Stderr:   os.Stderr,
		Getenv:   os.Getenv,
		Logger:   slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})),
		LogLevel: level,
	}
}

// setLogLevel sets the level of the logs: def, unless $DUTYBOT_LOG_LEVEL
// names another.
func (m *Main) setLogLevel(def slog.Level) error {
	if m.LogLevel == nil {
		return nil
	}
	if s := m.Getenv("DUTYBOT_LOG_LEVEL"); s != "" {
		if err := def.UnmarshalText([]byte(s)); err != nil {
			return usagef("DUTYBOT_LOG_LEVEL=%q: want debug, info, warn or error", s)
		}
	}
	m.LogLevel.Set(def)
	return nil
}

// Close releases everything Run opened, most recent first.
func (m *Main) Close() error {
	var errs []error
	for i := len(m.closers) - 1; i >= 0; i-- {
		errs = append(errs, m.closers[i]())
	}
	m.closers = nil
	return errors.Join(errs...)
}

func (m *Main) onClose(f func() error) { m.closers = append(m.closers, f) }

const usage = `dutybot: a chat bot and reminder service for a notice's task table.

Usage:
  dutybot chat   [--json] [--as USER] [--now YYYY-MM-DD] [--lang zh-CN|en] [MESSAGE ...]
  dutybot tasks  [--json] [--notice 文号]
  dutybot notices [--json]         the notices in the database, newest issued first
  dutybot import [--dry-run] [--replace] [--tasks N] [--number 文号] [--title 标题] [--issued YYYY-MM-DD] FILE
                                   load a notice: Word .docx, Excel .xlsx, .csv, YAML or raw text
  dutybot remind plan --json --from YYYY-MM-DD --to YYYY-MM-DD
  dutybot remind send [--now RFC3339|YYYY-MM-DD] [--retry-wait 30s]
  dutybot audit  [--json] [--verify] [--head [SEQ:HASH]]
  dutybot ledger [--format json|csv|xlsx] [--out FILE] [--now YYYY-MM-DD]
  dutybot serve  [--http ADDR]

Every command takes --db PATH|postgres://URL (or $DUTYBOT_DB; default dutybot.db).
An empty database is loaded with the built-in notice (淮公通〔2019〕395号) first.
`

// Run runs the subcommand named by args[0].
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return usagef("no command given")
	}
	cmd, rest := args[0], args[1:]
	level := slog.LevelWarn
	if cmd == "serve" {
		level = slog.LevelInfo // a service says what it does
	}
	if err := m.setLogLevel(level); err != nil {
		return err
	}
	switch cmd {
	case "chat":
		return m.runChat(ctx, rest)
	case "tasks":
		return m.runTasks(ctx, rest)
	case "notices":
		return m.runNotices(ctx, rest)
	case "import":
		return m.runImport(ctx, rest)
	case "remind":
		return m.runRemind(ctx, rest)
	case "audit":
		return m.runAudit(ctx, rest)
	case "ledger":
		return m.runLedger(ctx, rest)
	case "serve":
		return m.runServe(ctx, rest)
	case "help", "-h", "--help":
		fmt.Fprint(m.Stdout, usage)
		return nil
	}
	fmt.Fprint(m.Stderr, usage)
	return usagef("unknown command %q", cmd)
}

// bundle returns the program's one message bundle (every sentence in zh-CN
// and en), built on first use and shared by the engine, the Slack adapter,
// the reminders and the ledger.
func (m *Main) bundle() (*i18n.Bundle, error) {
	if m.messages == nil {
		b, err := i18n.New()
		if err != nil {
			return nil, fmt.Errorf("load messages: %w", err)
		}
		m.messages = b
	}
	return m.messages, nil
}
