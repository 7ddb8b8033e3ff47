package store

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dutybot/knowledge"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// TestAuditHash_golden pins the canonical encoding: a change to it would
// make every stored chain fail verification.
func TestAuditHash_golden(t *testing.T) {
	r := auditRow{
		Seq: 7, At: time.Date(2019, 9, 2, 1, 2, 3, 456789000, time.UTC), User: "U123", Via: "slack",
		Action: ActionDone, Notice: "淮公通〔2019〕395号", Task: 17, Unit: "法制支队",
		Before: "open", After: "done", Prev: strings.Repeat("ab", 32),
	}
	got := auditHash(r) + "\n"
	path := filepath.Join("testdata", "audit_hash.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("auditHash = %s, golden %s", got, want)
	}
	r.After = "open"
	if auditHash(r)+"\n" == got {
		t.Error("changing a field did not change the hash")
	}
}

func TestDB_VerifyAudit(t *testing.T) {
	// Each tamper works on a chain of 5 entries (an import and four SetDone)
	// by raw SQL, the way someone with database access would.
	forge := func(db *DB, seq int64, prev string) auditRow {
		r := auditRow{Seq: seq, At: db.now(), User: "mallory", Via: "cli", Action: ActionDone,
			Notice: fixtureNotice().Number, Task: 3, Unit: "人事处", Before: "open", After: "done", Prev: prev}
		r.Hash = auditHash(r)
		return r
	}
	insert := func(db *DB, r auditRow) error {
		return db.w.Exec(`INSERT INTO audit_log (seq, at, actor_user, actor_via, action, notice, task, unit, before, after, prev, hash)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.Seq, r.At, r.User, r.Via, r.Action, r.Notice, r.Task, r.Unit, r.Before, r.After, r.Prev, r.Hash).Error
	}
	tests := []struct {
		name    string
		tamper  func(db *DB, chain []knowledge.AuditEntry) error
		wantSeq int64
	}{
		{"intact", func(*DB, []knowledge.AuditEntry) error { return nil }, 0},
		{"edit after", func(db *DB, _ []knowledge.AuditEntry) error {
			return db.w.Exec(`UPDATE audit_log SET after = 'open' WHERE seq = 3`).Error
		}, 3},
		{"edit actor", func(db *DB, _ []knowledge.AuditEntry) error {
			return db.w.Exec(`UPDATE audit_log SET actor_user = 'mallory' WHERE seq = 2`).Error
		}, 2},
		{"edit with rehash", func(db *DB, c []knowledge.AuditEntry) error {
			// The forger recomputes the entry's own hash; the next entry's prev gives it away.
			r := forge(db, 2, c[0].Hash)
			return db.w.Exec(`UPDATE audit_log SET actor_user = ?, at = ?, action = ?, notice = ?, task = ?, unit = ?, role = ?, before = ?, after = ?, hash = ? WHERE seq = 2`,
				r.User, r.At, r.Action, r.Notice, r.Task, r.Unit, r.Role, r.Before, r.After, r.Hash).Error
		}, 3},
		{"delete middle", func(db *DB, _ []knowledge.AuditEntry) error {
			return db.w.Exec(`DELETE FROM audit_log WHERE seq = 2`).Error
		}, 2},
		{"delete last", func(db *DB, _ []knowledge.AuditEntry) error {
			return db.w.Exec(`DELETE FROM audit_log WHERE seq = 5`).Error
		}, 5},
		{"insert middle", func(db *DB, c []knowledge.AuditEntry) error {
			if err := db.w.Exec(`UPDATE audit_log SET seq = seq + 100 WHERE seq >= 3`).Error; err != nil {
				return err
			}
			if err := db.w.Exec(`UPDATE audit_log SET seq = seq - 99 WHERE seq >= 100`).Error; err != nil {
				return err
			}
			return insert(db, forge(db, 3, c[1].Hash))
		}, 4},
		{"append", func(db *DB, c []knowledge.AuditEntry) error {
			return insert(db, forge(db, 6, c[4].Hash))
		}, 6},
		{"reorder", func(db *DB, _ []knowledge.AuditEntry) error {
			for _, q := range []string{
				`UPDATE audit_log SET seq = -2 WHERE seq = 2`,
				`UPDATE audit_log SET seq = 2 WHERE seq = 3`,
				`UPDATE audit_log SET seq = 3 WHERE seq = -2`,
			} {
				if err := db.w.Exec(q).Error; err != nil {
					return err
				}
			}
			return nil
		}, 2},
	}
	for _, e := range []Engine{SQLite, Postgres} {
		t.Run(string(e), func(t *testing.T) {
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					db := MustOpenDB(t, freshDSN(t, e))
					n := fixtureNotice()
					mustImport(t, db, n) // the import and the notice's members of 各分县局
					if err := db.SetDone(ctx, knowledge.TaskRef{Notice: n.Number, Number: 3}, "", true, admin); err != nil {
						t.Fatal(err)
					}
					if err := db.BindChannel(ctx, "人事处", "CRS", admin); err != nil {
						t.Fatal(err)
					}
					if err := db.SetDone(ctx, knowledge.TaskRef{Notice: n.Number, Number: 2}, "人事处", true, admin); err != nil {
						t.Fatal(err)
					}
					chain, _ := db.Audit(ctx)
					if len(chain) != 5 {
						t.Fatalf("%d entries, want 5", len(chain))
					}
					mustVerify(t, db)
					if err := tt.tamper(db, chain); err != nil {
						t.Fatalf("tamper: %v", err)
					}
					seq, err := db.VerifyAudit(ctx)
					if seq != tt.wantSeq {
						t.Fatalf("VerifyAudit = %d, %v; want seq %d", seq, err, tt.wantSeq)
					}
					if (tt.wantSeq == 0) != (err == nil) || (err != nil && !errors.Is(err, ErrAuditBroken)) {
						t.Fatalf("VerifyAudit error = %v", err)
					}
				})
			}
		})
	}
}
