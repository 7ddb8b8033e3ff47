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

  task_count:   how many tasks follow: a file cut short is refused.
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

// noticeFile is a notice file: the notice, and the number of its tasks,
// written just before them so that a file cut between two tasks still says
// how many there were.
type noticeFile struct {
	knowledge.Notice `yaml:",inline"`
	TaskCount        int `yaml:"task_count,omitempty"`
}

// EncodeYAML writes a notice as the reviewed, hand-editable data file: a
// comment header explaining how to edit it, fields in a fixed order, the
// number of tasks before them (task_count), short lists inline ([法制支队,
// 各分县局]) and a comment above each task.
func EncodeYAML(n *knowledge.Notice) ([]byte, error) {
	if n == nil {
		return nil, errors.New("encode notice: nil notice")
	}
	var doc yaml.Node
	if err := doc.Encode(n); err != nil {
		return nil, fmt.Errorf("encode notice %s: %w", n.Number, err)
	}
	insertTaskCount(&doc, len(n.Tasks))
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

// insertTaskCount puts "task_count: N" just before the tasks key.
func insertTaskCount(m *yaml.Node, count int) {
	if m.Kind == yaml.DocumentNode && len(m.Content) > 0 {
		m = m.Content[0]
	}
	if m.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "tasks" {
			k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "task_count"}
			v := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(count)}
			m.Content = append(m.Content[:i], append([]*yaml.Node{k, v}, m.Content[i:]...)...)
			return
		}
	}
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
// its line, and so is a second document after the notice. Unit names in
// tasks written as aliases are replaced by their canonical names; then the
// notice is validated (see Validate), and problems name the task and its
// line. A file that says how many tasks it has (task_count) must hold that
// many, and so must one given WithTaskCount. Errors wrap
// knowledge.ErrInvalidNotice.
func DecodeYAML(b []byte, opts ...Option) (*knowledge.Notice, error) {
	o, err := newOptions(opts)
	if err != nil {
		return nil, err
	}
	if err := checkSize(int64(len(b))); err != nil {
		return nil, err
	}
	// Dates are checked on the tree first: yaml.v3 reports a value that its
	// TextUnmarshaler rejects without the line.
	var tree yaml.Node
	if err := yaml.Unmarshal(b, &tree); err != nil {
		return nil, yamlError(err)
	}
	if err := checkDates(&tree); err != nil {
		return nil, err
	}
	var f noticeFile
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errAt(0, 0, "empty notice file")
		}
		return nil, yamlError(err)
	}
	if err := noSecondDocument(dec); err != nil {
		return nil, err
	}
	n := f.Notice
	lines := sourceLines{tasks: taskLines(&tree), keys: keyLines(&tree)}
	if f.TaskCount != 0 && f.TaskCount != len(n.Tasks) {
		return nil, errAt(lines.key("task_count"), 0, "task_count says %d tasks but the file has %d: it may be cut short", f.TaskCount, len(n.Tasks))
	}
	dir := knowledge.NewDirectory(n.Units)
	for i := range n.Tasks {
		t := &n.Tasks[i]
		t.Lead = canonicalise(dir, t.Lead)
		t.Responsible = canonicalise(dir, t.Responsible)
	}
	if err := validate(&n, lines); err != nil {
		return nil, err
	}
	if err := o.checkCount(&n, lines.key("tasks")); err != nil {
		return nil, err
	}
	return &n, nil
}

// noSecondDocument refuses anything after the notice's document but empty
// documents: a second notice appended to the file would otherwise be
// silently ignored.
func noSecondDocument(dec *yaml.Decoder) error {
	for {
		var extra yaml.Node
		err := dec.Decode(&extra)
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case err != nil:
			return yamlError(err)
		}
		if extra.Kind == yaml.DocumentNode && len(extra.Content) > 0 {
			c := extra.Content[0]
			if c.Kind == yaml.ScalarNode && c.Tag == "!!null" {
				continue
			}
			return errAt(c.Line, 0, "a second document after the notice: a file holds one notice")
		}
	}
}

// keyLines returns the line of each top-level key's value.
func keyLines(doc *yaml.Node) map[string]int {
	out := map[string]int{}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return out
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		out[m.Content[i].Value] = m.Content[i].Line
	}
	return out
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
