package store

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// This file compares the state replay gives with the state stored, facet
// by facet, and says what differs and which entry would record it.

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
// (notices, archive, parts, channels, members, users).
func (rp *replay) differences(cur *current) []difference {
	var out []difference
	for _, facet := range []func(*current) []difference{rp.diffNotices, rp.diffArchived, rp.diffParts, rp.diffUnits, rp.diffUsers} {
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

// diffArchived compares whether each notice in the database is archived:
// a notice no archive entry names is in force.
func (rp *replay) diffArchived(cur *current) []difference {
	var out []difference
	for _, n := range cur.notices {
		want := rp.archived[n]
		if want.value == "" {
			want.value = stateInForce
		}
		got := stateInForce
		if cur.archived[n] {
			got = stateArchived
		}
		if got != want.value {
			fix := change{Action: ActionUnarchive, Notice: n, Before: want.value, After: got}
			if got == stateArchived {
				fix.Action = ActionArchive
			}
			out = append(out, difference{want.seq, fmt.Sprintf("notice %s: the database says %s, the log says %s (%s)",
				n, got, want.value, by(want)), &fix})
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
