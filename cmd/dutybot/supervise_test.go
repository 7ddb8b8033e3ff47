package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dutybot/ledger"
)

// remindersOf counts the planned reminders of one unit on one task.
func remindersOf(tm *testMain, task int, unit string) int {
	n := 0
	for _, e := range tm.plan("2019-09-20", "2019-12-31") {
		if e.Task == task && e.Unit == unit {
			n++
		}
	}
	return n
}

// TestMain_SupervisionLoop runs the whole loop through `dutybot chat --json
// --as …`: liaisons named, sign, progress, a problem, claim, reject with a
// reason, claim again, approve; `remind plan` is silent for the part while
// it is in review and once it is done; `ledger --format json|csv|xlsx` and
// `audit --verify` show every step.
func TestMain_SupervisionLoop(t *testing.T) {
	tm := newTestMain(t)
	tm.env["DUTYBOT_ADMINS"] = "UADMIN"
	as := func(user string, msgs ...string) []chatLine {
		return tm.chat(append([]string{"--as", user, "--now", "2019-09-20"}, msgs...)...)
	}
	expect := func(lines []chatLine, wants ...string) {
		t.Helper()
		for i, w := range wants {
			if !strings.Contains(lines[i].Text, w) {
				t.Errorf("reply %d: %q, want %q", i, lines[i].Text, w)
			}
		}
	}
	expect(as("UADMIN", "联络员 法制支队 U0FZ", "liaison 科技处 <@U0KJ>"), "<@U0FZ>", "<@U0KJ>")
	before := remindersOf(tm, 22, "科技处")
	if before == 0 {
		t.Fatal("科技处 has no reminders of task 22 to begin with")
	}
	expect(as("U0KJ", "签收 22", "进展 22 已起草存储规范", "问题 22 存储设备经费未落实", "申请办结 22 规范已印发"),
		"科技处已签收第22项", "已记录科技处在第22项的进展", "告知牵头单位（法制支队）", "等待牵头单位")
	if n := remindersOf(tm, 22, "科技处"); n != 0 {
		t.Errorf("remind plan: %d reminders for a part in review, want none", n)
	}
	if n := remindersOf(tm, 22, "法制支队"); n == 0 {
		t.Error("remind plan: the other parts of task 22 lost their reminders")
	}
	// A refusal answers why and, like every refused chat command, exits 1
	// (docs/cli.md §2).
	out, _, code := tm.run("", "chat", "--json", "--as", "U0KJ", "--now", "2019-09-20", "同意 22 科技处")
	if code != 1 || !strings.Contains(out, "只有第22项牵头单位（法制支队）的联络员和管理员可以审核") {
		t.Errorf("a liaison approving its own part: exit %d, %q", code, out)
	}
	expect(as("U0FZ", "退回 22 科技处 未附印发文件"), "理由：未附印发文件")
	if n := remindersOf(tm, 22, "科技处"); n != before {
		t.Errorf("remind plan after reject: %d reminders, want %d again", n, before)
	}
	expect(as("U0KJ", "申请办结 22 已补充印发文件"), "等待牵头单位")
	expect(as("U0FZ", "同意 22 科技处"), "已同意科技处第22项办结")
	if n := remindersOf(tm, 22, "科技处"); n != 0 {
		t.Errorf("remind plan: %d reminders for a done part, want none", n)
	}

	var rows []ledger.Row
	if err := json.Unmarshal([]byte(tm.mustRun("ledger", "--format", "json", "--now", "2019-09-20")), &rows); err != nil {
		t.Fatal(err)
	}
	tasks := map[int]bool{}
	var kj *ledger.Row
	for i, r := range rows {
		tasks[r.Task] = true
		if r.Task == 22 && r.Unit == "科技处" {
			kj = &rows[i]
		}
		if i > 0 && r.Task < rows[i-1].Task {
			t.Errorf("ledger not ordered by task at row %d", i)
		}
	}
	if len(tasks) != 43 || kj == nil {
		t.Fatalf("ledger holds %d tasks' parts (want 43), 22/科技处 row %v", len(tasks), kj)
	}
	if kj.State != "done" || kj.Light != "none" || kj.SignedAt == nil || kj.ClaimedAt == nil || kj.DoneAt == nil ||
		kj.DoneBy == nil || *kj.DoneBy != "U0FZ" || kj.Progress == nil || kj.Progress.Text != "已起草存储规范" ||
		kj.Progress.User != "U0KJ" || kj.Deadline == nil || *kj.Deadline != "2019-10-31" || kj.Role != "responsible" {
		b, _ := json.Marshal(kj)
		t.Errorf("ledger row of 22/科技处: %s", b)
	}
	first := tm.mustRun("ledger", "--now", "2019-09-20")
	if !strings.HasPrefix(first, "[\n{\"notice\":\"淮公通〔2019〕395号\",\"task\":1,\"unit\":") ||
		!strings.Contains(first, `"state":"done","light":"none","signed_at":"20`) {
		t.Errorf("ledger JSON field order:\n%.400s", first)
	}

	var audit []auditJSON
	if err := json.Unmarshal([]byte(tm.mustRun("audit", "--json")), &audit); err != nil {
		t.Fatal(err)
	}
	var steps []string
	for _, e := range audit {
		if e.Task == 22 || strings.HasPrefix(e.Action, "liaison.") {
			steps = append(steps, fmt.Sprintf("%s %s %s", e.User, e.Action, e.Unit))
		}
	}
	want := []string{"UADMIN liaison.add 法制支队", "UADMIN liaison.add 科技处", "U0KJ part.sign 科技处",
		"U0KJ part.progress 科技处", "U0KJ part.problem 科技处", "U0KJ part.claim 科技处", "U0FZ part.reject 科技处",
		"U0KJ part.claim 科技处", "U0FZ part.approve 科技处"}
	if !slices.Equal(steps, want) {
		t.Errorf("audit:\n%s\nwant:\n%s", strings.Join(steps, "\n"), strings.Join(want, "\n"))
	}
	if out := tm.mustRun("audit", "--verify"); !strings.Contains(out, "verified") {
		t.Errorf("audit --verify: %q", out)
	}

	csv := strings.Split(strings.TrimSpace(tm.mustRun("ledger", "--format", "csv", "--now", "2019-09-20")), "\n")
	if len(csv) != len(rows)+1 || !strings.HasPrefix(csv[0], "notice,task,unit,role,deadline,state,light,signed_at,progress_at") {
		t.Errorf("CSV: %d lines for %d rows; header %q", len(csv), len(rows), csv[0])
	}

	path := filepath.Join(t.TempDir(), "台账.xlsx")
	tm.mustRun("ledger", "--format", "xlsx", "--out", path, "--now", "2019-09-20")
	checkWorkbook(t, path, rows)
}

