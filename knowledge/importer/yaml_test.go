package importer_test

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"dutybot/knowledge"
	"dutybot/knowledge/importer"
)

func seedYAML(t *testing.T) []byte {
	t.Helper()
	y, err := importer.EncodeYAML(parseSeed(t))
	if err != nil {
		t.Fatal(err)
	}
	return y
}

func TestEncodeYAML_RoundTrip(t *testing.T) {
	n := parseSeed(t)
	y := seedYAML(t)
	back, err := importer.DecodeYAML(y)
	if err != nil {
		t.Fatalf("DecodeYAML: %v", err)
	}
	if !reflect.DeepEqual(n, back) {
		t.Error("decode(encode(n)) != n")
	}
	again, _ := importer.EncodeYAML(back)
	if !bytes.Equal(y, again) {
		t.Error("encoding is not stable")
	}
	for _, want := range []string{"# dutybot notice file", "# 第12项", "lead: [市局办公室]", "date: \"2019-09-03\""} {
		if !bytes.Contains(y, []byte(want)) {
			t.Errorf("encoded file lacks %q", want)
		}
	}
	if _, err := importer.EncodeYAML(nil); err == nil {
		t.Error("EncodeYAML(nil) succeeded")
	}
}

func TestDecodeYAML_Aliases(t *testing.T) {
	y := bytes.Replace(seedYAML(t), []byte("responsible: [法制支队, 各行政执法警种, 各分县局]"), []byte("responsible: [法治支队, 执法警种, 各县分局, 分县局]"), 1)
	n, err := importer.DecodeYAML(y)
	if err != nil {
		t.Fatal(err)
	}
	if got := n.Task(1).Responsible; !reflect.DeepEqual(got, []string{"法制支队", "各行政执法警种", "各分县局"}) {
		t.Errorf("task 1 responsible = %v, want canonical names", got)
	}
}

// TestDecodeYAML_Bad edits the shipped file the ways an administrator might
// get wrong, and wants an error naming the line or task.
func TestDecodeYAML_Bad(t *testing.T) {
	y := string(seedYAML(t))
	edit := func(old, new string) []byte {
		t.Helper()
		if !strings.Contains(y, old) {
			t.Fatalf("fixture: %q not in the file", old)
		}
		return []byte(strings.Replace(y, old, new, 1))
	}
	line := func(s string) string { // the line number of s in the file
		return "line " + itoa(strings.Count(y[:strings.Index(y, s)], "\n")+1)
	}
	tests := []struct {
		name string
		src  []byte
		want []string
	}{
		{"empty", nil, []string{"empty"}},
		{"unknown key", edit("    lead: [科技处]\n", "    lead: [科技处]\n    owner: 张三\n"), []string{"line", "owner"}},
		{"misspelt key", edit("table_title:", "tabel_title:"), []string{line("table_title:"), "tabel_title"}},
		{"not yaml", []byte("number: [\n"), []string{"line"}},
		{"numbers skip", edit("  - number: 12\n", "  - number: 13\n"), []string{line("  - number: 12\n"), "task 13", "1..N"}},
		{"no lead", edit("    lead: [科技处]\n", "    lead: []\n"), []string{"task 9", "no lead unit"}},
		{"no responsible", edit("    responsible: [人事处, 各分县局]\n", "    responsible: []\n"), []string{"task 43", "no responsible unit"}},
		{"unknown unit", edit("lead: [教育训练处]", "lead: [宣传处]"), []string{"task 14", "宣传处"}},
		{"deadline without date", edit("      date: \"2019-08-31\"\n", ""), []string{"task 1", "without a date"}},
		{"deadline contradicts its words", edit("      date: \"2019-09-18\"\n", "      date: \"2019-09-30\"\n"), []string{"task 2", "2019-09-18"}},
		{"bad date", edit("      date: \"2019-09-18\"\n", "      date: \"2019-09-31\"\n"), []string{"line", "2019-09-31"}},
		{"ongoing with a date", edit("      text: 长期\n      kind: ongoing\n", "      text: 长期\n      kind: ongoing\n      date: \"2020-01-01\"\n"), []string{"with a date"}},
		{"alias twice", edit("aliases: [纪检组]", "aliases: [纪检组, 科技处]"), []string{"科技处"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := importer.DecodeYAML(tt.src)
			if err == nil {
				t.Fatalf("DecodeYAML succeeded (%d tasks), want an error", len(n.Tasks))
			}
			if !errors.Is(err, knowledge.ErrInvalidNotice) {
				t.Errorf("error %v does not wrap ErrInvalidNotice", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestValidate(t *testing.T) {
	n := parseSeed(t)
	if err := importer.Validate(n); err != nil {
		t.Fatalf("Validate(seed): %v", err)
	}
	n.Tasks[4].Lead = []string{"行政审批处"} // an alias, not the canonical name
	n.Tasks[5].Responsible = nil
	err := importer.Validate(n)
	if err == nil || !errors.Is(err, knowledge.ErrInvalidNotice) {
		t.Fatalf("Validate = %v, want ErrInvalidNotice", err)
	}
	for _, w := range []string{"2 problems", "task 5", "市局行政审批处", "task 6", "no responsible unit"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not mention %q", err, w)
		}
	}
	if err := importer.Validate(&knowledge.Notice{}); err == nil || !strings.Contains(err.Error(), "no tasks") {
		t.Errorf("Validate(empty) = %v", err)
	}
}
