package store

import (
	"sync"
	"testing"
	"time"

	"dutybot/knowledge"
)

func TestDB_LastRun(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		const job = "dutybot-reminders"
		if at, err := db.LastRun(ctx, job); err != nil || !at.IsZero() {
			t.Fatalf("LastRun of a new database = %v, %v; want zero (never ran)", at, err)
		}
		t0 := testStart
		steps := []struct {
			mark, want time.Time
		}{
			{t0, t0},
			{t0.Add(-time.Hour), t0}, // an earlier clock does not move it back
			{t0.Add(90 * time.Second), t0.Add(90 * time.Second)},
		}
		for _, s := range steps {
			if err := db.MarkRun(ctx, job, s.mark); err != nil {
				t.Fatal(err)
			}
			if got, err := db.LastRun(ctx, job); err != nil || !got.Equal(s.want) {
				t.Errorf("after MarkRun(%s): LastRun = %v, %v; want %s", s.mark, got, err, s.want)
			}
		}
		if got, _ := db.LastRun(ctx, "another-job"); !got.IsZero() {
			t.Errorf("another job's last run = %v, want zero", got)
		}
		t.Run("replicas racing", func(t *testing.T) {
			var wg sync.WaitGroup
			latest := t0.Add(time.Hour)
			for i := range 8 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if err := db.MarkRun(ctx, job, t0.Add(time.Duration(i+53)*time.Minute)); err != nil {
						t.Error(err)
					}
				}()
			}
			wg.Wait()
			if got, _ := db.LastRun(ctx, job); !got.Equal(latest) {
				t.Errorf("after 8 racing runs LastRun = %s, want the latest %s", got, latest)
			}
		})
		t.Run("bad input", func(t *testing.T) {
			if _, err := db.LastRun(ctx, ""); err == nil {
				t.Error("LastRun of an empty job name accepted")
			}
			if err := db.MarkRun(ctx, "", t0); err == nil {
				t.Error("MarkRun of an empty job name accepted")
			}
			if err := db.MarkRun(ctx, job, time.Time{}); err == nil {
				t.Error("MarkRun at the zero time accepted")
			}
		})
	})
}

// TestMigrationSchedulerRuns_upgrade: a database that delivered reminders before the
// scheduler kept its last run is not taken for a new one, and replaying the
// migration changes nothing.
func TestMigrationSchedulerRuns_upgrade(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		latest := testStart.Add(49 * time.Hour)
		if _, err := db.Record(ctx, []knowledge.Reminder{reminderAt(1, testStart), reminderAt(2, latest)}); err != nil {
			t.Fatal(err)
		}
		// Back to the schema before the scheduler-runs migration (version 6) and the later ones, which run again.
		for _, q := range []string{`DELETE FROM schema_versions WHERE version >= 6`, `DROP TABLE scheduler_runs`} {
			if err := db.w.Exec(q).Error; err != nil {
				t.Fatal(err)
			}
		}
		db.Close()
		db = MustOpenDB(t, dsn)
		if got, err := db.LastRun(ctx, reminderJob); err != nil || !got.Equal(latest) {
			t.Fatalf("after upgrading: LastRun = %v, %v; want the latest reminder's time %s", got, err, latest)
		}
		// Replayed (a replica that read version 5 before the other wrote 6).
		later := latest.Add(time.Hour)
		if err := db.MarkRun(ctx, reminderJob, later); err != nil {
			t.Fatal(err)
		}
		if err := db.w.Exec(`DELETE FROM schema_versions WHERE version >= 6`).Error; err != nil {
			t.Fatal(err)
		}
		db.Close()
		db = MustOpenDB(t, dsn)
		if got, err := db.LastRun(ctx, reminderJob); err != nil || !got.Equal(later) {
			t.Errorf("after replaying migration 6: LastRun = %v, %v; want %s kept", got, err, later)
		}
	})
}

func TestDB_ReleaseClaims(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		t0 := testStart
		if _, err := db.Record(ctx, []knowledge.Reminder{reminderAt(1, t0), reminderAt(2, t0), reminderAt(3, t0)}); err != nil {
			t.Fatal(err)
		}
		got, err := db.Claim(ctx, "a", t0, 5*time.Minute, 10)
		if err != nil || len(got) != 3 {
			t.Fatalf("Claim = %v, %v", got, err)
		}
		if err := db.MarkSent(ctx, got[0].ID, t0, "C1", "1.1"); err != nil {
			t.Fatal(err)
		}
		ids := []int64{got[0].ID, got[1].ID, got[2].ID}
		// Only the owner gives a claim back.
		if err := db.ReleaseClaims(ctx, "b", ids); err != nil {
			t.Fatal(err)
		}
		if again, _ := db.Claim(ctx, "b", t0.Add(time.Minute), 5*time.Minute, 10); len(again) != 0 {
			t.Fatalf("b took %d reminders a still holds", len(again))
		}
		if err := db.ReleaseClaims(ctx, "a", ids); err != nil {
			t.Fatal(err)
		}
		again, err := db.Claim(ctx, "b", t0.Add(time.Minute), 5*time.Minute, 10)
		if err != nil || len(again) != 2 {
			t.Fatalf("after a released its claims, b claimed %v, %v; want the 2 unsent at once", again, err)
		}
		for _, lr := range again {
			if lr.ID == got[0].ID || lr.Attempts != 0 {
				t.Errorf("claimed again %+v: a release is not an attempt, and a sent reminder stays sent", lr)
			}
		}
		sent, _ := db.Reminders(ctx, knowledge.DeliverySent)
		if len(sent) != 1 {
			t.Errorf("%d sent after the release, want 1", len(sent))
		}
		if err := db.ReleaseClaims(ctx, "", ids); err == nil {
			t.Error("a release with no owner accepted")
		}
		if err := db.ReleaseClaims(ctx, "a", nil); err != nil {
			t.Errorf("releasing nothing: %v", err)
		}
	})
}
