package store

import (
	"testing"

	"dutybot/knowledge"
)

// benchTasks is the notice size the issue asks to stay in milliseconds at.
const benchTasks = 10000

func benchDB(b *testing.B, e Engine) (*DB, *knowledge.Notice) {
	b.Helper()
	db := MustOpenDB(b, freshDSN(b, e))
	n := bigNotice(benchTasks)
	mustImport(b, db, n)
	return db, n
}

// BenchmarkSetDone marks one unit's part of a task done, then open again,
// alternately, across all tasks: each op is one audited transaction.
func BenchmarkSetDone(b *testing.B) {
	for _, e := range []Engine{SQLite, Postgres} {
		b.Run(string(e), func(b *testing.B) {
			db, n := benchDB(b, e)
			for i := 0; b.Loop(); i++ {
				t := &n.Tasks[(i/2)%benchTasks]
				if err := db.SetDone(ctx, knowledge.TaskRef{Notice: n.Number, Number: t.Number}, t.Lead[0], i%2 == 0, admin); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkUnitAssignments reads one unit's part in a 10,000-task notice
// (2,500 assignments): what "法制支队有哪些任务" costs.
func BenchmarkUnitAssignments(b *testing.B) {
	for _, e := range []Engine{SQLite, Postgres} {
		b.Run(string(e), func(b *testing.B) {
			db, n := benchDB(b, e)
			for b.Loop() {
				as, err := db.UnitAssignments(ctx, n.Number, "法制支队")
				if err != nil || len(as) != benchTasks/4 {
					b.Fatalf("UnitAssignments = %d, %v", len(as), err)
				}
			}
		})
	}
}

// BenchmarkAssignments reads the whole notice's state (20,000 assignments).
func BenchmarkAssignments(b *testing.B) {
	for _, e := range []Engine{SQLite, Postgres} {
		b.Run(string(e), func(b *testing.B) {
			db, n := benchDB(b, e)
			for b.Loop() {
				if as, err := db.Assignments(ctx, n.Number); err != nil || len(as) != 2*benchTasks {
					b.Fatalf("Assignments = %d, %v", len(as), err)
				}
			}
		})
	}
}
