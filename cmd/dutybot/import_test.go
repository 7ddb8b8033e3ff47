package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// seedText and builtinYAML are the real notice files: the raw text the
// built-in notice was parsed from, and the shipped notice file.
func seedText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "knowledge", "importer", "testdata", "notice.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func builtinYAML(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "knowledge", "builtin", "huainan-2019-395.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// firstLines is the first n lines of text, as `head -n` cuts a file.
func firstLines(text string, n int) string {
	ls := strings.SplitAfter(text, "\n")
	return strings.Join(ls[:n], "")
}

// cutBeforeTask is a notice file cut just before task n's entry, between
// two tasks, so that what is left is well-formed YAML.
func cutBeforeTask(t *testing.T, yaml string, n int) string {
	t.Helper()
	i := strings.Index(yaml, "  # 第"+strconv.Itoa(n)+"项\n")
	if i < 0 {
		t.Fatalf("the notice file has no task %d", n)
	}
	return yaml[:i]
}

func (tm *testMain) writeFile(name, text string) string {
	tm.t.Helper()
	path := filepath.Join(tm.t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		tm.t.Fatal(err)
	}
	return path
}

// statuses is every task's status, by number.
func (tm *testMain) statuses() map[int]string {
	tm.t.Helper()
	var tasks []taskJSON
	if err := json.Unmarshal([]byte(tm.mustRun("tasks", "--json")), &tasks); err != nil {
		tm.t.Fatal(err)
	}
	out := map[int]string{}
	for _, task := range tasks {
		out[task.Number] = task.Status
	}
	return out
}

// TestMain_ImportTruncated imports real notice files cut short over a
// database where tasks 2 and 43 are done: each is refused, naming the file,
// and nothing changes (before: each imported with exit 0, leaving 1 or 42
// tasks, and the done state of the dropped tasks was gone for good).
func TestMain_ImportTruncated(t *testing.T) {
	text, yaml := seedText(t), builtinYAML(t)
	// A file written by hand or by an older dutybot has no task_count.
	noCount := strings.Replace(yaml, "task_count: 43\n", "", 1)
	tests := []struct {
		name, file, text string
		want             []string // in stderr
	}{
		{"raw text, first 215 lines", "cut215.txt", firstLines(text, 215),
			[]string{"cut215.txt", "no closing 说明", "--tasks"}},
		{"raw text, first 2,081 lines", "cut2081.txt", firstLines(text, 2081),
			[]string{"cut2081.txt", "line 2081", "no closing 说明 after task 42", "--tasks 42"}},
		{"notice file cut between tasks 42 and 43", "cut.yaml", cutBeforeTask(t, yaml, 43),
			[]string{"cut.yaml", "task_count", "43", "42"}},
		{"notice file without task_count cut between tasks", "cut.yaml", cutBeforeTask(t, noCount, 43),
			[]string{"cut.yaml", "remove task 43", "人事处", "--replace"}},
		{"notice file without task_count cut after task 1", "cut.yaml", cutBeforeTask(t, noCount, 2),
			[]string{"cut.yaml", "remove 42 tasks", "done state", "--replace"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tm := newTestMain(t)
			tm.env["DUTYBOT_ADMINS"] = "U_ADMIN"
			tm.chat("--as", "U_ADMIN", "done 2", "done 43")
			before, audit := tm.mustRun("tasks", "--json"), tm.mustRun("audit", "--json")
			_, errs, code := tm.run("", "import", tm.writeFile(tt.file, tt.text))
			if code != 1 {
				t.Errorf("exit %d, want 1; stderr %q", code, errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr %q does not say %q", errs, w)
				}
			}
			if tm.mustRun("tasks", "--json") != before || tm.mustRun("audit", "--json") != audit {
				t.Error("a refused import changed the database")
			}
		})
	}
}

