package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"dutybot/knowledge"
	"dutybot/knowledge/importer"
)

// importFlags are what import takes beside FILE: what a table file lacks,
// and whether to write at all.
type importFlags struct {
	dryRun                bool
	number, title, issued string
	taskCount             int // --tasks, set by runImport
}

func (f *importFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&f.dryRun, "dry-run", false, "print what would be imported, with warnings, and write nothing")
	fs.StringVar(&f.number, "number", "", "the notice's document number (文号), for a file that lacks it (Excel, CSV)")
	fs.StringVar(&f.title, "title", "", "the notice's title, for a file that lacks it")
	fs.StringVar(&f.issued, "issued", "", "the notice's date of issue, YYYY-MM-DD, for a file that lacks it")
}

// readNotice reads FILE in whatever format it is (Word, Excel, CSV, the
// YAML notice file, raw text), with the flags' values for what it lacks.
// A flag's bad value is a usage error.
func (f *importFlags) readNotice(path string) (*importer.Result, error) {
	var opts []importer.Option
	if f.number != "" {
		opts = append(opts, importer.WithNumber(f.number))
	}
	if f.title != "" {
		opts = append(opts, importer.WithTitle(f.title))
	}
	if f.issued != "" {
		opts = append(opts, importer.WithIssued(f.issued))
	}
	if f.taskCount > 0 {
		opts = append(opts, importer.WithTaskCount(f.taskCount))
	}
	r, err := importer.ReadFile(path, opts...)
	if errors.Is(err, importer.ErrOption) {
		return nil, usagef("import: %v", err)
	}
	return r, err
}

// printDryRun shows what an import would write: the tasks as "dutybot
// tasks" prints them, then every warning, then whether it may be imported.
func printDryRun(w io.Writer, path string, r *importer.Result) {
	n := r.Notice
	writeTasksTable(w, n, map[int]knowledge.Status{})
	fmt.Fprintf(w, "\n%s: %s file; %d tasks, %d units", path, r.Format, len(n.Tasks), len(n.Units))
	if !n.Date.IsZero() {
		fmt.Fprintf(w, "; issued %s", n.Date)
	}
	if n.Issuer != "" {
		fmt.Fprintf(w, " by %s", n.Issuer)
	}
	fmt.Fprintln(w)
	for _, wr := range r.Warnings {
		kind := "warning"
		if wr.Blocking {
			kind = "error"
		}
		fmt.Fprintf(w, "%s: %s\n", kind, wr)
	}
	if err := r.Err(); err != nil {
		fmt.Fprintf(w, "dry run: this file cannot be imported as it is: %v\n", err)
		return
	}
	fmt.Fprintf(w, "dry run: nothing written (%d warnings)\n", len(r.Warnings))
}
