package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dutybot/knowledge"
)

// TestAuditHash_goldenWhere pins the encoding of an entry that records
// where it was asked (channel, team) and the roles it applies to.
func TestAuditHash_goldenWhere(t *testing.T) {
	r := auditRow{
		Seq: 7, At: time.Date(2019, 9, 2, 1, 2, 3, 456789000, time.UTC), User: "U123", Via: "slack",
		Channel: "C0DUTY", Team: "T0HUAINAN",
		Action: ActionDone, Notice: "淮公通〔2019〕395号", Task: 17, Unit: "法制支队", Role: "lead",
		Before: "open", After: "done", Prev: strings.Repeat("ab", 32),
	}
	got := auditHash(r) + "\n"
	path := filepath.Join("testdata", "audit_hash_where.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("auditHash = %s, golden %s", got, want)
	}
	for _, edit := range []func(*auditRow){
		func(r *auditRow) { r.Channel = "" },
		func(r *auditRow) { r.Team = "T0OTHER" },
		func(r *auditRow) { r.Role = "lead,responsible" },
	} {
		e := r
		edit(&e)
		if auditHash(e)+"\n" == got {
			t.Errorf("changing %+v did not change the hash", e)
		}
	}
}

func TestDB_auditRecordsWhere(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		n := fixtureNotice()
		mustImport(t, db, n)
		by := knowledge.Actor{User: "U0ADMIN", Via: "slack", Channel: "C0DUTY", Team: "T0HUAINAN"}
		if err := db.SetDone(ctx, knowledge.TaskRef{Notice: n.Number, Number: 2}, "市局办公室", true, by); err != nil {
			t.Fatal(err)
		}
		audit, err := db.Audit(ctx)
		if err != nil {
			t.Fatal(err)
		}
		last := audit[len(audit)-1]
		if last.Actor != by || last.Role != "lead,responsible" {
			t.Errorf("last entry = %+v, want actor %+v and both roles of 市局办公室", last, by)
		}
		if audit[0].Actor.Channel != "" || audit[0].Actor.Team != "" {
			t.Errorf("the import from the command line records a channel: %+v", audit[0].Actor)
		}
		mustVerify(t, db)
	})
}

