package store

import (
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"
)

// ActionUnassign is the audit action of a unit losing its part in a task:
// a member taken out of its group, or a unit whose done part a re-import
// with Replace took away (its task removed, or the unit no longer named in
// it); before is the part's state.
const ActionUnassign = "task.unassign"

// A group unit with members (各分县局 → 凤台县局, 寿县局, …) is reminded
// through its members, so each member keeps a part of its own in every task
// of the group, in the group's role. The group's own part is then derived:
// done exactly when every member's part is done. These rules keep the rows
// so, inside the transaction of the change that touches them.

// memberSet maps a group unit's ID to its members' unit IDs, in order,
// without the group itself or repeats; members that name no stored unit are
// left out (ensureMemberUnits creates them first).
func memberSet(units *unitSet) map[int64][]int64 {
	out := map[int64][]int64{}
	for id, u := range units.byID {
		for _, m := range u.Members {
			_, mid, err := units.resolve(m)
			if err != nil || mid == id || slices.Contains(out[id], mid) {
				continue
			}
			out[id] = append(out[id], mid)
		}
	}
	return out
}

// ensureMemberUnits makes every member name that is not a unit yet into a
// unit of its own (a notice may name members SetMembers never saw), and
// returns the units as they are afterwards.
func ensureMemberUnits(tx *gorm.DB) (*unitSet, error) {
	units, err := loadUnits(tx)
	if err != nil {
		return nil, err
	}
	added := false
	for _, u := range units.ordered {
		for _, m := range u.Members {
			if _, _, err := units.resolve(m); err == nil {
				continue
			}
			if err := tx.Omit("Aliases", "Members").Create(&unitRow{Name: m}).Error; err != nil {
				return nil, fmt.Errorf("add member unit %q of %s: %w", m, u.Name, err)
			}
			added = true
		}
		if added {
			// Reload so that the next group resolves the new unit too.
			if units, err = loadUnits(tx); err != nil {
				return nil, err
			}
			added = false
		}
	}
	return units, nil
}

// partKey is a part of a task by unit and role.
type partKey struct {
	unit int64
	role string
}

// partSync brings member parts and derived group states up to date.
type partSync struct {
	tx      *gorm.DB
	c       *chain // nil during a migration: nothing to audit
	now     time.Time
	by      string
	units   *unitSet
	members map[int64][]int64
}

func (s *partSync) audit(ch change) {
	if s.c != nil {
		s.c.add(ch)
	}
}

// syncAllMemberParts syncs the member parts of every stored notice.
func syncAllMemberParts(tx *gorm.DB, c *chain, by string) error {
	units, err := ensureMemberUnits(tx)
	if err != nil {
		return err
	}
	var notices []noticeRow
	if err := tx.Select("id", "number").Order("id").Find(&notices).Error; err != nil {
		return fmt.Errorf("read notices: %w", err)
	}
	s := &partSync{tx: tx, c: c, now: utc(tx.Config.NowFunc()), by: by, units: units, members: memberSet(units)}
	if c != nil {
		s.now = c.now
	}
	for _, n := range notices {
		if err := s.notice(n.ID, n.Number, nil); err != nil {
			return err
		}
	}
	return nil
}

