package store

import (
	"errors"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"dutybot/knowledge"
)

// TestDB_Import_plan imports changed versions of the fixture over one in
// which task 1 (法制支队 and the members of 各分县局) and task 3 (人事处) are
// done, and checks the plan, whether it is refused, and what is kept.
func TestDB_Import_plan(t *testing.T) {
	type lost struct {
		task int
		unit string
	}
	tests := []struct {
		name    string
		change  func(n *knowledge.Notice)
		added   []int
		removed []int
		edited  map[int][]string
		lost    []lost
		refused bool
		// done lists the parts done after the import with Replace ("task:unit").
		done []string
	}{
		{name: "last task cut off", change: func(n *knowledge.Notice) { n.Tasks = n.Tasks[:2] },
			removed: []int{3}, lost: []lost{{3, "人事处"}}, refused: true,
			done: []string{"1:法制支队", "1:各分县局", "1:寿县公安局", "1:凤台县公安局"}},
		{name: "an open task removed", change: func(n *knowledge.Notice) {
			n.Tasks = []knowledge.Task{n.Tasks[0], n.Tasks[2]} // the store takes numbers with gaps
		}, removed: []int{2}, refused: true,
			done: []string{"1:法制支队", "1:各分县局", "1:寿县公安局", "1:凤台县公安局", "3:人事处"}},
		{name: "text edited and a task added", change: func(n *knowledge.Notice) {
			n.Tasks[0].Content = "编制并公开权责清单。"
			n.Tasks[2].Deadline = knowledge.Deadline{Text: "2019年12月底前", Kind: knowledge.DeadlineDate, Date: knowledge.NewDate(2019, 12, 31)}
			n.Tasks = append(n.Tasks, knowledge.Task{Number: 4, Content: "新任务。", Lead: []string{"人事处"},
				Deadline: knowledge.Deadline{Kind: knowledge.DeadlineNone}})
		}, added: []int{4}, edited: map[int][]string{1: {"content"}, 3: {"deadline"}},
			done: []string{"1:法制支队", "1:各分县局", "1:寿县公安局", "1:凤台县公安局", "3:人事处"}},
		{name: "a unit moves from one column to the other", change: func(n *knowledge.Notice) {
			n.Tasks[0].Lead, n.Tasks[0].Responsible = []string{"各分县局"}, []string{"法制支队"}
		}, edited: map[int][]string{1: {"lead", "responsible"}},
			done: []string{"1:各分县局", "1:寿县公安局", "1:凤台县公安局", "1:法制支队", "3:人事处"}},
		{name: "a group leaves a task", change: func(n *knowledge.Notice) {
			n.Tasks[0].Responsible = []string{"市局办公室"}
		}, edited: map[int][]string{1: {"responsible"}},
			lost: []lost{{1, "各分县局"}, {1, "凤台县公安局"}, {1, "寿县公安局"}}, refused: true,
			done: []string{"1:法制支队", "3:人事处"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			forEachEngine(t, func(t *testing.T, dsn string) {
				db := MustOpenDB(t, dsn)
				n := fixtureNotice()
				mustImport(t, db, n)
				for _, d := range []struct {
					task int
					unit string
				}{{1, ""}, {3, ""}} {
					if err := db.SetDone(ctx, knowledge.TaskRef{Notice: n.Number, Number: d.task}, d.unit, true, admin); err != nil {
						t.Fatal(err)
					}
				}
				next := fixtureNotice()
				tt.change(next)
				notices, _ := db.Notices(ctx)
				parts, _ := db.Assignments(ctx, n.Number)
				audit, _ := db.Audit(ctx)
				unchanged := func(what string) {
					t.Helper()
					gotN, _ := db.Notices(ctx)
					gotP, _ := db.Assignments(ctx, n.Number)
					gotA, _ := db.Audit(ctx)
					if !reflect.DeepEqual(gotN, notices) || !reflect.DeepEqual(gotP, parts) || len(gotA) != len(audit) {
						t.Fatalf("%s changed the database", what)
					}
				}

				plan, err := db.Import(ctx, next, admin, DryRun(), Replace())
				if err != nil {
					t.Fatalf("dry run: %v", err)
				}
				unchanged("a dry run")
				var gotLost []lost
				for _, l := range plan.Lost {
					gotLost = append(gotLost, lost{l.Task, l.Unit})
					if l.DoneAt == nil || l.DoneBy != admin.User {
						t.Errorf("lost part %+v does not say when and by whom it was done", l)
					}
				}
				edited := map[int][]string{}
				for _, e := range plan.Edited {
					edited[e.Task] = e.Fields
				}
				if !slices.Equal(plan.Added, tt.added) || !slices.Equal(plan.Removed, tt.removed) ||
					!reflect.DeepEqual(edited, orEmpty(tt.edited)) || !slices.Equal(gotLost, tt.lost) {
					t.Errorf("plan: added %v removed %v edited %v lost %v\nwant added %v removed %v edited %v lost %v",
						plan.Added, plan.Removed, edited, gotLost, tt.added, tt.removed, tt.edited, tt.lost)
				}
				if plan.Destructive() != tt.refused {
					t.Errorf("Destructive() = %v", plan.Destructive())
				}

				_, err = db.Import(ctx, next, admin)
				if tt.refused {
					if !errors.Is(err, ErrWouldLose) {
						t.Fatalf("Import = %v, want ErrWouldLose", err)
					}
					unchanged("a refused import")
					if _, err := db.Import(ctx, next, admin, Replace()); err != nil {
						t.Fatalf("Import with Replace: %v", err)
					}
				} else if err != nil {
					t.Fatalf("Import: %v", err)
				}
				var done []string
				after, _ := db.Assignments(ctx, n.Number)
				for _, a := range after {
					if a.Done {
						done = append(done, strconv.Itoa(a.Task)+":"+a.Unit)
					}
				}
				if !slices.Equal(done, tt.done) {
					t.Errorf("done after the import: %v, want %v", done, tt.done)
				}
				entries, _ := db.Audit(ctx)
				// a unit moved to the task's other column is audited as its
				// old role unassigned and its new role done: not lost
				moved := map[lost]bool{}
				for _, e := range entries[len(audit):] {
					if e.Action == ActionDone {
						moved[lost{e.Task, e.Unit}] = true
					}
				}
				var unassigned []lost
				for _, e := range entries[len(audit):] {
					if e.Action == ActionUnassign && e.Before == stateDone && !moved[lost{e.Task, e.Unit}] {
						unassigned = append(unassigned, lost{e.Task, e.Unit})
					}
				}
				if !slices.Equal(unassigned, tt.lost) {
					t.Errorf("audited as unassigned: %v, want %v", unassigned, tt.lost)
				}
				mustVerify(t, db)
			})
		})
	}
}

func orEmpty(m map[int][]string) map[int][]string {
	if m == nil {
		return map[int][]string{}
	}
	return m
}
