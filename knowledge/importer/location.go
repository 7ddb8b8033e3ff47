package importer

import (
	"errors"
	"fmt"
	"strings"

	"dutybot/knowledge"
)

// Errors that callers may test for (each also wraps knowledge.ErrInvalidNotice).
var (
	// ErrPasswordProtected is an encrypted Office file or zip archive.
	ErrPasswordProtected = errors.New("the file is password-protected: save an unprotected copy and import that")
	// ErrTooLarge is a file, or an archive member once unpacked, beyond the importer's limits.
	ErrTooLarge = errors.New("too large")
	// ErrCorruptArchive is a .docx or .xlsx whose zip structure or XML cannot be read.
	ErrCorruptArchive = errors.New("corrupt archive")
)

// Location is a place in a table file: a cell of a workbook's sheet, of a
// Word document's table, or of a CSV file.
type Location struct {
	// Sheet is the workbook sheet's name ("" outside a workbook).
	Sheet string
	// Table is the 1-based table of a Word document (0 outside one).
	Table int
	// Row is the 1-based row of the sheet, table or CSV file (0: unknown).
	Row int
	// Col is the 1-based column (0: the whole row).
	Col int
	// Line is the CSV line a record starts on (0 when it is the row).
	Line int
}

// String names the place as a person finds it: sheet "任务" cell C7,
// table 2 row 7 column 3, row 7 (line 9) column 3.
func (l Location) String() string {
	var parts []string
	switch {
	case l.Sheet != "":
		if l.Row > 0 && l.Col > 0 {
			return fmt.Sprintf("sheet %q cell %s%d", l.Sheet, columnLetters(l.Col), l.Row)
		}
		parts = append(parts, fmt.Sprintf("sheet %q", l.Sheet))
	case l.Table > 0:
		parts = append(parts, fmt.Sprintf("table %d", l.Table))
	}
	if l.Row > 0 {
		r := fmt.Sprintf("row %d", l.Row)
		if l.Line > 0 && l.Line != l.Row {
			r += fmt.Sprintf(" (line %d)", l.Line)
		}
		parts = append(parts, r)
	}
	if l.Col > 0 {
		parts = append(parts, fmt.Sprintf("column %d", l.Col))
	}
	return strings.Join(parts, " ")
}

// columnLetters is Excel's name for a 1-based column: 1 → A, 27 → AA.
func columnLetters(c int) string {
	s := ""
	for c > 0 {
		c--
		s = string(rune('A'+c%26)) + s
		c /= 26
	}
	return s
}

// TableError is a problem at a place of a table file. It unwraps to
// knowledge.ErrInvalidNotice (and to Err, when set).
type TableError struct {
	// Where is the place; its zero value means the file as a whole.
	Where Location
	// Task is the task number, when the problem is about one task.
	Task int
	// Msg says what is wrong.
	Msg string
	// Err is a more specific cause (ErrPasswordProtected, …), or nil.
	Err error
}

// Error formats the error as `sheet "任务" cell C7: task 5: no lead unit`.
func (e *TableError) Error() string {
	s := ""
	if w := e.Where.String(); w != "" {
		s = w + ": "
	}
	if e.Task > 0 {
		s += fmt.Sprintf("task %d: ", e.Task)
	}
	return s + e.Msg
}

// Unwrap lets errors.Is match knowledge.ErrInvalidNotice and the cause.
func (e *TableError) Unwrap() []error {
	if e.Err != nil {
		return []error{knowledge.ErrInvalidNotice, e.Err}
	}
	return []error{knowledge.ErrInvalidNotice}
}

func tableErr(where Location, format string, args ...any) *TableError {
	return &TableError{Where: where, Msg: fmt.Sprintf(format, args...)}
}

// Warning is something an import noticed and an administrator should see
// before the notice is written: a unit the alias table does not know, a
// deadline it could not read. A Blocking warning (a task with no unit)
// stops the import; dry runs list them all.
type Warning struct {
	Where    Location
	Task     int
	Msg      string
	Blocking bool
}

// String formats the warning like an error: place, task, message.
func (w Warning) String() string {
	return (&TableError{Where: w.Where, Task: w.Task, Msg: w.Msg}).Error()
}
