package store

import (
	"bytes"
	"errors"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"dutybot/knowledge"
)

// TestDB_dashboardKey: the first key asked for is stored and every later
// ask, from any replica and at the same time, gets that key.
func TestDB_dashboardKey(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		a := MustOpenDB(t, dsn)
		b := MustOpenDB(t, dsn)
		keys := make([][]byte, 8)
		var wg sync.WaitGroup
		for i := range keys {
			wg.Add(1)
			go func() {
				defer wg.Done()
				db := a
				if i%2 == 1 {
					db = b
				}
				k, err := db.DashboardKey(ctx, func() ([]byte, error) { return bytes.Repeat([]byte{byte('a' + i)}, 32), nil })
				if err != nil {
					t.Error(err)
				}
				keys[i] = k
			}()
		}
		wg.Wait()
		for i, k := range keys {
			if len(k) != 32 || !bytes.Equal(k, keys[0]) {
				t.Fatalf("replica %d got key %q, the first got %q", i, k, keys[0])
			}
		}
		again, err := a.DashboardKey(ctx, func() ([]byte, error) { return nil, errors.New("must not be called") })
		if err != nil || !bytes.Equal(again, keys[0]) {
			t.Fatalf("stored key read again: %q, %v", again, err)
		}
	})
}

// TestDB_rotateCalendar: each rotation raises the unit's generation by one,
// audited in the same transaction; an unknown unit changes nothing.
func TestDB_rotateCalendar(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		mustImport(t, db, fixtureNotice())
		start := auditLen(t, db)
		for want := int64(1); want <= 2; want++ {
			gen, err := db.RotateCalendar(ctx, "市局法制支队", admin) // an alias
			if err != nil || gen != want {
				t.Fatalf("rotation %d: gen %d, %v", want, gen, err)
			}
		}
		if _, err := db.RotateCalendar(ctx, "不存在的单位", admin); !errors.Is(err, knowledge.ErrUnknownUnit) {
			t.Errorf("unknown unit: %v, want ErrUnknownUnit", err)
		}
		gens, err := db.CalendarGenerations(ctx)
		if err != nil || len(gens) != 1 || gens["法制支队"] != 2 {
			t.Fatalf("CalendarGenerations = %v, %v", gens, err)
		}
		want := []string{"calendar.rotate 0 法制支队 0 → 1", "calendar.rotate 0 法制支队 1 → 2"}
		if got := auditActions(t, db, start); !slices.Equal(got, want) {
			t.Errorf("audit:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		mustVerify(t, db)
	})
}

// TestDB_taskParts: a few tasks' parts are exactly those tasks' parts of
// Parts, state, reports and all; AuditAfter returns the entries after a
// sequence number, oldest first.
func TestDB_taskParts(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		n := fixtureNotice()
		mustImport(t, db, n)
		start := int64(auditLen(t, db))
		ref := knowledge.TaskRef{Notice: n.Number, Number: n.Tasks[1].Number}
		if err := db.AddReport(ctx, ref, n.Tasks[1].Lead[0], "进展", false, admin); err != nil {
			t.Fatal(err)
		}
		all, err := db.Parts(ctx, n.Number)
		if err != nil {
			t.Fatal(err)
		}
		want := []int{n.Tasks[0].Number, n.Tasks[1].Number}
		got, err := db.TaskParts(ctx, n.Number, want)
		if err != nil {
			t.Fatal(err)
		}
		var exp []knowledge.Part
		for _, p := range all {
			if slices.Contains(want, p.Task) {
				exp = append(exp, p)
			}
		}
		if len(got) == 0 || !reflect.DeepEqual(got, exp) {
			t.Errorf("TaskParts:\n%v\nwant:\n%v", got, exp)
		}
		if none, err := db.TaskParts(ctx, n.Number, nil); err != nil || len(none) != 0 {
			t.Errorf("TaskParts(no tasks) = %v, %v", none, err)
		}
		es, err := db.AuditAfter(ctx, start, 10)
		if err != nil || len(es) != 2 || es[0].Seq != start+1 || es[1].Action != ActionProgress {
			t.Errorf("AuditAfter(%d) = %+v, %v; want the sign and the progress", start, es, err)
		}
	})
}
