package store

import (
	"errors"
	"reflect"
	"testing"

	"dutybot/knowledge"
)

func TestDB_ImportNotice(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		if empty, err := db.Empty(ctx); err != nil || !empty {
			t.Fatalf("Empty = %v, %v on a new database", empty, err)
		}
		want := fixtureNotice()
		mustImport(t, db, want)

		t.Run("round trip", func(t *testing.T) {
			got, err := db.Notices(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
				t.Fatalf("Notices() =\n%+v\nwant\n%+v", got, want)
			}
			if empty, _ := db.Empty(ctx); empty {
				t.Error("Empty after an import")
			}
		})
		t.Run("same content again", func(t *testing.T) {
			if err := db.ImportNotice(ctx, fixtureNotice(), admin); !errors.Is(err, knowledge.ErrUnchanged) {
				t.Fatalf("re-import of the same notice = %v, want ErrUnchanged", err)
			}
		})
		t.Run("replace keeps completion", func(t *testing.T) {
			ref := knowledge.TaskRef{Notice: want.Number, Number: 1}
			if err := db.SetDone(ctx, ref, "法制支队", true, admin); err != nil {
				t.Fatal(err)
			}
			if err := db.SetDone(ctx, knowledge.TaskRef{Notice: want.Number, Number: 2}, "人事处", true, admin); err != nil {
				t.Fatal(err)
			}
			before, _ := db.Assignments(ctx, want.Number)
			next := fixtureNotice()
			next.Tasks[1].Responsible = []string{"市局办公室"} // 人事处 leaves task 2
			next.Units[0].Aliases = []string{"支队"}        // a corrected alias
			next.Tasks = append(next.Tasks, knowledge.Task{Number: 4, Content: "新任务。", Lead: []string{"人事处"},
				Deadline: knowledge.Deadline{Kind: knowledge.DeadlineNone}})
			// 人事处's done part of task 2 would be lost: refused unless replaced.
			auditBefore, _ := db.Audit(ctx)
			plan, err := db.Import(ctx, next, admin)
			if !errors.Is(err, ErrWouldLose) || len(plan.Lost) != 1 || plan.Lost[0].Task != 2 || plan.Lost[0].Unit != "人事处" {
				t.Fatalf("Import losing 人事处's part = %+v, %v; want ErrWouldLose naming it", plan, err)
			}
			if got, _ := db.Assignments(ctx, want.Number); !reflect.DeepEqual(got, before) {
				t.Fatal("a refused import changed the assignments")
			}
			if got, _ := db.Audit(ctx); len(got) != len(auditBefore) {
				t.Fatal("a refused import wrote to the audit log")
			}
			if _, err := db.Import(ctx, next, admin, Replace()); err != nil {
				t.Fatalf("Import with Replace: %v", err)
			}

			got, _ := db.Assignments(ctx, want.Number)
			if len(got) != len(before) { // one gone (人事处 in 2), one new (task 4)
				t.Fatalf("%d assignments after re-import, want %d", len(got), len(before))
			}
			if got[0] != before[0] || !got[0].Done {
				t.Errorf("task 1 法制支队 after re-import = %+v, want %+v", got[0], before[0])
			}
			for _, a := range got {
				if a.Task == 2 && a.Done {
					t.Errorf("task 2 %s done after re-import; only 人事处's part was, and it left", a.Unit)
				}
			}
			ns, _ := db.Notices(ctx)
			if len(ns) != 1 || !reflect.DeepEqual(ns[0], next) {
				t.Errorf("Notices() after re-import =\n%+v\nwant\n%+v", ns[0], next)
			}
			units, _ := db.Units(ctx)
			dir := knowledge.NewDirectory(units)
			if _, ok := dir.Resolve("市局法制支队"); ok {
				t.Error("the alias the new import dropped still resolves")
			}
			audit, _ := db.Audit(ctx)
			imp, lost := audit[len(audit)-2], audit[len(audit)-1]
			if imp.Action != ActionImport || imp.Before == "" || imp.After == "" || imp.Notice != want.Number {
				t.Errorf("audit entry = %+v, want a notice.import with before and after", imp)
			}
			// 人事处's part of task 2 was done and is gone: the log says so.
			if lost.Action != ActionUnassign || lost.Task != 2 || lost.Unit != "人事处" || lost.Role != "responsible" || lost.Before != "done" {
				t.Errorf("last audit entry = %+v, want task.unassign of 人事处's done part of task 2", lost)
			}
			mustVerify(t, db)
		})
	})
}

func TestDB_ImportNotice_badInput(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(n *knowledge.Notice) *knowledge.Notice
	}{
		{"nil", func(*knowledge.Notice) *knowledge.Notice { return nil }},
		{"no number", func(n *knowledge.Notice) *knowledge.Notice { n.Number = ""; return n }},
		{"no tasks", func(n *knowledge.Notice) *knowledge.Notice { n.Tasks = nil; return n }},
		{"duplicate task", func(n *knowledge.Notice) *knowledge.Notice { n.Tasks[1].Number = 1; return n }},
		{"task number 0", func(n *knowledge.Notice) *knowledge.Notice { n.Tasks[0].Number = 0; return n }},
		{"task without units", func(n *knowledge.Notice) *knowledge.Notice { n.Tasks[2].Lead = nil; return n }},
		{"unit not listed", func(n *knowledge.Notice) *knowledge.Notice {
			n.Tasks[0].Lead = []string{"公安部"}
			return n
		}},
		{"unit twice in a role", func(n *knowledge.Notice) *knowledge.Notice {
			n.Tasks[0].Lead = []string{"法制支队", "法制支队"}
			return n
		}},
		{"duplicate unit", func(n *knowledge.Notice) *knowledge.Notice {
			n.Units = append(n.Units, knowledge.Unit{Name: "人事处"})
			return n
		}},
		{"bad deadline", func(n *knowledge.Notice) *knowledge.Notice {
			n.Tasks[0].Deadline = knowledge.Deadline{Text: "八月", Kind: knowledge.DeadlineDate}
			return n
		}},
	}
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		mustImport(t, db, fixtureNotice())
		if err := db.SetDone(ctx, knowledge.TaskRef{Notice: fixtureNotice().Number, Number: 1}, "", true, admin); err != nil {
			t.Fatal(err)
		}
		wantNotices, _ := db.Notices(ctx)
		wantAudit, _ := db.Audit(ctx)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				n := fixtureNotice()
				n.Title = "改过的标题" // so that a wrongly accepted import would show
				err := db.ImportNotice(ctx, tt.mutate(n), admin)
				if !errors.Is(err, knowledge.ErrInvalidNotice) {
					t.Fatalf("ImportNotice = %v, want ErrInvalidNotice", err)
				}
				gotNotices, _ := db.Notices(ctx)
				gotAudit, _ := db.Audit(ctx)
				if !reflect.DeepEqual(gotNotices, wantNotices) || !reflect.DeepEqual(gotAudit, wantAudit) {
					t.Fatal("a refused import changed the database")
				}
			})
		}
		t.Run("no actor", func(t *testing.T) {
			n := fixtureNotice()
			n.Title = "改过的标题"
			if err := db.ImportNotice(ctx, n, knowledge.Actor{}); err == nil {
				t.Fatal("import without an actor succeeded")
			}
		})
	})
}
