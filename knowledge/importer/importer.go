// Package importer reads notices into dutybot's knowledge model: raw text as
// a PDF extractor makes it of a notice with a task-decomposition table
// (ParseText), and the reviewed YAML data file an administrator edits
// (DecodeYAML, EncodeYAML). Parse and Load take either and tell them apart.
//
// Units are data: the embedded alias table units.yaml names the units the
// parser knows; text it does not cover is still split at unit-name suffixes,
// and every unit a notice names is listed in the notice itself.
package importer

import (
	"bytes"
	"fmt"
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

// Parse reads a notice from either form: the YAML data file or raw text of
// the task-table layout.
func Parse(src []byte) (*knowledge.Notice, error) {
	if IsYAML(src) {
		return DecodeYAML(src)
	}
	return ParseText(src)
}

// Load reads a notice file (YAML or raw text) from path.
func Load(path string) (*knowledge.Notice, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load notice %s: %w", path, err)
	}
	n, err := Parse(src)
	if err != nil {
		return nil, fmt.Errorf("load notice %s: %w", path, err)
	}
	return n, nil
}
