package importer_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dutybot/knowledge"
	"dutybot/knowledge/importer"
)

// wantErr checks that err is a bad-notice error saying each of want.
func wantErr(t *testing.T, err error, want ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one saying %q", want)
	}
	if !errors.Is(err, knowledge.ErrInvalidNotice) {
		t.Errorf("error %v does not wrap ErrInvalidNotice", err)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not say %q", err, w)
		}
	}
}

// TestParseText_TableEnd: raw text cut at a task boundary has no closing
// 说明 and is refused unless the task count is declared; a declared count
// must match (before: the first 215 and 2,081 lines parsed as notices of 1
// and 42 tasks).
func TestParseText_TableEnd(t *testing.T) {
	seed := readSeed(t)
	lines := strings.SplitAfter(string(seed), "\n")
	head := func(n int) []byte { return []byte(strings.Join(lines[:n], "")) }
	for _, tt := range []struct {
		n    int
		task string
	}{{215, "task 1"}, {2081, "task 42"}} {
		_, err := importer.ParseText(head(tt.n))
		wantErr(t, err, "no closing 说明", tt.task)
		if !errors.Is(err, importer.ErrUnterminated) {
			t.Errorf("first %d lines: %v is not ErrUnterminated", tt.n, err)
		}
	}
	n, err := importer.ParseText(head(2081), importer.WithTaskCount(42))
	if err != nil || len(n.Tasks) != 42 || n.Note.Text != "" {
		t.Fatalf("first 2,081 lines declared as 42 tasks: %v", err)
	}
	_, err = importer.ParseText(head(2081), importer.WithTaskCount(43))
	wantErr(t, err, "42 tasks", "43 were declared")
	_, err = importer.ParseText(seed, importer.WithTaskCount(40))
	wantErr(t, err, "43 tasks", "40 were declared")
	if _, err := importer.ParseText(seed, importer.WithTaskCount(43)); err != nil {
		t.Errorf("the whole seed declared as 43 tasks: %v", err)
	}
	if _, err := importer.ParseText(seed, importer.WithTaskCount(0)); err == nil {
		t.Error("WithTaskCount(0) accepted")
	}
}

// TestParseText_AfterNote: after the table's 说明 only the rest of the note
// and the document's imprint may follow (before: anything after it was
// stored as the note, 16 MB of it for a 50 MB file).
func TestParseText_AfterNote(t *testing.T) {
	seed := string(readSeed(t))
	_, err := importer.ParseText([]byte(seed + seed))
	wantErr(t, err, "line 2113", "after the table's closing 说明", "淮南市公安局关于")
	_, err = importer.ParseText([]byte(seed + "\n附件2\n\n另一张表\n"))
	wantErr(t, err, "line 2114", "附件2")

	ok := map[string]string{
		"imprint":         seed + "\n抄送：市政府办公室。\n\n淮南市公安局办公室        2019年9月3日印发\n",
		"numbered points": strings.Replace(seed, "任务的开展。", "任务的开展。\n\n2.各单位可结合实际细化。\n\n3.本表由法制支队负责解释。", 1),
	}
	for name, src := range ok {
		n, err := importer.ParseText([]byte(src))
		if err != nil {
			t.Errorf("%s after the note: %v", name, err)
			continue
		}
		if strings.Contains(n.Note.Text, "抄送") || (name == "numbered points" && !strings.HasSuffix(n.Note.Text, "负责解释。")) {
			t.Errorf("%s: note %q", name, n.Note.Text)
		}
	}
}

// TestDecodeYAML_Whole: a notice file says how many tasks it has, and holds
// one notice.
func TestDecodeYAML_Whole(t *testing.T) {
	y := string(seedYAML(t))
	if !strings.Contains(y, "task_count: 43\ntasks:\n") {
		t.Fatal("EncodeYAML writes no task_count just before the tasks")
	}
	cut := y[:strings.Index(y, "  # 第43项\n")]
	_, err := importer.DecodeYAML([]byte(cut))
	wantErr(t, err, "task_count says 43 tasks but the file has 42")

	noCount := strings.Replace(cut, "task_count: 43\n", "", 1)
	if _, err := importer.DecodeYAML([]byte(noCount)); err != nil {
		t.Errorf("a file without task_count: %v", err)
	}
	_, err = importer.DecodeYAML([]byte(noCount), importer.WithTaskCount(43))
	wantErr(t, err, "42 tasks", "43 were declared")

	_, err = importer.DecodeYAML([]byte(y + "---\nnumber: 另一个\n"))
	wantErr(t, err, "second document")
	if _, err := importer.DecodeYAML([]byte(y + "---\n")); err != nil {
		t.Errorf("an empty document after the notice: %v", err)
	}
}

// TestValidate_Limits: each field over its limit is named, with its line
// in a notice file.
func TestValidate_Limits(t *testing.T) {
	y := string(seedYAML(t))
	long := func(n int) string { return strings.Repeat("长", n) }
	tests := []struct {
		name, from, to string
		want           []string
	}{
		{"task text", "content: 编制并公开本机关", "content: " + long(10_001) + "编制并公开本机关",
			[]string{"task 2", "content is 10,0", "at most 10,000"}},
		{"title", "title: 淮南市公安局关于", "title: " + long(600), []string{"line 2", "title is 6", "at most 500"}},
		{"note", "  text: 说明：", "  text: " + long(6000) + "说明：", []string{"the table's note", "at most 5,000"}},
		{"unit name", "  - name: 督察支队\n    aliases: [市局督察支队]", "  - name: " + long(101) + "\n    aliases: [市局督察支队]",
			[]string{"a unit's name is 101 characters"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(y, tt.from, tt.to, 1)
			if src == y {
				t.Fatalf("the seed file has no %q", tt.from)
			}
			_, err := importer.DecodeYAML([]byte(src))
			wantErr(t, err, tt.want...)
		})
	}
}

// TestLoad_Size: a file over MaxFileBytes is refused before it is read.
func TestLoad_Size(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.txt")
	seed := readSeed(t)
	if err := os.WriteFile(path, bytes.Repeat(seed, importer.MaxFileBytes/len(seed)+1), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := importer.Load(path)
	wantErr(t, err, "big.txt", "at most 8 MiB")
	_, err = importer.Parse(bytes.Repeat(seed, importer.MaxFileBytes/len(seed)+1))
	wantErr(t, err, "at most 8 MiB")
}
