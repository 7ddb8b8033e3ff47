// Package importer reads notices into dutybot's knowledge model: raw text as
// a PDF extractor makes it of a notice with a task-decomposition table
// (ParseText), and the reviewed YAML data file an administrator edits
// (DecodeYAML, EncodeYAML). Parse and Load take either and tell them apart.
//
// Units are data: the embedded alias table units.yaml names the units the
// parser knows; text it does not cover is still split at unit-name suffixes,
// and every unit a notice names is listed in the notice itself.
//
// A file is read whole or refused: it may be at most MaxFileBytes, hold one
// notice and nothing after it, keep every field within its limit, and its
// table must end where a table ends (the closing 说明, or a declared number
// of tasks), so that a file cut short is never taken for a shorter notice.
package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"

	"dutybot/knowledge"
)

// yamlStartRe matches the first meaningful line of a notice file: a comment,
// a document marker or a top-level key.
var yamlStartRe = regexp.MustCompile(`^(#|---|[a-z_]+:(\s|$))`)

// IsYAML reports whether src looks like a notice file rather than raw text:
// its first non-blank line is a comment, "---" or a lower-case key.
func IsYAML(src []byte) bool {
	for _, l := range bytes.Split(bytes.TrimPrefix(src, []byte("\uFEFF")), []byte("\n")) {
		l = bytes.TrimSpace(l)
		if len(l) == 0 {
			continue
		}
		return yamlStartRe.Match(l)
	}
	return false
}

// WithTaskCount declares how many tasks the notice has: the file must hold
// exactly that many. A raw-text table without its closing 说明 is read only
// with a declared count, since nothing else tells a whole table from one cut
// short at a row boundary.
func WithTaskCount(n int) Option {
	return func(o *options) error {
		if n < 1 || n > maxTasks {
			return fmt.Errorf("%w: %d (want 1 to %s)", ErrInvalidTaskCount, n, grouped(maxTasks))
		}
		o.taskCount = n
		return nil
	}
}

// newOptions applies opts for the parsers (ParseText, DecodeYAML).
func newOptions(opts []Option) (options, error) { return collect(opts) }

// checkCount compares the tasks read with the declared count, if any.
func (o options) checkCount(n *knowledge.Notice, line int) error {
	if o.taskCount > 0 && len(n.Tasks) != o.taskCount {
		return errAt(line, 0, "the file has %d tasks, but %d were declared", len(n.Tasks), o.taskCount)
	}
	return nil
}

// Parse reads a notice from either form: the YAML data file or raw text of
// the task-table layout.
func Parse(src []byte, opts ...Option) (*knowledge.Notice, error) {
	if IsYAML(src) {
		return DecodeYAML(src, opts...)
	}
	return ParseText(src, opts...)
}

// Load reads a notice file (YAML or raw text) from path. A file bigger than
// MaxFileBytes is refused before it is read.
func Load(path string, opts ...Option) (*knowledge.Notice, error) {
	src, err := readFile(path)
	if err != nil {
		return nil, fmt.Errorf("load notice %s: %w", path, err)
	}
	n, err := Parse(src, opts...)
	if err != nil {
		return nil, fmt.Errorf("load notice %s: %w", path, err)
	}
	return n, nil
}

// readFile reads at most MaxFileBytes (and one more byte, to know there
// were more) of path.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is already in the caller's message
		}
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		if err := checkSize(st.Size()); err != nil {
			return nil, err
		}
	}
	src, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if err := checkSize(int64(len(src))); err != nil {
		return nil, errAt(0, 0, "the file is bigger than %s, the most a notice file may be", megabytes(MaxFileBytes))
	}
	return src, nil
}
