package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/width"

	"dutybot/knowledge"
)

// taskJSON is one task as docs/cli.md §1 prints it.
type taskJSON struct {
	Notice      string       `json:"notice"`
	Number      int          `json:"number"`
	Section     string       `json:"section"`
	Subsection  string       `json:"subsection"`
	Content     string       `json:"content"`
	Lead        []string     `json:"lead"`
	Responsible []string     `json:"responsible"`
	Deadline    deadlineJSON `json:"deadline"`
	Status      string       `json:"status"`
}

type deadlineJSON struct {
	Text string  `json:"text"`
	Kind string  `json:"kind"`
	Date *string `json:"date"`
}

func (m *Main) runTasks(ctx context.Context, args []string) error {
	var dsn string
	fs := m.newFlagSet("tasks", &dsn)
	asJSON := fs.Bool("json", false, "print a JSON array (docs/cli.md §1)")
	notice := fs.String("notice", "", "only the tasks of the notice with this document number (default: every notice)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("tasks takes no arguments, got %q", fs.Args())
	}
	db, err := m.openStore(ctx, dsn)
	if err != nil {
		return err
	}
	ns, err := pickNotices(ctx, db, *notice)
	if err != nil {
		return err
	}
	out := []taskJSON{}
	for i, n := range ns {
		as, err := db.Assignments(ctx, n.Number)
		if err != nil {
			return fmt.Errorf("read progress of %s: %w", n.Number, err)
		}
		status := statusByTask(as)
		if *asJSON {
			out = append(out, tasksJSON(n, status)...)
			continue
		}
		if i > 0 {
			fmt.Fprintln(m.Stdout)
		}
		writeTasksTable(m.Stdout, n, status)
	}
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	return nil
}

// pickNotices returns the notice numbered number, or every notice in the
// order they were imported when number is empty.
func pickNotices(ctx context.Context, st knowledge.Store, number string) ([]*knowledge.Notice, error) {
	if number != "" {
		n, err := pickNotice(ctx, st, number)
		if err != nil {
			return nil, err
		}
		return []*knowledge.Notice{n}, nil
	}
	ns, err := st.Notices(ctx)
	if err != nil {
		return nil, fmt.Errorf("read notices: %w", err)
	}
	if len(ns) == 0 {
		return nil, fmt.Errorf("the database holds no notice")
	}
	return ns, nil
}

// pickNotice returns the notice numbered number, or the first imported one.
func pickNotice(ctx context.Context, st knowledge.Store, number string) (*knowledge.Notice, error) {
	ns, err := st.Notices(ctx)
	if err != nil {
		return nil, fmt.Errorf("read notices: %w", err)
	}
	for _, n := range ns {
		if number == "" || n.Number == number {
			return n, nil
		}
	}
	if number == "" {
		return nil, fmt.Errorf("the database holds no notice")
	}
	return nil, fmt.Errorf("notice %s: %w", number, knowledge.ErrNotFound)
}

// statusByTask derives each task's status from its assignments.
func statusByTask(as []knowledge.Assignment) map[int]knowledge.Status {
	by := map[int][]knowledge.Assignment{}
	for _, a := range as {
		by[a.Task] = append(by[a.Task], a)
	}
	out := make(map[int]knowledge.Status, len(by))
	for t, list := range by {
		out[t] = knowledge.DeriveStatus(list)
	}
	return out
}

// tasksJSON returns a notice's tasks as docs/cli.md §1 prints them.
func tasksJSON(n *knowledge.Notice, status map[int]knowledge.Status) []taskJSON {
	out := make([]taskJSON, 0, len(n.Tasks))
	for _, t := range n.Tasks {
		d := deadlineJSON{Text: t.Deadline.Text, Kind: string(t.Deadline.Kind)}
		if t.Deadline.Kind == knowledge.DeadlineDate {
			s := t.Deadline.Date.String()
			d.Date = &s
		}
		st := status[t.Number]
		if st == "" {
			st = knowledge.StatusOpen
		}
		out = append(out, taskJSON{
			Notice: n.Number, Number: t.Number, Section: t.Section, Subsection: t.Subsection, Content: t.Content,
			Lead: nonNil(t.Lead), Responsible: nonNil(t.Responsible), Deadline: d, Status: string(st),
		})
	}
	return out
}

// writeTasksTable prints the tasks for a person: number, deadline, status and
// units on one line, the start of the content on the next.
func writeTasksTable(w io.Writer, n *knowledge.Notice, status map[int]knowledge.Status) {
	fmt.Fprintf(w, "%s  %s（%d项任务）\n\n", n.Number, n.Title, len(n.Tasks))
	section := ""
	for _, t := range n.Tasks {
		if t.Section != section {
			section = t.Section
			fmt.Fprintf(w, "%s、%s\n", t.SectionNumeral, t.Section)
		}
		st := status[t.Number]
		if st == "" {
			st = knowledge.StatusOpen
		}
		due := t.Deadline.Text
		if t.Deadline.Kind == knowledge.DeadlineDate {
			due = t.Deadline.Date.String()
		} else if due == "" {
			due = "—"
		}
		fmt.Fprintf(w, "%3d. %s %s 牵头：%s｜责任：%s\n", t.Number, pad(due, 10), pad(string(st), 7),
			strings.Join(t.Lead, "、"), strings.Join(t.Responsible, "、"))
		fmt.Fprintf(w, "     %s\n", truncate(t.Content, 60))
	}
}

// pad right-pads s with spaces to n terminal columns, counting a Chinese
// character as two.
func pad(s string, n int) string {
	w := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			w += 2
		default:
			w++
		}
	}
	if w >= n {
		return s
	}
	return s + strings.Repeat(" ", n-w)
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
