package importer

import (
	"errors"
	"fmt"

	"dutybot/knowledge"
)

// ErrUnterminated is a raw-text table that ends with neither its closing
// note (说明) nor the number of tasks declared for it: the file may be cut
// short, and importing it would drop the tasks that were cut off. A
// ParseError with it names the last task read.
var ErrUnterminated = errors.New("the table has no end")

// ParseError is a problem found in a notice, located by line and, when it is
// about one row of the table, by task. It unwraps to knowledge.ErrInvalidNotice
// so that callers can tell bad input from a failed read, and to Err when set.
type ParseError struct {
	// Line is the 1-based line of the source (0 when unknown).
	Line int
	// Task is the task number (0 when the problem is not about one task).
	Task int
	// Msg says what is wrong.
	Msg string
	// Err is the kind of problem when callers may act on it (ErrUnterminated), or nil.
	Err error
}

// Error formats the error as "line 812: task 12: no lead unit".
func (e *ParseError) Error() string {
	s := ""
	if e.Line > 0 {
		s += fmt.Sprintf("line %d: ", e.Line)
	}
	if e.Task > 0 {
		s += fmt.Sprintf("task %d: ", e.Task)
	}
	return s + e.Msg
}

// Unwrap lets errors.Is(err, knowledge.ErrInvalidNotice) hold, and
// errors.Is(err, e.Err).
func (e *ParseError) Unwrap() []error {
	if e.Err != nil {
		return []error{knowledge.ErrInvalidNotice, e.Err}
	}
	return []error{knowledge.ErrInvalidNotice}
}

func errAt(line, task int, format string, args ...any) error {
	return &ParseError{Line: line, Task: task, Msg: fmt.Sprintf(format, args...)}
}
