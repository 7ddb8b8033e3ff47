package store

import (
	"errors"
	"math"
	"reflect"
	"slices"
	"sort"
	"time"

	"gorm.io/gorm"

	"dutybot/knowledge"
)

// ErrWouldLose is returned (wrapped) by Import when importing a notice over
// the stored one would remove tasks or lose completion state, and Replace was
// not given. A notice file cut short looks exactly like that, so nothing is
// written; the ImportPlan returned with it says what would go.
var ErrWouldLose = errors.New("the import would remove tasks or lose completion state")

// ImportPlan is what importing a notice changes in the stored notice with
// the same number.
type ImportPlan struct {
	// Notice is the document number.
	Notice string
	// Stored is true when a notice with that number was stored already.
	Stored bool
	// Unchanged is true when the stored notice has exactly this content.
	Unchanged bool
	// TasksBefore and TasksAfter count the notice's tasks.
	TasksBefore, TasksAfter int
	// Added and Removed are task numbers, in order.
	Added, Removed []int
	// Edited are the tasks kept under their number whose fields changed.
	Edited []TaskEdit
	// NoticeFields names the notice's own fields that changed (title, units, …).
	NoticeFields []string
	// Lost are the parts marked done that the import takes away: their task
	// is removed, or their unit no longer has a part in it.
	Lost []LostPart
}

// TaskEdit is one task whose fields an import changes.
type TaskEdit struct {
	Task int
	// Fields are the YAML names of the changed fields: content, lead,
	// responsible, deadline, section, subsection, periods, note.
	Fields []string
}

// LostPart is a unit's done part of a task that an import takes away.
type LostPart struct {
	Task   int
	Unit   string
	DoneAt *time.Time
	DoneBy string
}

// Destructive reports whether the import removes tasks or loses state:
// what Import refuses without Replace.
func (p *ImportPlan) Destructive() bool { return len(p.Removed) > 0 || len(p.Lost) > 0 }

// ImportOption configures Import.
type ImportOption func(*importOptions) error

type importOptions struct {
	replace, dryRun bool
	onlyIfEmpty     bool // ImportIfEmpty: refuse (errNotEmpty) when any notice is stored
}

// onlyIfEmpty makes Import give up with errNotEmpty when the database holds
// a notice already: the built-in notice loaded by replicas starting together.
func onlyIfEmpty() ImportOption {
	return func(o *importOptions) error { o.onlyIfEmpty = true; return nil }
}

// Replace lets Import remove tasks and lose completion state: the
// administrator has seen the plan and means it. Each lost done part is
// audited as task.unassign.
func Replace() ImportOption {
	return func(o *importOptions) error { o.replace = true; return nil }
}

// DryRun makes Import work out and return the plan, and write nothing.
func DryRun() ImportOption {
	return func(o *importOptions) error { o.dryRun = true; return nil }
}

// planImport compares n with the stored notice row (nil when none is
// stored) and its completion state kept.
func planImport(tx *gorm.DB, row *noticeRow, n *knowledge.Notice, digest string, kept keptStates) (*ImportPlan, error) {
	p := &ImportPlan{Notice: n.Number, TasksAfter: len(n.Tasks)}
	if row == nil {
		for _, t := range n.Tasks {
			p.Added = append(p.Added, t.Number)
		}
		return p, nil
	}
	p.Stored = true
	if row.Digest == digest {
		p.Unchanged = true
		p.TasksBefore = len(n.Tasks)
		return p, nil
	}
	stored, err := readNotices(tx, row.ID)
	if err != nil {
		return nil, err
	}
	if len(stored) != 1 {
		return nil, errors.New("read the stored notice: not found")
	}
	old := stored[0]
	p.TasksBefore = len(old.Tasks)
	p.NoticeFields = noticeFieldsChanged(old, n)
	oldByNumber := map[int]*knowledge.Task{}
	for i := range old.Tasks {
		oldByNumber[old.Tasks[i].Number] = &old.Tasks[i]
	}
	newByNumber := map[int]*knowledge.Task{}
	for i := range n.Tasks {
		t := &n.Tasks[i]
		newByNumber[t.Number] = t
		o, ok := oldByNumber[t.Number]
		if !ok {
			p.Added = append(p.Added, t.Number)
			continue
		}
		if f := taskFieldsChanged(o, t); len(f) > 0 {
			p.Edited = append(p.Edited, TaskEdit{Task: t.Number, Fields: f})
		}
	}
	for _, t := range old.Tasks {
		if newByNumber[t.Number] == nil {
			p.Removed = append(p.Removed, t.Number)
		}
	}
	units, err := loadUnits(tx)
	if err != nil {
		return nil, err
	}
	groupsOf := map[string][]string{} // member → the groups it is a member of
	for _, u := range n.Units {
		for _, m := range unitMembers(units, u) {
			if canon, _, err := units.resolve(m); err == nil {
				m = canon
			}
			groupsOf[m] = append(groupsOf[m], u.Name)
		}
	}
	for _, k := range kept.units() {
		if t := newByNumber[k.task]; t == nil || !hasPart(t, k.unit, groupsOf) {
			s := kept.any(k.task, k.unit)
			p.Lost = append(p.Lost, LostPart{Task: k.task, Unit: k.unit, DoneAt: s.at, DoneBy: s.by})
		}
	}
	// In each task, the units in the order the stored table names them;
	// group members after.
	place := func(l LostPart) int {
		if t := oldByNumber[l.Task]; t != nil {
			for i, a := range t.Units() {
				if a.Unit == l.Unit {
					return i
				}
			}
		}
		return math.MaxInt
	}
	sort.SliceStable(p.Lost, func(i, j int) bool {
		a, b := p.Lost[i], p.Lost[j]
		if a.Task != b.Task {
			return a.Task < b.Task
		}
		return place(a) < place(b)
	})
	return p, nil
}

