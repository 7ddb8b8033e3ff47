package store

import (
	"strings"
	"sync"
	"testing"

	"dutybot/knowledge"
)

// oldDatabase makes dsn look like a database written by the release before
// migration 4: the audit log without channel, team and role, and a state
// that that release reached without entries of its own (a channel and a
// member's part from a notice, as migration 2 and imports set them).
func oldDatabase(t *testing.T, dsn string) {
	t.Helper()
	db := MustOpenDB(t, dsn)
	mustImport(t, db, fixtureNotice())
	for _, q := range []string{
		`UPDATE units SET channel = 'CFZ' WHERE name = '法制支队'`,
		`UPDATE assignments SET done = TRUE WHERE unit_id = (SELECT id FROM units WHERE name = '人事处')
		 AND task_id = (SELECT id FROM tasks WHERE number = 3)`,
		`ALTER TABLE audit_log DROP COLUMN channel`,
		`ALTER TABLE audit_log DROP COLUMN team`,
		`ALTER TABLE audit_log DROP COLUMN role`,
		`DELETE FROM schema_versions WHERE version >= 4`,
	} {
		if err := db.w.Exec(q).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
}

// TestOpen_upgrade: replicas of the new release start together on an old
// database. The audit columns are added once, the baseline entries are
// written once, and from then on verify holds the state to the log.
func TestOpen_upgrade(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		oldDatabase(t, dsn)
		openTogether(t, dsn, 3)
		db := MustOpenDB(t, dsn)
		mustVerify(t, db)
		audit, err := db.Audit(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var baseline []string
		for _, e := range audit {
			if e.Actor.Via == "migration" {
				baseline = append(baseline, e.Action+" "+e.Unit+" "+e.Role+" "+e.Before+"→"+e.After)
			}
		}
		want := []string{"task.done 人事处 lead open→done", "unit.bind 法制支队  →CFZ"}
		if strings.Join(baseline, "; ") != strings.Join(want, "; ") {
			t.Errorf("baseline entries %q, want %q (once each)", baseline, want)
		}
		// The new columns work: an entry that records where it was asked.
		by := knowledge.Actor{User: "U0ADMIN", Via: "slack", Channel: "C1", Team: "T1"}
		if err := db.BindChannel(ctx, "人事处", "CRS", by); err != nil {
			t.Fatal(err)
		}
		mustVerify(t, db)
	})
}

// TestAddAuditColumns_twice runs migration 4 again on a database that has
// its columns: nothing to do, no error.
func TestAddAuditColumns_twice(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		for range 2 {
			if err := addAuditColumns(db.w); err != nil {
				t.Fatal(err)
			}
		}
		if err := auditBaseline(db.w); err != nil {
			t.Fatal(err)
		}
		if h, _ := db.AuditHead(ctx); h.Seq != 0 {
			t.Errorf("the baseline of a fresh database wrote %d entries", h.Seq)
		}
	})
}

// openTogether opens dsn from n replicas at the same moment, as replicas
// starting together on an old database do, and fails on any error.
func openTogether(t *testing.T, dsn string, n int) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range errs {
		wg.Go(func() {
			db, err := Open(ctx, dsn)
			if err == nil {
				err = db.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("replica %d: %v", i, err)
		}
	}
}
