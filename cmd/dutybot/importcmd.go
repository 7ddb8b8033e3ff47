package main

import (
	"context"
	"errors"
	"fmt"

	"dutybot/knowledge"
)

func (m *Main) runImport(ctx context.Context, args []string) error {
	var dsn string
	fs := m.newFlagSet("import", &dsn)
	var flags importFlags
	flags.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("import takes one FILE (a Word .docx, an Excel .xlsx, a .csv, the YAML notice file or raw text of the table layout)")
	}
	path := fs.Arg(0)
	// Parse and validate before touching the database: a bad file changes nothing.
	res, err := flags.readNotice(path)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	if flags.dryRun {
		printDryRun(m.Stdout, path, res)
		return nil
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
	switch err := db.ImportNotice(ctx, n, cliActor()); {
	case errors.Is(err, knowledge.ErrUnchanged):
		fmt.Fprintf(m.Stdout, "%s is already up to date: nothing changed\n", n.Number)
		return nil
	case err != nil:
		return fmt.Errorf("import %s: %w", path, err)
	}
	fmt.Fprintf(m.Stdout, "imported %s: %d tasks, %d units\n", n.Number, len(n.Tasks), len(n.Units))
	return nil
}
