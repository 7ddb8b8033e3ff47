package store

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"dutybot/knowledge"
	"dutybot/ledger"
	"dutybot/reminders"
)

// The databases under testdata/v8.* were made by dutybot at commit 3051f1b
// (schema version 8, the last release before version 9) by
// testdata/make_v8.sh, through its chat commands, once per engine: liaisons
// of 法制支队 and 市局办公室, a binding, group members, the whole loop on task
// 26 (签收, progress, a problem, claim, reject with a reason, progress, claim
// again, approve), task 2 left in review, task 22 signed with progress, an
// administrator's done 5 and done 3 凤台县局, and an iam: 26 audit entries.
// testdata/v8.ledger.ENGINE.jsonl is the old binary's ledger of the touched
// tasks on 2019-09-12.

// v8Touched are the tasks the old conversation changed.
var v8Touched = []int{2, 3, 5, 22, 26}

// v8Want are lines of stateOfV8 the upgraded database must hold, written from
// the conversation in make_v8.sh.
var v8Want = []string{
	"liaisons 法制支队 [U0FAZHI]",
	"liaisons 市局办公室 [U0BGS]",
	`part 26 市局办公室 responsible done signed=U0BGS claimed=U0BGS "已补充印发文件" done=U0FAZHI progress=U0BGS:已补印发文件 problem=U0BGS:缺少录像设备经费`,
	`part 2 市局办公室 responsible in_review signed=U0BGS claimed=U0BGS "已完成" done= progress= problem=`,
	`part 22 法制支队 lead signed signed=U0FAZHI claimed= "" done= progress=U0FAZHI:正在修订细则 problem=`,
	`part 3 凤台县局 responsible done signed= claimed= "" done=U0ADMIN progress= problem=`,
	`part 5 寿县局 responsible done signed= claimed= "" done=U0ADMIN progress= problem=`,
	"report 22 法制支队 U0FAZHI progress 正在修订细则",
	"report 26 市局办公室 U0BGS progress 已补印发文件",
	"report 26 市局办公室 U0BGS problem 缺少录像设备经费",
	"report 26 市局办公室 U0BGS progress 已起草制度初稿",
	`review 26 市局办公室 U0FAZHI approved=false "缺少印发文件"`,
	`review 26 市局办公室 U0FAZHI approved=true ""`,
	`unit 法制支队 "C0FAZHI" []`,
	`unit 各分县局 "" [凤台县局 寿县局]`,
	"U0BGS: 市局办公室",
	"audit 5 U0ADMIN liaison.remove 0 市局办公室 U0BGS2→",
	"audit 10 U0BGS part.problem 26 市局办公室 →缺少录像设备经费",
	"audit 14 U0FAZHI part.reject 26 市局办公室 in_review→open: 缺少印发文件",
	"audit 16 U0BGS part.claim 26 市局办公室 open→in_review: 已补充印发文件",
	"audit 17 U0FAZHI part.approve 26 市局办公室 in_review→done",
	"audit 25 U0ADMIN task.done 3 凤台县局 open→done",
	"audit 26 U0BGS user.iam 0 市局办公室 →U0BGS: 市局办公室",
}

// stateOfV8 describes, one fact a line, what the version-8 database holds
// through today's store: liaisons, the parts the loop touched, their reports
// and reviews, units, a user's unit and the audit log.
func stateOfV8(t *testing.T, db *DB) []string {
	t.Helper()
	var out []string
	ls, err := db.Liaisons(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range slices.Sorted(maps.Keys(ls)) {
		out = append(out, fmt.Sprintf("liaisons %s %v", u, ls[u]))
	}
	ps, err := db.Parts(ctx, builtinNumber)
	if err != nil {
		t.Fatal(err)
	}
	report := func(r *knowledge.Report) string {
		if r == nil {
			return ""
		}
		return r.User + ":" + r.Text
	}
	for _, p := range ps {
		if !slices.Contains(v8Touched, p.Task) || p.State == knowledge.PartOpen && p.SignedAt.IsZero() && p.Progress == nil {
			continue
		}
		out = append(out, fmt.Sprintf("part %d %s %s %s signed=%s claimed=%s %q done=%s progress=%s problem=%s",
			p.Task, p.Unit, p.Role, p.State, p.SignedBy, p.ClaimedBy, p.ClaimNote, p.DoneBy, report(p.Progress), report(p.Problem)))
		rs, err := db.Reports(ctx, knowledge.TaskRef{Notice: builtinNumber, Number: p.Task}, p.Unit)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			kind := "progress"
			if r.Problem {
				kind = "problem"
			}
			out = append(out, fmt.Sprintf("report %d %s %s %s %s", p.Task, p.Unit, r.User, kind, r.Text))
		}
	}
	var reviews []struct {
		Task     int
		Name     string
		UserID   string
		Approved bool
		Reason   string
	}
	err = db.r.Table("part_reviews").Select("part_reviews.task, units.name, part_reviews.user_id, part_reviews.approved, part_reviews.reason").
		Joins("JOIN units ON units.id = part_reviews.unit_id").Order("part_reviews.id").Scan(&reviews).Error
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reviews {
		out = append(out, fmt.Sprintf("review %d %s %s approved=%v %q", r.Task, r.Name, r.UserID, r.Approved, r.Reason))
	}
	us, err := db.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range us {
		out = append(out, fmt.Sprintf("unit %s %q %v", u.Name, u.Channel, u.Members))
	}
	me, _ := db.UserUnit(ctx, "U0BGS")
	out = append(out, "U0BGS: "+me)
	es, err := db.Audit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		out = append(out, fmt.Sprintf("audit %d %s %s %d %s %s→%s", e.Seq, e.Actor.User, e.Action, e.Task, e.Unit, e.Before, e.After))
	}
	return out
}

