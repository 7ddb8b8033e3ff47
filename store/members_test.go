package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"dutybot/knowledge"
)

// partsOfTask renders a task's assignments as "unit:role:state" in the
// store's order.
func partsOfTask(t *testing.T, db *DB, notice string, task int) string {
	t.Helper()
	as, err := db.Assignments(ctx, notice)
	if err != nil {
		t.Fatalf("Assignments: %v", err)
	}
	var out []string
	for _, a := range as {
		if a.Task == task {
			state := "open"
			if a.Done {
				state = "done"
			}
			out = append(out, a.Unit+":"+string(a.Role)+":"+state)
		}
	}
	return strings.Join(out, " ")
}

// TestDB_memberParts walks a group's members through their parts of task 1
// of the fixture (法制支队 leads, 各分县局 with members 寿县公安局 and
// 凤台县公安局 is responsible): each step starts from the last one's state.
func TestDB_memberParts(t *testing.T) {
	n := fixtureNotice()
	ref := knowledge.TaskRef{Notice: n.Number, Number: 1}
	setDone := func(db *DB, unit string, done bool) func() error {
		return func() error { return db.SetDone(ctx, ref, unit, done, admin) }
	}
	setMembers := func(db *DB, members ...string) func() error {
		return func() error { return db.SetMembers(ctx, "各分县局", members, admin) }
	}
	reimport := func(db *DB) func() error {
		return func() error {
			m := fixtureNotice()
			m.Tasks[0].Content = "编制权责清单（修订）。"
			return db.ImportNotice(ctx, m, admin)
		}
	}
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		mustImport(t, db, n)
		steps := []struct {
			name       string
			do         func() error
			wantErr    error
			wantParts  string // task 1's parts afterwards
			wantStatus knowledge.Status
			wantAudit  string // entries added: action unit before→after, joined by "; "
		}{
			{"imported members get parts", func() error { return nil }, nil,
				"法制支队:lead:open 各分县局:responsible:open 寿县公安局:responsible:open 凤台县公安局:responsible:open",
				knowledge.StatusOpen, ""},
			{"one member done", setDone(db, "凤台县公安局", true), nil,
				"法制支队:lead:open 各分县局:responsible:open 寿县公安局:responsible:open 凤台县公安局:responsible:done",
				knowledge.StatusPartial, "task.done 凤台县公安局 open→done"},
			{"same member again", setDone(db, "凤台县公安局", true), knowledge.ErrUnchanged,
				"法制支队:lead:open 各分县局:responsible:open 寿县公安局:responsible:open 凤台县公安局:responsible:done",
				knowledge.StatusPartial, ""},
			{"last member done finishes the group", setDone(db, "寿县公安局", true), nil,
				"法制支队:lead:open 各分县局:responsible:done 寿县公安局:responsible:done 凤台县公安局:responsible:done",
				knowledge.StatusPartial, "task.done 寿县公安局 open→done; task.done 各分县局 open→done"},
			{"member reopened reopens the group", setDone(db, "凤台县公安局", false), nil,
				"法制支队:lead:open 各分县局:responsible:open 寿县公安局:responsible:done 凤台县公安局:responsible:open",
				knowledge.StatusPartial, "task.reopen 凤台县公安局 done→open; task.reopen 各分县局 done→open"},
			{"group by alias marks its members", setDone(db, "分县局", true), nil,
				"法制支队:lead:open 各分县局:responsible:done 寿县公安局:responsible:done 凤台县公安局:responsible:done",
				knowledge.StatusPartial, "task.done 各分县局 open→done; task.done 凤台县公安局 open→done"},
			{"member of another task", func() error {
				return db.SetDone(ctx, knowledge.TaskRef{Notice: n.Number, Number: 2}, "凤台县公安局", true, admin)
			}, knowledge.ErrNotAssigned,
				"法制支队:lead:open 各分县局:responsible:done 寿县公安局:responsible:done 凤台县公安局:responsible:done",
				knowledge.StatusPartial, ""},
			{"new member of a finished group starts done", setMembers(db, "寿县公安局", "凤台县公安局", "潘集分局"), nil,
				"法制支队:lead:open 各分县局:responsible:done 寿县公安局:responsible:done 凤台县公安局:responsible:done 潘集分局:responsible:done",
				knowledge.StatusPartial, "unit.members 各分县局 寿县公安局、凤台县公安局→寿县公安局、凤台县公安局、潘集分局; task.done 潘集分局 open→done"},
			{"new member reopened", setDone(db, "潘集分局", false), nil,
				"法制支队:lead:open 各分县局:responsible:open 寿县公安局:responsible:done 凤台县公安局:responsible:done 潘集分局:responsible:open",
				knowledge.StatusPartial, "task.reopen 潘集分局 done→open; task.reopen 各分县局 done→open"},
			{"re-import keeps member parts", reimport(db), nil,
				"法制支队:lead:open 各分县局:responsible:open 寿县公安局:responsible:done 凤台县公安局:responsible:done 潘集分局:responsible:open",
				knowledge.StatusPartial, "notice.import  "},
			{"removing the open member finishes the group", setMembers(db, "凤台县公安局", "寿县公安局"), nil,
				"法制支队:lead:open 各分县局:responsible:done 凤台县公安局:responsible:done 寿县公安局:responsible:done",
				knowledge.StatusPartial,
				"unit.members 各分县局 寿县公安局、凤台县公安局、潘集分局→凤台县公安局、寿县公安局; task.unassign 潘集分局 open→; task.done 各分县局 open→done"},
			{"removed member has no part", setDone(db, "潘集分局", true), knowledge.ErrNotAssigned,
				"法制支队:lead:open 各分县局:responsible:done 凤台县公安局:responsible:done 寿县公安局:responsible:done",
				knowledge.StatusPartial, ""},
			{"whole task", setDone(db, "", true), nil,
				"法制支队:lead:done 各分县局:responsible:done 凤台县公安局:responsible:done 寿县公安局:responsible:done",
				knowledge.StatusDone, "task.done 法制支队 open→done"},
			{"group reopened reopens its members", setDone(db, "各分县局", false), nil,
				"法制支队:lead:done 各分县局:responsible:open 凤台县公安局:responsible:open 寿县公安局:responsible:open",
				knowledge.StatusPartial, "task.reopen 各分县局 done→open; task.reopen 凤台县公安局 done→open; task.reopen 寿县公安局 done→open"},
			{"no members: the group stands alone", setMembers(db), nil,
				"法制支队:lead:done 各分县局:responsible:open",
				knowledge.StatusPartial,
				"unit.members 各分县局 凤台县公安局、寿县公安局→; task.unassign 凤台县公安局 open→; task.unassign 寿县公安局 open→"},
		}
		for _, s := range steps {
			t.Run(s.name, func(t *testing.T) {
				before, _ := db.Audit(ctx)
				err := s.do()
				if !errors.Is(err, s.wantErr) || (err == nil) != (s.wantErr == nil) {
					t.Fatalf("err = %v, want %v", err, s.wantErr)
				}
				if got := partsOfTask(t, db, n.Number, 1); got != s.wantParts {
					t.Errorf("parts of task 1:\n got %s\nwant %s", got, s.wantParts)
				}
				if got := taskStatus(t, db, n.Number, 1); got != s.wantStatus {
					t.Errorf("status = %s, want %s", got, s.wantStatus)
				}
				after, _ := db.Audit(ctx)
				var got []string
				for _, e := range after[len(before):] {
					text := e.Action + " " + e.Unit + " " + e.Before + "→" + e.After
					if e.Action == ActionImport {
						text = e.Action + "  "
					}
					if e.Task != 1 && e.Action != ActionImport && e.Action != ActionMembers {
						t.Errorf("entry %s about task %d, want 1", text, e.Task)
					}
					got = append(got, text)
				}
				if strings.Join(got, "; ") != s.wantAudit {
					t.Errorf("audit added\n %q\nwant\n %q", strings.Join(got, "; "), s.wantAudit)
				}
			})
		}
		t.Run("the notice still names the group only", func(t *testing.T) {
			ns, err := db.Notices(ctx)
			if err != nil {
				t.Fatal(err)
			}
			task := ns[0].Task(1)
			if !slices.Equal(task.Lead, []string{"法制支队"}) || !slices.Equal(task.Responsible, []string{"各分县局"}) {
				t.Errorf("task 1 lead %v responsible %v", task.Lead, task.Responsible)
			}
		})
		mustVerify(t, db)
	})
}

