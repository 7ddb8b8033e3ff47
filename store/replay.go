package store

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"
)

// ErrStateDiffers is wrapped by VerifyAudit's error when the database's
// state is not what replaying the audit log gives: something was changed
// without an audit entry.
var ErrStateDiffers = errors.New("state differs from the audit log")

// Replaying the log: every audited change of state says what the state
// became, so applying the entries in order gives the state the database
// must hold. A change made behind the log's back (an UPDATE by hand) then
// shows as a difference. Each kind of state is a facet: an action that sets
// it (apply) and a comparison with the tables (check). The supervision
// loop's liaisons, when they come, are one more facet: their actions in
// apply, their table in readState, their comparison in diff.

// fact is one value the log sets, with the entry that set it last.
type fact struct {
	value string
	seq   int64
}

// partRef names a unit's part in a task of a notice.
type partRef struct {
	notice string
	task   int
	unit   string
	role   string
}

// unitTaskRef names a unit's parts in a task of a notice, whatever their role.
type unitTaskRef struct {
	notice string
	task   int
	unit   string
}

// replay is the state the log describes.
type replay struct {
	notices  map[string]fact      // notice number → its last import
	parts    map[partRef]fact     // part → open or done
	allRoles map[unitTaskRef]fact // entries written before roles were recorded: every role of the unit
	channels map[string]fact      // unit → bound channel
	members  map[string]fact      // group unit → members joined by memberSep
	users    map[string]fact      // user ID → unit
}

func newReplay() *replay {
	return &replay{
		notices: map[string]fact{}, parts: map[partRef]fact{}, allRoles: map[unitTaskRef]fact{},
		channels: map[string]fact{}, members: map[string]fact{}, users: map[string]fact{},
	}
}

// apply replays one entry. Actions this version does not know set nothing:
// a newer binary's schema is refused before they could be written.
func (rp *replay) apply(r AuditRow) {
	set := func(m map[string]fact, k, v string) { m[k] = fact{v, r.Seq} }
	switch r.Action {
	case ActionImport:
		set(rp.notices, r.Notice, r.After)
	case ActionDone, ActionReopen, ActionUnassign:
		state := r.After
		if r.Action == ActionUnassign {
			state = stateOpen // the part is gone; made again, it starts open unless the log says otherwise
		}
		if r.Role == "" {
			rp.allRoles[unitTaskRef{r.Notice, r.Task, r.Unit}] = fact{state, r.Seq}
			return
		}
		for _, role := range strings.Split(r.Role, ",") {
			rp.parts[partRef{r.Notice, r.Task, r.Unit, role}] = fact{state, r.Seq}
		}
	case ActionBind:
		set(rp.channels, r.Unit, r.After)
	case ActionMembers:
		set(rp.members, r.Unit, r.After)
	case ActionIAm:
		if user, unit, ok := strings.Cut(r.After, ": "); ok {
			set(rp.users, user, unit)
		}
	}
}

// part is the state the log gives a part: the later of the entries about
// that role and about all the unit's roles; open when none.
func (rp *replay) part(p partRef) fact {
	f, all := rp.parts[p], rp.allRoles[unitTaskRef{p.notice, p.task, p.unit}]
	if all.seq > f.seq {
		f = all
	}
	if f.value == "" {
		f.value = stateOpen
	}
	return f
}

// current is the state the database holds, as replay keeps it.
type current struct {
	notices  []string
	parts    []partState
	channels map[string]string // every unit, "" when unbound
	members  map[string]string
	users    map[string]string
}

type partState struct {
	partRef
	done bool
}

