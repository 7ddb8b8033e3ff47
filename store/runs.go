package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// This file keeps when each scheduled job last ran (migration 4), so that
// the reminder scheduler catches up on the time it was down and no more,
// and knows its very first run from a restart.

// runsTimeType is the column type of a time in the engine behind tx.
func runsTimeType(tx *gorm.DB) string {
	if tx.Dialector.Name() == "postgres" {
		return "timestamptz"
	}
	return "datetime"
}

// createSchedulerRuns is migration 4: the table of jobs' last runs, made
// with explicit statements (IF NOT EXISTS, ON CONFLICT DO NOTHING) so that
// replaying it is harmless. A database that has delivered reminders before
// this version has run: its last run is taken to be its latest recorded
// reminder, so an upgrade is not mistaken for a first start.
func createSchedulerRuns(tx *gorm.DB) error {
	stmt := `CREATE TABLE IF NOT EXISTS scheduler_runs (job VARCHAR(200) PRIMARY KEY, last_run ` + runsTimeType(tx) + ` NOT NULL)`
	if err := tx.Exec(stmt).Error; err != nil {
		return fmt.Errorf("create scheduler_runs: %w", err)
	}
	var latest []time.Time
	if err := tx.Raw(`SELECT at FROM reminders ORDER BY at DESC LIMIT 1`).Scan(&latest).Error; err != nil {
		return fmt.Errorf("read the latest recorded reminder: %w", err)
	}
	if len(latest) == 0 {
		return nil
	}
	err := tx.Exec(`INSERT INTO scheduler_runs (job, last_run) VALUES (?, ?) ON CONFLICT (job) DO NOTHING`,
		reminderJob, utc(latest[0])).Error
	if err != nil {
		return fmt.Errorf("record the last run of %s: %w", reminderJob, err)
	}
	return nil
}

// reminderJob is the reminder scheduler's job name (reminders.JobName),
// under which migration 4 records the last run of a database upgraded to it.
const reminderJob = "dutybot-reminders"

// LastRun returns when job last ran (MarkRun), or the zero time if it never has.
func (db *DB) LastRun(ctx context.Context, job string) (time.Time, error) {
	if job == "" {
		return time.Time{}, errors.New("last run: empty job name")
	}
	var at sql.NullTime
	err := db.r.WithContext(ctx).Raw(`SELECT last_run FROM scheduler_runs WHERE job = ?`, job).Row().Scan(&at)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return time.Time{}, nil
	case err != nil:
		return time.Time{}, fmt.Errorf("read last run of %s: %w", job, err)
	}
	return at.Time.UTC(), nil
}

// MarkRun records that job ran at at. The time only moves forward: a run
// with an earlier clock (another replica, a `remind send --now` in the past)
// leaves a later one in place, and of two replicas racing the later wins.
func (db *DB) MarkRun(ctx context.Context, job string, at time.Time) error {
	if job == "" || at.IsZero() {
		return fmt.Errorf("mark run: need a job name and a time (got %q, %v)", job, at)
	}
	err := db.w.WithContext(ctx).Exec(
		`INSERT INTO scheduler_runs (job, last_run) VALUES (?, ?)
		 ON CONFLICT (job) DO UPDATE SET last_run = excluded.last_run
		 WHERE scheduler_runs.last_run < excluded.last_run`, job, utc(at)).Error
	if err != nil {
		return fmt.Errorf("mark run of %s at %s: %w", job, at, err)
	}
	return nil
}
