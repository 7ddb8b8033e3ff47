package store

import (
	"errors"
	"fmt"
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
	archived map[string]fact      // notice number → archived or in force (its last archive entry)
	parts    map[partRef]fact     // part → open or done
	allRoles map[unitTaskRef]fact // entries written before roles were recorded: every role of the unit
	channels map[string]fact      // unit → bound channel
	members  map[string]fact      // group unit → members joined by memberSep
	users    map[string]fact      // user ID → unit
}

func newReplay() *replay {
	return &replay{
		notices: map[string]fact{}, archived: map[string]fact{}, parts: map[partRef]fact{}, allRoles: map[unitTaskRef]fact{},
		channels: map[string]fact{}, members: map[string]fact{}, users: map[string]fact{},
	}
}

// apply replays one entry. Actions this version does not know set nothing:
// a newer binary's schema is refused before they could be written.
func (rp *replay) apply(r auditRow) {
	set := func(m map[string]fact, k, v string) { m[k] = fact{v, r.Seq} }
	switch r.Action {
	case ActionImport:
		set(rp.notices, r.Notice, r.After)
	case ActionArchive, ActionUnarchive:
		set(rp.archived, r.Notice, r.After)
	case ActionDone, ActionReopen, ActionUnassign, ActionApprove:
		state := r.After // approve: in review → done
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
	archived map[string]bool // notice number → archived (a row in notice_archives)
	parts    []partDone
	channels map[string]string // every unit, "" when unbound
	members  map[string]string
	users    map[string]string
}

type partDone struct {
	partRef
	done bool
}

// readState reads the state replay is compared with.
func readState(tx *gorm.DB) (*current, error) {
	cur := &current{archived: map[string]bool{}, channels: map[string]string{}, members: map[string]string{}, users: map[string]string{}}
	if err := tx.Model(&noticeRow{}).Order("id").Pluck("number", &cur.notices).Error; err != nil {
		return nil, fmt.Errorf("read notices: %w", err)
	}
	// The audit baseline (migration 8) reads the state before migration 9
	// makes the table: no notice was archived then.
	if tx.Migrator().HasTable(&noticeArchiveRow{}) {
		var archived []string
		err := tx.Table("notice_archives a").Joins("JOIN notices n ON n.id = a.notice_id").Pluck("n.number", &archived).Error
		if err != nil {
			return nil, fmt.Errorf("read archived notices: %w", err)
		}
		for _, n := range archived {
			cur.archived[n] = true
		}
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
		var p partDone
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
