package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"

	"dutybot/knowledge"
)

var (
	liaison = knowledge.Actor{User: "U0FAZHI", Via: "slack"}
	fx      = func(n int) knowledge.TaskRef { return knowledge.TaskRef{Notice: "测试〔2019〕1号", Number: n} }
)

// auditActions lists the audit log's entries from seq on as "action task unit before → after".
func auditActions(t *testing.T, db *DB, from int) []string {
	t.Helper()
	es, err := db.Audit(ctx)
	if err != nil {
		t.Fatalf("Audit: %v", err)
	}
	var out []string
	for _, e := range es[from:] {
		out = append(out, fmt.Sprintf("%s %d %s %s → %s", e.Action, e.Task, e.Unit, e.Before, e.After))
	}
	return out
}

func auditLen(t *testing.T, db *DB) int {
	t.Helper()
	es, err := db.Audit(ctx)
	if err != nil {
		t.Fatalf("Audit: %v", err)
	}
	return len(es)
}

// partOf returns one part of the fixture notice.
func partOf(t *testing.T, db *DB, task int, unit string) knowledge.Part {
	t.Helper()
	ps, err := db.Parts(ctx, "测试〔2019〕1号")
	if err != nil {
		t.Fatalf("Parts: %v", err)
	}
	for _, p := range ps {
		if p.Task == task && p.Unit == unit {
			return p
		}
	}
	t.Fatalf("no part %d %s in %+v", task, unit, ps)
	return knowledge.Part{}
}

func TestDB_liaisons(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		mustImport(t, db, fixtureNotice())
		start := auditLen(t, db)
		if err := db.ChangeLiaisons(ctx, "市局法制支队", []string{"U0FAZHI", "U0B", "U0FAZHI"}, nil, admin); err != nil {
			t.Fatal(err)
		}
		if err := db.ChangeLiaisons(ctx, "办公室", []string{"U0FAZHI"}, nil, admin); err != nil {
			t.Fatal(err)
		}
		if err := db.ChangeLiaisons(ctx, "法制支队", []string{"U0B"}, nil, admin); !errors.Is(err, knowledge.ErrUnchanged) {
			t.Errorf("adding a liaison again: err = %v, want ErrUnchanged", err)
		}
		if err := db.ChangeLiaisons(ctx, "法制支队", nil, []string{"U0NOBODY"}, admin); !errors.Is(err, knowledge.ErrUnchanged) {
			t.Errorf("removing a non-liaison: err = %v, want ErrUnchanged", err)
		}
		if err := db.ChangeLiaisons(ctx, "不存在的单位", []string{"U0X"}, nil, admin); !errors.Is(err, knowledge.ErrUnknownUnit) {
			t.Errorf("unknown unit: err = %v, want ErrUnknownUnit", err)
		}
		if err := db.ChangeLiaisons(ctx, "法制支队", nil, []string{"U0B"}, admin); err != nil {
			t.Fatal(err)
		}
		got, err := db.Liaisons(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][]string{"法制支队": {"U0FAZHI"}, "市局办公室": {"U0FAZHI"}}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("Liaisons = %v, want %v", got, want)
		}
		wantLog := []string{
			"liaison.add 0 法制支队  → U0FAZHI", "liaison.add 0 法制支队  → U0B",
			"liaison.add 0 市局办公室  → U0FAZHI", "liaison.remove 0 法制支队 U0B → ",
		}
		if got := auditActions(t, db, start); !slices.Equal(got, wantLog) {
			t.Errorf("audit:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantLog, "\n"))
		}
		mustVerify(t, db)
	})
}