// unitMembers are the members of unit u as stored (SetMembers wins over the
// notice), or else as the notice gives them.
func unitMembers(units *unitSet, u knowledge.Unit) []string {
	if id, ok := units.idOf[u.Name]; ok && len(units.byID[id].Members) > 0 {
		return units.byID[id].Members
	}
	return u.Members
}

// hasPart reports whether unit has a part in t: its own, or as a member of
// a group that has one.
func hasPart(t *knowledge.Task, unit string, groupsOf map[string][]string) bool {
	for _, a := range t.Units() {
		if a.Unit == unit || slices.Contains(groupsOf[unit], a.Unit) {
			return true
		}
	}
	return false
}

// taskFieldsChanged names the fields of a task that differ.
func taskFieldsChanged(a, b *knowledge.Task) []string {
	var out []string
	add := func(name string, same bool) {
		if !same {
			out = append(out, name)
		}
	}
	add("section", a.Section == b.Section && a.SectionNumeral == b.SectionNumeral)
	add("subsection", a.Subsection == b.Subsection && a.SubsectionNumeral == b.SubsectionNumeral)
	add("content", a.Content == b.Content)
	add("lead", slices.Equal(a.Lead, b.Lead))
	add("responsible", slices.Equal(a.Responsible, b.Responsible))
	add("deadline", a.Deadline == b.Deadline)
	add("periods", len(a.Periods) == 0 && len(b.Periods) == 0 || reflect.DeepEqual(a.Periods, b.Periods))
	add("note", a.Note == b.Note)
	return out
}

// noticeFieldsChanged names the notice's own fields that differ; units are
// compared by name, aliases and group (channels and members are state).
func noticeFieldsChanged(a, b *knowledge.Notice) []string {
	var out []string
	add := func(name string, same bool) {
		if !same {
			out = append(out, name)
		}
	}
	add("title", a.Title == b.Title)
	add("issuer", a.Issuer == b.Issuer)
	add("date", a.Date == b.Date)
	add("addressees", slices.Equal(a.Addressees, b.Addressees))
	add("body", mustJSON(noticeBody{Cites: a.Cites, Preamble: a.Preamble, Sections: a.Sections, Closing: a.Closing}) ==
		mustJSON(noticeBody{Cites: b.Cites, Preamble: b.Preamble, Sections: b.Sections, Closing: b.Closing}))
	add("table_title", a.TableTitle == b.TableTitle)
	add("note", a.Note == b.Note)
	unitKey := func(us []knowledge.Unit) string {
		type k struct {
			Name    string
			Aliases []string
			Group   bool
		}
		ks := make([]k, len(us))
		for i, u := range us {
			ks[i] = k{u.Name, u.Aliases, u.Group}
		}
		return mustJSON(ks)
	}
	add("units", unitKey(a.Units) == unitKey(b.Units))
	return out
}

// keptStates is the completion state of a stored notice's parts, carried
// over to the parts of the notice imported over it.
type keptStates map[assignmentKey]doneState

// find returns the state kept for a part: the same unit in the same role, or
// else the same unit's in another role of the task (a unit moved from the
// responsible column to the lead column keeps what it has done).
func (k keptStates) find(task int, unit, role string) (doneState, bool) {
	if s, ok := k[assignmentKey{task, unit, role}]; ok {
		return s, true
	}
	for _, r := range []knowledge.Role{knowledge.RoleLead, knowledge.RoleResponsible} {
		if s, ok := k[assignmentKey{task, unit, string(r)}]; ok {
			return s, true
		}
	}
	return doneState{}, false
}

// any returns the state of a unit in a task, in whichever role.
func (k keptStates) any(task int, unit string) doneState {
	s, _ := k.find(task, unit, "")
	return s
}

// taskUnit is a unit in a task, whatever its role.
type taskUnit struct {
	task int
	unit string
}

// units lists the (task, unit) pairs with a done part, by task then unit.
func (k keptStates) units() []taskUnit {
	seen := map[taskUnit]bool{}
	var out []taskUnit
	for key := range k {
		tu := taskUnit{key.task, key.unit}
		if !seen[tu] {
			seen[tu] = true
			out = append(out, tu)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].task != out[j].task {
			return out[i].task < out[j].task
		}
		return out[i].unit < out[j].unit
	})
	return out
}
