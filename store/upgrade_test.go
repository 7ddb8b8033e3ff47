package store

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dutybot/knowledge"
)

// The databases under testdata/v3.* were made by dutybot at commit 8ecbd6e
// (schema version 3, before the supervision loop) through its chat
// commands: the built-in notice, done 5, done 22, bind 法制支队 C0FAZHI,
// members 各分县局 凤台县局 寿县局, done 3 凤台县局, done 8 市局办公室,
// reopen 22, and U0BGS saying 我是 市局办公室: 19 audit entries.
const builtinNumber = "淮公通〔2019〕395号"

// v3Database returns the DSN of a copy of the version-3 database for engine e.
func v3Database(t *testing.T, e Engine) string { return testdataDatabase(t, e, "v3") }

// testdataDatabase returns the DSN of a copy, for engine e, of a database made by
// an older release: testdata/NAME.sqlite copied to a temporary directory, or
// testdata/NAME.postgres.sql loaded into a fresh schema.
func testdataDatabase(t *testing.T, e Engine, name string) string {
	t.Helper()
	dsn := freshDSN(t, e)
	if e == SQLite {
		b, err := os.ReadFile(filepath.Join("testdata", name+".sqlite"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dsn, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	schema := u.Query().Get("search_path")
	dump, err := os.ReadFile(filepath.Join("testdata", name+".postgres.sql"))
	if err != nil {
		t.Fatal(err)
	}
	admin, _, _ := postgresAdmin()
	if _, err := admin.Exec(strings.ReplaceAll(string(dump), "{{schema}}", schema)); err != nil {
		t.Fatalf("load %s.postgres.sql: %v", name, err)
	}
	return dsn
}

// stateOfV3 describes what the version-3 database holds, to compare before
// and after the upgrade.
func stateOfV3(t *testing.T, db *DB) string {
	t.Helper()
	var b strings.Builder
	as, err := db.Assignments(ctx, builtinNumber)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if a.Done {
			fmt.Fprintf(&b, "done %d %s %s %s %s\n", a.Task, a.Unit, a.Role, a.DoneBy, a.DoneAt.Format("2006-01-02"))
		}
	}
	fmt.Fprintf(&b, "%d parts\n", len(as))
	us, err := db.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range us {
		fmt.Fprintf(&b, "unit %s %q %v %v\n", u.Name, u.Channel, u.Members, u.Aliases)
	}
	me, _ := db.UserUnit(ctx, "U0BGS")
	fmt.Fprintf(&b, "U0BGS: %s\n", me)
	es, err := db.Audit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		fmt.Fprintf(&b, "audit %d %s %s %d %s %s→%s %s\n", e.Seq, e.Actor.User, e.Action, e.Task, e.Unit, e.Before, e.After, e.Hash)
	}
	return b.String()
}

// TestOpen_upgradesVersion3 opens a database made by the release before the
// supervision loop: nothing is lost (parts done, channels, members, users,
// the audit chain), the loop works on it at once, and opening again, or
// from two replicas at once, migrates once.
func TestOpen_upgradesVersion3(t *testing.T) {
	for _, e := range []Engine{SQLite, Postgres} {
		t.Run(string(e), func(t *testing.T) {
			dsn := v3Database(t, e)
			openTogether(t, dsn, 2) // two replicas start together on the old database
			db := MustOpenDB(t, dsn)
			var versions []int
			db.r.Model(&schemaVersionRow{}).Order("version").Pluck("version", &versions)
			if fmt.Sprint(versions) != fmt.Sprint(allVersions()) {
				t.Errorf("schema versions %v, want %v", versions, allVersions())
			}
			got := stateOfV3(t, db)
			for _, want := range []string{
				"done 5 市局行政审批处 lead U0ADMIN", "done 3 凤台县局 responsible U0ADMIN",
				"done 8 市局办公室 lead U0ADMIN", "done 8 市局办公室 responsible U0ADMIN",
				`unit 法制支队 "C0FAZHI"`, "unit 各分县局 \"\" [凤台县局 寿县局]", "U0BGS: 市局办公室",
				"audit 19 U0BGS user.iam",
			} {
				if !strings.Contains(got, want) {
					t.Errorf("upgraded database lost %q:\n%s", want, got)
				}
			}
			if strings.Contains("\n"+got, "\ndone 22 ") {
				t.Errorf("task 22 was reopened before the upgrade:\n%s", got)
			}
			mustVerify(t, db)
			ps, err := db.Parts(ctx, builtinNumber)
			if err != nil {
				t.Fatal(err)
			}
			states := map[knowledge.PartState]int{}
			for _, p := range ps {
				states[p.State]++
			}
			if states[knowledge.PartDone] == 0 || states[knowledge.PartOpen] == 0 || len(states) != 2 {
				t.Errorf("parts of the old database by state: %v, want only open and done", states)
			}
			// The loop runs on the upgraded database, chained to the old log.
			by := knowledge.Actor{User: "U0ADMIN", Via: "cli"}
			ref := knowledge.TaskRef{Notice: builtinNumber, Number: 22}
			for _, err := range []error{
				db.ChangeLiaisons(ctx, "法制支队", []string{"U0FAZHI"}, nil, by),
				db.SignPart(ctx, ref, "法制支队", liaison),
				db.ClaimPart(ctx, ref, "法制支队", "已完成", liaison),
				db.ReviewPart(ctx, ref, "法制支队", true, "", by),
			} {
				if err != nil {
					t.Fatal(err)
				}
			}
			mustVerify(t, db)
			db.Close()
			// Opening again changes nothing.
			db = MustOpenDB(t, dsn)
			if again := stateOfV3(t, db); !strings.Contains(again, "U0ADMIN part.approve 22 法制支队") {
				t.Errorf("after reopening:\n%s", again)
			}
			var n int64
			db.r.Model(&schemaVersionRow{}).Count(&n)
			if n != int64(len(migrations)) {
				t.Errorf("%d schema versions after reopening, want %d", n, len(migrations))
			}
		})
	}
}

// allVersions are the schema versions this binary applies, in order.
func allVersions() []int {
	var vs []int
	for _, m := range migrations {
		vs = append(vs, m.version)
	}
	return vs
}