// TestDB_supervisionLoop runs the whole loop on one part and checks the
// part, the assignments the planner reads, and the audit log at each step.
func TestDB_supervisionLoop(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		clock := clockwork.NewFakeClockAt(testStart)
		db := MustOpenDB(t, dsn, WithClock(clock))
		mustImport(t, db, fixtureNotice())
		start := auditLen(t, db)
		step := func(what string, err error) {
			t.Helper()
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			clock.Advance(time.Hour)
		}
		step("sign", db.SignPart(ctx, fx(1), "法制支队", liaison))
		if p := partOf(t, db, 1, "法制支队"); p.State != knowledge.PartSigned || !p.SignedAt.Equal(testStart.UTC()) || p.SignedBy != "U0FAZHI" {
			t.Errorf("after sign: %+v", p)
		}
		step("progress", db.AddReport(ctx, fx(1), "法制支队", "已起草清单", false, liaison))
		step("problem", db.AddReport(ctx, fx(1), "法制支队", "缺少人手", true, liaison))
		step("progress 2", db.AddReport(ctx, fx(1), "法制支队", "清单已送审", false, liaison))
		p := partOf(t, db, 1, "法制支队")
		if p.Progress == nil || p.Progress.Text != "清单已送审" || p.Problem == nil || p.Problem.Text != "缺少人手" {
			t.Errorf("latest progress/problem: %+v %+v", p.Progress, p.Problem)
		}
		rs, err := db.Reports(ctx, fx(1), "法制支队")
		if err != nil || len(rs) != 3 || rs[0].Text != "清单已送审" || rs[2].Text != "已起草清单" || !rs[1].Problem {
			t.Errorf("Reports (newest first) = %+v, %v", rs, err)
		}
		step("claim", db.ClaimPart(ctx, fx(1), "法制支队", "清单已公布", liaison))
		as, _ := db.Assignments(ctx, "测试〔2019〕1号")
		if as[0].Unit != "法制支队" || as[0].State != knowledge.PartInReview || as[0].Done {
			t.Errorf("assignment in review: %+v", as[0])
		}
		step("reject", db.ReviewPart(ctx, fx(1), "法制支队", false, "未附公布链接", admin))
		if p := partOf(t, db, 1, "法制支队"); p.State != knowledge.PartOpen || p.SignedAt.IsZero() || !p.ClaimedAt.IsZero() {
			t.Errorf("after reject: %+v", p)
		}
		step("claim again", db.ClaimPart(ctx, fx(1), "法制支队", "", liaison))
		claimed := clock.Now().Add(-time.Hour).UTC()
		step("approve", db.ReviewPart(ctx, fx(1), "法制支队", true, "", admin))
		p = partOf(t, db, 1, "法制支队")
		if p.State != knowledge.PartDone || p.DoneBy != "U0ADMIN" || !p.ClaimedAt.Equal(claimed) || p.DoneAt.IsZero() {
			t.Errorf("after approve: %+v", p)
		}
		want := []string{
			"part.sign 1 法制支队 open → signed",
			"part.progress 1 法制支队  → 已起草清单",
			"part.problem 1 法制支队  → 缺少人手",
			"part.progress 1 法制支队  → 清单已送审",
			"part.claim 1 法制支队 signed → in_review: 清单已公布",
			"part.reject 1 法制支队 in_review → open: 未附公布链接",
			"part.claim 1 法制支队 open → in_review",
			"part.approve 1 法制支队 in_review → done",
		}
		if got := auditActions(t, db, start); !slices.Equal(got, want) {
			t.Errorf("audit:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		var reviews int64
		db.r.Model(&reviewRow{}).Count(&reviews)
		if reviews != 2 {
			t.Errorf("%d reviews kept, want 2", reviews)
		}
		mustVerify(t, db)
	})
}

// TestDB_supervisionRefusals: every refusal names its reason and changes
// nothing, the audit log included.
func TestDB_supervisionRefusals(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		mustImport(t, db, fixtureNotice())
		// task 1: 法制支队 signed; 各分县局 in review; task 3 done.
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(db.SignPart(ctx, fx(1), "法制支队", liaison))
		must(db.ClaimPart(ctx, fx(1), "各分县局", "", liaison))
		must(db.SetDone(ctx, fx(3), "", true, admin))
		before := auditLen(t, db)
		parts, _ := db.Parts(ctx, "测试〔2019〕1号")
		for _, c := range []struct {
			name string
			do   func() error
			want error
		}{
			{"sign twice", func() error { return db.SignPart(ctx, fx(1), "法制支队", liaison) }, knowledge.ErrAlreadySigned},
			{"sign done part", func() error { return db.SignPart(ctx, fx(3), "人事处", liaison) }, knowledge.ErrPartDone},
			{"progress on done part", func() error { return db.AddReport(ctx, fx(3), "人事处", "x", false, liaison) }, knowledge.ErrPartDone},
			{"empty progress", func() error { return db.AddReport(ctx, fx(1), "法制支队", "  ", false, liaison) }, knowledge.ErrEmptyReport},
			{"claim in review", func() error { return db.ClaimPart(ctx, fx(1), "各分县局", "", liaison) }, knowledge.ErrInReview},
			{"claim done part", func() error { return db.ClaimPart(ctx, fx(3), "人事处", "", liaison) }, knowledge.ErrPartDone},
			{"approve not in review", func() error { return db.ReviewPart(ctx, fx(1), "法制支队", true, "", admin) }, knowledge.ErrNotInReview},
			{"approve done part", func() error { return db.ReviewPart(ctx, fx(3), "人事处", true, "", admin) }, knowledge.ErrPartDone},
			{"reject without reason", func() error { return db.ReviewPart(ctx, fx(1), "各分县局", false, " ", admin) }, knowledge.ErrNoReason},
			{"unit with no part", func() error { return db.SignPart(ctx, fx(1), "人事处", liaison) }, knowledge.ErrNotAssigned},
			{"unknown unit", func() error { return db.ClaimPart(ctx, fx(1), "不存在", "", liaison) }, knowledge.ErrUnknownUnit},
			{"unknown task", func() error { return db.SignPart(ctx, fx(99), "法制支队", liaison) }, knowledge.ErrNotFound},
			{"unknown notice", func() error {
				return db.SignPart(ctx, knowledge.TaskRef{Notice: "无", Number: 1}, "法制支队", liaison)
			}, knowledge.ErrNotFound},
		} {
			if err := c.do(); !errors.Is(err, c.want) {
				t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
			}
		}
		if n := auditLen(t, db); n != before {
			t.Errorf("refusals wrote %d audit entries", n-before)
		}
		if after, _ := db.Parts(ctx, "测试〔2019〕1号"); fmt.Sprint(after) != fmt.Sprint(parts) {
			t.Errorf("refusals changed parts:\n%v\n%v", parts, after)
		}
		mustVerify(t, db)
	})
}