// readState reads the state replay is compared with.
func readState(tx *gorm.DB) (*current, error) {
	cur := &current{channels: map[string]string{}, members: map[string]string{}, users: map[string]string{}}
	if err := tx.Model(&NoticeRow{}).Order("id").Pluck("number", &cur.notices).Error; err != nil {
		return nil, fmt.Errorf("read notices: %w", err)
	}
	rows, err := tx.Table("assignments a").
		Select("n.number, t.number, u.name, a.role, a.done").
		Joins("JOIN tasks t ON t.id = a.task_id").
		Joins("JOIN notices n ON n.id = t.notice_id").
		Joins("JOIN units u ON u.id = a.unit_id").
		Order("n.id, t.number, a.position, a.sub, a.role").Rows()
	if err != nil {
		return nil, fmt.Errorf("read parts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p partState
		if err := rows.Scan(&p.notice, &p.task, &p.unit, &p.role, &p.done); err != nil {
			return nil, fmt.Errorf("read parts: %w", err)
		}
		cur.parts = append(cur.parts, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read parts: %w", err)
	}
	units, err := loadUnits(tx)
	if err != nil {
		return nil, err
	}
	for _, u := range units.ordered {
		cur.channels[u.Name] = u.Channel
		cur.members[u.Name] = strings.Join(u.Members, memberSep)
	}
	var users []struct{ UserID, Name string }
	err = tx.Table("users us").Select("us.user_id, u.name").Joins("JOIN units u ON u.id = us.unit_id").Scan(&users).Error
	if err != nil {
		return nil, fmt.Errorf("read users: %w", err)
	}
	for _, u := range users {
		cur.users[u.UserID] = u.Name
	}
	return cur, nil
}

// difference is where the database and the log part, with the entry that
// set the log's side (0 when no entry did) and, where one exists, the entry
// that would make the log say what the database holds (the baseline
// migration writes those).
type difference struct {
	seq  int64
	what string
	fix  *change
}

func (d *difference) err() error { return fmt.Errorf("%w: %s", ErrStateDiffers, d.what) }

// by names the entry behind the log's side of a difference.
func by(f fact) string {
	if f.seq == 0 {
		return "no entry"
	}
	return fmt.Sprintf("entry %d", f.seq)
}

// diff returns the first difference between the log's state and the
// database's, or nil.
func (rp *replay) diff(cur *current) *difference {
	if ds := rp.differences(cur); len(ds) > 0 {
		return &ds[0]
	}
	return nil
}

// differences lists every difference, facet by facet in a fixed order
// (notices, parts, channels, members, users).
func (rp *replay) differences(cur *current) []difference {
	var out []difference
	for _, facet := range []func(*current) []difference{rp.diffNotices, rp.diffParts, rp.diffUnits, rp.diffUsers} {
		out = append(out, facet(cur)...)
	}
	return out
}

func (rp *replay) diffNotices(cur *current) []difference {
	var out []difference
	for _, n := range cur.notices {
		if _, ok := rp.notices[n]; !ok {
			out = append(out, difference{0, fmt.Sprintf("notice %s is in the database, but no entry imported it", n),
				&change{Action: ActionImport, Notice: n, After: "as found"}})
		}
	}
	for _, n := range sortedKeys(rp.notices) {
		if !slices.Contains(cur.notices, n) {
			f := rp.notices[n]
			out = append(out, difference{f.seq, fmt.Sprintf("notice %s, imported by entry %d, is not in the database", n, f.seq), nil})
		}
	}
	return out
}

func (rp *replay) diffParts(cur *current) []difference {
	var out []difference
	have := make(map[partRef]bool, len(cur.parts))
	haveUnit := map[unitTaskRef]bool{}
	for _, p := range cur.parts {
		have[p.partRef], haveUnit[unitTaskRef{p.notice, p.task, p.unit}] = true, true
		want := rp.part(p.partRef)
		if got := stateOf(p.done); got != want.value {
			fix := doneChange(p.notice, p.task, p.unit, p.done)
			fix.Role = p.role
			out = append(out, difference{want.seq, fmt.Sprintf("task %d of %s, %s (%s): the database says %s, the log says %s (%s)",
				p.task, p.notice, p.unit, p.role, got, want.value, by(want)), &fix})
		}
	}
	// A part the log says is done must exist: deleting its row loses the state.
	var missing []difference
	for p, f := range rp.parts {
		if f.value == stateDone && !have[p] && rp.part(p) == f {
			missing = append(missing, difference{f.seq, fmt.Sprintf("task %d of %s, %s (%s): the log says done (%s), the database has no such part",
				p.task, p.notice, p.unit, p.role, by(f)),
				&change{Action: ActionUnassign, Notice: p.notice, Task: p.task, Unit: p.unit, Role: p.role, Before: stateDone}})
		}
	}
	for u, f := range rp.allRoles {
		if f.value == stateDone && !haveUnit[u] && !rp.newerPart(u, f.seq) {
			missing = append(missing, difference{f.seq, fmt.Sprintf("task %d of %s, %s: the log says done (%s), the database has no part of it",
				u.task, u.notice, u.unit, by(f)),
				&change{Action: ActionUnassign, Notice: u.notice, Task: u.task, Unit: u.unit, Before: stateDone}})
		}
	}
	slices.SortFunc(missing, func(a, b difference) int { return cmp.Or(cmp.Compare(a.seq, b.seq), strings.Compare(a.what, b.what)) })
	return append(out, missing...)
}

// newerPart reports whether an entry about one of u's roles came after seq.
func (rp *replay) newerPart(u unitTaskRef, seq int64) bool {
	for p, f := range rp.parts {
		if p.notice == u.notice && p.task == u.task && p.unit == u.unit && f.seq > seq {
			return true
		}
	}
	return false
}

func (rp *replay) diffUnits(cur *current) []difference {
	var out []difference
	for _, facet := range []struct {
		what, action string
		got          map[string]string
		facts        map[string]fact
	}{
		{"channel", ActionBind, cur.channels, rp.channels},
		{"members", ActionMembers, cur.members, rp.members},
	} {
		for _, u := range sortedKeys(facet.got) {
			want := facet.facts[u]
			if got := facet.got[u]; got != want.value {
				out = append(out, difference{want.seq, fmt.Sprintf("unit %s: the database says %s %s, the log says %s (%s)",
					u, facet.what, quoteOrNone(got), quoteOrNone(want.value), by(want)),
					&change{Action: facet.action, Unit: u, Before: want.value, After: got}})
			}
		}
		for _, u := range sortedKeys(facet.facts) {
			if _, ok := facet.got[u]; !ok && facet.facts[u].value != "" {
				f := facet.facts[u]
				out = append(out, difference{f.seq, fmt.Sprintf("unit %s: the log says %s %s (%s), the unit is not in the database",
					u, facet.what, quoteOrNone(f.value), by(f)),
					&change{Action: facet.action, Unit: u, Before: f.value}})
			}
		}
	}
	return out
}

func (rp *replay) diffUsers(cur *current) []difference {
	var out []difference
	for _, u := range sortedKeys(cur.users) {
		want := rp.users[u]
		if got := cur.users[u]; got != want.value {
			out = append(out, difference{want.seq, fmt.Sprintf("user %s: the database says unit %s, the log says %s (%s)",
				u, quoteOrNone(got), quoteOrNone(want.value), by(want)),
				&change{Action: ActionIAm, Unit: got, Before: iamValue(u, want), After: u + ": " + got}})
		}
	}
	for _, u := range sortedKeys(rp.users) {
		if _, ok := cur.users[u]; !ok && rp.users[u].value != "" {
			f := rp.users[u]
			out = append(out, difference{f.seq, fmt.Sprintf("user %s: the log says unit %s (%s), the database has no unit for the user",
				u, quoteOrNone(f.value), by(f)),
				&change{Action: ActionIAm, Before: iamValue(u, f), After: u + ": "}})
		}
	}
	return out
}

// iamValue is a user.iam entry's before or after: "USER: UNIT", "USER: "
// for a user the log takes out of their unit (only the baseline migration
// does), "" before the log ever gave the user a unit.
func iamValue(user string, f fact) string {
	if f.seq == 0 && f.value == "" {
		return ""
	}
	return user + ": " + f.value
}

func quoteOrNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return fmt.Sprintf("%q", s)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
