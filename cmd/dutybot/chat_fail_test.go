package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestMain_ChatLongLine pipes a line of 2 MiB between two questions: it is
// answered with an error and the next line still gets its answer (before:
// the run ended with "bufio.Scanner: token too long" and the next line was
// never read).
func TestMain_ChatLongLine(t *testing.T) {
	tm := newTestMain(t)
	long := strings.Repeat("第1项任务的内容是什么？", 2<<20/len("第1项任务的内容是什么？")+1)
	out, errs, code := tm.run("任务22的期限\n"+long+"\n第1项任务的内容是什么？\n", "chat", "--json")
	var lines []chatLine
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var c chatLine
		if err := json.Unmarshal([]byte(l), &c); err != nil {
			t.Fatalf("not a JSON line: %.200q", l)
		}
		lines = append(lines, c)
	}
	if len(lines) != 3 {
		t.Fatalf("got %d replies for 3 lines; stderr %q", len(lines), errs)
	}
	if !strings.Contains(lines[1].Text, "40,000") || len(lines[1].Tasks) != 0 {
		t.Errorf("the long line was answered %.200q, want the 40,000-character limit", lines[1].Text)
	}
	if len(lines[2].Tasks) == 0 || lines[2].Tasks[0] != 1 {
		t.Errorf("the line after the long one was answered %+v", lines[2])
	}
	if code != 1 || !strings.Contains(errs, "1 of 3 messages") {
		t.Errorf("exit %d, stderr %q; want 1 saying one of three messages failed", code, errs)
	}
}

// TestMain_ChatExitStatus: a change that is refused, or that the database
// fails to write, ends `dutybot chat` with exit status 1; questions, and a
// change that finds its state already there, exit 0.
func TestMain_ChatExitStatus(t *testing.T) {
	t.Run("read-only database", func(t *testing.T) {
		tm := newTestMain(t)
		tm.env["DUTYBOT_ADMINS"] = "U_ADMIN"
		tm.mustRun("tasks")
		makeSQLiteReadOnly(t, tm.db)
		if out, errs, code := tm.run("", "chat", "--as", "U_ADMIN", "第1项任务的内容是什么？"); code != 0 {
			t.Fatalf("a question on a read-only database: exit %d\n%s%s", code, out, errs)
		}
		out, errs, code := tm.run("", "chat", "--as", "U_ADMIN", "done 1")
		if code != 1 || !strings.Contains(errs, "1 of 1 message") {
			t.Errorf("done 1 on a read-only database: exit %d, stdout %q, stderr %q; want 1", code, out, errs)
		}
		if s := taskStatus(t, tm, 1); s != "open" {
			t.Errorf("task 1 is %q", s)
		}
	})
	t.Run("refused and unchanged", func(t *testing.T) {
		tm := newTestMain(t)
		tm.env["DUTYBOT_ADMINS"] = "U_ADMIN"
		if _, _, code := tm.run("", "chat", "--as", "U_NOBODY", "done 1"); code != 1 {
			t.Errorf("a refused done: exit %d, want 1", code)
		}
		if _, _, code := tm.run("", "chat", "--as", "U_ADMIN", "done 99"); code != 1 {
			t.Errorf("done of a task that does not exist: exit %d, want 1", code)
		}
		tm.chat("--as", "U_ADMIN", "done 1")
		if _, errs, code := tm.run("", "chat", "--as", "U_ADMIN", "done 1"); code != 0 {
			t.Errorf("done 1 again (nothing to change): exit %d, %s; want 0", code, errs)
		}
	})
}

// makeSQLiteReadOnly makes an SQLite database file read-only for SQLite itself,
// whoever runs the test (root ignores file modes): a file-format write
// version above 2 in the header (byte 18) makes SQLite refuse every write
// with "attempt to write a readonly database" while reads go on.
func makeSQLiteReadOnly(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt([]byte{3}, 18); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
}
