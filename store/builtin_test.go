package store

import (
	"reflect"
	"testing"

	"dutybot/knowledge"
	"dutybot/knowledge/builtin"
)

// TestDB_builtinNotice stores the real notice (淮公通〔2019〕395号) and reads
// it back whole: what main does on a fresh database.
func TestDB_builtinNotice(t *testing.T) {
	want, err := builtin.Notice()
	if err != nil {
		t.Skipf("built-in notice not loadable yet: %v", err)
	}
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		mustImport(t, db, want)
		got, err := db.Notices(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
			for i := range want.Tasks {
				if i < len(got[0].Tasks) && !reflect.DeepEqual(got[0].Tasks[i], want.Tasks[i]) {
					t.Errorf("task %d:\n got %+v\nwant %+v", want.Tasks[i].Number, got[0].Tasks[i], want.Tasks[i])
					break
				}
			}
			t.Fatal("the built-in notice does not round-trip")
		}
		if err := db.SetDone(ctx, knowledge.TaskRef{Notice: want.Number, Number: 8}, "", true, admin); err != nil {
			t.Fatal(err)
		}
		mustVerify(t, db)
	})
}
