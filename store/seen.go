package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// createSeenEvents is migration 3: the table of seen event IDs, made with
// explicit statements (not from a row struct) so that replaying it never
// depends on live Go types, and IF NOT EXISTS so that replaying is harmless.
func createSeenEvents(tx *gorm.DB) error {
	timeType := "datetime"
	if tx.Dialector.Name() == "postgres" {
		timeType = "timestamptz"
	}
	for _, stmt := range []string{
		`CREATE TABLE IF NOT EXISTS seen_events (id VARCHAR(200) PRIMARY KEY, seen_at ` + timeType + ` NOT NULL)`,
		// The sweep of old entries deletes by age: keep it an index range.
		`CREATE INDEX IF NOT EXISTS idx_seen_events_seen_at ON seen_events (seen_at)`,
	} {
		if err := tx.Exec(stmt).Error; err != nil {
			return fmt.Errorf("create seen_events: %w", err)
		}
	}
	return nil
}

// FirstSeen records key (a Slack event ID) as seen at now and reports
// whether this call was the first to record it, across every replica that
// shares the database: the INSERT ... ON CONFLICT DO NOTHING is the check
// and the record in one statement, so of concurrent callers exactly one
// gets true. Entries older than ttl are deleted first, which both bounds
// the table and lets a key be new again once its ttl has passed.
func (db *DB) FirstSeen(ctx context.Context, key string, now time.Time, ttl time.Duration) (bool, error) {
	if key == "" || len(key) > 200 || ttl <= 0 {
		return false, fmt.Errorf("first seen: need a key of 1 to 200 bytes and a positive ttl (got %d bytes, %v)", len(key), ttl)
	}
	now = utc(now)
	w := db.w.WithContext(ctx)
	// Cheap: an index range that is nearly always empty or one row long.
	if err := w.Exec(`DELETE FROM seen_events WHERE seen_at <= ?`, utc(now.Add(-ttl))).Error; err != nil {
		return false, fmt.Errorf("forget events seen before %s: %w", now.Add(-ttl), err)
	}
	res := w.Exec(`INSERT INTO seen_events (id, seen_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING`, key, now)
	if res.Error != nil {
		return false, fmt.Errorf("record event %s as seen: %w", key, res.Error)
	}
	return res.RowsAffected == 1, nil
}