// TestDB_supervisionParts: a unit in both columns has one part, role lead;
// approving a group finishes its members; reopening takes a part out of
// review; a re-import keeps the loop.
func TestDB_supervisionParts(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		n := fixtureNotice()
		mustImport(t, db, n)
		ps, err := db.Parts(ctx, n.Number)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range ps {
			got = append(got, fmt.Sprintf("%d %s %s %s %s", p.Task, p.Unit, p.Role, p.Via, p.State))
		}
		want := []string{
			"1 法制支队 lead  open", "1 各分县局 responsible  open",
			"1 寿县公安局 responsible 各分县局 open", "1 凤台县公安局 responsible 各分县局 open",
			"2 市局办公室 lead  open", "2 人事处 responsible  open", "3 人事处 lead  open",
		}
		if !slices.Equal(got, want) {
			t.Errorf("parts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		// task 2: 市局办公室 leads and is responsible; one part, both rows done on approve.
		if err := db.ClaimPart(ctx, fx(2), "办公室", "", liaison); err != nil {
			t.Fatal(err)
		}
		if err := db.ReviewPart(ctx, fx(2), "市局办公室", true, "", admin); err != nil {
			t.Fatal(err)
		}
		as, _ := db.UnitAssignments(ctx, n.Number, "市局办公室")
		if len(as) != 2 || !as[0].Done || !as[1].Done {
			t.Errorf("both rows of 市局办公室 done: %+v", as)
		}
		// a group approved: its members' parts are done too.
		if err := db.ClaimPart(ctx, fx(1), "各分县局", "", liaison); err != nil {
			t.Fatal(err)
		}
		start := auditLen(t, db)
		if err := db.ReviewPart(ctx, fx(1), "各分县局", true, "", admin); err != nil {
			t.Fatal(err)
		}
		wantLog := []string{"part.approve 1 各分县局 in_review → done", "task.done 1 寿县公安局 open → done", "task.done 1 凤台县公安局 open → done"}
		if got := auditActions(t, db, start); !slices.Equal(got, wantLog) {
			t.Errorf("group approve audit: %q, want %q", got, wantLog)
		}
		// an administrator's reopen takes a part out of review.
		if err := db.ClaimPart(ctx, fx(3), "人事处", "", liaison); err != nil {
			t.Fatal(err)
		}
		if err := db.SetDone(ctx, fx(3), "", true, admin); err != nil {
			t.Fatal(err)
		}
		if err := db.SetDone(ctx, fx(3), "", false, admin); err != nil {
			t.Fatal(err)
		}
		if p := partOf(t, db, 3, "人事处"); p.State != knowledge.PartOpen || p.SignedAt.IsZero() || !p.ClaimedAt.IsZero() {
			t.Errorf("reopened part: %+v, want open (still signed for) and out of review", p)
		}
		// a re-import with new content keeps the loop.
		if err := db.AddReport(ctx, fx(3), "人事处", "进行中", false, liaison); err != nil {
			t.Fatal(err)
		}
		n.Tasks[2].Content += "（修订）"
		mustImport(t, db, n)
		if p := partOf(t, db, 3, "人事处"); p.State != knowledge.PartOpen || p.SignedAt.IsZero() || p.Progress == nil || p.Progress.Text != "进行中" {
			t.Errorf("after re-import: %+v", p)
		}
		if p := partOf(t, db, 2, "市局办公室"); p.State != knowledge.PartDone {
			t.Errorf("after re-import 2: %+v", p)
		}
		mustVerify(t, db)
	})
}
