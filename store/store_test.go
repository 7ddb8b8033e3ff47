package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the admin connection that makes a schema per test
	"github.com/jonboulle/clockwork"

	"dutybot/knowledge"
)

// defaultTestPostgres is where the PostgreSQL half of the tests runs unless
// $DUTYBOT_TEST_POSTGRES says otherwise.
const defaultTestPostgres = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

var pgAdmin struct {
	once sync.Once
	base string
	db   *sql.DB
	err  error
}

// postgresAdmin connects once per test binary to the test server.
func postgresAdmin() (*sql.DB, string, error) {
	pgAdmin.once.Do(func() {
		pgAdmin.base = os.Getenv("DUTYBOT_TEST_POSTGRES")
		if pgAdmin.base == "" {
			pgAdmin.base = defaultTestPostgres
		}
		db, err := sql.Open("pgx", pgAdmin.base)
		if err == nil {
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			defer cancel()
			err = db.PingContext(ctx)
		}
		pgAdmin.db, pgAdmin.err = db, err
	})
	return pgAdmin.db, pgAdmin.base, pgAdmin.err
}

// freshDSN returns the DSN of a new, empty database for one test: an SQLite
// file in t.TempDir(), or a new PostgreSQL schema dropped after the test.
// The PostgreSQL half is skipped when the server cannot be reached.
func freshDSN(t testing.TB, e Engine) string {
	t.Helper()
	if e == SQLite {
		return filepath.Join(t.TempDir(), "dutybot.db")
	}
	admin, base, err := postgresAdmin()
	if err != nil {
		t.Skipf("PostgreSQL at %s unreachable (%v): skipping the PostgreSQL half (set $DUTYBOT_TEST_POSTGRES; .ci/run starts a server)", redact(base), err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "dutybot_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse %s: %v", base, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// forEachEngine runs fn once per engine, each on a fresh database.
func forEachEngine(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Helper()
	for _, e := range []Engine{SQLite, Postgres} {
		t.Run(string(e), func(t *testing.T) { fn(t, freshDSN(t, e)) })
	}
}

// testStart is the fake clock's start: a weekday morning in Huainan.
var testStart = time.Date(2019, 9, 2, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))

// MustOpenDB opens dsn with a fake clock (unless opts set another) and closes
// it when the test ends.
func MustOpenDB(t testing.TB, dsn string, opts ...Option) *DB {
	t.Helper()
	opts = append([]Option{WithClock(clockwork.NewFakeClockAt(testStart))}, opts...)
	db, err := Open(context.Background(), dsn, opts...)
	if err != nil {
		t.Fatalf("Open(%s): %v", redact(dsn), err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

var (
	admin = knowledge.Actor{User: "U0ADMIN", Via: "cli"}
	ctx   = context.Background()
)

// fixtureNotice is a small notice with the awkward cases: aliases, a group
// unit, a unit that is both lead and responsible (task 2), periods.
func fixtureNotice() *knowledge.Notice {
	return &knowledge.Notice{
		Number: "测试〔2019〕1号", Title: "关于测试的通知", Issuer: "淮南市公安局",
		Date:       knowledge.NewDate(2019, 8, 1),
		Addressees: []string{"各分县局", "市局各警种部门"},
		Cites:      []knowledge.Citation{{Title: "《指导意见》", Number: "国办发〔2018〕118号"}},
		Preamble:   "为全面推行三项制度，现通知如下：",
		Sections:   []knowledge.BodySection{{Numeral: "一", Heading: "提高认识", Paragraphs: []string{"第一段。"}}},
		Closing:    []string{"联系人：张三"},
		TableTitle: "任务分解表",
		Note:       knowledge.TableNote{Text: "说明：牵头单位负责协调。", Lead: "负责协调", Responsible: "负责落实"},
		Units: []knowledge.Unit{
			{Name: "法制支队", Aliases: []string{"市局法制支队"}},
			{Name: "各分县局", Aliases: []string{"各县分局", "分县局"}, Group: true, Members: []string{"寿县公安局", "凤台县公安局"}},
			{Name: "市局办公室", Aliases: []string{"办公室"}},
			{Name: "人事处"},
		},
		Tasks: []knowledge.Task{
			{Number: 1, Section: "推行公示制度", SectionNumeral: "二", Subsection: "强化事前公开", SubsectionNumeral: "（一）",
				Content: "编制权责清单。", Lead: []string{"法制支队"}, Responsible: []string{"各分县局"},
				Deadline: knowledge.Deadline{Text: "2019年8月底前", Kind: knowledge.DeadlineDate, Date: knowledge.NewDate(2019, 8, 31)}},
			{Number: 2, Section: "推行公示制度", SectionNumeral: "二", Subsection: "规范事中公示", SubsectionNumeral: "（二）",
				Content: "统一着装。", Lead: []string{"市局办公室"}, Responsible: []string{"市局办公室", "人事处"},
				Deadline: knowledge.Deadline{Kind: knowledge.DeadlineNone}, Note: "办公室两列都有"},
			{Number: 3, Section: "推行公示制度", SectionNumeral: "二", Subsection: "加强事后公开", SubsectionNumeral: "（三）",
				Content: "在执法决定作出之日起7个工作日内公开。", Lead: []string{"人事处"},
				Deadline: knowledge.Deadline{Text: "长期", Kind: knowledge.DeadlineOngoing},
				Periods:  []knowledge.Period{{Text: "7个工作日内", Count: 7, Unit: knowledge.WorkingDays, Clause: "在执法决定作出之日起7个工作日内公开"}}},
		},
	}
}

// bigNotice is a notice of n tasks, each led by one of a few units and done
// by one of a few others, for load and concurrency tests.
func bigNotice(n int) *knowledge.Notice {
	units := []string{"法制支队", "人事处", "市局办公室", "各分县局", "指挥中心", "治安支队", "交警支队", "刑警支队"}
	nt := &knowledge.Notice{Number: fmt.Sprintf("压测〔2019〕%d号", n), Title: "大通知", Date: knowledge.NewDate(2019, 1, 1)}
	for _, u := range units {
		nt.Units = append(nt.Units, knowledge.Unit{Name: u, Aliases: []string{"市局" + u}})
	}
	for i := 1; i <= n; i++ {
		nt.Tasks = append(nt.Tasks, knowledge.Task{
			Number: i, Section: "第一部分", Subsection: "第一节", Content: fmt.Sprintf("第%d项任务的内容。", i),
			Lead: []string{units[i%4]}, Responsible: []string{units[4+i%4]},
			Deadline: knowledge.Deadline{Text: "长期", Kind: knowledge.DeadlineOngoing},
		})
	}
	return nt
}

// mustImport imports n and fails the test on error.
func mustImport(t testing.TB, db *DB, n *knowledge.Notice) {
	t.Helper()
	if err := db.ImportNotice(ctx, n, admin); err != nil {
		t.Fatalf("ImportNotice: %v", err)
	}
}

// taskStatus derives a task's status from the stored assignments.
func taskStatus(t testing.TB, db *DB, notice string, task int) knowledge.Status {
	t.Helper()
	as, err := db.Assignments(ctx, notice)
	if err != nil {
		t.Fatalf("Assignments: %v", err)
	}
	var mine []knowledge.Assignment
	for _, a := range as {
		if a.Task == task {
			mine = append(mine, a)
		}
	}
	return knowledge.DeriveStatus(mine)
}

// mustVerify fails the test unless the audit chain holds.
func mustVerify(t testing.TB, db *DB) {
	t.Helper()
	if seq, err := db.VerifyAudit(ctx); seq != 0 || err != nil {
		t.Fatalf("VerifyAudit = %d, %v; want 0, nil", seq, err)
	}
}
