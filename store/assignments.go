package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"dutybot/knowledge"
)

// assignmentColumns are what assignmentQuery selects, in scanAssignments' order.
// The part's place in the supervision loop comes from part_states, joined
// by notice, task number and unit (see partStateRow).
const assignmentColumns = "t.number, u.name, a.role, a.done, a.done_at, a.done_by, COALESCE(ps.state, '')"

// joinPartStates is the LEFT JOIN that brings each assignment's loop state.
const joinPartStates = "LEFT JOIN part_states ps ON ps.notice_id = t.notice_id AND ps.task = t.number AND ps.unit_id = a.unit_id"

func assignmentQuery(tx *gorm.DB, noticeID int64) *gorm.DB {
	return tx.Table("assignments a").
		Select(assignmentColumns).
		Joins("JOIN tasks t ON t.id = a.task_id").
		Joins("JOIN units u ON u.id = a.unit_id").
		Joins(joinPartStates).
		Where("t.notice_id = ?", noticeID).
		Order("t.number, a.position, a.sub")
}

// scanAssignments reads the rows of an assignment query by hand: the engine
// reads a notice's assignments for every question, and GORM's reflective
// scan cost several times the query itself.
func scanAssignments(q *gorm.DB) ([]knowledge.Assignment, error) {
	rows, err := q.Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []knowledge.Assignment
	for rows.Next() {
		var a knowledge.Assignment
		var role string
		var doneAt sql.NullTime
		var state string
		if err := rows.Scan(&a.Task, &a.Unit, &role, &a.Done, &doneAt, &a.DoneBy, &state); err != nil {
			return nil, err
		}
		a.State = partState(a.Done, state)
		a.Role = knowledge.Role(role)
		if doneAt.Valid {
			a.DoneAt = doneAt.Time.UTC()
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func noticeID(tx *gorm.DB, number string) (int64, error) {
	var row noticeRow
	err := tx.Select("id").Where("number = ?", number).First(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return 0, fmt.Errorf("notice %s: %w", number, knowledge.ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("find notice %s: %w", number, err)
	}
	return row.ID, nil
}

// Assignments returns the state of every task×unit×role of a notice, by task
// number and then in the table's order (leads first), each group's members'
// parts right after the group's, so that a status derived from them is
// partial while some members are done.
func (db *DB) Assignments(ctx context.Context, notice string) ([]knowledge.Assignment, error) {
	return db.assignments(ctx, notice, "")
}

// UnitAssignments returns a unit's assignments in a notice (the unit named
// by canonical name or alias), by task number: what a unit has to do,
// without reading the whole notice's table.
func (db *DB) UnitAssignments(ctx context.Context, notice, unit string) ([]knowledge.Assignment, error) {
	if unit == "" {
		return nil, fmt.Errorf("unit assignments: %w", knowledge.ErrUnknownUnit)
	}
	return db.assignments(ctx, notice, unit)
}

func (db *DB) assignments(ctx context.Context, notice, unit string) ([]knowledge.Assignment, error) {
	var out []knowledge.Assignment
	var err error
	if unit == "" {
		out, err = db.noticeAssignments(ctx, notice)
	} else {
		err = db.read(ctx, func(tx *gorm.DB) error {
			id, err := noticeID(tx, notice)
			if err != nil {
				return err
			}
			units, err := loadUnits(tx)
			if err != nil {
				return err
			}
			_, unitID, err := units.resolve(unit)
			if err != nil {
				return err
			}
			out, err = scanAssignments(assignmentQuery(tx, id).Where("a.unit_id = ?", unitID))
			return err
		})
	}
	if err != nil {
		return nil, fmt.Errorf("assignments of %s: %w", notice, err)
	}
	if out == nil {
		out = []knowledge.Assignment{}
	}
	return out, nil
}

// noticeAssignments reads a whole notice's assignments in one statement
// (one snapshot, one round trip); only when it finds none does it look
// whether the notice exists at all.
func (db *DB) noticeAssignments(ctx context.Context, notice string) ([]knowledge.Assignment, error) {
	q := db.r.WithContext(ctx).Table("assignments a").
		Select(assignmentColumns).
		Joins("JOIN tasks t ON t.id = a.task_id").
		Joins("JOIN notices n ON n.id = t.notice_id").
		Joins("JOIN units u ON u.id = a.unit_id").
		Joins(joinPartStates).
		Where("n.number = ?", notice).
		Order("t.number, a.position, a.sub")
	out, err := scanAssignments(q)
	if err != nil || len(out) > 0 {
		return out, err
	}
	if _, err := noticeID(db.r.WithContext(ctx), notice); err != nil {
		return nil, err
	}
	return out, nil
}