// v8Day is the day the old ledger in testdata was made for.
var v8Day = time.Date(2019, 9, 12, 12, 0, 0, 0, time.FixedZone("CST", 8*3600))

// ledgerOfV8 is today's ledger of the touched tasks on v8Day, one JSON
// object per row, as `dutybot ledger --format json` writes it.
func ledgerOfV8(t *testing.T, db *DB) []map[string]any {
	t.Helper()
	ns, err := db.Notices(ctx)
	if err != nil || len(ns) != 1 || ns[0].Number != builtinNumber {
		t.Fatalf("Notices = %v, %v; want the built-in notice alone", ns, err)
	}
	ps, err := db.Parts(ctx, builtinNumber)
	if err != nil {
		t.Fatal(err)
	}
	ps = slices.DeleteFunc(ps, func(p knowledge.Part) bool { return !slices.Contains(v8Touched, p.Task) })
	cal, err := reminders.NewCalendar()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	for _, r := range ledger.Rows(ns[0], ps, knowledge.DateOf(v8Day), cal, v8Day.Location()) {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, jsonObject(t, string(b)))
	}
	return out
}

// oldLedger reads testdata/v8.ledger.ENGINE.jsonl, the old binary's ledger.
func oldLedger(t *testing.T, e Engine) []map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "v8.ledger."+string(e)+".jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	for line := range strings.Lines(string(b)) {
		out = append(out, jsonObject(t, line))
	}
	return out
}

func jsonObject(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("%v: %s", err, s)
	}
	return m
}

// sameLedger reports every row of got that differs from want.
func sameLedger(t *testing.T, got, want []map[string]any) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("ledger has %d rows of the touched tasks, the old one %d", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("ledger row %d:\n got %v\nwant %v", i, got[i], want[i])
		}
	}
}

// TestOpen_upgradesVersion8 opens databases made by the last release of
// schema version 8, which hold the supervision loop's data, with today's
// store: every table's old rows are still there, column by column; the
// liaisons, part states, reports, reviews and audit entries read back with
// their values; the audit log verifies; the ledger of the touched tasks is
// the old binary's; and the loop goes on (the part left in review is
// approved), chained to the old log.
func TestOpen_upgradesVersion8(t *testing.T) {
	for _, e := range []Engine{SQLite, Postgres} {
		t.Run(string(e), func(t *testing.T) {
			dsn := testdataDatabase(t, e, "v8")
			before := readTables(t, e, dsn, nil)
			for table, n := range map[string]int{"liaisons": 2, "part_states": 3, "part_reports": 4, "part_reviews": 2, "audit_log": 26, "schema_versions": 8} {
				if got := len(before[table].rows); got != n {
					t.Fatalf("testdata/v8 has %d rows in %s, want %d", got, table, n)
				}
			}
			openTogether(t, dsn, 2) // two replicas start together on the old database
			sameTables(t, before, readTables(t, e, dsn, before))

			db := MustOpenDB(t, dsn)
			var versions []int
			db.r.Model(&schemaVersionRow{}).Order("version").Pluck("version", &versions)
			if fmt.Sprint(versions) != fmt.Sprint(allVersions()) {
				t.Errorf("schema versions %v, want %v", versions, allVersions())
			}
			got := stateOfV8(t, db)
			for _, want := range v8Want {
				if !slices.Contains(got, want) {
					t.Errorf("upgraded database lost %q:\n%s", want, strings.Join(got, "\n"))
				}
			}
			es, err := db.Audit(ctx)
			if err != nil || len(es) != 26 {
				t.Fatalf("Audit = %d entries, %v; want 26", len(es), err)
			}
			mustVerify(t, db)
			want := oldLedger(t, e)
			sameLedger(t, ledgerOfV8(t, db), want)

			// The loop goes on: the lead unit's liaison approves the part
			// the old release left in review.
			ref := knowledge.TaskRef{Notice: builtinNumber, Number: 2}
			if err := db.ReviewPart(ctx, ref, "市局办公室", true, "", liaison); err != nil {
				t.Fatalf("approve 2 市局办公室 on the upgraded database: %v", err)
			}
			mustVerify(t, db)
			after, err := db.Audit(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(after) != 27 || after[26].Action != "part.approve" || after[26].Prev != es[25].Hash {
				t.Errorf("after the approve the log has %d entries, the last %+v; want 27, part.approve chained to %s", len(after), after[len(after)-1], es[25].Hash)
			}
			now := ledgerOfV8(t, db)
			for i, r := range now {
				if r["task"] != 2.0 || r["unit"] != "市局办公室" {
					continue
				}
				if r["state"] != "done" || r["light"] != "none" || r["done_by"] != "U0FAZHI" || r["done_at"] == nil {
					t.Errorf("ledger row of the approved part: %v", r)
				}
				if i < len(want) {
					now[i] = want[i] // the one row that changed, checked
				}
			}
			sameLedger(t, now, want)
			db.Close()

			// Opening again changes nothing.
			db = MustOpenDB(t, dsn)
			if again := stateOfV8(t, db); !slices.Contains(again, "audit 27 U0FAZHI part.approve 2 市局办公室 in_review→done") {
				t.Errorf("after reopening:\n%s", strings.Join(again, "\n"))
			}
			var n int64
			db.r.Model(&schemaVersionRow{}).Count(&n)
			if n != int64(len(migrations)) {
				t.Errorf("%d schema versions after reopening, want %d", n, len(migrations))
			}
		})
	}
}
