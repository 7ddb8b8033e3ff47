package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"dutybot/knowledge"
)

// batch is the number of rows per INSERT: well under SQLite's and
// PostgreSQL's limits on bound parameters.
const batch = 400

// doneState is the completion state of one (task, unit, role), carried over
// when a notice is imported again.
type doneState struct {
	at *time.Time
	by string
}

type assignmentKey struct {
	task int
	unit string
	role string
}

// ImportNotice stores n as Import does with no options: it refuses, with
// ErrWouldLose, to remove tasks or lose completion state.
func (db *DB) ImportNotice(ctx context.Context, n *knowledge.Notice, by knowledge.Actor) error {
	_, err := db.Import(ctx, n, by)
	return err
}

// errNotEmpty ends ImportIfEmpty's transaction when a notice is stored.
var errNotEmpty = errors.New("a notice is stored already")

// ImportIfEmpty imports n only when the database holds no notice yet, and
// reports whether it did. It looks under the audit chain's lock, in the
// import's own transaction, so that of replicas starting together on a
// fresh database exactly one imports (one notice, one notice.import entry)
// and the others return false and nil; on SQLite a lock refused while the
// new file is set up is waited out.
func (db *DB) ImportIfEmpty(ctx context.Context, n *knowledge.Notice, by knowledge.Actor) (bool, error) {
	err := db.retryBusy(ctx, "import notice", sqliteBusyTimeout, func() error {
		_, err := db.Import(ctx, n, by, onlyIfEmpty())
		return err
	})
	if errors.Is(err, errNotEmpty) {
		return false, nil
	}
	return err == nil, err
}

// Import stores n in one audited transaction (notice.import), replacing a
// stored notice with the same number while keeping the completion state of
// every part that still exists: the same unit in the same task, in the same
// role or, when its column changed, in the other; the parts of group members
// included (members get their parts in the notice's tasks as SetMembers
// gives them). A unit's channel and members set through BindChannel and
// SetMembers win over the notice's: the notice only fills them in where
// none are stored.
//
// It returns the plan of what changes (tasks added, removed and edited,
// done parts lost). An import that would remove tasks or lose done parts is
// refused with ErrWouldLose, nothing written, unless Replace is given; then
// each lost done part is audited as task.unassign. With DryRun nothing is
// written either way. Importing the same content again returns
// knowledge.ErrUnchanged; invalid input returns an error wrapping
// knowledge.ErrInvalidNotice and changes nothing.
func (db *DB) Import(ctx context.Context, n *knowledge.Notice, by knowledge.Actor, opts ...ImportOption) (*ImportPlan, error) {
	var o importOptions
	for _, opt := range opts {
		if err := opt(&o); err != nil {
			return nil, err
		}
	}
	if err := validateNotice(n); err != nil {
		return nil, err
	}
	digest := noticeDigest(n)
	var plan *ImportPlan
	var err error
	if o.dryRun {
		err = db.read(ctx, func(tx *gorm.DB) error {
			row, kept, err := storedNotice(tx, n.Number)
			if err != nil {
				return err
			}
			plan, err = planImport(tx, row, n, digest, kept)
			return err
		})
	} else {
		err = db.audited(ctx, by, func(tx *gorm.DB, c *chain) (err error) {
			plan, err = importTx(tx, c, n, digest, by, o)
			return err
		})
	}
	switch {
	case err != nil:
		return plan, fmt.Errorf("import notice %s: %w", n.Number, err)
	case plan.Unchanged:
		return plan, fmt.Errorf("import notice %s: %w", n.Number, knowledge.ErrUnchanged)
	case plan.Destructive() && !o.replace:
		return plan, fmt.Errorf("import notice %s: %w", n.Number, ErrWouldLose)
	}
	return plan, nil
}

// storedNotice reads the notice row with number (nil when there is none)
// and the completion state of its parts.
func storedNotice(tx *gorm.DB, number string) (*noticeRow, keptStates, error) {
	var row noticeRow
	err := tx.Where("number = ?", number).First(&row).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		return nil, keptStates{}, nil
	case err != nil:
		return nil, nil, fmt.Errorf("find notice: %w", err)
	}
	kept, err := doneStates(tx, row.ID)
	if err != nil {
		return nil, nil, err
	}
	return &row, kept, nil
}

