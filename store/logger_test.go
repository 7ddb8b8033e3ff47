package store

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"dutybot/knowledge"
)

// failUpdates makes every UPDATE of assignments fail, as a read-only
// database file or a full disk would.
func failUpdates(t *testing.T, db *DB) {
	t.Helper()
	stmts := []string{`CREATE TRIGGER no_updates BEFORE UPDATE ON assignments BEGIN SELECT RAISE(ABORT, 'writes refused'); END`}
	if db.Engine() == Postgres {
		stmts = []string{
			`CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'writes refused'; END $$ LANGUAGE plpgsql`,
			`CREATE TRIGGER no_updates BEFORE UPDATE ON assignments FOR EACH ROW EXECUTE FUNCTION refuse()`,
		}
	}
	for _, q := range stmts {
		if err := db.w.Exec(q).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestDB_failedWriteLogs checks that a failed write logs what failed, never
// the values it carried, and returns an error that says what was asked.
func TestDB_failedWriteLogs(t *testing.T) {
	for _, level := range []slog.Level{slog.LevelInfo, slog.LevelDebug} {
		t.Run(level.String(), func(t *testing.T) {
			forEachEngine(t, func(t *testing.T, dsn string) {
				var buf bytes.Buffer
				db := MustOpenDB(t, dsn, WithLogger(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: level}))))
				n := fixtureNotice()
				mustImport(t, db, n)
				failUpdates(t, db)
				buf.Reset()
				secret := knowledge.Actor{User: "U0SECRETUSER", Via: "slack"}
				err := db.SetDone(ctx, knowledge.TaskRef{Notice: n.Number, Number: 1}, "法制支队", true, secret)
				if err == nil {
					t.Fatal("SetDone succeeded on a database refusing updates")
				}
				if !strings.Contains(err.Error(), "set task 1 of "+n.Number) || !strings.Contains(err.Error(), "writes refused") {
					t.Errorf("error %q lacks its context or cause", err)
				}
				logs := buf.String()
				if !strings.Contains(logs, "level=ERROR") || !strings.Contains(logs, `statement="UPDATE assignments"`) {
					t.Errorf("no error logged for the failed UPDATE:\n%s", logs)
				}
				if strings.Contains(logs, "U0SECRETUSER") {
					t.Errorf("a bound value reached the log:\n%s", logs)
				}
				for _, line := range strings.Split(logs, "\n") {
					if strings.Contains(line, "level=ERROR") && strings.Contains(line, " SET ") {
						t.Errorf("statement text logged at error level: %s", line)
					}
				}
				if level == slog.LevelDebug && !strings.Contains(logs, "UPDATE") {
					t.Errorf("debug log lacks the statement:\n%s", logs)
				}
				if got := taskStatus(t, db, n.Number, 1); got != knowledge.StatusOpen {
					t.Errorf("status after the failed write = %s, want open", got)
				}
			})
		})
	}
}

func TestStatementOf(t *testing.T) {
	tests := []struct{ sql, want string }{
		{`UPDATE "assignments" SET "done"=$1 WHERE id IN ($2)`, "UPDATE assignments"},
		{"SELECT t.number FROM `tasks` t WHERE x = ?", "SELECT tasks"},
		{`INSERT INTO "audit_log" ("seq") VALUES ($1)`, "INSERT audit_log"},
		{`delete from units where id = ?`, "DELETE units"},
		{`PRAGMA query_only`, "PRAGMA"},
		{``, ""},
	}
	for _, tt := range tests {
		if got := statementOf(tt.sql); got != tt.want {
			t.Errorf("statementOf(%q) = %q, want %q", tt.sql, got, tt.want)
		}
	}
}
