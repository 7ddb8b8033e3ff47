package store

import (
	"errors"
	"testing"

	"dutybot/knowledge"
)

// TestDB_ArchiveNotice: archiving marks one notice of two, audited, survives
// a re-import and an audit verify; unknown notices and repeats change nothing.
func TestDB_ArchiveNotice(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		mustImport(t, db, fixtureNotice())
		second := fixtureNotice()
		second.Number, second.Title = "测试〔2020〕2号", "关于第二次测试的通知"
		mustImport(t, db, second)
		archived := func() map[string]bool {
			ns, err := db.Notices(ctx)
			if err != nil {
				t.Fatal(err)
			}
			out := map[string]bool{}
			for _, n := range ns {
				out[n.Number] = n.Archived
			}
			return out
		}
		if err := db.ArchiveNotice(ctx, "测试〔2020〕9号", true, admin); !errors.Is(err, knowledge.ErrNotFound) {
			t.Fatalf("archive of an unknown notice = %v, want ErrNotFound", err)
		}
		before, _ := db.Audit(ctx)
		if err := db.ArchiveNotice(ctx, second.Number, true, admin); err != nil {
			t.Fatal(err)
		}
		if got := archived(); !got[second.Number] || got[fixtureNotice().Number] {
			t.Fatalf("after archive: %v", got)
		}
		if err := db.ArchiveNotice(ctx, second.Number, true, admin); !errors.Is(err, knowledge.ErrUnchanged) {
			t.Fatalf("archive twice = %v, want ErrUnchanged", err)
		}
		after, _ := db.Audit(ctx)
		if len(after) != len(before)+1 || after[len(after)-1].Action != ActionArchive || after[len(after)-1].Notice != second.Number {
			t.Fatalf("audit after archive: %+v", after[len(before):])
		}
		// a re-import rewrites the notice row; the notice stays archived
		again := fixtureNotice()
		again.Number, again.Title = second.Number, "关于第二次测试的通知（修订）"
		if _, err := db.Import(ctx, again, admin); err != nil {
			t.Fatal(err)
		}
		if !archived()[second.Number] {
			t.Fatal("a re-import put the archived notice back in force")
		}
		mustVerify(t, db)
		if err := db.ArchiveNotice(ctx, second.Number, false, admin); err != nil {
			t.Fatal(err)
		}
		if archived()[second.Number] {
			t.Fatal("unarchive left the notice archived")
		}
		mustVerify(t, db)
	})
}