// importTx is Import's work inside the audited transaction: the plan is
// made from what the transaction reads, so it is exactly what is written.
func importTx(tx *gorm.DB, c *chain, n *knowledge.Notice, digest string, by knowledge.Actor, o importOptions) (*ImportPlan, error) {
	if o.onlyIfEmpty {
		var stored int64
		if err := tx.Model(&noticeRow{}).Count(&stored).Error; err != nil {
			return nil, fmt.Errorf("count notices: %w", err)
		}
		if stored > 0 {
			return nil, errNotEmpty
		}
	}
	stored, kept, err := storedNotice(tx, n.Number)
	if err != nil {
		return nil, err
	}
	plan, err := planImport(tx, stored, n, digest, kept)
	if err != nil {
		return nil, err
	}
	if plan.Unchanged {
		return plan, knowledge.ErrUnchanged
	}
	if plan.Destructive() && !o.replace {
		return plan, ErrWouldLose
	}
	unitIDs, err := upsertUnits(tx, c, n)
	if err != nil {
		return plan, err
	}
	summary := fmt.Sprintf("%d tasks, %d units, sha256 %s", len(n.Tasks), len(n.Units), digest)
	before := ""
	row := newNoticeRow(n, digest)
	row.ImportedAt = c.now
	if stored == nil {
		if err := tx.Create(&row).Error; err != nil {
			return plan, fmt.Errorf("insert notice: %w", err)
		}
	} else {
		var units int64
		if err := tx.Model(&noticeUnitRow{}).Where("notice_id = ?", stored.ID).Count(&units).Error; err != nil {
			return plan, fmt.Errorf("count units of the old notice: %w", err)
		}
		before = fmt.Sprintf("%d tasks, %d units, sha256 %s", plan.TasksBefore, units, stored.Digest)
		if err := clearNotice(tx, stored.ID); err != nil {
			return plan, err
		}
		row.ID = stored.ID
		if err := tx.Select("*").Omit("Tasks", "Units").Updates(&row).Error; err != nil {
			return plan, fmt.Errorf("update notice: %w", err)
		}
	}
	if err := insertNoticeParts(tx, row.ID, n, unitIDs, kept); err != nil {
		return plan, err
	}
	// The import entry goes before the channels and members the notice
	// set (upsertUnits added them to c), so the log reads in order.
	c.changes = append([]change{{Action: ActionImport, Notice: n.Number, Before: before, After: summary}}, c.changes...)
	units, err := ensureMemberUnits(tx)
	if err != nil {
		return plan, err
	}
	s := &partSync{tx: tx, c: c, now: c.now, by: by.User, units: units, members: memberSet(units)}
	if err := s.notice(row.ID, n.Number, kept); err != nil {
		return plan, err
	}
	return plan, auditLostParts(tx, c, row.ID, n.Number, kept, plan.Lost)
}

