package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"dutybot/knowledge"
)

// noticeJSON is one notice as `dutybot notices --json` prints it.
type noticeJSON struct {
	Notice   string `json:"notice"`
	Title    string `json:"title"`
	Issued   string `json:"issued"`
	Tasks    int    `json:"tasks"`
	Parts    int    `json:"parts"`
	Done     int    `json:"done"`
	Archived bool   `json:"archived"`
}

// runNotices lists the notices in the database, newest issued first (the
// chat command notices / 通知 says the same in words).
func (m *Main) runNotices(ctx context.Context, args []string) error {
	var dsn string
	fs := m.newFlagSet("notices", &dsn)
	asJSON := fs.Bool("json", false, "print a JSON array")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("notices takes no arguments, got %q", fs.Args())
	}
	db, err := m.openStore(ctx, dsn)
	if err != nil {
		return err
	}
	ns, err := db.Notices(ctx)
	if err != nil {
		return fmt.Errorf("read notices: %w", err)
	}
	out := make([]noticeJSON, 0, len(ns))
	for i := len(ns) - 1; i >= 0; i-- { // the later import first on a tie of dates
		n := ns[i]
		ps, err := db.Parts(ctx, n.Number)
		if err != nil {
			return fmt.Errorf("read progress of %s: %w", n.Number, err)
		}
		row := noticeJSON{Notice: n.Number, Title: n.Title, Issued: n.Date.String(), Tasks: len(n.Tasks),
			Parts: len(ps), Archived: n.Archived}
		for _, p := range ps {
			if p.State == knowledge.PartDone {
				row.Done++
			}
		}
		out = append(out, row)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Issued > out[j].Issued })
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	for _, r := range out {
		state := "in force"
		if r.Archived {
			state = "archived"
		}
		fmt.Fprintf(m.Stdout, "%s\t%s\t%s\t%d tasks\t%d/%d parts done\t%s\n", r.Notice, r.Issued, r.Title, r.Tasks, r.Done, r.Parts, state)
	}
	return nil
}
