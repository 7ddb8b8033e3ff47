package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"dutybot/knowledge"
	"dutybot/knowledge/importer"
	"dutybot/store"
)

const importUsage = "import [--dry-run] [--replace] [--tasks N] [--number 文号] [--title 标题] [--issued YYYY-MM-DD] FILE (a Word .docx, an Excel .xlsx, a .csv, the YAML notice file or raw text of the table layout)"

func (m *Main) runImport(ctx context.Context, args []string) error {
	var dsn string
	fs := m.newFlagSet("import", &dsn)
	var flags importFlags
	flags.register(fs)
	replace := fs.Bool("replace", false, "allow the import to remove tasks and lose their done state (after checking the file)")
	tasks := fs.Int("tasks", 0, "the number of tasks the notice has: required for raw text whose table has no closing 说明")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("%s", importUsage)
	}
	path := fs.Arg(0)
	if *tasks < 0 {
		return usagef("--tasks %d: want the number of tasks the notice has", *tasks)
	}
	flags.taskCount = *tasks
	// Parse and validate before touching the database: a bad file changes nothing.
	res, err := flags.readNotice(path)
	if err != nil {
		// The error names the file (and the line): nothing to add but advice.
		var pe *importer.ParseError
		if errors.As(err, &pe) && errors.Is(err, importer.ErrUnterminated) {
			return fmt.Errorf("%w; if the notice really ends with task %d and has no 说明, run again with --tasks %d", err, pe.Task, pe.Task)
		}
		return fmt.Errorf("import: %w", err)
	}
	dryRun := &flags.dryRun
	if *dryRun {
		printDryRun(m.Stdout, path, res)
		if res.Err() != nil {
			return nil // what is wrong is printed; nothing was written
		}
	}
	n := res.Notice
	if err := res.Err(); err != nil {
		return fmt.Errorf("import %s: %w", path, err)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(m.Stderr, "warning: %s\n", w)
	}
	db, err := m.openStore(ctx, dsn)
	if err != nil {
		return err
	}
	var iopts []store.ImportOption
	if *replace {
		iopts = append(iopts, store.Replace())
	}
	if *dryRun {
		iopts = append(iopts, store.DryRun())
	}
	plan, err := db.Import(ctx, n, cliActor(), iopts...)
	if errors.Is(err, knowledge.ErrUnchanged) {
		fmt.Fprintf(m.Stdout, "%s is already up to date: nothing changed\n", n.Number)
		return nil
	}
	if plan != nil {
		printPlan(m.Stdout, plan, path)
	}
	switch {
	case errors.Is(err, store.ErrWouldLose):
		return fmt.Errorf("import %s: refused: it would %s; nothing was changed. "+
			"Check the file (is it cut short?); if it is right, run again with --replace", path, lossSummary(plan))
	case err != nil:
		return fmt.Errorf("import %s: %w", path, err)
	case *dryRun:
		fmt.Fprintln(m.Stdout, "dry run: nothing changed")
		return nil
	}
	fmt.Fprintf(m.Stdout, "imported %s: %d tasks, %d units\n", n.Number, len(n.Tasks), len(n.Units))
	return nil
}

// printPlan says what an import changes in the stored notice.
func printPlan(w io.Writer, p *store.ImportPlan, path string) {
	if !p.Stored {
		fmt.Fprintf(w, "%s is new: %d tasks in %s\n", p.Notice, p.TasksAfter, path)
		return
	}
	fmt.Fprintf(w, "%s: %d tasks stored, %d in %s\n", p.Notice, p.TasksBefore, p.TasksAfter, path)
	if len(p.Removed) > 0 {
		fmt.Fprintf(w, "  removed: %s\n", taskSpan(p.Removed))
	}
	if len(p.Added) > 0 {
		fmt.Fprintf(w, "  added: %s\n", taskSpan(p.Added))
	}
	for _, e := range p.Edited {
		fmt.Fprintf(w, "  edited: task %d (%s)\n", e.Task, strings.Join(e.Fields, ", "))
	}
	if len(p.NoticeFields) > 0 {
		fmt.Fprintf(w, "  notice: %s changed\n", strings.Join(p.NoticeFields, ", "))
	}
	for i := 0; i < len(p.Lost); {
		j := i
		var units []string
		for ; j < len(p.Lost) && p.Lost[j].Task == p.Lost[i].Task; j++ {
			units = append(units, p.Lost[j].Unit)
		}
		fmt.Fprintf(w, "  done state lost: task %d: %s\n", p.Lost[i].Task, strings.Join(units, ", "))
		i = j
	}
	if len(p.Removed)+len(p.Added)+len(p.Edited)+len(p.NoticeFields) == 0 {
		fmt.Fprintln(w, "  no task changes")
	}
}

// lossSummary says what a destructive plan takes away, in one clause:
// "remove task 43 and lose the done state of 3 parts (task 43: 人事处, …)".
func lossSummary(p *store.ImportPlan) string {
	var parts []string
	switch k := len(p.Removed); {
	case k == 1:
		parts = append(parts, "remove task "+strconv.Itoa(p.Removed[0]))
	case k > 1:
		parts = append(parts, fmt.Sprintf("remove %d tasks (%s)", k, strings.TrimPrefix(taskSpan(p.Removed), "tasks ")))
	}
	if k := len(p.Lost); k > 0 {
		const shown = 5
		var names []string
		for i, l := range p.Lost[:min(k, shown)] {
			if i == 0 || p.Lost[i-1].Task != l.Task {
				names = append(names, fmt.Sprintf("task %d: %s", l.Task, l.Unit))
			} else {
				names = append(names, l.Unit)
			}
		}
		if k > shown {
			names = append(names, "…")
		}
		parts = append(parts, fmt.Sprintf("lose the done state of %s (%s)", plural(k, "part"), strings.Join(names, ", ")))
	}
	return strings.Join(parts, " and ")
}

// taskSpan writes task numbers with runs shortened: "task 43", "tasks 2–43, 45".
func taskSpan(ns []int) string {
	var parts []string
	for i := 0; i < len(ns); {
		j := i
		for j+1 < len(ns) && ns[j+1] == ns[j]+1 {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, strconv.Itoa(ns[i]))
		default:
			parts = append(parts, fmt.Sprintf("%d–%d", ns[i], ns[j]))
		}
		i = j + 1
	}
	if len(ns) == 1 {
		return "task " + parts[0]
	}
	return "tasks " + strings.Join(parts, ", ")
}
