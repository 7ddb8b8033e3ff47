package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestMain_upgradesVersion8 runs today's binary on a copy of the SQLite file
// made by the last release of schema version 8 (store/testdata/make_v8.sh):
// `audit --verify` passes, `ledger --format json` gives the old binary's rows
// of the tasks it touched, and the loop goes on (`approve` of the part left
// in review), still verified.
func TestMain_upgradesVersion8(t *testing.T) {
	tm := newTestMain(t)
	tm.env["DUTYBOT_ADMINS"] = "U0ADMIN"
	b, err := os.ReadFile(filepath.Join("..", "..", "store", "testdata", "v8.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tm.db, b, 0o600); err != nil {
		t.Fatal(err)
	}
	tm.mustRun("audit", "--verify")

	old, err := os.ReadFile(filepath.Join("..", "..", "store", "testdata", "v8.ledger.sqlite.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var want []map[string]any
	for line := range strings.Lines(string(old)) {
		var r map[string]any
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		want = append(want, r)
	}
	ledgerOf := func() []map[string]any {
		var rows []map[string]any
		if err := json.Unmarshal([]byte(tm.mustRun("ledger", "--format", "json", "--now", "2019-09-12")), &rows); err != nil {
			t.Fatal(err)
		}
		return slices.DeleteFunc(rows, func(r map[string]any) bool {
			return !slices.Contains([]float64{2, 3, 5, 22, 26}, r["task"].(float64))
		})
	}
	if got := ledgerOf(); !reflect.DeepEqual(got, want) {
		t.Errorf("ledger of the upgraded database:\n%v\nwant the old binary's:\n%v", got, want)
	}

	lines := tm.chat("--as", "U0FAZHI", "--now", "2019-09-12", "同意 2 市局办公室")
	if !strings.Contains(lines[0].Text, "已同意市局办公室第2项办结") {
		t.Errorf("approve on the upgraded database: %q", lines[0].Text)
	}
	tm.mustRun("audit", "--verify")
	for _, r := range ledgerOf() {
		if r["task"] == 2.0 && r["unit"] == "市局办公室" && (r["state"] != "done" || r["done_by"] != "U0FAZHI") {
			t.Errorf("ledger row of the approved part: %v", r)
		}
	}
	var entries []map[string]any
	if err := json.Unmarshal([]byte(tm.mustRun("audit", "--json")), &entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != 27 || entries[26]["action"] != "part.approve" {
		t.Errorf("audit after the approve: %d entries, the last %v; want 27, part.approve", len(entries), entries[len(entries)-1])
	}
}
