package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"dutybot/knowledge"
)

// Empty reports whether no notice is stored yet, so that main can load the
// built-in notice into a fresh database.
func (db *DB) Empty(ctx context.Context) (bool, error) {
	var n int64
	if err := db.r.WithContext(ctx).Model(&NoticeRow{}).Count(&n).Error; err != nil {
		return false, fmt.Errorf("count notices: %w", err)
	}
	return n == 0, nil
}

// unitSet is every stored unit, by ID, with its aliases (from all notices)
// and members.
type unitSet struct {
	byID    map[int64]*knowledge.Unit
	idOf    map[string]int64
	ordered []knowledge.Unit
}

func loadUnits(tx *gorm.DB) (*unitSet, error) {
	var units []UnitRow
	var aliases []UnitAliasRow
	var members []UnitMemberRow
	if err := tx.Order("name").Find(&units).Error; err != nil {
		return nil, fmt.Errorf("read units: %w", err)
	}
	if err := tx.Order("unit_id, notice_id, position").Find(&aliases).Error; err != nil {
		return nil, fmt.Errorf("read unit aliases: %w", err)
	}
	if err := tx.Order("unit_id, position").Find(&members).Error; err != nil {
		return nil, fmt.Errorf("read unit members: %w", err)
	}
	s := &unitSet{byID: map[int64]*knowledge.Unit{}, idOf: map[string]int64{}}
	for _, u := range units {
		s.byID[u.ID] = &knowledge.Unit{Name: u.Name, Group: u.Group, Channel: u.Channel}
		s.idOf[u.Name] = u.ID
	}
	seen := map[int64]map[string]bool{}
	for _, a := range aliases {
		if seen[a.UnitID] == nil {
			seen[a.UnitID] = map[string]bool{}
		}
		if u := s.byID[a.UnitID]; u != nil && !seen[a.UnitID][a.Alias] {
			seen[a.UnitID][a.Alias] = true
			u.Aliases = append(u.Aliases, a.Alias)
		}
	}
	for _, m := range members {
		if u := s.byID[m.UnitID]; u != nil {
			u.Members = append(u.Members, m.Member)
		}
	}
	for _, u := range units {
		s.ordered = append(s.ordered, *s.byID[u.ID])
	}
	return s, nil
}

// resolve returns the canonical name and ID of the unit a person named, by
// name or alias (knowledge.Directory's rules), or knowledge.ErrUnknownUnit.
func (s *unitSet) resolve(name string) (string, int64, error) {
	canon, ok := knowledge.NewDirectory(s.ordered).Resolve(name)
	if !ok {
		return "", 0, fmt.Errorf("%q: %w", name, knowledge.ErrUnknownUnit)
	}
	return canon, s.idOf[canon], nil
}

// Units returns every stored unit with all its aliases, members and channel,
// sorted by canonical name.
func (db *DB) Units(ctx context.Context) ([]knowledge.Unit, error) {
	var s *unitSet
	err := db.read(ctx, func(tx *gorm.DB) (err error) {
		s, err = loadUnits(tx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return s.ordered, nil
}

// Notices returns every stored notice with its units and tasks, oldest
// import first. A notice's units carry the aliases that notice gave them and
// their current members and channel.
func (db *DB) Notices(ctx context.Context) ([]*knowledge.Notice, error) {
	var out []*knowledge.Notice
	err := db.read(ctx, func(tx *gorm.DB) error {
		var rows []NoticeRow
		if err := tx.Order("id").Find(&rows).Error; err != nil {
			return fmt.Errorf("read notices: %w", err)
		}
		if len(rows) == 0 {
			return nil
		}
		units, err := loadUnits(tx)
		if err != nil {
			return err
		}
		var nus []NoticeUnitRow
		var aliases []UnitAliasRow
		var tasks []TaskRow
		var as []AssignmentRow
		steps := []struct {
			what string
			q    *gorm.DB
			dst  any
		}{
			{"notice units", tx.Order("notice_id, position"), &nus},
			{"aliases", tx.Order("notice_id, unit_id, position"), &aliases},
			{"tasks", tx.Order("notice_id, number"), &tasks},
			{"assignments", tx.Order("task_id, position"), &as},
		}
		for _, s := range steps {
			if err := s.q.Find(s.dst).Error; err != nil {
				return fmt.Errorf("read %s: %w", s.what, err)
			}
		}
		type noticeUnitKey struct{ notice, unit int64 }
		ownAliases := map[noticeUnitKey][]string{}
		for _, a := range aliases {
			k := noticeUnitKey{a.NoticeID, a.UnitID}
			ownAliases[k] = append(ownAliases[k], a.Alias)
		}
		byTask := map[int64][]AssignmentRow{}
		for _, a := range as {
			byTask[a.TaskID] = append(byTask[a.TaskID], a)
		}
		byID := map[int64]*knowledge.Notice{}
		for _, r := range rows {
			n, err := r.notice()
			if err != nil {
				return err
			}
			byID[r.ID] = n
			out = append(out, n)
		}
		for _, nu := range nus {
			n, u := byID[nu.NoticeID], units.byID[nu.UnitID]
			if n == nil || u == nil {
				continue
			}
			v := *u
			v.Aliases = ownAliases[noticeUnitKey{nu.NoticeID, nu.UnitID}]
			n.Units = append(n.Units, v)
		}
		for _, tr := range tasks {
			n := byID[tr.NoticeID]
			t, err := tr.task()
			if err != nil {
				return fmt.Errorf("notice %s: %w", n.Number, err)
			}
			for _, a := range byTask[tr.ID] {
				name := units.byID[a.UnitID].Name
				if a.Role == string(knowledge.RoleLead) {
					t.Lead = append(t.Lead, name)
				} else {
					t.Responsible = append(t.Responsible, name)
				}
			}
			n.Tasks = append(n.Tasks, t)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// assignmentColumns are what assignmentQuery selects, in scanAssignments' order.
const assignmentColumns = "t.number, u.name, a.role, a.done, a.done_at, a.done_by"

func assignmentQuery(tx *gorm.DB, noticeID int64) *gorm.DB {
	return tx.Table("assignments a").
		Select(assignmentColumns).
		Joins("JOIN tasks t ON t.id = a.task_id").
		Joins("JOIN units u ON u.id = a.unit_id").
		Where("t.notice_id = ?", noticeID).
		Order("t.number, a.position")
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
		if err := rows.Scan(&a.Task, &a.Unit, &role, &a.Done, &doneAt, &a.DoneBy); err != nil {
			return nil, err
		}
		a.Role = knowledge.Role(role)
		if doneAt.Valid {
			a.DoneAt = doneAt.Time.UTC()
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func noticeID(tx *gorm.DB, number string) (int64, error) {
	var row NoticeRow
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
// number and then in the table's order (leads first).
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
		Where("n.number = ?", notice).
		Order("t.number, a.position")
	out, err := scanAssignments(q)
	if err != nil || len(out) > 0 {
		return out, err
	}
	if _, err := noticeID(db.r.WithContext(ctx), notice); err != nil {
		return nil, err
	}
	return out, nil
}

// UserUnit returns the canonical name of the unit a user belongs to, or "".
func (db *DB) UserUnit(ctx context.Context, user string) (string, error) {
	var names []string
	err := db.r.WithContext(ctx).Table("users us").Select("u.name").
		Joins("JOIN units u ON u.id = us.unit_id").Where("us.user_id = ?", user).
		Scan(&names).Error
	if err != nil {
		return "", fmt.Errorf("unit of user %s: %w", user, err)
	}
	if len(names) == 0 {
		return "", nil
	}
	return names[0], nil
}