// checkWorkbook reads the ledger workbook back with excelize.
func checkWorkbook(t *testing.T, path string, rows []ledger.Row) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("the ledger is no workbook: %v", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) < 2 || sheets[0] != "台账" || !slices.Contains(sheets, "科技处") {
		t.Fatalf("sheets %v, want 台账 first and one per unit", sheets)
	}
	got, err := f.GetRows("台账")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(rows)+1 || got[0][0] != "文号" || got[0][2] != "单位" || got[0][6] != "灯" {
		t.Fatalf("first sheet: %d rows for %d parts, header %v", len(got), len(rows), got[0])
	}
	for i, r := range rows {
		if got[i+1][1] != fmt.Sprint(r.Task) || got[i+1][2] != r.Unit {
			t.Fatalf("row %d: %v, want task %d unit %s", i+2, got[i+1], r.Task, r.Unit)
		}
	}
	panes, err := f.GetPanes("台账")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v, %v: want the header row frozen", panes, err)
	}
	if w, _ := f.GetColWidth("台账", "C"); w < 10 {
		t.Errorf("the unit column is %.1f wide, too narrow for Chinese names", w)
	}
	// Lights as fills: a red part's light cell has a red fill.
	for i, r := range rows {
		if r.Light != "red" {
			continue
		}
		cell := fmt.Sprintf("G%d", i+2)
		id, _ := f.GetCellStyle("台账", cell)
		st, err := f.GetStyle(id)
		if err != nil || len(st.Fill.Color) == 0 || st.Fill.Color[0] != "FFC7CE" {
			t.Errorf("%s (red) fill %+v, %v", cell, st, err)
		}
		break
	}
	summary, _ := f.GetCellValue("科技处", "A1")
	if !strings.Contains(summary, "科技处") || !strings.Contains(summary, "已办结1") {
		t.Errorf("科技处 summary %q", summary)
	}
	// The autofilter is stored as the sheet's filter database.
	filtered := false
	for _, d := range f.GetDefinedName() {
		filtered = filtered || d.Name == "_xlnm._FilterDatabase" && d.Scope == "台账"
	}
	if !filtered {
		t.Errorf("no autofilter on the first sheet: %+v", f.GetDefinedName())
	}
}
