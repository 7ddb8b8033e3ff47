package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type chatLine struct {
	Text  string `json:"text"`
	Tasks []int  `json:"tasks"`
}

// chat runs `dutybot chat --json` with messages and decodes one reply per message.
func (tm *testMain) chat(args ...string) []chatLine {
	tm.t.Helper()
	out := tm.mustRun(append([]string{"chat", "--json"}, args...)...)
	var lines []chatLine
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var c chatLine
		if err := json.Unmarshal([]byte(l), &c); err != nil {
			tm.t.Fatalf("chat --json printed a line that is not JSON: %q", l)
		}
		if c.Tasks == nil {
			tm.t.Fatalf("chat --json printed tasks null, want a list: %q", l)
		}
		lines = append(lines, c)
	}
	return lines
}

func TestMain_Chat(t *testing.T) {
	t.Run("one JSON line per message, in order", func(t *testing.T) {
		tm := newTestMain(t)
		got := tm.chat("第1项任务的内容是什么？", "明天会下雨吗？", "人事处牵头的任务有哪些")
		if len(got) != 3 {
			t.Fatalf("got %d lines, want 3", len(got))
		}
		if len(got[0].Tasks) == 0 || got[0].Tasks[0] != 1 || !strings.Contains(got[0].Text, "随机抽查事项清单") {
			t.Errorf("task 1 question: %+v", got[0])
		}
		if len(got[1].Tasks) != 0 {
			t.Errorf("out-of-scope question cites tasks %v", got[1].Tasks)
		}
		if len(got[2].Tasks) != 1 || got[2].Tasks[0] != 23 {
			t.Errorf("人事处牵头: tasks %v, want [23]", got[2].Tasks)
		}
	})
	t.Run("standard input, one answer per line", func(t *testing.T) {
		tm := newTestMain(t)
		out, errs, code := tm.run("任务22的期限\n\ntask 38\n", "chat", "--json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if n := len(strings.Split(strings.TrimSpace(out), "\n")); n != 2 {
			t.Errorf("got %d lines for 2 questions (and a blank line):\n%s", n, out)
		}
	})
	t.Run("admin marks a unit's part done, others are refused", func(t *testing.T) {
		tm := newTestMain(t)
		tm.env["DUTYBOT_ADMINS"] = "U_ADMIN, U_OTHER_ADMIN"
		if _, _, code := tm.run("", "chat", "--json", "--as", "U_NOBODY", "done 7"); code != 1 {
			t.Errorf("a refused done: exit %d, want 1", code)
		}
		if s := taskStatus(t, tm, 7); s != "open" {
			t.Fatalf("after a refused done, task 7 is %q", s)
		}
		tm.chat("--as", "U_ADMIN", "完成 7 科技处")
		if s := taskStatus(t, tm, 7); s != "partial" {
			t.Fatalf("after one unit's done, task 7 is %q, want partial", s)
		}
		tm.chat("--as", "U_ADMIN", "done 7")
		if s := taskStatus(t, tm, 7); s != "done" {
			t.Fatalf("after done 7, task 7 is %q", s)
		}
		tm.chat("--as", "U_ADMIN", "reopen 7 科技处")
		if s := taskStatus(t, tm, 7); s != "partial" {
			t.Fatalf("after reopen 7 科技处, task 7 is %q", s)
		}
		out := tm.mustRun("audit", "--json", "--verify")
		var entries []auditJSON
		if err := json.Unmarshal([]byte(out), &entries); err != nil {
			t.Fatalf("audit --json --verify: %v\n%s", err, out)
		}
		// One entry per unit whose state changed: 科技处 first, then the task's
		// four other units by "done 7", then 科技处 reopened.
		var actions []string
		doneUnits := map[string]bool{}
		for _, e := range entries {
			if e.Task != 7 {
				continue
			}
			actions = append(actions, e.User+":"+e.Action+":"+e.Unit)
			if e.Action == "task.done" {
				doneUnits[e.Unit] = true
			}
		}
		if len(actions) != 6 || len(doneUnits) != 5 || actions[0] != "U_ADMIN:task.done:科技处" || actions[5] != "U_ADMIN:task.reopen:科技处" {
			t.Errorf("audit of task 7: %v", actions)
		}
	})
}

