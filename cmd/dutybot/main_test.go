package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// testMain runs the real wiring with its own database file and environment.
type testMain struct {
	t   *testing.T
	db  string
	env map[string]string
}

func newTestMain(t *testing.T) *testMain {
	t.Helper()
	return &testMain{t: t, db: filepath.Join(t.TempDir(), "dutybot.db"), env: map[string]string{}}
}

// run runs dutybot with args (and --db) and returns stdout, stderr and the exit code.
func (tm *testMain) run(stdin string, args ...string) (string, string, int) {
	tm.t.Helper()
	return tm.runCtx(context.Background(), stdin, args...)
}

// runCtx is run with a context: cancelling it is what SIGTERM does to the
// real process (main's signal.NotifyContext).
func (tm *testMain) runCtx(ctx context.Context, stdin string, args ...string) (string, string, int) {
	tm.t.Helper()
	var out, errb bytes.Buffer
	m := NewMain()
	m.Stdin = strings.NewReader(stdin)
	m.Stdout, m.Stderr = &out, &errb
	m.Logger = slog.New(slog.NewTextHandler(&errb, &slog.HandlerOptions{Level: slog.LevelWarn}))
	m.Getenv = func(k string) string {
		if k == "DUTYBOT_DB" {
			return tm.db
		}
		return tm.env[k]
	}
	err := m.Run(ctx, args)
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	code := exitCode(&errb, err)
	return out.String(), errb.String(), code
}

func (tm *testMain) mustRun(args ...string) string {
	tm.t.Helper()
	out, errs, code := tm.run("", args...)
	if code != 0 {
		tm.t.Fatalf("dutybot %s: exit %d\nstderr: %s", strings.Join(args, " "), code, errs)
	}
	return out
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; rerun with -update after review\ngot:\n%s", name, got)
	}
}

func TestMain_Tasks(t *testing.T) {
	t.Run("json on a fresh database loads the built-in notice", func(t *testing.T) {
		tm := newTestMain(t)
		out := tm.mustRun("tasks", "--json")
		var tasks []taskJSON
		if err := json.Unmarshal([]byte(out), &tasks); err != nil {
			t.Fatalf("tasks --json is not a JSON array: %v", err)
		}
		if len(tasks) != 43 {
			t.Fatalf("got %d tasks, want 43", len(tasks))
		}
		for i, task := range tasks {
			if task.Number != i+1 {
				t.Fatalf("task %d has number %d: not ordered", i+1, task.Number)
			}
			if task.Status != "open" {
				t.Errorf("task %d: status %q on a fresh database", task.Number, task.Status)
			}
		}
		golden(t, "tasks.json", []byte(out))
	})
	t.Run("readable table", func(t *testing.T) {
		tm := newTestMain(t)
		out := tm.mustRun("tasks")
		for _, want := range []string{"淮公通〔2019〕395号", " 43. ", "警务保障处", "2019-12-31"} {
			if !strings.Contains(out, want) {
				t.Errorf("table lacks %q", want)
			}
		}
	})
	t.Run("stray argument is a usage error", func(t *testing.T) {
		tm := newTestMain(t)
		if _, _, code := tm.run("", "tasks", "extra"); code != 2 {
			t.Errorf("exit %d, want 2", code)
		}
	})
}

func TestMain_UnknownCommand(t *testing.T) {
	tm := newTestMain(t)
	_, errs, code := tm.run("", "frobnicate")
	if code != 2 || !strings.Contains(errs, "frobnicate") {
		t.Errorf("exit %d, stderr %q; want 2 naming the command", code, errs)
	}
}

// lockedWriter serialises writes from several goroutines to one buffer.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// contains reports whether what was written holds s.
func (l *lockedWriter) contains(s string) bool { return strings.Contains(l.String(), s) }

// String returns what was written (to a *bytes.Buffer).
func (l *lockedWriter) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if b, ok := l.w.(*bytes.Buffer); ok {
		return b.String()
	}
	return ""
}
