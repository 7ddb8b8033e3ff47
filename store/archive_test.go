package store

import (
	"errors"
	"strings"
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

// TestDB_VerifyAudit_archive flips a notice's archive flag with raw SQL,
// behind the log's back, and expects verify to name the notice, both sides
// and the entry the database contradicts ("no entry", and the head's next
// sequence number, when no entry ever archived it).
func TestDB_VerifyAudit_archive(t *testing.T) {
	const first, second = "测试〔2019〕1号", "测试〔2020〕2号"
	archive := func(number string) string {
		return `INSERT INTO notice_archives (notice_id, archived_at, archived_by)
			SELECT id, CURRENT_TIMESTAMP, 'mallory' FROM notices WHERE number = '` + number + `'`
	}
	tests := []struct {
		name      string
		unarchive bool // the log puts the second notice back in force first (entry 5)
		sql       string
		want      string // in the error
		seq       int64  // the entry VerifyAudit names
	}{
		{"a notice archived", false, archive(first),
			"notice 测试〔2019〕1号: the database says archived, the log says in force (no entry)", 5},
		{"an archived notice put back in force", false, `DELETE FROM notice_archives`,
			"notice 测试〔2020〕2号: the database says in force, the log says archived (entry 4)", 4},
		{"a notice the log put back in force archived again", true, archive(second),
			"notice 测试〔2020〕2号: the database says archived, the log says in force (entry 5)", 5},
	}
	for _, e := range []Engine{SQLite, Postgres} {
		t.Run(string(e), func(t *testing.T) {
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					db := MustOpenDB(t, freshDSN(t, e))
					mustImport(t, db, fixtureNotice()) // 1 import, 2 members of 各分县局
					n := fixtureNotice()
					n.Number, n.Title = second, "关于第二次测试的通知"
					mustImport(t, db, n)                                               // 3 import (the members are set already)
					if err := db.ArchiveNotice(ctx, second, true, admin); err != nil { // 4
						t.Fatal(err)
					}
					if tt.unarchive {
						if err := db.ArchiveNotice(ctx, second, false, admin); err != nil { // 5
							t.Fatal(err)
						}
					}
					mustVerify(t, db)
					if err := db.w.Exec(tt.sql).Error; err != nil {
						t.Fatalf("%s: %v", tt.sql, err)
					}
					seq, err := db.VerifyAudit(ctx)
					if !errors.Is(err, ErrStateDiffers) || seq != tt.seq {
						t.Fatalf("VerifyAudit = %d, %v; want entry %d and a state difference", seq, err, tt.seq)
					}
					if !strings.Contains(err.Error(), tt.want) {
						t.Errorf("VerifyAudit error\n %v\nwant it to say\n %s", err, tt.want)
					}
				})
			}
		})
	}
}
