package store

import (
	"fmt"
	"testing"
	"time"

	"dutybot/knowledge"
	"dutybot/knowledge/builtin"
)

// benchPlan is about what the scheduler plans every minute on a 10,000-task
// × 20-unit deployment: 300,000 reminders over the 31-day look-back, each
// task's units reminded on the days around its milestone.
func benchPlan() []knowledge.Reminder {
	return benchPlanN(benchReminders)
}

// benchReminders is the size of one tick's plan at scale.
const benchReminders = 300000

func benchPlanN(limit int) []knowledge.Reminder {
	const tasks, units = 10000, 20
	at0 := time.Date(2019, 9, 1, 1, 0, 0, 0, time.UTC)
	out := make([]knowledge.Reminder, 0, benchReminders)
	names := make([]string, units)
	for u := range names {
		names[u] = fmt.Sprintf("单位%03d", u)
	}
	for t := 1; t <= tasks; t++ {
		due := knowledge.NewDate(2019, 9, 1).AddDays(t % 31)
		for u, name := range names {
			role := knowledge.RoleResponsible
			if u == 0 {
				role = knowledge.RoleLead
			}
			for k := range 1 + t%2 { // 1.5 reminders a task × unit on average
				out = append(out, knowledge.Reminder{
					Notice: "压测〔2019〕1号", Task: t, Unit: name, Role: role, Kind: knowledge.KindBefore,
					At: at0.AddDate(0, 0, (t+k*7)%31), Due: due,
				})
			}
		}
	}
	return out[:min(limit, len(out))]
}

// BenchmarkDB_Record records the 300,000 reminders of one tick: "again" is
// the steady state of every minute (all of them already in the log), "new"
// a log that has none of them yet (each op shifts the plan by a minute).
func BenchmarkDB_Record(b *testing.B) {
	plan := benchPlan()
	for _, e := range []Engine{SQLite, Postgres} {
		b.Run(string(e)+"/again", func(b *testing.B) {
			db := MustOpenDB(b, freshDSN(b, e))
			if n, err := db.Record(ctx, plan); err != nil || n != len(plan) {
				b.Fatalf("Record = %d, %v; want %d", n, err, len(plan))
			}
			for b.Loop() {
				if n, err := db.Record(ctx, plan); err != nil || n != 0 {
					b.Fatalf("Record again = %d, %v; want 0", n, err)
				}
			}
			b.ReportMetric(float64(len(plan)), "reminders")
		})
		b.Run(string(e)+"/new", func(b *testing.B) {
			db := MustOpenDB(b, freshDSN(b, e))
			shifted := make([]knowledge.Reminder, len(plan))
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				for j, r := range plan {
					r.At = r.At.Add(time.Duration(i) * time.Minute)
					shifted[j] = r
				}
				b.StartTimer()
				if n, err := db.Record(ctx, shifted); err != nil || n != len(plan) {
					b.Fatalf("Record = %d, %v; want %d", n, err, len(plan))
				}
			}
			b.ReportMetric(float64(len(plan)), "reminders")
		})
	}
}

// BenchmarkDB_Assignments reads the state of the built-in notice (43 tasks),
// as the engine does for every question, and one unit's part of it.
func BenchmarkDB_Assignments(b *testing.B) {
	n, err := builtin.Notice()
	if err != nil {
		b.Skipf("built-in notice not loadable: %v", err)
	}
	for _, e := range []Engine{SQLite, Postgres} {
		b.Run(string(e)+"/notice", func(b *testing.B) {
			db := MustOpenDB(b, freshDSN(b, e))
			mustImport(b, db, n)
			for b.Loop() {
				if as, err := db.Assignments(ctx, n.Number); err != nil || len(as) == 0 {
					b.Fatalf("Assignments = %d, %v", len(as), err)
				}
			}
		})
		b.Run(string(e)+"/unit", func(b *testing.B) {
			db := MustOpenDB(b, freshDSN(b, e))
			mustImport(b, db, n)
			unit := n.Tasks[0].Lead[0]
			for b.Loop() {
				if as, err := db.UnitAssignments(ctx, n.Number, unit); err != nil || len(as) == 0 {
					b.Fatalf("UnitAssignments = %d, %v", len(as), err)
				}
			}
		})
	}
}
