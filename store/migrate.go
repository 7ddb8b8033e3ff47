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
		return tx.Create(&auditHeadRow{ID: 1}).Error
	}},
	{2, "member parts of group units", func(tx *gorm.DB) error {
		// Version 1 builds from the live structs, so on a fresh database
		// the columns exist already.
		m := tx.Migrator()
		for _, field := range []string{"Sub", "ViaID"} {
			if m.HasColumn(&assignmentRow{}, field) {
				continue
			}
			if err := m.AddColumn(&assignmentRow{}, field); err != nil {
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
	{7, "where audited changes were asked, and the roles they apply to", addAuditColumns},
	{8, "audit baseline of the state as found", auditBaseline},
	{9, "archived notices", createNoticeArchives},
	{10, "dashboard key and calendar feeds", createDashboard},
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
		if tx.Migrator().HasTable(&schemaVersionRow{}) {
			if err := tx.Model(&schemaVersionRow{}).Select("COALESCE(MAX(version), 0)").Scan(&current).Error; err != nil {
				return fmt.Errorf("read schema version: %w", err)
			}
		} else if err := tx.Migrator().CreateTable(&schemaVersionRow{}); err != nil {
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
			if err := tx.Create(&schemaVersionRow{Version: m.version, AppliedAt: db.now()}).Error; err != nil {
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

// auditColumns are the audit_log columns of migration 4.
var auditColumns = []struct{ name, typ string }{
	{"channel", "VARCHAR(100)"}, {"team", "VARCHAR(100)"}, {"role", "VARCHAR(50)"},
}

// addAuditColumns is migration 4, in explicit statements that are harmless
// to run again: on a fresh database version 1 has made the columns already
// (it builds from the live row struct), and a step interrupted half-way is
// finished rather than failed. Two replicas never run it at once: migrate
// holds the advisory lock (PostgreSQL) or the write lock (SQLite).
func addAuditColumns(tx *gorm.DB) error {
	for _, c := range auditColumns {
		def := c.typ + " NOT NULL DEFAULT ''"
		if tx.Dialector.Name() == "postgres" {
			if err := tx.Exec("ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS " + c.name + " " + def).Error; err != nil {
				return fmt.Errorf("add audit_log.%s: %w", c.name, err)
			}
			continue
		}
		var n int64
		if err := tx.Raw("SELECT COUNT(*) FROM pragma_table_info('audit_log') WHERE name = ?", c.name).Scan(&n).Error; err != nil {
			return fmt.Errorf("inspect audit_log: %w", err)
		}
		if n > 0 {
			continue
		}
		if err := tx.Exec("ALTER TABLE audit_log ADD COLUMN " + c.name + " " + def).Error; err != nil {
			return fmt.Errorf("add audit_log.%s: %w", c.name, err)
		}
	}
	return nil
}

// baselineActor writes the entries of migration 5.
var baselineActor = knowledge.Actor{User: "dutybot", Via: "migration"}

// auditBaseline is migration 5. Before it, a few changes of state were made
// without an entry of their own (a notice's channels and members, a member
// joining a finished group, parts lost to a re-import, migration 2), so
// replaying an older log need not give the stored state. This step appends,
// as dutybot via migration, one entry per such difference, so that from the
// upgrade on `audit --verify` holds the state to the log. A fresh database
// gets no entries.
func auditBaseline(tx *gorm.DB) error {
	head, err := lockHead(tx)
	if err != nil {
		return err
	}
	var rows []auditRow
	if err := tx.Order("seq").Find(&rows).Error; err != nil {
		return fmt.Errorf("read audit log: %w", err)
	}
	cur, err := readState(tx)
	if err != nil {
		return err
	}
	rp := newReplay()
	for _, r := range rows {
		rp.apply(r)
	}
	var fixes []change
	for _, d := range rp.differences(cur) {
		if d.fix != nil {
			fixes = append(fixes, *d.fix)
		}
	}
	if len(fixes) == 0 {
		return nil
	}
	return head.append(tx, baselineActor, utc(tx.Config.NowFunc()), fixes)
}
