package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"dutybot/knowledge"
)

// migration is one step of the schema. Steps are append-only: a released
// step is never edited, a change is a new step.
type migration struct {
	version int
	name    string
	up      func(tx *gorm.DB) error
}

// migrations are the schema's history, in order. Version 1 creates the
// tables from the row structs as they were first released; later versions
// must use explicit statements so that replaying version 1 stays the same.
var migrations = []migration{
	{1, "initial schema", func(tx *gorm.DB) error {
		if err := tx.Migrator().AutoMigrate(allRows()...); err != nil {
			return err
		}
		return tx.Create(&AuditHeadRow{ID: 1}).Error
	}},
	{2, "member parts of group units", func(tx *gorm.DB) error {
		// Version 1 builds from the live structs, so on a fresh database
		// the columns exist already.
		m := tx.Migrator()
		for _, field := range []string{"Sub", "ViaID"} {
			if m.HasColumn(&AssignmentRow{}, field) {
				continue
			}
			if err := m.AddColumn(&AssignmentRow{}, field); err != nil {
				return fmt.Errorf("add assignments.%s: %w", field, err)
			}
		}
		// Groups given members before this version get their members'
		// parts now, each as done as the group's part is.
		return syncAllMemberParts(tx, nil, "")
	}},
	{3, "seen Slack event IDs", createSeenEvents},
	{4, "seen Slack request signatures", createSeenSignatures},
	{5, "supervision loop: liaisons, part states, reports, reviews", createSupervision},
	{6, "scheduler runs", createSchedulerRuns},
}

// SchemaVersion is the newest schema this binary knows.
func SchemaVersion() int { return migrations[len(migrations)-1].version }

// migrationLockKey is the PostgreSQL advisory lock key that serialises
// replicas migrating at the same time ("dutybot" in ASCII).
const migrationLockKey = 0x6475747962_6f74

// migrate brings the schema up to date in one transaction: on SQLite an
// immediate transaction (the write lock), on PostgreSQL under an advisory
// transaction lock, so that two replicas starting at once migrate once. It
// reads the version before it writes anything, so a schema newer than the
// binary is refused with the database untouched.
func (db *DB) migrate(ctx context.Context) error {
	applied := 0
	err := db.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if db.engine == Postgres {
			if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", int64(migrationLockKey)).Error; err != nil {
				return fmt.Errorf("lock for migration: %w", err)
			}
		}
		current := 0
		if tx.Migrator().HasTable(&SchemaVersionRow{}) {
			if err := tx.Model(&SchemaVersionRow{}).Select("COALESCE(MAX(version), 0)").Scan(&current).Error; err != nil {
				return fmt.Errorf("read schema version: %w", err)
			}
		} else if err := tx.Migrator().CreateTable(&SchemaVersionRow{}); err != nil {
			return fmt.Errorf("create schema_versions: %w", err)
		}
		if current > SchemaVersion() {
			return fmt.Errorf("schema version %d, this binary knows up to %d: %w", current, SchemaVersion(), knowledge.ErrSchemaTooNew)
		}
		for _, m := range migrations {
			if m.version <= current {
				continue
			}
			if err := m.up(tx); err != nil {
				return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
			}
			if err := tx.Create(&SchemaVersionRow{Version: m.version, AppliedAt: db.now()}).Error; err != nil {
				return fmt.Errorf("record migration %d: %w", m.version, err)
			}
			applied++
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("migrate %s database: %w", db.engine, err)
	}
	if applied > 0 {
		db.logger.Info("database migrated", "engine", db.engine, "applied", applied, "version", SchemaVersion())
	}
	return nil
}
