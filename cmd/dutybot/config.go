package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os/user"
	"strings"
	"time"

	"golang.org/x/term"

	"dutybot/knowledge"
	"dutybot/knowledge/builtin"
	"dutybot/store"
)

// shanghai is the time zone of the notices' offices (knowledge.China);
// dates such as --now and 本月 are read in it.
func shanghai() *time.Location { return knowledge.China }

// newFlagSet returns a flag set for a subcommand with the common --db flag.
func (m *Main) newFlagSet(name string, db *string) *flag.FlagSet {
	fs := flag.NewFlagSet("dutybot "+name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	def := m.Getenv("DUTYBOT_DB")
	if def == "" {
		def = "dutybot.db"
	}
	fs.StringVar(db, "db", def, "database: a SQLite file path or a postgres:// URL ($DUTYBOT_DB)")
	return fs
}

// parse parses args into fs, turning flag errors into usage errors. Flags
// may come after positional arguments too (dutybot chat "问题" --now 2019-09-10),
// as people type them; "--" ends the flags.
func parse(fs *flag.FlagSet, args []string) error {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitError{0}
			}
			return usageError{err.Error()}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			positional = append(positional, rest...)
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	// Leave the positional arguments where fs.Args reports them.
	return fs.Parse(append([]string{"--"}, positional...))
}

// cliActor is who acts from the command line: the OS user.
func cliActor() knowledge.Actor {
	name := "cli"
	if u, err := user.Current(); err == nil && u.Username != "" {
		name = u.Username
	}
	return knowledge.Actor{User: name, Via: "cli"}
}

// openStore opens the database and, when it holds no notice yet, loads the
// built-in one so that every command works on a fresh machine. Replicas
// starting together on a fresh database all succeed: the store imports
// under its lock only if the database is still empty, so one of them loads
// the notice and the others find it loaded.
func (m *Main) openStore(ctx context.Context, dsn string) (*store.DB, error) {
	db, err := store.Open(ctx, dsn, store.WithLogger(m.Logger))
	if err != nil {
		return nil, err
	}
	m.onClose(db.Close)
	empty, err := db.Empty(ctx)
	if err != nil {
		return nil, fmt.Errorf("inspect database: %w", err)
	}
	if empty {
		n, err := builtin.Notice()
		if err != nil {
			return nil, fmt.Errorf("load built-in notice: %w", err)
		}
		loaded, err := db.ImportIfEmpty(ctx, n, knowledge.Actor{User: "dutybot", Via: "cli"})
		if err != nil {
			return nil, fmt.Errorf("load built-in notice %s: %w", n.Number, err)
		}
		if loaded {
			m.Logger.Info("loaded the built-in notice into an empty database", "notice", n.Number)
		}
	}
	return db, nil
}

// parseNow reads --now: YYYY-MM-DD (noon of that day in Asia/Shanghai) or RFC 3339.
func parseNow(s string, loc *time.Location) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	t, err := time.ParseInLocation(time.DateOnly, s, loc)
	if err != nil {
		return time.Time{}, usagef("--now %q: want YYYY-MM-DD or RFC 3339", s)
	}
	return t.Add(12 * time.Hour), nil
}

// admins reads $DUTYBOT_ADMINS.
func (m *Main) admins() []string {
	var out []string
	for _, a := range strings.Split(m.Getenv("DUTYBOT_ADMINS"), ",") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// isTerminal reports whether r is an interactive terminal.
func isTerminal(r io.Reader) bool {
	f, ok := r.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(int(f.Fd()))
}
