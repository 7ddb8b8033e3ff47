package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// auditJSON is one audit entry as `dutybot audit --json` prints it.
type auditJSON struct {
	Seq    int64  `json:"seq"`
	At     string `json:"at"`
	User   string `json:"user"`
	Via    string `json:"via"`
	Action string `json:"action"`
	Notice string `json:"notice,omitempty"`
	Task   int    `json:"task,omitempty"`
	Unit   string `json:"unit,omitempty"`
	Before string `json:"before"`
	After  string `json:"after"`
	Hash   string `json:"hash"`
}

func (m *Main) runAudit(ctx context.Context, args []string) error {
	var dsn string
	fs := m.newFlagSet("audit", &dsn)
	asJSON := fs.Bool("json", false, "print a JSON array")
	verify := fs.Bool("verify", false, "recompute the hash chain; exit 1 naming the first bad entry")
	if err := parse(fs, args); err != nil {
		return err
	}
	db, err := m.openStore(ctx, dsn)
	if err != nil {
		return err
	}
	if *verify {
		bad, err := db.VerifyAudit(ctx)
		switch {
		case bad != 0:
			fmt.Fprintf(m.Stderr, "audit chain BROKEN at entry %d: %v\n", bad, err)
			return exitError{1}
		case err != nil:
			return fmt.Errorf("verify audit log: %w", err)
		}
	}
	entries, err := db.Audit(ctx)
	if err != nil {
		return fmt.Errorf("read audit log: %w", err)
	}
	loc := shanghai()
	if *asJSON {
		out := make([]auditJSON, 0, len(entries))
		for _, e := range entries {
			out = append(out, auditJSON{Seq: e.Seq, At: e.At.In(loc).Format(time.RFC3339), User: e.Actor.User,
				Via: e.Actor.Via, Action: e.Action, Notice: e.Notice, Task: e.Task, Unit: e.Unit,
				Before: e.Before, After: e.After, Hash: e.Hash})
		}
		enc := json.NewEncoder(m.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	for _, e := range entries {
		what := e.Action
		if e.Task != 0 {
			what += fmt.Sprintf(" 第%d项", e.Task)
		}
		if e.Unit != "" {
			what += " " + e.Unit
		}
		fmt.Fprintf(m.Stdout, "%4d  %s  %-12s %-7s %s  %s → %s\n", e.Seq, e.At.In(loc).Format("2006-01-02 15:04:05"),
			e.Actor.User, e.Actor.Via, what, orDash(e.Before), orDash(e.After))
	}
	if *verify {
		fmt.Fprintf(m.Stdout, "audit chain verified: %d entries\n", len(entries))
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
