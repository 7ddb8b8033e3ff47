package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"dutybot/knowledge"
)

// The audit actions of retiring a notice and putting it back in force.
const (
	ActionArchive   = "notice.archive"
	ActionUnarchive = "notice.unarchive"
)

// noticeArchiveRow marks a notice retired by an administrator: its reminders
// stop, its tasks, state and history stay. It is a table of its own, not
// columns of notices, because a re-import rewrites the notice row whole and
// must not put an archived notice back in force.
type noticeArchiveRow struct {
	NoticeID   int64     `gorm:"primaryKey;autoIncrement:false"`
	ArchivedAt time.Time `gorm:"not null"`
	ArchivedBy string    `gorm:"size:200;not null"`
}

// TableName names the table.
func (noticeArchiveRow) TableName() string { return "notice_archives" }

// createNoticeArchives is migration 9, in explicit statements that are
// harmless to run again. Existing notices get no row: they stay in force.
func createNoticeArchives(tx *gorm.DB) error {
	timeType := "datetime"
	if tx.Dialector.Name() == "postgres" {
		timeType = "timestamptz"
	}
	err := tx.Exec(`CREATE TABLE IF NOT EXISTS notice_archives (
		notice_id BIGINT NOT NULL PRIMARY KEY REFERENCES notices(id) ON DELETE CASCADE,
		archived_at ` + timeType + ` NOT NULL,
		archived_by VARCHAR(200) NOT NULL)`).Error
	if err != nil {
		return fmt.Errorf("create notice_archives: %w", err)
	}
	return nil
}

// ArchiveNotice retires the notice numbered number (archived true) or puts it
// back in force (false), audited as notice.archive or notice.unarchive. It
// returns knowledge.ErrNotFound for an unknown notice and
// knowledge.ErrUnchanged when the notice is already so.
func (db *DB) ArchiveNotice(ctx context.Context, number string, archived bool, by knowledge.Actor) error {
	err := db.audited(ctx, by, func(tx *gorm.DB, c *chain) error {
		var row noticeRow
		if err := tx.Select("id").Where("number = ?", number).Take(&row).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return knowledge.ErrNotFound
			}
			return fmt.Errorf("read notice: %w", err)
		}
		var n int64
		if err := tx.Model(&noticeArchiveRow{}).Where("notice_id = ?", row.ID).Count(&n).Error; err != nil {
			return fmt.Errorf("read archive state: %w", err)
		}
		if (n > 0) == archived {
			return knowledge.ErrUnchanged
		}
		ch := change{Action: ActionArchive, Notice: number, Before: stateInForce, After: stateArchived}
		if archived {
			err := tx.Create(&noticeArchiveRow{NoticeID: row.ID, ArchivedAt: c.now, ArchivedBy: by.User}).Error
			if err != nil {
				return fmt.Errorf("archive: %w", err)
			}
		} else {
			if err := tx.Where("notice_id = ?", row.ID).Delete(&noticeArchiveRow{}).Error; err != nil {
				return fmt.Errorf("unarchive: %w", err)
			}
			ch = change{Action: ActionUnarchive, Notice: number, Before: stateArchived, After: stateInForce}
		}
		c.add(ch)
		return nil
	})
	if err != nil {
		return fmt.Errorf("archive %s (%v): %w", number, archived, err)
	}
	return nil
}

// The states of a notice in its archive entries.
const (
	stateInForce  = "in force"
	stateArchived = "archived"
)

// markArchived sets Archived on the notices (by row ID) that have an archive row.
func markArchived(tx *gorm.DB, byID map[int64]*knowledge.Notice) error {
	var rows []noticeArchiveRow
	if err := tx.Find(&rows).Error; err != nil {
		return fmt.Errorf("read archived notices: %w", err)
	}
	for _, r := range rows {
		if n := byID[r.NoticeID]; n != nil {
			n.Archived = true
		}
	}
	return nil
}
