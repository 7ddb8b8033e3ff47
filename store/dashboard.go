package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"dutybot/knowledge"
)

// ActionCalendarRotate is the audit action of rotating a unit's calendar
// feed: before and after hold the feed's generations (never a token).
const ActionCalendarRotate = "calendar.rotate"

// dashboardKeyRow holds the dashboard's signing key when $DUTYBOT_SECRET
// does not give one: made once, by whichever replica asks first, and kept,
// so that links stay valid across restarts and replicas.
type dashboardKeyRow struct {
	ID        int64     `gorm:"primaryKey;autoIncrement:false"`
	Key       []byte    `gorm:"not null"`
	CreatedAt time.Time `gorm:"not null"`
}

// TableName names the table.
func (dashboardKeyRow) TableName() string { return "dashboard_keys" }

// calendarFeedRow is a unit's calendar feed's generation: its token is
// signed over the generation, so raising it (a rotation) voids the old
// address. A unit without a row is at generation 0.
type calendarFeedRow struct {
	Unit       string    `gorm:"primaryKey;size:200"`
	Generation int64     `gorm:"not null"`
	RotatedAt  time.Time `gorm:"not null"`
	RotatedBy  string    `gorm:"size:200;not null"`
}

// TableName names the table.
func (calendarFeedRow) TableName() string { return "calendar_feeds" }

// createDashboard is migration 9: the dashboard's key and the calendar
// feeds' generations, in explicit statements that are harmless to run again.
func createDashboard(tx *gorm.DB) error {
	timeType, blob := "datetime", "BLOB"
	if tx.Dialector.Name() == "postgres" {
		timeType, blob = "timestamptz", "BYTEA"
	}
	for _, stmt := range []string{
		`CREATE TABLE IF NOT EXISTS dashboard_keys (
			id BIGINT PRIMARY KEY,
			key ` + blob + ` NOT NULL,
			created_at ` + timeType + ` NOT NULL)`,
		`CREATE TABLE IF NOT EXISTS calendar_feeds (
			unit VARCHAR(200) PRIMARY KEY,
			generation BIGINT NOT NULL,
			rotated_at ` + timeType + ` NOT NULL,
			rotated_by VARCHAR(200) NOT NULL)`,
	} {
		if err := tx.Exec(stmt).Error; err != nil {
			return fmt.Errorf("create dashboard tables: %w", err)
		}
	}
	return nil
}

// DashboardKey returns the dashboard's signing key, storing the one make
// returns when there is none yet. Replicas asking at once all get the key
// that was stored first: the insert does nothing when a row is there.
// The key is a secret, not a state of the table, so it is not audited.
func (db *DB) DashboardKey(ctx context.Context, make func() ([]byte, error)) ([]byte, error) {
	var row dashboardKeyRow
	err := db.r.WithContext(ctx).First(&row, 1).Error
	if err == nil {
		return row.Key, nil
	}
	if !errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("read dashboard key: %w", err)
	}
	key, err := make()
	if err != nil {
		return nil, fmt.Errorf("make dashboard key: %w", err)
	}
	err = db.w.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).
		Create(&dashboardKeyRow{ID: 1, Key: key, CreatedAt: db.now()}).Error
	if err != nil {
		return nil, fmt.Errorf("store dashboard key: %w", err)
	}
	if err := db.w.WithContext(ctx).First(&row, 1).Error; err != nil {
		return nil, fmt.Errorf("read dashboard key: %w", err)
	}
	return row.Key, nil
}

// CalendarGenerations returns every unit's calendar feed generation that is
// not 0, by canonical unit name.
func (db *DB) CalendarGenerations(ctx context.Context) (map[string]int64, error) {
	var rows []calendarFeedRow
	if err := db.r.WithContext(ctx).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read calendar feeds: %w", err)
	}
	out := make(map[string]int64, len(rows))
	for _, r := range rows {
		out[r.Unit] = r.Generation
	}
	return out, nil
}

// RotateCalendar raises unit's (canonical name or alias) calendar feed
// generation, voiding its old address, audited as calendar.rotate in the
// same transaction, and returns the new generation.
func (db *DB) RotateCalendar(ctx context.Context, unit string, by knowledge.Actor) (int64, error) {
	var gen int64
	err := db.audited(ctx, by, func(tx *gorm.DB, c *chain) error {
		_, canon, _, err := loadUnit(tx, unit)
		if err != nil {
			return err
		}
		var row calendarFeedRow
		err = tx.Where("unit = ?", canon).First(&row).Error
		switch {
		case errors.Is(err, gorm.ErrRecordNotFound):
			row = calendarFeedRow{Unit: canon}
		case err != nil:
			return fmt.Errorf("read calendar feed: %w", err)
		}
		before := row.Generation
		row.Generation, row.RotatedAt, row.RotatedBy = before+1, c.now, by.User
		if err := tx.Save(&row).Error; err != nil {
			return fmt.Errorf("save calendar feed: %w", err)
		}
		gen = row.Generation
		c.add(change{Action: ActionCalendarRotate, Unit: canon,
			Before: strconv.FormatInt(before, 10), After: strconv.FormatInt(gen, 10)})
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("rotate the calendar feed of %q: %w", unit, err)
	}
	return gen, nil
}

// TaskParts is Parts of some tasks of a notice only: the dashboard reads
// again the tasks that the audit entries since its last read name, not the
// whole notice (30 ms, not 120 ms, after a change on a 10,000-task notice).
func (db *DB) TaskParts(ctx context.Context, notice string, tasks []int) ([]knowledge.Part, error) {
	if tasks == nil {
		tasks = []int{}
	}
	return db.parts(ctx, notice, tasks)
}

// AuditAfter returns the audit entries after sequence number seq, oldest
// first, at most limit of them.
func (db *DB) AuditAfter(ctx context.Context, seq int64, limit int) ([]knowledge.AuditEntry, error) {
	var rows []auditRow
	if err := db.r.WithContext(ctx).Where("seq > ?", seq).Order("seq").Limit(limit).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read audit log after %d: %w", seq, err)
	}
	out := make([]knowledge.AuditEntry, len(rows))
	for i, r := range rows {
		out[i] = auditEntry(r)
	}
	return out, nil
}