// auditLostParts records what a re-import did to parts that were done: a
// part gone with its task or unit is task.unassign (in the plan's order), and
// a unit moved to the other column of a task that kept its done state is
// task.done in its new role, so that replaying the log gives the state.
func auditLostParts(tx *gorm.DB, c *chain, noticeID int64, number string, kept keptStates, lost []LostPart) error {
	if len(kept) == 0 {
		return nil
	}
	as, err := scanAssignments(assignmentQuery(tx, noticeID))
	if err != nil {
		return fmt.Errorf("read parts after import: %w", err)
	}
	done := make(map[assignmentKey]bool, len(as))
	for _, a := range as {
		done[assignmentKey{a.Task, a.Unit, string(a.Role)}] = a.Done
	}
	roles := []string{string(knowledge.RoleLead), string(knowledge.RoleResponsible)}
	unassigned := map[assignmentKey]bool{}
	unassign := func(k assignmentKey) {
		if _, was := kept[k]; !was || unassigned[k] {
			return
		}
		if _, is := done[k]; !is {
			unassigned[k] = true
			c.add(change{Action: ActionUnassign, Notice: number, Task: k.task, Unit: k.unit, Role: k.role, Before: stateDone})
		}
	}
	// the plan's order first (the table's), then parts gone from a unit that
	// stays in the task in its other role
	for _, l := range lost {
		for _, role := range roles {
			unassign(assignmentKey{l.Task, l.Unit, role})
		}
	}
	rest := make([]assignmentKey, 0, len(kept))
	for k := range kept {
		rest = append(rest, k)
	}
	slices.SortFunc(rest, func(a, b assignmentKey) int {
		return cmp.Or(cmp.Compare(a.task, b.task), strings.Compare(a.unit, b.unit), strings.Compare(a.role, b.role))
	})
	for _, k := range rest {
		unassign(k)
	}
	// a part that is new in its role but took the done state the unit had in
	// the task's other role (a unit moved between the columns)
	var moved []assignmentKey
	for k, isDone := range done {
		if _, was := kept[k]; was || !isDone {
			continue
		}
		for _, role := range roles {
			if _, had := kept[assignmentKey{k.task, k.unit, role}]; had && role != k.role {
				moved = append(moved, k)
				break
			}
		}
	}
	slices.SortFunc(moved, func(a, b assignmentKey) int {
		return cmp.Or(cmp.Compare(a.task, b.task), strings.Compare(a.unit, b.unit), strings.Compare(a.role, b.role))
	})
	for _, k := range moved {
		c.add(change{Action: ActionDone, Notice: number, Task: k.task, Unit: k.unit, Role: k.role, Before: stateOpen, After: stateDone})
	}
	return nil
}

// upsertUnits makes sure every unit of a notice exists and returns their
// IDs. A channel or members the notice gives a unit that has none yet are
// audited (unit.bind, unit.members) as the import's.
func upsertUnits(tx *gorm.DB, c *chain, n *knowledge.Notice) (map[string]int64, error) {
	ids := map[string]int64{}
	for _, u := range n.Units {
		var row unitRow
		err := tx.Where("name = ?", u.Name).First(&row).Error
		switch {
		case errors.Is(err, gorm.ErrRecordNotFound):
			row = unitRow{Name: u.Name, Group: u.Group, Channel: u.Channel}
			if err := tx.Omit("Aliases", "Members").Create(&row).Error; err != nil {
				return nil, fmt.Errorf("insert unit %s: %w", u.Name, err)
			}
			if u.Channel != "" {
				c.add(change{Action: ActionBind, Notice: n.Number, Unit: u.Name, After: u.Channel})
			}
		case err != nil:
			return nil, fmt.Errorf("find unit %s: %w", u.Name, err)
		default:
			upd := map[string]any{"is_group": u.Group}
			if row.Channel == "" && u.Channel != "" {
				upd["channel"] = u.Channel
				c.add(change{Action: ActionBind, Notice: n.Number, Unit: u.Name, After: u.Channel})
			}
			if err := tx.Model(&unitRow{}).Where("id = ?", row.ID).Updates(upd).Error; err != nil {
				return nil, fmt.Errorf("update unit %s: %w", u.Name, err)
			}
		}
		ids[u.Name] = row.ID
		if len(u.Members) == 0 {
			continue
		}
		var have int64
		if err := tx.Model(&unitMemberRow{}).Where("unit_id = ?", row.ID).Count(&have).Error; err != nil {
			return nil, fmt.Errorf("members of %s: %w", u.Name, err)
		}
		if have == 0 {
			if err := insertMembers(tx, row.ID, u.Members); err != nil {
				return nil, fmt.Errorf("members of %s: %w", u.Name, err)
			}
			c.add(change{Action: ActionMembers, Notice: n.Number, Unit: u.Name, After: strings.Join(u.Members, memberSep)})
		}
	}
	return ids, nil
}

func insertMembers(tx *gorm.DB, unitID int64, members []string) error {
	if len(members) == 0 {
		return nil
	}
	rows := make([]unitMemberRow, len(members))
	for i, m := range members {
		rows[i] = unitMemberRow{UnitID: unitID, Position: i, Member: m}
	}
	return tx.Create(&rows).Error
}