// TestMain_ImportReplace: an administrator who means to drop tasks says
// --replace; the done state of the tasks that remain is kept, the lost state
// is in the audit log, and the whole file brings the dropped tasks back open.
func TestMain_ImportReplace(t *testing.T) {
	tm := newTestMain(t)
	tm.env["DUTYBOT_ADMINS"] = "U_ADMIN"
	tm.chat("--as", "U_ADMIN", "done 2", "done 43")
	noCount := strings.Replace(builtinYAML(t), "task_count: 43\n", "", 1)
	cut := tm.writeFile("cut.yaml", cutBeforeTask(t, noCount, 43))

	out, errs, code := tm.run("", "import", "--dry-run", "--replace", cut)
	if code != 0 || !strings.Contains(out, "removed: task 43") || !strings.Contains(out, "dry run") {
		t.Fatalf("--dry-run: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if got := tm.statuses(); len(got) != 43 || got[43] != "done" {
		t.Fatal("--dry-run changed the database")
	}

	out, errs, code = tm.run("", "import", "--replace", cut)
	if code != 0 {
		t.Fatalf("--replace: exit %d: %s", code, errs)
	}
	for _, w := range []string{"removed: task 43", "done state lost", "人事处", "imported 淮公通〔2019〕395号: 42 tasks"} {
		if !strings.Contains(out, w) {
			t.Errorf("--replace output %q does not say %q", out, w)
		}
	}
	got := tm.statuses()
	if len(got) != 42 || got[2] != "done" {
		t.Errorf("after --replace: %d tasks, task 2 %q; want 42 tasks, task 2 still done", len(got), got[2])
	}
	var entries []auditJSON
	if err := json.Unmarshal([]byte(tm.mustRun("audit", "--json", "--verify")), &entries); err != nil {
		t.Fatal(err)
	}
	lost := map[string]bool{}
	for _, e := range entries {
		if e.Action == "task.unassign" && e.Task == 43 && e.Before == "done" {
			lost[e.Unit] = true
		}
	}
	if !lost["人事处"] || !lost["警务保障处"] {
		t.Errorf("audit records the lost parts of task 43 as %v, want 人事处 and 警务保障处", lost)
	}

	// The whole notice again adds task 43 back, open: its state was given up.
	out = tm.mustRun("import", tm.writeFile("notice.yaml", builtinYAML(t)))
	if !strings.Contains(out, "added: task 43") {
		t.Errorf("re-import of the whole file said %q", out)
	}
	if got := tm.statuses(); len(got) != 43 || got[2] != "done" || got[43] != "open" {
		t.Errorf("after the whole file: task 2 %q, task 43 %q; want done and open", got[2], got[43])
	}
}

// TestMain_ImportEdits: a corrected notice that only edits and adds tasks
// goes in without --replace, says what it changed, and keeps every state.
func TestMain_ImportEdits(t *testing.T) {
	tm := newTestMain(t)
	tm.env["DUTYBOT_ADMINS"] = "U_ADMIN"
	tm.chat("--as", "U_ADMIN", "done 5")
	yaml := strings.Replace(builtinYAML(t), "task_count: 43\n", "task_count: 44\n", 1)
	yaml = strings.Replace(yaml, "设置岗位信息公示牌", "设置岗位信息公示栏", 1)
	yaml += `  # 第44项
  - number: 44
    section: 加强组织保障
    section_numeral: 四
    subsection: 加强督促检查
    subsection_numeral: 二
    content: 每季度通报一次工作进展。
    lead: [法制支队]
    responsible: [各分县局]
    deadline:
      text: 长期
      kind: ongoing
`
	path := tm.writeFile("notice.yaml", yaml)
	out := tm.mustRun("import", "--dry-run", path)
	if got := tm.statuses(); len(got) != 43 {
		t.Fatal("--dry-run changed the database")
	}
	for _, w := range []string{"added: task 44", "edited: task 5 (content)", "dry run: nothing changed"} {
		if !strings.Contains(out, w) {
			t.Errorf("--dry-run output %q does not say %q", out, w)
		}
	}
	out = tm.mustRun("import", path)
	if !strings.Contains(out, "imported 淮公通〔2019〕395号: 44 tasks") {
		t.Errorf("import said %q", out)
	}
	if got := tm.statuses(); len(got) != 44 || got[5] != "done" || got[44] != "open" {
		t.Errorf("after the edit: task 5 %q, task 44 %q", got[5], got[44])
	}
}

// TestMain_ImportLimits feeds files that are too big, hold more than one
// notice, or have a field beyond its limit: each is refused with the file and
// the line or field named, and nothing changes (before: a 50 MB file of the
// notice repeated imported, ~700 MB peak, and left a 16 MB table note).
func TestMain_ImportLimits(t *testing.T) {
	text, yaml := seedText(t), builtinYAML(t)
	longTask := strings.Replace(yaml, "content: 编制并公开本机关的服务指南",
		"content: "+strings.Repeat("很长的任务内容。", 2000)+"编制并公开本机关的服务指南", 1)
	tests := []struct {
		name, file, text string
		want             []string
	}{
		{"the notice twice", "twice.txt", text + text,
			[]string{"twice.txt", "line 2113", "after the table's closing 说明"}},
		{"a note followed by other text", "extra.txt", text + "\n以上内容请各单位认真贯彻落实。\n",
			[]string{"extra.txt", "line 2114", "after the table's closing 说明"}},
		{"a notice file with a second document", "two.yaml", yaml + "---\nnumber: x\n",
			[]string{"two.yaml", "second document"}},
		{"a task text beyond its limit", "long.yaml", longTask,
			[]string{"long.yaml", "task 2", "content", "characters", "at most 10,000"}},
		{"a file beyond the size limit", "big.txt", strings.Repeat(text, 400),
			[]string{"big.txt", "9.4 MiB", "at most 8 MiB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newTestMain(t).refusesImport(tt.file, tt.text, tt.want...)
		})
	}
}
