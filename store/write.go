package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"dutybot/knowledge"
)

// The states an audit entry records for a unit's part in a task.
const (
	stateOpen = "open"
	stateDone = "done"
)

// SetDone marks a unit's part of a task done (or open again, with
// done=false); unit "" means every unit of the task. The unit may be named by
// canonical name or alias; a unit that is both lead and responsible has both
// parts marked. A group unit with members has its members' parts marked
// too; a member's part can be marked alone, and the group's part follows its
// members': done when all of theirs are, open again when one is reopened.
// Each unit whose state changes gets one audit entry (task.done or
// task.reopen) in the same transaction; reopening clears done_at and
// done_by, and the audit log keeps the history. Errors: knowledge.ErrNotFound
// (notice or task), ErrUnknownUnit, ErrNotAssigned, ErrUnchanged.
func (db *DB) SetDone(ctx context.Context, ref knowledge.TaskRef, unit string, done bool, by knowledge.Actor) error {
	err := db.audited(ctx, by, func(tx *gorm.DB, c *chain) error {
		nid, err := noticeID(tx, ref.Notice)
		if err != nil {
			return err
		}
		var task taskRow
		err = tx.Select("id").Where("notice_id = ? AND number = ?", nid, ref.Number).First(&task).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return fmt.Errorf("task %d of %s: %w", ref.Number, ref.Notice, knowledge.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("find task: %w", err)
		}
		var rows []*assignmentRow
		if err := tx.Preload("Unit").Where("task_id = ?", task.ID).Order("position, sub").Find(&rows).Error; err != nil {
			return fmt.Errorf("read assignments: %w", err)
		}
		targets := rows
		var members map[int64][]int64
		if unit != "" {
			units, err := loadUnits(tx)
			if err != nil {
				return err
			}
			canon, unitID, err := units.resolve(unit)
			if err != nil {
				return err
			}
			unit = canon
			members = memberSet(units)
			targets = partsOf(rows, unitID, members)
		}
		if len(targets) == 0 {
			return fmt.Errorf("%s in task %d: %w", unit, ref.Number, knowledge.ErrNotAssigned)
		}
		changed, err := applyDone(tx, nid, ref.Number, rows, targets, members, done, c.now, by.User)
		if err != nil {
			return err
		}
		parts := make([]partChange, len(changed))
		for i, r := range changed {
			parts[i] = partChange{ref.Number, r.Unit.Name, r.Role, r.Done}
		}
		for _, e := range doneChanges(ref.Notice, parts) {
			c.add(e)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("set task %d of %s done=%t for %q: %w", ref.Number, ref.Notice, done, unit, err)
	}
	return nil
}

// applyDone sets targets of one task's rows done (or open), derives the
// state of group parts from their members', and writes what changed; it
// returns the changed rows, or knowledge.ErrUnchanged. A part reopened
// leaves review too: its claim was settled by whoever reopened it.
func applyDone(tx *gorm.DB, noticeID int64, task int, rows, targets []*assignmentRow, members map[int64][]int64, done bool, now time.Time, by string) ([]*assignmentRow, error) {
	var changed []*assignmentRow
	for _, r := range targets {
		if r.Done != done {
			setDone(r, done, now, by)
			changed = append(changed, r)
		}
	}
	// A member's part changing may finish or reopen its group's.
	changed = append(changed, deriveGroups(rows, members, now, by)...)
	if len(changed) == 0 {
		return nil, knowledge.ErrUnchanged
	}
	if err := saveDone(tx, changed, now, by); err != nil {
		return nil, err
	}
	var reopened []int64
	for _, r := range changed {
		if !r.Done {
			reopened = append(reopened, r.UnitID)
		}
	}
	if len(reopened) > 0 {
		err := tx.Model(&partStateRow{}).
			Where("notice_id = ? AND task = ? AND unit_id IN ? AND state = ?", noticeID, task, reopened, string(knowledge.PartInReview)).
			Updates(map[string]any{"state": string(knowledge.PartOpen), "claimed_at": nil, "claimed_by": "", "claim_note": ""}).Error
		if err != nil {
			return nil, fmt.Errorf("take reopened parts out of review: %w", err)
		}
	}
	return changed, nil
}

// partsOf returns the parts of one task's rows that marking unit touches:
// its own parts and, for a group with members, its members' parts in the
// same roles.
func partsOf(rows []*assignmentRow, unitID int64, members map[int64][]int64) []*assignmentRow {
	var out []*assignmentRow
	for _, r := range rows {
		if r.UnitID == unitID {
			out = append(out, r)
		}
	}
	for _, g := range out {
		if g.ViaID != nil {
			continue
		}
		for _, r := range rows {
			if slices.Contains(members[unitID], r.UnitID) && r.Role == g.Role && !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	return out
}

// BindChannel binds a unit (canonical name or alias) to a Slack channel for
// its reminders; channel "" unbinds it. Audited as unit.bind.
func (db *DB) BindChannel(ctx context.Context, unit, channel string, by knowledge.Actor) error {
	channel = strings.TrimSpace(channel)
	err := db.audited(ctx, by, func(tx *gorm.DB, c *chain) error {
		units, canon, id, err := loadUnit(tx, unit)
		if err != nil {
			return err
		}
		old := units.byID[id].Channel
		if old == channel {
			return knowledge.ErrUnchanged
		}
		if err := tx.Model(&unitRow{}).Where("id = ?", id).Update("channel", channel).Error; err != nil {
			return fmt.Errorf("update channel: %w", err)
		}
		c.add(change{Action: ActionBind, Unit: canon, Before: old, After: channel})
		return nil
	})
	if err != nil {
		return fmt.Errorf("bind %q to channel %q: %w", unit, channel, err)
	}
	return nil
}

// memberSep joins a group's members in unit.members entries.
const memberSep = "、"

// SetMembers sets the member units of a group unit, in order (blank and
// repeated names dropped). Audited as unit.members, lists joined by 、. Each
// member gets a part of its own in every task of the group, in the group's
// role, as done as the group's part; a member taken out loses its parts
// (one task.unassign entry each), and the group's state is derived again
// from its members' (task.done or task.reopen entries).
func (db *DB) SetMembers(ctx context.Context, unit string, members []string, by knowledge.Actor) error {
	var clean []string
	for _, m := range members {
		if m = strings.TrimSpace(m); m != "" && !slices.Contains(clean, m) {
			clean = append(clean, m)
		}
	}
	err := db.audited(ctx, by, func(tx *gorm.DB, c *chain) error {
		units, canon, id, err := loadUnit(tx, unit)
		if err != nil {
			return err
		}
		// Members are units in their own right (a channel can be bound to
		// each): known names fold to their canonical name, new ones become
		// units.
		members := clean[:0:0]
		for _, m := range clean {
			if mc, _, err := units.resolve(m); err == nil {
				m = mc
			} else if err := tx.Create(&unitRow{Name: m}).Error; err != nil {
				return fmt.Errorf("add member unit %q: %w", m, err)
			}
			if m != canon && !slices.Contains(members, m) { // a group is not its own member
				members = append(members, m)
			}
		}
		clean = members
		old := units.byID[id].Members
		if slices.Equal(old, clean) {
			return knowledge.ErrUnchanged
		}
		if err := tx.Where("unit_id = ?", id).Delete(&unitMemberRow{}).Error; err != nil {
			return fmt.Errorf("clear members: %w", err)
		}
		if err := insertMembers(tx, id, clean); err != nil {
			return fmt.Errorf("insert members: %w", err)
		}
		c.add(change{Action: ActionMembers, Unit: canon, Before: strings.Join(old, memberSep), After: strings.Join(clean, memberSep)})
		// Each member gets its part in the group's tasks; a member taken
		// out loses its parts (audited), and the group's state follows.
		return syncAllMemberParts(tx, c, by.User)
	})
	if err != nil {
		return fmt.Errorf("set members of %q: %w", unit, err)
	}
	return nil
}

// SetUserUnit records which unit (canonical name or alias) a user belongs
// to. Audited as user.iam, before and after written "USER: UNIT"
// (before empty for a user's first unit), since the actor may be an admin.
func (db *DB) SetUserUnit(ctx context.Context, user, unit string, by knowledge.Actor) error {
	if strings.TrimSpace(user) == "" {
		return errors.New("set user unit: empty user ID")
	}
	err := db.audited(ctx, by, func(tx *gorm.DB, c *chain) error {
		units, err := loadUnits(tx)
		if err != nil {
			return err
		}
		canon, id, err := units.resolve(unit)
		if err != nil {
			return err
		}
		var old userRow
		err = tx.Preload("Unit").Where("user_id = ?", user).First(&old).Error
		before := ""
		switch {
		case errors.Is(err, gorm.ErrRecordNotFound):
			err = tx.Omit("Unit").Create(&userRow{UserID: user, UnitID: id}).Error
		case err != nil:
			return fmt.Errorf("find user: %w", err)
		case old.UnitID == id:
			return knowledge.ErrUnchanged
		default:
			before = user + ": " + old.Unit.Name
			err = tx.Model(&userRow{}).Where("user_id = ?", user).Update("unit_id", id).Error
		}
		if err != nil {
			return fmt.Errorf("save user: %w", err)
		}
		c.add(change{Action: ActionIAm, Unit: canon, Before: before, After: user + ": " + canon})
		return nil
	})
	if err != nil {
		return fmt.Errorf("set unit of user %s to %q: %w", user, unit, err)
	}
	return nil
}

// loadUnit reads every unit and resolves name (canonical or alias) among
// them, for a change to that unit.
func loadUnit(tx *gorm.DB, name string) (units *unitSet, canon string, id int64, err error) {
	if units, err = loadUnits(tx); err != nil {
		return nil, "", 0, err
	}
	if canon, id, err = units.resolve(name); err != nil {
		return nil, "", 0, err
	}
	return units, canon, id, nil
}