// notice gives every member of a group a part in each task where the group
// has one, and removes parts of units that are no longer members (audited
// as task.unassign). A new part takes its state from kept (a re-import
// keeping what was done) or else from the group's part, so that adding a
// member to a finished group does not reopen it. Then group states are
// derived again (audited as task.done or task.reopen).
func (s *partSync) notice(noticeID int64, number string, kept keptStates) error {
	var tasks []taskRow
	if err := s.tx.Select("id", "number").Where("notice_id = ?", noticeID).Find(&tasks).Error; err != nil {
		return fmt.Errorf("read tasks of %s: %w", number, err)
	}
	numberOf := make(map[int64]int, len(tasks))
	for _, t := range tasks {
		numberOf[t.ID] = t.Number
	}
	var rows []assignmentRow
	err := s.tx.Where("task_id IN (?)", s.tx.Model(&taskRow{}).Select("id").Where("notice_id = ?", noticeID)).
		Order("task_id, position, sub").Find(&rows).Error
	if err != nil {
		return fmt.Errorf("read assignments of %s: %w", number, err)
	}
	byTask := map[int64][]*assignmentRow{}
	var order []int64
	for i := range rows {
		r := &rows[i]
		if _, ok := byTask[r.TaskID]; !ok {
			order = append(order, r.TaskID)
		}
		byTask[r.TaskID] = append(byTask[r.TaskID], r)
	}
	var create []assignmentRow
	var drop []int64
	var changed []taskChange
	var inherited []partChange
	for _, taskID := range order {
		task := numberOf[taskID]
		want, wantOrder := s.wantedParts(byTask[taskID])
		var live []*assignmentRow
		for _, r := range byTask[taskID] {
			if r.ViaID == nil {
				live = append(live, r)
				continue
			}
			k := partKey{r.UnitID, r.Role}
			w, ok := want[k]
			if !ok {
				drop = append(drop, r.ID)
				s.audit(change{Action: ActionUnassign, Notice: number, Task: task, Unit: s.units.byID[r.UnitID].Name, Role: r.Role, Before: stateOf(r.Done)})
				continue
			}
			delete(want, k)
			if *r.ViaID != *w.ViaID || r.Position != w.Position || r.Sub != w.Sub {
				r.ViaID, r.Position, r.Sub = w.ViaID, w.Position, w.Sub
				err := s.tx.Model(&assignmentRow{}).Where("id = ?", r.ID).
					Updates(map[string]any{"via_unit_id": *w.ViaID, "position": w.Position, "sub": w.Sub}).Error
				if err != nil {
					return fmt.Errorf("move member part: %w", err)
				}
			}
			live = append(live, r)
		}
		for _, k := range wantOrder {
			w, ok := want[k]
			if !ok {
				continue
			}
			name := s.units.byID[k.unit].Name
			if st, ok := kept.find(task, name, k.role); ok {
				w.Done, w.DoneAt, w.DoneBy = true, st.at, st.by
			} else if w.Done {
				// A new member of a finished group starts done: the
				// log says so, or replaying it would expect open.
				inherited = append(inherited, partChange{task, name, k.role, true})
			}
			create = append(create, *w)
			live = append(live, w)
		}
		for _, r := range deriveGroups(live, s.members, s.now, s.by) {
			changed = append(changed, taskChange{task, r})
		}
	}
	if len(drop) > 0 {
		if err := s.tx.Where("id IN ?", drop).Delete(&assignmentRow{}).Error; err != nil {
			return fmt.Errorf("remove member parts: %w", err)
		}
	}
	if len(create) > 0 {
		if err := s.tx.Omit("Unit").CreateInBatches(create, batch).Error; err != nil {
			return fmt.Errorf("add member parts: %w", err)
		}
	}
	for _, e := range doneChanges(number, inherited) {
		s.audit(e)
	}
	rowsOnly := make([]*assignmentRow, len(changed))
	parts := make([]partChange, len(changed))
	for i, ch := range changed {
		rowsOnly[i] = ch.row
		parts[i] = partChange{ch.task, s.units.byID[ch.row.UnitID].Name, ch.row.Role, ch.row.Done}
	}
	for _, e := range doneChanges(number, parts) { // a group both lead and responsible: one entry
		s.audit(e)
	}
	return saveDone(s.tx, rowsOnly, s.now, s.by)
}

// taskChange is a part whose state a sync changed, with its task number.
type taskChange struct {
	task int
	row  *assignmentRow
}

// wantedParts returns the member parts a task's rows call for, by unit and
// role, in the order to create them: for each own part of a group with
// members, one per member in the group's role, placed after the group and
// as done as the group's part. A member that has a part of its own in the
// same role, or through an earlier group, needs no second one.
func (s *partSync) wantedParts(rows []*assignmentRow) (map[partKey]*assignmentRow, []partKey) {
	own := map[partKey]bool{}
	for _, r := range rows {
		if r.ViaID == nil {
			own[partKey{r.UnitID, r.Role}] = true
		}
	}
	want := map[partKey]*assignmentRow{}
	var order []partKey
	for _, g := range rows {
		if g.ViaID != nil {
			continue
		}
		for i, m := range s.members[g.UnitID] {
			k := partKey{m, g.Role}
			if own[k] || want[k] != nil {
				continue
			}
			via := g.UnitID
			want[k] = &assignmentRow{
				TaskID: g.TaskID, UnitID: m, Role: g.Role, Position: g.Position, Sub: i + 1, ViaID: &via,
				Done: g.Done, DoneAt: g.DoneAt, DoneBy: g.DoneBy,
			}
			order = append(order, k)
		}
	}
	return want, order
}
