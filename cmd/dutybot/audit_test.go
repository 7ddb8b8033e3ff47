package main

import (
	"database/sql"
	"regexp"
	"strings"
	"testing"

	_ "github.com/glebarez/go-sqlite" // raw SQL on the SQLite file, as an insider would
)

// rawDB opens the test's database directly, behind dutybot's back.
func rawDB(t *testing.T, tm *testMain) *sql.DB {
	t.Helper()
	driver := "sqlite"
	if strings.HasPrefix(tm.db, "postgres") {
		driver = "pgx"
	}
	db, err := sql.Open(driver, tm.db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// mustExec runs statements on the raw database; PostgreSQL's placeholders
// are $1…, SQLite's take them too.
func mustExec(t *testing.T, db *sql.DB, stmts ...string) {
	t.Helper()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

var headLine = regexp.MustCompile(`^([0-9]+):([0-9a-f]{64})\n$`)

// TestMain_AuditState drives `dutybot audit` end to end on SQLite and
// PostgreSQL: a done flag set by hand is found, and a change undone by
// hand together with its entry (chain and state consistent again) is found
// by the head published before.
func TestMain_AuditState(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			tm := newTestMain(t)
			if engine == "postgres" {
				tm.db = freshPostgresDSN(t)
			}
			tm.env["DUTYBOT_ADMINS"] = "U_ADMIN"
			tm.chat("--as", "U_ADMIN", "done 3")
			raw := rawDB(t, tm)

			// A done flag set behind the log's back.
			mustExec(t, raw, `UPDATE assignments SET done = TRUE, done_by = 'mallory' WHERE task_id = (SELECT id FROM tasks WHERE number = 5)`)
			_, errs, code := tm.run("", "audit", "--verify")
			if code != 1 || !strings.Contains(errs, "audit log and database DIFFER") || !strings.Contains(errs, "task 5 of 淮公通〔2019〕395号") ||
				!strings.Contains(errs, "the database says done, the log says open") {
				t.Fatalf("audit --verify after a hand-set done: exit %d, stderr %q; want 1 naming task 5", code, errs)
			}
			mustExec(t, raw, `UPDATE assignments SET done = FALSE, done_by = '' WHERE task_id = (SELECT id FROM tasks WHERE number = 5)`)
			tm.mustRun("audit", "--verify")

			// The head, as the weekly 通报 publishes it.
			out := tm.mustRun("audit", "--head")
			m := headLine.FindStringSubmatch(out)
			if m == nil {
				t.Fatalf("audit --head printed %q, want SEQ:HASH", out)
			}
			published := strings.TrimSpace(out)
			if out := tm.mustRun("audit", "--verify", "--head", published); !strings.Contains(out, "published head "+published+" is in the chain") {
				t.Errorf("audit --verify --head: %q", out)
			}
			tm.chat("--as", "U_ADMIN", "bind 法制支队 CFZ")
			if out := tm.mustRun("audit", "--verify", "--head="+published); !strings.Contains(out, "is in the chain") {
				t.Errorf("a later change lost the published head: %q", out)
			}

			// The insider undoes "done 3" and the bind with their entries: the
			// state is open again, the chain ends before them and holds.
			var last string
			if err := raw.QueryRow(`SELECT hash FROM audit_log WHERE seq = (SELECT MIN(seq) FROM audit_log WHERE action = 'task.done') - 1`).Scan(&last); err != nil {
				t.Fatal(err)
			}
			mustExec(t, raw,
				`UPDATE assignments SET done = FALSE, done_at = NULL, done_by = ''`,
				`UPDATE units SET channel = ''`,
				`DELETE FROM audit_log WHERE seq >= (SELECT MIN(seq) FROM audit_log WHERE action = 'task.done')`,
			)
			if _, err := raw.Exec(`UPDATE audit_head SET seq = (SELECT MAX(seq) FROM audit_log), hash = $1 WHERE id = 1`, last); err != nil {
				t.Fatal(err)
			}
			tm.mustRun("audit", "--verify") // the log alone cannot tell
			_, errs, code = tm.run("", "audit", "--verify", "--head", published)
			if code != 1 || !strings.Contains(errs, "audit chain REWRITTEN") || !strings.Contains(errs, "entry "+m[1]+" does not exist") {
				t.Fatalf("audit --verify --head after the rewrite: exit %d, stderr %q; want 1 naming entry %s", code, errs, m[1])
			}
		})
	}
}

func TestMain_AuditHeadFlags(t *testing.T) {
	tm := newTestMain(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"audit", "--head", "1:abc"}, "--verify"},
		{[]string{"audit", "--verify", "--head", "1:abc"}, "64 hex digits"},
		{[]string{"audit", "--head=12"}, "SEQ:HASH"},
		{[]string{"audit", "stray"}, "unexpected argument"},
	}
	for _, tt := range tests {
		_, errs, code := tm.run("", tt.args...)
		if code != 2 || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 saying %q", tt.args, code, errs, tt.want)
		}
	}
	out := tm.mustRun("audit", "--head", "--json")
	if !regexp.MustCompile(`^\{"seq":1,"hash":"[0-9a-f]{64}"\}\n$`).MatchString(out) {
		t.Errorf("audit --head --json = %q", out)
	}
}
