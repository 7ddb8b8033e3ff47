package importer

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"dutybot/knowledge"
)

// maxFileSize caps what Read accepts: a notice with its table is a few
// hundred kilobytes; anything near this is no notice.
const maxFileSize = 32 << 20

// Format is the kind of file a notice came in, told by its content.
type Format string

// The formats Read understands.
const (
	FormatText Format = "text" // raw text of the PDF layout
	FormatYAML Format = "yaml" // the reviewed notice file
	FormatDOCX Format = "docx" // a Word document: body and task table
	FormatXLSX Format = "xlsx" // an Excel workbook holding the task table
	FormatCSV  Format = "csv"  // the task table as CSV (UTF-8, UTF-16 or GB18030)
)

// options are what the administrator gives for what a file lacks.
// options are what an administrator tells the importer beyond the file.
type options struct {
	number, title string
	issued        knowledge.Date
	taskCount     int // WithTaskCount
}

// ErrOption is a bad value given by an Option (a 文号 that is none, a
// date that is no date): a mistake of the caller, not of the file.
var ErrOption = errors.New("bad option")

// Errors of the options, each also wrapped in ErrOption; test them with
// errors.Is.
var (
	// ErrInvalidNumber is a WithNumber that is not a document number such
	// as 淮公通〔2019〕395号.
	ErrInvalidNumber = errors.New("not a document number such as 淮公通〔2019〕395号")
	// ErrEmptyTitle is a WithTitle that is empty or only spaces.
	ErrEmptyTitle = errors.New("the title is empty")
	// ErrInvalidIssued is a WithIssued that is not a date YYYY-MM-DD.
	ErrInvalidIssued = errors.New("date of issue: want YYYY-MM-DD")
	// ErrInvalidTaskCount is a WithTaskCount outside 1 to the most tasks a
	// notice may have.
	ErrInvalidTaskCount = errors.New("invalid task count")
)

func collect(opts []Option) (options, error) {
	var o options
	for _, opt := range opts {
		if err := opt(&o); err != nil {
			return o, fmt.Errorf("%w: %w", ErrOption, err)
		}
	}
	return o, nil
}

// Option gives Read what a file lacks (a table has no 文号). An option set
// overrides what the file states.
type Option func(*options) error

// WithNumber sets the notice's document number (文号), e.g. 淮公通〔2019〕395号.
func WithNumber(number string) Option {
	return func(o *options) error {
		s := strings.Join(strings.Fields(number), "")
		if !docNumberRe.MatchString(toASCIIDigits(s)) {
			return fmt.Errorf("%w: %q", ErrInvalidNumber, number)
		}
		o.number = s
		return nil
	}
}

// WithTitle sets the notice's title.
func WithTitle(title string) Option {
	return func(o *options) error {
		s := strings.TrimSpace(title)
		if s == "" {
			return ErrEmptyTitle
		}
		o.title = s
		return nil
	}
}

// WithIssued sets the notice's date of issue (YYYY-MM-DD).
func WithIssued(date string) Option {
	return func(o *options) error {
		d, err := knowledge.ParseDate(strings.TrimSpace(date))
		if err != nil {
			return fmt.Errorf("%w: %q: %w", ErrInvalidIssued, date, err)
		}
		o.issued = d
		return nil
	}
}

// Result is what Read understood of a file, before anything is written.
type Result struct {
	// Notice is the notice read; with blocking warnings it is incomplete.
	Notice *knowledge.Notice
	// Format is the kind of file it was.
	Format Format
	// Warnings are what an administrator should check, in table order.
	Warnings []Warning
}

// Err reports why the notice may not be imported: every blocking warning,
// then the notice's own validation. It wraps knowledge.ErrInvalidNotice.
func (r *Result) Err() error {
	var errs []error
	for _, w := range r.Warnings {
		if w.Blocking {
			errs = append(errs, &TableError{Where: w.Where, Task: w.Task, Msg: w.Msg})
		}
	}
	switch len(errs) {
	case 0:
		return Validate(r.Notice)
	case 1:
		return errs[0]
	}
	msgs := make([]string, len(errs))
	for i, e := range errs {
		msgs[i] = e.Error()
	}
	return fmt.Errorf("%w: %d problems: %s", knowledge.ErrInvalidNotice, len(errs), strings.Join(msgs, "; "))
}