// TestDB_VerifyAudit_state changes the state behind the log's back with
// raw SQL, as someone with database access would, and expects verify to
// name the first difference; and every ordinary change to keep it quiet.
func TestDB_VerifyAudit_state(t *testing.T) {
	tests := []struct {
		name string
		sql  []string
		want string // in the error
	}{
		{"a part set done", []string{
			`UPDATE assignments SET done = TRUE, done_by = 'mallory' WHERE unit_id = (SELECT id FROM units WHERE name = '人事处')
			 AND task_id = (SELECT id FROM tasks WHERE number = 3)`,
		}, "task 3 of 测试〔2019〕1号, 人事处 (lead): the database says done, the log says open (no entry)"},
		{"a done part reopened", []string{
			`UPDATE assignments SET done = FALSE, done_at = NULL, done_by = '' WHERE unit_id = (SELECT id FROM units WHERE name = '法制支队')`,
		}, "task 1 of 测试〔2019〕1号, 法制支队 (lead): the database says open, the log says done (entry 3)"},
		{"a done part deleted", []string{
			`DELETE FROM assignments WHERE unit_id = (SELECT id FROM units WHERE name = '法制支队')`,
		}, "task 1 of 测试〔2019〕1号, 法制支队 (lead): the log says done (entry 3), the database has no such part"},
		{"a channel bound", []string{
			`UPDATE units SET channel = 'CEVIL' WHERE name = '市局办公室'`,
		}, `unit 市局办公室: the database says channel "CEVIL", the log says (none) (no entry)`},
		{"a binding changed", []string{
			`UPDATE units SET channel = 'CEVIL' WHERE name = '人事处'`,
		}, `unit 人事处: the database says channel "CEVIL", the log says "CRS" (entry 4)`},
		{"a member added", []string{
			`INSERT INTO unit_members (unit_id, position, member) SELECT id, 9, '潘集分局' FROM units WHERE name = '各分县局'`,
		}, `unit 各分县局: the database says members "寿县公安局、凤台县公安局、潘集分局", the log says "寿县公安局、凤台县公安局" (entry 2)`},
		{"a user moved", []string{
			`UPDATE users SET unit_id = (SELECT id FROM units WHERE name = '人事处') WHERE user_id = 'U9'`,
		}, `user U9: the database says unit "人事处", the log says "法制支队" (entry 5)`},
		{"a notice deleted", []string{
			`DELETE FROM assignments`, `DELETE FROM tasks`, `DELETE FROM unit_aliases`, `DELETE FROM notice_units`, `DELETE FROM notices`,
		}, "notice 测试〔2019〕1号, imported by entry 1, is not in the database"},
		{"a first difference among several", []string{
			`UPDATE units SET channel = 'CEVIL' WHERE name = '市局办公室'`,
			`UPDATE assignments SET done = TRUE WHERE task_id = (SELECT id FROM tasks WHERE number = 2)`,
		}, "task 2 of 测试〔2019〕1号, 市局办公室 (lead): the database says done"},
	}
	for _, e := range []Engine{SQLite, Postgres} {
		t.Run(string(e), func(t *testing.T) {
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					db := MustOpenDB(t, freshDSN(t, e))
					n := fixtureNotice()
					mustImport(t, db, n) // 1 import, 2 members of 各分县局
					steps := []error{
						db.SetDone(ctx, knowledge.TaskRef{Notice: n.Number, Number: 1}, "法制支队", true, admin), // 3
						db.BindChannel(ctx, "人事处", "CRS", admin),                                             // 4
						db.SetUserUnit(ctx, "U9", "法制支队", admin),                                             // 5
					}
					for _, err := range steps {
						if err != nil {
							t.Fatal(err)
						}
					}
					mustVerify(t, db)
					for _, q := range tt.sql {
						if err := db.w.Exec(q).Error; err != nil {
							t.Fatalf("%s: %v", q, err)
						}
					}
					seq, err := db.VerifyAudit(ctx)
					if !errors.Is(err, ErrStateDiffers) || seq == 0 {
						t.Fatalf("VerifyAudit = %d, %v; want a state difference", seq, err)
					}
					if !strings.Contains(err.Error(), tt.want) {
						t.Errorf("VerifyAudit error\n %v\nwant it to say\n %s", err, tt.want)
					}
				})
			}
		})
	}
}

// TestDB_VerifyAudit_ordinaryChanges runs every kind of audited change,
// the awkward ones included (a member joining a finished group, a member
// leaving, a re-import that drops a done part, a re-import that brings it
// back), and verifies after each: the log replays to the state.
func TestDB_VerifyAudit_ordinaryChanges(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		n := fixtureNotice()
		ref := func(task int) knowledge.TaskRef { return knowledge.TaskRef{Notice: n.Number, Number: task} }
		dropped := fixtureNotice()
		dropped.Tasks = dropped.Tasks[:2]
		dropped.Tasks[1].Responsible = nil
		steps := []struct {
			name string
			do   func() error
		}{
			{"import", func() error { return db.ImportNotice(ctx, n, admin) }},
			{"a group done", func() error { return db.SetDone(ctx, ref(1), "各分县局", true, admin) }},
			{"a member joins the finished group", func() error {
				return db.SetMembers(ctx, "各分县局", []string{"寿县公安局", "凤台县公安局", "潘集分局"}, admin)
			}},
			{"a member reopens", func() error { return db.SetDone(ctx, ref(1), "潘集分局", false, admin) }},
			{"a member leaves", func() error { return db.SetMembers(ctx, "各分县局", []string{"寿县公安局"}, admin) }},
			{"both roles done", func() error { return db.SetDone(ctx, ref(2), "市局办公室", true, admin) }},
			{"a part done", func() error { return db.SetDone(ctx, ref(3), "人事处", true, admin) }},
			{"bind", func() error { return db.BindChannel(ctx, "法制支队", "CFZ", admin) }},
			{"unbind", func() error { return db.BindChannel(ctx, "法制支队", "", admin) }},
			{"iam", func() error { return db.SetUserUnit(ctx, "U9", "人事处", admin) }},
			{"iam again", func() error { return db.SetUserUnit(ctx, "U9", "法制支队", admin) }},
			{"a re-import drops done parts", func() error { _, err := db.Import(ctx, dropped, admin, Replace()); return err }},
			{"the whole notice again", func() error { return db.ImportNotice(ctx, fixtureNotice(), admin) }},
			{"all of task 3 done", func() error { return db.SetDone(ctx, ref(3), "", true, admin) }},
		}
		for _, s := range steps {
			if err := s.do(); err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			if seq, err := db.VerifyAudit(ctx); err != nil {
				t.Fatalf("after %s: VerifyAudit = %d, %v", s.name, seq, err)
			}
		}
	})
}

