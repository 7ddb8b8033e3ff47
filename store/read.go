package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"dutybot/knowledge"
)

// Empty reports whether no notice is stored yet, so that main can load the
// built-in notice into a fresh database.
func (db *DB) Empty(ctx context.Context) (bool, error) {
	var n int64
	if err := db.r.WithContext(ctx).Model(&noticeRow{}).Count(&n).Error; err != nil {
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
	var units []unitRow
	var aliases []unitAliasRow
	var members []unitMemberRow
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
	err := db.read(ctx, func(tx *gorm.DB) (err error) {
		out, err = readNotices(tx, 0)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// readNotices reads the stored notices, oldest import first: every one, or
// only the one with ID only (when only is not 0).
func readNotices(tx *gorm.DB, only int64) ([]*knowledge.Notice, error) {
	// scope limits a query on a table with a notice_id to the notice asked for.
	scope := func(col string) *gorm.DB {
		if only == 0 {
			return tx
		}
		return tx.Where(col+" = ?", only)
	}
	var rows []noticeRow
	if err := scope("id").Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read notices: %w", err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	units, err := loadUnits(tx)
	if err != nil {
		return nil, err
	}
	var nus []noticeUnitRow
	var aliases []unitAliasRow
	var tasks []taskRow
	var as []assignmentRow
	ownParts := tx.Where("via_unit_id IS NULL")
	if only != 0 {
		ownParts = ownParts.Where("task_id IN (?)", tx.Model(&taskRow{}).Select("id").Where("notice_id = ?", only))
	}
	steps := []struct {
		what string
		q    *gorm.DB
		dst  any
	}{
		{"notice units", scope("notice_id").Order("notice_id, position"), &nus},
		{"aliases", scope("notice_id").Order("notice_id, unit_id, position"), &aliases},
		{"tasks", scope("notice_id").Order("notice_id, number"), &tasks},
		// Members' parts are state, not the table: the notice names the group.
		{"assignments", ownParts.Order("task_id, position"), &as},
	}
	for _, s := range steps {
		if err := s.q.Find(s.dst).Error; err != nil {
			return nil, fmt.Errorf("read %s: %w", s.what, err)
		}
	}
	type noticeUnitKey struct{ notice, unit int64 }
	ownAliases := map[noticeUnitKey][]string{}
	for _, a := range aliases {
		k := noticeUnitKey{a.NoticeID, a.UnitID}
		ownAliases[k] = append(ownAliases[k], a.Alias)
	}
	byTask := map[int64][]assignmentRow{}
	for _, a := range as {
		byTask[a.TaskID] = append(byTask[a.TaskID], a)
	}
	var out []*knowledge.Notice
	byID := map[int64]*knowledge.Notice{}
	for _, r := range rows {
		n, err := r.notice()
		if err != nil {
			return nil, err
		}
		byID[r.ID] = n
		out = append(out, n)
	}
	if err := markArchived(tx, byID); err != nil {
		return nil, err
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
			return nil, fmt.Errorf("notice %s: %w", n.Number, err)
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