// ReadFile reads the notice in the file at path, whatever its format.
// Errors name the file and, for a table, the sheet, row or cell.
func ReadFile(path string, opts ...Option) (*Result, error) {
	if _, err := collect(opts); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	r, err := Read(src, opts...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return r, nil
}

// Read reads a notice from src, telling its format by content: a Word
// .docx, an Excel .xlsx, CSV, the YAML notice file or raw text of the PDF
// layout. A file that is no notice or no task table is an error that names
// the place; problems a person can judge (an unknown unit, a deadline that
// is no date, a row with no unit) are warnings of the Result.
func Read(src []byte, opts ...Option) (*Result, error) {
	o, err := collect(opts)
	if err != nil {
		return nil, err
	}
	if len(src) > maxFileSize {
		return nil, &TableError{Msg: fmt.Sprintf("the file is larger than %d MiB", maxFileSize>>20), Err: ErrTooLarge}
	}
	f, err := Detect(src)
	if err != nil {
		return nil, err
	}
	res := &Result{Format: f}
	switch f {
	case FormatYAML:
		if err := checkSize(int64(len(src))); err != nil {
			return nil, err
		}
		res.Notice, err = DecodeYAML(src, opts...)
	case FormatText:
		if err := checkSize(int64(len(src))); err != nil {
			return nil, err
		}
		res.Notice, err = ParseText([]byte(decodeText(src)), opts...)
	case FormatDOCX:
		err = readDOCX(src, res)
	case FormatXLSX:
		err = readXLSX(src, res)
	case FormatCSV:
		err = readCSV(src, res)
	}
	if err != nil {
		return nil, err
	}
	o.apply(res)
	return res, nil
}

// apply sets what the options give and warns about what is still missing.
func (o options) apply(r *Result) {
	n := r.Notice
	if o.number != "" {
		n.Number = o.number
	}
	if o.title != "" {
		n.Title = o.title
		if n.Issuer == "" {
			if k := strings.Index(n.Title, "关于"); k > 0 {
				n.Issuer = n.Title[:k]
			}
		}
	}
	if !o.issued.IsZero() {
		n.Date = o.issued
	}
	if n.Number == "" {
		r.Warnings = append(r.Warnings, Warning{Blocking: true, Msg: "the file states no document number (文号): give it with --number"})
	}
	if n.Title == "" {
		r.Warnings = append(r.Warnings, Warning{Blocking: true, Msg: "the file states no title of the notice: give it with --title"})
	}
}

// finish turns what the table reader read into the notice's tasks, units
// and 说明.
func (tr *tableReader) finish(n *knowledge.Notice, c *columns) []Warning {
	// Callers have checked that there is at least one task row.
	mismatch, restart := -1, true
	for k, g := range tr.given {
		if g == 0 {
			if c != nil && c.number >= 0 {
				tr.warn(tr.where[k], k+1, false, "no task number: numbered %d by its place in the table", k+1)
			}
			continue
		}
		if g != k+1 && mismatch < 0 {
			mismatch = k
		}
		first := k
		for first > 0 && tr.tasks[first-1].Section == tr.tasks[k].Section && tr.tasks[first-1].SectionNumeral == tr.tasks[k].SectionNumeral {
			first--
		}
		restart = restart && g == k-first+1
	}
	switch {
	case mismatch >= 0 && restart:
		tr.warn(Location{}, 0, false, "task numbers start again in each section: the tasks are numbered 1..%d in table order", len(tr.tasks))
	case mismatch >= 0:
		tr.warn(tr.where[mismatch], tr.given[mismatch], true, "task numbers must run 1, 2, 3… in table order: found %d where %d belongs", tr.given[mismatch], mismatch+1)
	}
	n.Tasks = tr.tasks
	for _, e := range tr.entries {
		if tr.usedUnits[e.Name] {
			n.Units = append(n.Units, e.unit())
		}
	}
	for _, u := range tr.unknownUnits {
		n.Units = append(n.Units, knowledge.Unit{Name: u})
	}
	if len(tr.note) > 0 {
		ls := make([]line, len(tr.note))
		for i, t := range tr.note {
			ls[i] = line{Text: t}
		}
		n.Note = parseNote(ls)
	}
	return tr.warnings
}
