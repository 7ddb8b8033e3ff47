package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"dutybot/knowledge/builtin"
	"dutybot/knowledge/importer"
)

// TestTasks_SeveralNotices checks docs/cli.md §1 with two notices: every task
// carries its notice's number, all notices are listed in import order, and
// --notice keeps one.
func TestTasks_SeveralNotices(t *testing.T) {
	second, err := builtin.Notice()
	if err != nil {
		t.Fatal(err)
	}
	second.Number, second.Title = "淮公通〔2020〕7号", "淮南市公安局关于试行第二份任务分解表的通知"
	second.Tasks = second.Tasks[:2]
	b, err := importer.EncodeYAML(second)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "second.yaml")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	tm := newTestMain(t)
	tm.mustRun("import", file)

	type row struct {
		Notice string `json:"notice"`
		Number int    `json:"number"`
	}
	read := func(args ...string) []row {
		var rows []row
		if err := json.Unmarshal([]byte(tm.mustRun(args...)), &rows); err != nil {
			t.Fatalf("%v: not a JSON array: %v", args, err)
		}
		return rows
	}
	all := read("tasks", "--json")
	if len(all) != 45 {
		t.Fatalf("tasks --json with two notices: %d tasks, want 43 + 2", len(all))
	}
	if all[0].Notice != "淮公通〔2019〕395号" || all[43].Notice != "淮公通〔2020〕7号" || all[44].Number != 2 {
		t.Errorf("notices out of order or unnamed: first %+v, 44th %+v, last %+v", all[0], all[43], all[44])
	}
	one := read("tasks", "--json", "--notice", "淮公通〔2020〕7号")
	if len(one) != 2 || one[0].Notice != "淮公通〔2020〕7号" {
		t.Errorf("--notice 淮公通〔2020〕7号: got %+v", one)
	}
}
