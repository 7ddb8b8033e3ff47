package store

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"dutybot/knowledge"
)

// This file holds the completion state of parts: setting it in memory,
// deriving a group's from its members', writing it, and naming it in the
// audit log. SetDone and the member sync share it.

// deriveGroups sets the state of each group part in one task's rows from its
// members' parts (done when all are) and returns the parts it changed. A
// group none of whose members has a part keeps its own state.
func deriveGroups(rows []*assignmentRow, members map[int64][]int64, now time.Time, by string) []*assignmentRow {
	index := make(map[partKey]*assignmentRow, len(rows))
	for _, r := range rows {
		index[partKey{r.UnitID, r.Role}] = r
	}
	var changed []*assignmentRow
	for _, g := range rows {
		if g.ViaID != nil || len(members[g.UnitID]) == 0 {
			continue
		}
		parts, all := 0, true
		for _, m := range members[g.UnitID] {
			if p := index[partKey{m, g.Role}]; p != nil && p != g {
				parts++
				all = all && p.Done
			}
		}
		if parts == 0 || g.Done == all {
			continue
		}
		setDone(g, all, now, by)
		changed = append(changed, g)
	}
	return changed
}

// setDone changes a part's state in memory.
func setDone(r *assignmentRow, done bool, now time.Time, by string) {
	r.Done, r.DoneAt, r.DoneBy = done, nil, ""
	if done {
		at := now
		r.DoneAt, r.DoneBy = &at, by
	}
}

// saveDone writes the state of rows already changed in memory: one UPDATE
// for those now done, one for those now open.
func saveDone(tx *gorm.DB, rows []*assignmentRow, now time.Time, by string) error {
	var done, open []int64
	for _, r := range rows {
		if r.Done {
			done = append(done, r.ID)
		} else {
			open = append(open, r.ID)
		}
	}
	if len(done) > 0 {
		err := tx.Model(&assignmentRow{}).Where("id IN ?", done).
			Updates(map[string]any{"done": true, "done_at": now, "done_by": by}).Error
		if err != nil {
			return fmt.Errorf("mark parts done: %w", err)
		}
	}
	if len(open) > 0 {
		err := tx.Model(&assignmentRow{}).Where("id IN ?", open).
			Updates(map[string]any{"done": false, "done_at": nil, "done_by": ""}).Error
		if err != nil {
			return fmt.Errorf("reopen parts: %w", err)
		}
	}
	return nil
}

// stateOf names a part's state in the audit log.
func stateOf(done bool) string {
	if done {
		return stateDone
	}
	return stateOpen
}

// doneChange is the audit entry of a unit's part becoming done or open.
func doneChange(notice string, task int, unit string, done bool) change {
	if done {
		return change{Action: ActionDone, Notice: notice, Task: task, Unit: unit, Before: stateOpen, After: stateDone}
	}
	return change{Action: ActionReopen, Notice: notice, Task: task, Unit: unit, Before: stateDone, After: stateOpen}
}

// partChange is a part whose state changed, for the audit log.
type partChange struct {
	task       int
	unit, role string
	done       bool
}

// doneChanges are the audit entries of parts whose state changed: one
// task.done or task.reopen per task, unit and new state, in the order of
// first appearance, naming the roles it applies to, so that a unit both
// lead and responsible gets one entry and the log still says which parts.
func doneChanges(notice string, parts []partChange) []change {
	type key struct {
		task int
		unit string
		done bool
	}
	at := map[key]int{}
	var out []change
	for _, p := range parts {
		k := key{p.task, p.unit, p.done}
		if i, ok := at[k]; ok {
			out[i].Role = addRole(out[i].Role, p.role)
			continue
		}
		at[k] = len(out)
		e := doneChange(notice, p.task, p.unit, p.done)
		e.Role = p.role
		out = append(out, e)
	}
	return out
}

// roleOrder is the order of roles in an entry's role list.
var roleOrder = []string{string(knowledge.RoleLead), string(knowledge.RoleResponsible)}

// addRole adds role to a comma-separated role list, keeping roleOrder.
func addRole(roles, role string) string {
	have := strings.Split(roles, ",")
	if slices.Contains(have, role) {
		return roles
	}
	have = append(have, role)
	var out []string
	for _, r := range roleOrder {
		if slices.Contains(have, r) {
			out = append(out, r)
		}
	}
	for _, r := range have { // a role this version does not know keeps its place at the end
		if r != "" && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return strings.Join(out, ",")
}
