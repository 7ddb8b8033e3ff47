package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"dutybot/knowledge"
)

func TestDB_unitState(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		mustImport(t, db, fixtureNotice())
		slack := knowledge.Actor{User: "U1", Via: "slack"}
		steps := []struct {
			name    string
			do      func() error
			wantErr error
			want    string // the audit entries it adds: action unit before→after, joined by "; "
		}{
			{"bind by alias", func() error { return db.BindChannel(ctx, "市局法制支队", "C0FZ", slack) }, nil, "unit.bind 法制支队 →C0FZ"},
			{"bind again", func() error { return db.BindChannel(ctx, "法制支队", "C0FZ", slack) }, knowledge.ErrUnchanged, ""},
			{"rebind", func() error { return db.BindChannel(ctx, "法制支队", "C1", slack) }, nil, "unit.bind 法制支队 C0FZ→C1"},
			{"bind unknown", func() error { return db.BindChannel(ctx, "公安部", "C1", slack) }, knowledge.ErrUnknownUnit, ""},
			{"members", func() error {
				return db.SetMembers(ctx, "分县局", []string{"寿县公安局", " 寿县公安局", "", "潘集分局"}, slack)
			}, nil, "unit.members 各分县局 寿县公安局、凤台县公安局→寿县公安局、潘集分局; task.unassign 凤台县公安局 open→"},
			{"members same", func() error {
				return db.SetMembers(ctx, "各分县局", []string{"寿县公安局", "潘集分局"}, slack)
			}, knowledge.ErrUnchanged, ""},
			{"new member is a unit of its own", func() error { return db.BindChannel(ctx, "潘集分局", "C0PJ", slack) }, nil, "unit.bind 潘集分局 →C0PJ"},
			{"members by alias, group dropped", func() error {
				return db.SetMembers(ctx, "各分县局", []string{"寿县公安局", "潘集分局", "分县局", "各分县局"}, slack)
			}, knowledge.ErrUnchanged, ""},
			{"iam", func() error { return db.SetUserUnit(ctx, "U1", "办公室", slack) }, nil, "user.iam 市局办公室 →U1: 市局办公室"},
			{"iam same", func() error { return db.SetUserUnit(ctx, "U1", "市局办公室", slack) }, knowledge.ErrUnchanged, ""},
			{"iam moves", func() error { return db.SetUserUnit(ctx, "U1", "人事处", slack) }, nil, "user.iam 人事处 U1: 市局办公室→U1: 人事处"},
			{"iam unknown", func() error { return db.SetUserUnit(ctx, "U1", "公安部", slack) }, knowledge.ErrUnknownUnit, ""},
			{"iam nobody", func() error { return db.SetUserUnit(ctx, "", "人事处", slack) }, errAny, ""},
		}
		for _, s := range steps {
			t.Run(s.name, func(t *testing.T) {
				before, _ := db.Audit(ctx)
				err := s.do()
				switch {
				case s.wantErr == errAny && err == nil, s.wantErr != errAny && !errors.Is(err, s.wantErr),
					s.wantErr == nil && err != nil:
					t.Fatalf("err = %v, want %v", err, s.wantErr)
				}
				after, _ := db.Audit(ctx)
				var got []string
				for _, e := range after[len(before):] {
					got = append(got, e.Action+" "+e.Unit+" "+e.Before+"→"+e.After)
					if e.Actor != slack {
						t.Errorf("actor = %+v", e.Actor)
					}
				}
				if strings.Join(got, "; ") != s.want {
					t.Errorf("audit added %q, want %q", strings.Join(got, "; "), s.want)
				}
			})
		}
		if u, err := db.UserUnit(ctx, "U1"); err != nil || u != "人事处" {
			t.Errorf("UserUnit(U1) = %q, %v", u, err)
		}
		if u, err := db.UserUnit(ctx, "U404"); err != nil || u != "" {
			t.Errorf("UserUnit(U404) = %q, %v; want empty", u, err)
		}
		mustVerify(t, db)
	})
}

// errAny stands for "some error" in step tables.
var errAny = errors.New("any error")

// TestDB_restart checks that every kind of state survives closing and
// reopening the database.
func TestDB_restart(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		n := fixtureNotice()
		mustImport(t, db, n)
		steps := []error{
			db.SetDone(ctx, knowledge.TaskRef{Notice: n.Number, Number: 1}, "法制支队", true, admin),
			db.BindChannel(ctx, "人事处", "CRS", admin),
			db.SetUserUnit(ctx, "U9", "法制支队", admin),
		}
		for _, err := range steps {
			if err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.Record(ctx, []knowledge.Reminder{reminderAt(1, testStart)}); err != nil {
			t.Fatal(err)
		}
		if ok, _ := db.Acquire(ctx, "job", "a", testStart, time.Hour); !ok {
			t.Fatal("no lease")
		}
		type state struct {
			Notices     []*knowledge.Notice
			Assignments []knowledge.Assignment
			Units       []knowledge.Unit
			Audit       []knowledge.AuditEntry
			Reminders   []knowledge.LoggedReminder
			User        string
		}
		read := func(db *DB) state {
			var s state
			s.Notices, _ = db.Notices(ctx)
			s.Assignments, _ = db.Assignments(ctx, n.Number)
			s.Units, _ = db.Units(ctx)
			s.Audit, _ = db.Audit(ctx)
			s.Reminders, _ = db.Reminders(ctx, "")
			s.User, _ = db.UserUnit(ctx, "U9")
			return s
		}
		before := read(db)
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		db2 := MustOpenDB(t, dsn)
		if after := read(db2); !reflect.DeepEqual(before, after) {
			t.Errorf("state after restart differs:\nbefore %+v\nafter  %+v", before, after)
		}
		if len(before.Audit) != 5 || before.User != "法制支队" || len(before.Reminders) != 1 {
			t.Errorf("state before restart is not what was written: %+v", before)
		}
		if ok, _ := db2.Acquire(ctx, "job", "b", testStart.Add(time.Minute), time.Hour); ok {
			t.Error("a's lease was lost in the restart")
		}
		mustVerify(t, db2)
	})
}
