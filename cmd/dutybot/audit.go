package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"dutybot/store"
)

// auditJSON is one audit entry as `dutybot audit --json` prints it.
type auditJSON struct {
	Seq     int64  `json:"seq"`
	At      string `json:"at"`
	User    string `json:"user"`
	Via     string `json:"via"`
	Channel string `json:"channel,omitempty"` // the Slack channel the change was asked in
	Team    string `json:"team,omitempty"`    // the Slack workspace
	Action  string `json:"action"`
	Notice  string `json:"notice,omitempty"`
	Task    int    `json:"task,omitempty"`
	Unit    string `json:"unit,omitempty"`
	Role    string `json:"role,omitempty"` // the unit's roles a change of a part applies to
	Before  string `json:"before"`
	After   string `json:"after"`
	Hash    string `json:"hash"`
}

// headJSON is the chain's head as `dutybot audit --head --json` prints it.
type headJSON struct {
	Seq  int64  `json:"seq"`
	Hash string `json:"hash"`
}

// headFlag is --head: alone it asks for the chain's head; with a value
// (--head=SEQ:HASH, or --head SEQ:HASH with --verify) it names a head
// published earlier that verify must find in the chain. It may be repeated.
type headFlag struct {
	set   bool
	heads []store.AuditHead
}

func (f *headFlag) String() string { return "" }

// IsBoolFlag lets --head stand alone.
func (f *headFlag) IsBoolFlag() bool { return true }

func (f *headFlag) Set(s string) error {
	f.set = true
	if s == "true" {
		return nil
	}
	h, err := store.ParseAuditHead(s)
	if err != nil {
		return err
	}
	f.heads = append(f.heads, h)
	return nil
}

func (m *Main) runAudit(ctx context.Context, args []string) error {
	var dsn string
	fs := m.newFlagSet("audit", &dsn)
	asJSON := fs.Bool("json", false, "print a JSON array")
	verify := fs.Bool("verify", false, "recompute the hash chain and replay it against the stored state; exit 1 naming the first bad entry or difference")
	var head headFlag
	fs.Var(&head, "head", "print the chain's head as SEQ:HASH; with --verify, SEQ:HASH is a head published earlier that must still be in the chain")
	if err := parse(fs, args); err != nil {
		return err
	}
	for _, a := range fs.Args() {
		if !head.set || !*verify {
			return usagef("audit: unexpected argument %q (a published head goes after --verify --head)", a)
		}
		h, err := store.ParseAuditHead(a)
		if err != nil {
			return usagef("audit: %v", err)
		}
		head.heads = append(head.heads, h)
	}
	if len(head.heads) > 0 && !*verify {
		return usagef("audit: --head SEQ:HASH needs --verify")
	}
	db, err := m.openStore(ctx, dsn)
	if err != nil {
		return err
	}
	if head.set && !*verify {
		return m.printHead(ctx, db, *asJSON)
	}
	if *verify {
		if err := m.verifyAudit(ctx, db, head.heads); err != nil {
			return err
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
				Via: e.Actor.Via, Channel: e.Actor.Channel, Team: e.Actor.Team, Action: e.Action, Notice: e.Notice,
				Task: e.Task, Unit: e.Unit, Role: e.Role, Before: e.Before, After: e.After, Hash: e.Hash})
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
		if e.Role != "" {
			what += " (" + e.Role + ")"
		}
		line := fmt.Sprintf("%4d  %s  %-12s %-7s %s  %s → %s", e.Seq, e.At.In(loc).Format("2006-01-02 15:04:05"),
			e.Actor.User, e.Actor.Via, what, orDash(e.Before), orDash(e.After))
		if where := whereAsked(e.Actor.Channel, e.Actor.Team); where != "" {
			line += "  " + where
		}
		fmt.Fprintln(m.Stdout, line)
	}
	if *verify {
		fmt.Fprintf(m.Stdout, "audit chain verified: %d entries, the state is what they say\n", len(entries))
		for _, h := range head.heads {
			fmt.Fprintf(m.Stdout, "published head %s is in the chain\n", h)
		}
	}
	return nil
}

// verifyAudit checks the chain, the state against it, and each published
// head; on a failure it says what and where on standard error and ends
// with exit status 1.
func (m *Main) verifyAudit(ctx context.Context, db *store.DB, heads []store.AuditHead) error {
	bad, err := db.VerifyAudit(ctx)
	switch {
	case errors.Is(err, store.ErrStateDiffers):
		fmt.Fprintf(m.Stderr, "audit log and database DIFFER: %v\n", err)
		return exitError{1}
	case bad != 0:
		fmt.Fprintf(m.Stderr, "audit chain BROKEN at entry %d: %v\n", bad, err)
		return exitError{1}
	case err != nil:
		return fmt.Errorf("verify audit log: %w", err)
	}
	bad, err = db.VerifyHeads(ctx, heads...)
	switch {
	case bad != 0:
		fmt.Fprintf(m.Stderr, "audit chain REWRITTEN: %v\n", err)
		return exitError{1}
	case err != nil:
		return fmt.Errorf("verify published heads: %w", err)
	}
	return nil
}

// printHead prints the chain's head, SEQ:HASH, for publishing.
func (m *Main) printHead(ctx context.Context, db *store.DB, asJSON bool) error {
	h, err := db.AuditHead(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		return json.NewEncoder(m.Stdout).Encode(headJSON{Seq: h.Seq, Hash: h.Hash})
	}
	fmt.Fprintln(m.Stdout, h)
	return nil
}

// publishedHead is the head the weekly summary publishes: SEQ:HASH, or ""
// while the log is empty.
func publishedHead(ctx context.Context, db *store.DB) (string, error) {
	h, err := db.AuditHead(ctx)
	if err != nil || h.Seq == 0 {
		return "", err
	}
	return h.String(), nil
}

// whereAsked writes the chat channel and workspace of a change, "" when
// it came from outside a chat.
func whereAsked(channel, team string) string {
	var parts []string
	if channel != "" {
		parts = append(parts, "#"+channel)
	}
	if team != "" {
		parts = append(parts, "team "+team)
	}
	return strings.Join(parts, " ")
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
