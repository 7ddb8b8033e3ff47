package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"dutybot/knowledge"
)

// yamlHeader opens every file EncodeYAML writes: the file is meant to be
// reviewed and corrected by hand.
const yamlHeader = `dutybot notice file (通知数据文件)

This file is the notice as dutybot knows it. To correct the notice, edit
this file and load it with "dutybot import FILE"; code never needs to change.
修改本文件即可更正通知内容，然后用 dutybot import FILE 导入。

  tasks:        one entry per row of the 任务分解表, numbered 1..N in order.
    lead / responsible: 牵头单位 / 责任单位, canonical names from "units".
    deadline:   text is the table's own words; kind is date (then date is
                the last day allowed, YYYY-MM-DD), ongoing (长期) or none.
                When text reads as a date, date must agree with it.
    periods:    time limits set inside the task text (20个工作日内, 每年1月20日前).
    note:       how an ambiguous or odd spot of the source was read.
  units:        every unit the tasks name: canonical name, aliases (other
                ways it is written), group: true for 各分县局-like units.

Unknown keys are errors, so a misspelt key cannot pass silently.`

// EncodeYAML writes a notice as the reviewed, hand-editable data file: a
// comment header explaining how to edit it, fields in a fixed order, short
// lists inline ([法制支队, 各分县局]) and a comment above each task.
func EncodeYAML(n *knowledge.Notice) ([]byte, error) {
	if n == nil {
		return nil, errors.New("encode notice: nil notice")
	}
	var doc yaml.Node
	if err := doc.Encode(n); err != nil {
		return nil, fmt.Errorf("encode notice %s: %w", n.Number, err)
	}
	lines := strings.Split(yamlHeader, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight("# "+l, " ")
	}
	doc.HeadComment = strings.Join(lines, "\n")
	style(&doc, "")
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, fmt.Errorf("encode notice %s: %w", n.Number, err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encode notice %s: %w", n.Number, err)
	}
	return buf.Bytes(), nil
}

// inlineLists are the keys whose lists of short names read best on one line.
var inlineLists = map[string]bool{"addressees": true, "lead": true, "responsible": true, "aliases": true, "members": true}

// style sets the presentation of the encoded tree: inline lists of names,
// a "# 第N项" comment above each task, literal blocks for multi-line text.
func style(n *yaml.Node, key string) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			style(c, key)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			style(n.Content[i+1], n.Content[i].Value)
		}
	case yaml.SequenceNode:
		if inlineLists[key] {
			n.Style = yaml.FlowStyle
		}
		for _, c := range n.Content {
			style(c, key)
			if key == "tasks" && c.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(c.Content); i += 2 {
					if c.Content[i].Value == "number" {
						c.HeadComment = "第" + c.Content[i+1].Value + "项"
					}
				}
			}
		}
	case yaml.ScalarNode:
		if strings.Contains(n.Value, "\n") {
			n.Style = yaml.LiteralStyle
		}
	}
}

// DecodeYAML reads a notice file strictly: an unknown key is an error naming
// its line. Unit names in tasks written as aliases are replaced by their
// canonical names; then the notice is validated (see Validate), and problems
// name the task and its line. Errors wrap knowledge.ErrInvalidNotice.
func DecodeYAML(b []byte) (*knowledge.Notice, error) {
	// Dates are checked on the tree first: yaml.v3 reports a value that its
	// TextUnmarshaler rejects without the line.
	var tree yaml.Node
	if err := yaml.Unmarshal(b, &tree); err != nil {
		return nil, yamlError(err)
	}
	if err := checkDates(&tree); err != nil {
		return nil, err
	}
	var n knowledge.Notice
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&n); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errAt(0, 0, "empty notice file")
		}
		return nil, yamlError(err)
	}
	lines := taskLines(&tree)
	dir := knowledge.NewDirectory(n.Units)
	for i := range n.Tasks {
		t := &n.Tasks[i]
		t.Lead = canonicalise(dir, t.Lead)
		t.Responsible = canonicalise(dir, t.Responsible)
	}
	if err := validate(&n, func(i int) int {
		if i < len(lines) {
			return lines[i]
		}
		return 0
	}); err != nil {
		return nil, err
	}
	return &n, nil
}

var yamlLineRe = regexp.MustCompile(`line (\d+): (.*)`)

// yamlError turns a yaml.v3 error into a ParseError naming the line.
func yamlError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
	var parts []string
	line := 0
	for _, l := range strings.Split(msg, "\n") {
		l = strings.TrimSpace(l)
		if m := yamlLineRe.FindStringSubmatch(l); m != nil {
			if line == 0 {
				line, _ = strconv.Atoi(m[1])
			}
			if len(parts) > 0 {
				l = "line " + m[1] + ": " + m[2]
			} else {
				l = m[2]
			}
		}
		if l != "" {
			parts = append(parts, l)
		}
	}
	return &ParseError{Line: line, Msg: strings.Join(parts, "; ")}
}

// checkDates reports the first "date:" value that is not YYYY-MM-DD.
func checkDates(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value == "date" && v.Kind == yaml.ScalarNode && v.Value != "" {
				if _, err := knowledge.ParseDate(v.Value); err != nil {
					return errAt(v.Line, 0, "%v", err)
				}
			}
		}
	}
	for _, c := range n.Content {
		if err := checkDates(c); err != nil {
			return err
		}
	}
	return nil
}

// taskLines returns the line of each entry of the top-level tasks list.
func taskLines(doc *yaml.Node) []int {
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "tasks" && m.Content[i+1].Kind == yaml.SequenceNode {
			var out []int
			for _, t := range m.Content[i+1].Content {
				out = append(out, t.Line)
			}
			return out
		}
	}
	return nil
}

// canonicalise replaces aliases by canonical names, keeping unknown names
// (Validate reports them) and dropping repeats.
func canonicalise(dir *knowledge.Directory, names []string) []string {
	out := make([]string, 0, len(names))
	seen := map[string]bool{}
	for _, u := range names {
		if c, ok := dir.Resolve(u); ok {
			u = c
		}
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out
}