// doneStates reads the completed assignments of a notice, by task number,
// unit name and role.
func doneStates(tx *gorm.DB, noticeID int64) (keptStates, error) {
	var rows []struct {
		Number int
		Name   string
		Role   string
		DoneAt *time.Time
		DoneBy string
	}
	err := tx.Table("assignments a").
		Select("t.number, u.name, a.role, a.done_at, a.done_by").
		Joins("JOIN tasks t ON t.id = a.task_id").
		Joins("JOIN units u ON u.id = a.unit_id").
		Where("t.notice_id = ? AND a.done", noticeID).
		Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("read completion state: %w", err)
	}
	out := make(keptStates, len(rows))
	for _, r := range rows {
		out[assignmentKey{r.Number, r.Name, r.Role}] = doneState{at: r.DoneAt, by: r.DoneBy}
	}
	return out, nil
}

// clearNotice deletes a notice's tasks, assignments, unit list and aliases,
// keeping the notice row (and so its place in import order).
func clearNotice(tx *gorm.DB, noticeID int64) error {
	steps := []struct {
		what string
		run  func() error
	}{
		{"assignments", func() error {
			return tx.Where("task_id IN (?)", tx.Model(&taskRow{}).Select("id").Where("notice_id = ?", noticeID)).
				Delete(&assignmentRow{}).Error
		}},
		{"tasks", func() error { return tx.Where("notice_id = ?", noticeID).Delete(&taskRow{}).Error }},
		{"units", func() error { return tx.Where("notice_id = ?", noticeID).Delete(&noticeUnitRow{}).Error }},
		{"aliases", func() error { return tx.Where("notice_id = ?", noticeID).Delete(&unitAliasRow{}).Error }},
	}
	for _, s := range steps {
		if err := s.run(); err != nil {
			return fmt.Errorf("clear %s of the old notice: %w", s.what, err)
		}
	}
	return nil
}

// insertNoticeParts writes a notice's unit list, aliases, tasks and
// assignments, restoring the completion states in kept.
func insertNoticeParts(tx *gorm.DB, noticeID int64, n *knowledge.Notice, unitIDs map[string]int64, kept keptStates) error {
	var nus []noticeUnitRow
	var aliases []unitAliasRow
	for i, u := range n.Units {
		nus = append(nus, noticeUnitRow{NoticeID: noticeID, UnitID: unitIDs[u.Name], Position: i})
		seen := map[string]bool{}
		for j, a := range u.Aliases {
			if !seen[a] {
				seen[a] = true
				aliases = append(aliases, unitAliasRow{UnitID: unitIDs[u.Name], NoticeID: noticeID, Alias: a, Position: j})
			}
		}
	}
	if err := tx.Omit("Unit").CreateInBatches(nus, batch).Error; err != nil {
		return fmt.Errorf("insert notice units: %w", err)
	}
	if len(aliases) > 0 {
		if err := tx.Omit("Notice").CreateInBatches(aliases, batch).Error; err != nil {
			return fmt.Errorf("insert aliases: %w", err)
		}
	}
	tasks := make([]taskRow, len(n.Tasks))
	for i := range n.Tasks {
		tasks[i] = newTaskRow(noticeID, &n.Tasks[i])
	}
	if err := tx.Omit("Assignments").CreateInBatches(tasks, batch).Error; err != nil {
		return fmt.Errorf("insert tasks: %w", err)
	}
	var as []assignmentRow
	for i := range n.Tasks {
		t := &n.Tasks[i]
		for pos, a := range t.Units() {
			row := assignmentRow{TaskID: tasks[i].ID, UnitID: unitIDs[a.Unit], Role: string(a.Role), Position: pos}
			if s, ok := kept.find(t.Number, a.Unit, string(a.Role)); ok {
				row.Done, row.DoneAt, row.DoneBy = true, s.at, s.by
			}
			as = append(as, row)
		}
	}
	if err := tx.Omit("Unit").CreateInBatches(as, batch).Error; err != nil {
		return fmt.Errorf("insert assignments: %w", err)
	}
	return nil
}