func TestMain_ChatMembers(t *testing.T) {
	tm := newTestMain(t)
	tm.env["DUTYBOT_ADMINS"] = "U_ADMIN"
	tm.chat("--as", "U_ADMIN", "members 各分县局 凤台县局 寿县局")
	tm.chat("--as", "U_ADMIN", "done 3 凤台县局")
	if s := taskStatus(t, tm, 3); s != "partial" {
		t.Fatalf("after one member's done, task 3 is %q, want partial", s)
	}
	// The plan no longer reminds 凤台县局 of task 3, but still 寿县局.
	plan := tm.plan("2019-10-01", "2019-10-31")
	units := map[string]bool{}
	for _, r := range plan {
		if r.Task == 3 {
			units[r.Unit] = true
		}
	}
	if units["凤台县局"] || !units["寿县局"] || units["各分县局"] {
		t.Errorf("task 3 reminds %v; want 寿县局 and not 凤台县局 (done) nor the group itself", units)
	}
	tm.chat("--as", "U_ADMIN", "done 3")
	if s := taskStatus(t, tm, 3); s != "done" {
		t.Errorf("after done 3, task 3 is %q", s)
	}
}

// refusesImport imports text as a file named name and checks that dutybot
// exits 1 with an error that says each of want, and that the database is
// unchanged.
func (tm *testMain) refusesImport(name, text string, want ...string) {
	tm.t.Helper()
	before := tm.mustRun("audit", "--json")
	path := filepath.Join(tm.t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		tm.t.Fatal(err)
	}
	_, errs, code := tm.run("", "import", path)
	if code != 1 {
		tm.t.Errorf("exit %d, stderr %q: want 1", code, errs)
	}
	for _, w := range want {
		if !strings.Contains(errs, w) {
			tm.t.Errorf("stderr %q does not say %q", errs, w)
		}
	}
	if after := tm.mustRun("audit", "--json"); after != before {
		tm.t.Errorf("a failed import changed the database")
	}
}

func taskStatus(t *testing.T, tm *testMain, number int) string {
	t.Helper()
	var tasks []taskJSON
	if err := json.Unmarshal([]byte(tm.mustRun("tasks", "--json")), &tasks); err != nil {
		t.Fatal(err)
	}
	return tasks[number-1].Status
}

func TestMain_Import(t *testing.T) {
	bad := map[string]string{
		"not a notice": "今天天气很好。\n我们去公园散步。\n",
		"empty":        "",
		"truncated":    "",
	}
	seed, err := os.ReadFile(filepath.Join("..", "..", "knowledge", "importer", "testdata", "notice.txt"))
	if err != nil {
		t.Fatalf("read the seed notice: %v", err)
	}
	bad["truncated"] = string(seed[:len(seed)/3])
	for name, text := range bad {
		t.Run(name, func(t *testing.T) {
			newTestMain(t).refusesImport("notice.txt", text, "notice.txt")
		})
	}
	t.Run("a notice file with a task without units", func(t *testing.T) {
		yaml, err := os.ReadFile(filepath.Join("..", "..", "knowledge", "builtin", "huainan-2019-395.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		// Empty task 7's lead column, as a careless edit would.
		text := string(yaml)
		i := strings.Index(text, "- number: 7\n")
		if i < 0 {
			t.Fatal("the built-in notice file has no task 7")
		}
		j := strings.Index(text[i:], "    lead:")
		k := strings.Index(text[i:], "    responsible:")
		if j < 0 || k < j {
			t.Fatal("the built-in notice file has changed shape; update this test")
		}
		text = text[:i+j] + "    lead: []\n" + text[i+k:]
		newTestMain(t).refusesImport("notice.yaml", text, "7")
	})
	t.Run("raw text of the seed is the built-in notice", func(t *testing.T) {
		tm := newTestMain(t)
		path := filepath.Join(t.TempDir(), "notice.txt")
		if err := os.WriteFile(path, seed, 0o644); err != nil {
			t.Fatal(err)
		}
		out := tm.mustRun("import", path)
		// A fresh database already holds the built-in notice, parsed from this
		// very text: importing it again must find nothing to change.
		if !strings.Contains(out, "already up to date") {
			t.Errorf("import said %q", out)
		}
	})
}