// TestDB_VerifyHeads: an insider who edits an entry and recomputes the
// whole chain (and the head row) passes the chain check; a head published
// before the rewrite gives it away.
func TestDB_VerifyHeads(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		n := fixtureNotice()
		mustImport(t, db, n)
		if err := db.SetDone(ctx, knowledge.TaskRef{Notice: n.Number, Number: 3}, "", true, admin); err != nil {
			t.Fatal(err)
		}
		published, err := db.AuditHead(ctx)
		if err != nil || published.Seq != 3 || len(published.Hash) != 64 {
			t.Fatalf("AuditHead = %+v, %v; want entry 3", published, err)
		}
		parsed, err := ParseAuditHead(published.String())
		if err != nil || parsed != published {
			t.Fatalf("ParseAuditHead(%s) = %+v, %v", published, parsed, err)
		}
		if err := db.BindChannel(ctx, "人事处", "CRS", admin); err != nil {
			t.Fatal(err)
		}
		if seq, err := db.VerifyHeads(ctx, published); seq != 0 || err != nil {
			t.Fatalf("VerifyHeads(intact) = %d, %v", seq, err)
		}
		// The rewrite: entry 3 now says someone else did it, and every hash
		// from there on is recomputed, the head row too.
		if err := db.w.Exec(`UPDATE audit_log SET actor_user = 'mallory' WHERE seq = 3`).Error; err != nil {
			t.Fatal(err)
		}
		var rows []auditRow
		db.w.Order("seq").Find(&rows)
		prev := ""
		for _, r := range rows {
			r.Prev = prev
			r.Hash = auditHash(r)
			prev = r.Hash
			if err := db.w.Exec(`UPDATE audit_log SET prev = ?, hash = ? WHERE seq = ?`, r.Prev, r.Hash, r.Seq).Error; err != nil {
				t.Fatal(err)
			}
		}
		db.w.Exec(`UPDATE audit_head SET hash = ? WHERE id = 1`, prev)
		mustVerify(t, db) // the chain alone cannot tell
		seq, err := db.VerifyHeads(ctx, published)
		if seq != 3 || !errors.Is(err, ErrHeadNotInChain) || !strings.Contains(err.Error(), "entry 3 now has hash") {
			t.Fatalf("VerifyHeads(rewritten) = %d, %v; want entry 3 not in the chain", seq, err)
		}
		// A truncated chain: the published head's entry is gone.
		db.w.Exec(`DELETE FROM audit_log WHERE seq >= 3`)
		db.w.Exec(`UPDATE audit_head SET seq = 2, hash = ? WHERE id = 1`, rows[1].Hash)
		seq, err = db.VerifyHeads(ctx, published)
		if seq != 3 || !errors.Is(err, ErrHeadNotInChain) || !strings.Contains(err.Error(), "the chain ends at entry 2") {
			t.Fatalf("VerifyHeads(truncated) = %d, %v; want entry 3 gone", seq, err)
		}
	})
}

func TestParseAuditHead_bad(t *testing.T) {
	hash := strings.Repeat("ab", 32)
	for _, s := range []string{"", "12", "12:", "x:" + hash, "0:" + hash, "-1:" + hash, "12:" + hash[:16], "12:" + hash + "00", "12:" + strings.Repeat("zz", 32)} {
		if h, err := ParseAuditHead(s); err == nil {
			t.Errorf("ParseAuditHead(%q) = %+v, want an error", s, h)
		}
	}
	if h, err := ParseAuditHead(" 12:" + strings.ToUpper(hash) + "\n"); err != nil || h.Seq != 12 || h.Hash != hash {
		t.Errorf("ParseAuditHead(upper case, spaces) = %+v, %v", h, err)
	}
}
