package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"dutybot/i18n"
	"dutybot/knowledge"
	"dutybot/ledger"
)

// runLedger prints or writes the supervision ledger (台账): one row per task ×
// unit part, as JSON (the default), CSV or an XLSX workbook.
func (m *Main) runLedger(ctx context.Context, args []string) error {
	var dsn string
	fs := m.newFlagSet("ledger", &dsn)
	format := fs.String("format", "json", "json, csv or xlsx")
	out := fs.String("out", "", "write to FILE instead of standard output")
	nowFlag := fs.String("now", "", "the ledger's day, YYYY-MM-DD, for the lights (default: today in Asia/Shanghai)")
	notice := fs.String("notice", "", "only the rows of the notice with this document number (default: every notice, in import order)")
	lang := fs.String("lang", m.Getenv("DUTYBOT_LANG"), "language of the workbook's headers: zh-CN or en ($DUTYBOT_LANG)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("ledger takes no arguments, got %q", fs.Args())
	}
	if *format != "json" && *format != "csv" && *format != "xlsx" {
		return usagef("--format %q: want json, csv or xlsx", *format)
	}
	loc := shanghai()
	fixed, err := parseNow(*nowFlag, loc)
	if err != nil {
		return err
	}
	now := time.Now().In(loc)
	if !fixed.IsZero() {
		now = fixed
	}
	policy, err := m.policy()
	if err != nil {
		return err
	}
	db, err := m.openStore(ctx, dsn)
	if err != nil {
		return err
	}
	ns, err := pickNotices(ctx, db, *notice)
	if err != nil {
		return err
	}
	// every notice's rows, in import order, each row naming its notice
	var rows []ledger.Row
	for _, n := range ns {
		parts, err := db.Parts(ctx, n.Number)
		if err != nil {
			return fmt.Errorf("read the ledger of %s: %w", n.Number, err)
		}
		rows = append(rows, ledger.Rows(n, parts, knowledge.DateOf(now), policy.Calendar(), loc)...)
	}
	var buf bytes.Buffer
	switch *format {
	case "json":
		err = ledger.WriteJSON(&buf, rows)
	case "csv":
		err = ledger.WriteCSV(&buf, rows)
	case "xlsx":
		var b *i18n.Bundle
		if b, err = m.bundle(); err == nil {
			err = ledger.WriteXLSX(&buf, rows, b.For(*lang))
		}
	}
	if err != nil {
		return fmt.Errorf("write the ledger: %w", err)
	}
	if *out == "" {
		_, err := m.Stdout.Write(buf.Bytes())
		return err
	}
	// Written whole or not at all: a reader never sees half a workbook.
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".ledger-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", *out, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", *out, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", *out, err)
	}
	if err := os.Rename(tmp.Name(), *out); err != nil {
		return fmt.Errorf("write %s: %w", *out, err)
	}
	return nil
}
