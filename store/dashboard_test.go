package store

import (
	"bytes"
	"errors"
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
		if n, err := db.CountAuditAfter(ctx, int64(start), ActionCalendarRotate, ActionImport); err != nil || n != 2 {
			t.Errorf("CountAuditAfter(%d) = %d, %v; want the 2 rotations", start, n, err)
		}
		if n, err := db.CountAuditAfter(ctx, 0, ActionImport); err != nil || n != 1 {
			t.Errorf("CountAuditAfter(0, import) = %d, %v; want 1", n, err)
		}
	})
}
