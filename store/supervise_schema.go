package store

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// liaisonRow names a liaison officer (联络员) of a unit: a chat user who may
// act for it in the supervision loop.
type liaisonRow struct {
	UnitID  int64     `gorm:"primaryKey;autoIncrement:false"`
	UserID  string    `gorm:"column:user_id;primaryKey;size:200"`
	AddedAt time.Time `gorm:"not null"`
	AddedBy string    `gorm:"size:200;not null"`
}

// TableName names the table.
func (liaisonRow) TableName() string { return "liaisons" }

// partStateRow is a unit's place in the supervision loop for one task of a
// notice. It is keyed by the task's number, not its row, because importing a
// notice again replaces its task and assignment rows and the loop must
// survive that. Done is not kept here: the assignment rows hold it.
type partStateRow struct {
	NoticeID  int64  `gorm:"primaryKey;autoIncrement:false"`
	Task      int    `gorm:"primaryKey;autoIncrement:false"`
	UnitID    int64  `gorm:"primaryKey;autoIncrement:false"`
	State     string `gorm:"size:20;not null"` // open, signed or in_review
	SignedAt  *time.Time
	SignedBy  string `gorm:"size:200;not null"`
	ClaimedAt *time.Time
	ClaimedBy string `gorm:"size:200;not null"`
	ClaimNote string `gorm:"type:text;not null"`
}

// TableName names the table.
func (partStateRow) TableName() string { return "part_states" }

// reportRow is one progress report or problem, kept for good.
type reportRow struct {
	ID       int64     `gorm:"primaryKey"`
	NoticeID int64     `gorm:"not null"`
	Task     int       `gorm:"not null"`
	UnitID   int64     `gorm:"not null"`
	At       time.Time `gorm:"not null"`
	UserID   string    `gorm:"column:user_id;size:200;not null"`
	Text     string    `gorm:"type:text;not null"`
	Problem  bool      `gorm:"not null"`
}

// TableName names the table.
func (reportRow) TableName() string { return "part_reports" }

// reviewRow is one decision on a part in review.
type reviewRow struct {
	ID       int64     `gorm:"primaryKey"`
	NoticeID int64     `gorm:"not null"`
	Task     int       `gorm:"not null"`
	UnitID   int64     `gorm:"not null"`
	At       time.Time `gorm:"not null"`
	UserID   string    `gorm:"column:user_id;size:200;not null"`
	Approved bool      `gorm:"not null"`
	Reason   string    `gorm:"type:text;not null"`
}

// TableName names the table.
func (reviewRow) TableName() string { return "part_reviews" }

// createSupervision is migration 4: the tables of the supervision loop, made
// with explicit statements (not from the row structs, so that replaying it
// never depends on live Go types) and IF NOT EXISTS, so that a replay is
// harmless. Existing parts need no rows: a part without one is open.
func createSupervision(tx *gorm.DB) error {
	timeType, serial := "datetime", "INTEGER PRIMARY KEY AUTOINCREMENT"
	if tx.Dialector.Name() == "postgres" {
		timeType, serial = "timestamptz", "BIGSERIAL PRIMARY KEY"
	}
	part := `notice_id BIGINT NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
		task BIGINT NOT NULL,
		unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE CASCADE`
	for _, stmt := range []string{
		`CREATE TABLE IF NOT EXISTS liaisons (
			unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE CASCADE,
			user_id VARCHAR(200) NOT NULL,
			added_at ` + timeType + ` NOT NULL,
			added_by VARCHAR(200) NOT NULL,
			PRIMARY KEY (unit_id, user_id))`,
		`CREATE INDEX IF NOT EXISTS idx_liaisons_user ON liaisons (user_id)`,
		`CREATE TABLE IF NOT EXISTS part_states (` + part + `,
			state VARCHAR(20) NOT NULL,
			signed_at ` + timeType + `,
			signed_by VARCHAR(200) NOT NULL DEFAULT '',
			claimed_at ` + timeType + `,
			claimed_by VARCHAR(200) NOT NULL DEFAULT '',
			claim_note TEXT NOT NULL DEFAULT '',
			PRIMARY KEY (notice_id, task, unit_id))`,
		`CREATE TABLE IF NOT EXISTS part_reports (id ` + serial + `, ` + part + `,
			at ` + timeType + ` NOT NULL,
			user_id VARCHAR(200) NOT NULL,
			text TEXT NOT NULL,
			problem BOOLEAN NOT NULL)`,
		// A part's reports are read newest first.
		`CREATE INDEX IF NOT EXISTS idx_part_reports_part ON part_reports (notice_id, task, unit_id, at)`,
		`CREATE TABLE IF NOT EXISTS part_reviews (id ` + serial + `, ` + part + `,
			at ` + timeType + ` NOT NULL,
			user_id VARCHAR(200) NOT NULL,
			approved BOOLEAN NOT NULL,
			reason TEXT NOT NULL)`,
		`CREATE INDEX IF NOT EXISTS idx_part_reviews_part ON part_reviews (notice_id, task, unit_id, at)`,
	} {
		if err := tx.Exec(stmt).Error; err != nil {
			return fmt.Errorf("create supervision tables: %w", err)
		}
	}
	return nil
}