// TestDB_memberParts_concurrent has every member of a large group mark its
// part at once: the group's part must end done, with one audit entry for it.
func TestDB_memberParts_concurrent(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		n := fixtureNotice()
		mustImport(t, db, n)
		var members []string
		for i := range 12 {
			members = append(members, fmt.Sprintf("第%d分局", i+1))
		}
		if err := db.SetMembers(ctx, "各分县局", members, admin); err != nil {
			t.Fatal(err)
		}
		errs := make(chan error, len(members))
		for _, m := range members {
			go func() {
				errs <- db.SetDone(ctx, knowledge.TaskRef{Notice: n.Number, Number: 1}, m, true, admin)
			}()
		}
		for range members {
			if err := <-errs; err != nil {
				t.Error(err)
			}
		}
		as, _ := db.UnitAssignments(ctx, n.Number, "各分县局")
		if len(as) != 1 || !as[0].Done {
			t.Errorf("各分县局's part = %+v, want done", as)
		}
		audit, _ := db.Audit(ctx)
		groupDone := 0
		for _, e := range audit {
			if e.Action == ActionDone && e.Unit == "各分县局" {
				groupDone++
			}
		}
		if groupDone != 1 {
			t.Errorf("%d task.done entries for 各分县局, want 1", groupDone)
		}
		mustVerify(t, db)
	})
}

// TestOpen_backfillsMemberParts opens a database as version 1 left it, with
// group members but no member parts: migration 2 adds them, as done as the
// group's part.
func TestOpen_backfillsMemberParts(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		n := fixtureNotice()
		mustImport(t, db, n)
		if err := db.SetDone(ctx, knowledge.TaskRef{Notice: n.Number, Number: 1}, "", true, admin); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{
			`DELETE FROM assignments WHERE via_unit_id IS NOT NULL`,
			`DELETE FROM schema_versions WHERE version >= 2`,
		} {
			if err := db.w.Exec(q).Error; err != nil {
				t.Fatal(err)
			}
		}
		if got := partsOfTask(t, db, n.Number, 1); got != "法制支队:lead:done 各分县局:responsible:done" {
			t.Fatalf("before the migration: %s", got)
		}
		db.Close()
		db = MustOpenDB(t, dsn)
		want := "法制支队:lead:done 各分县局:responsible:done 寿县公安局:responsible:done 凤台县公安局:responsible:done"
		if got := partsOfTask(t, db, n.Number, 1); got != want {
			t.Errorf("after the migration:\n got %s\nwant %s", got, want)
		}
		mustVerify(t, db)
	})
}
