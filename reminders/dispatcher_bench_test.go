package reminders

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"

	"dutybot/knowledge"
	"dutybot/store"
)

// BenchmarkDispatcher_Tick runs the scheduler's tick on a real store
// holding a 10,000-task × 20-unit notice, with a sender that does nothing:
// the cost of planning what fell due since the last run, recording it and
// claiming what is due. The log starts in the steady state (every reminder
// of the last 31 days recorded and delivered). "steady" ticks minute after
// minute, as the scheduler does; "after 31 days down" is the first tick
// after the longest downtime it catches up on (about 300,000 reminders in
// its window, all already in the log), on a fresh dispatcher each time, as
// after a restart.
func BenchmarkDispatcher_Tick(b *testing.B) {
	for _, engine := range []string{"sqlite", "postgres"} {
		b.Run(engine, func(b *testing.B) {
			ctx := b.Context()
			dsn := storeDSN(b, engine)
			db, err := store.Open(ctx, dsn, store.WithClock(clockwork.NewFakeClockAt(at(2019, 9, 1, 0, 0))))
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { db.Close() })
			n, _ := bigNotice(10000, 20)
			if err := db.ImportNotice(ctx, n, knowledge.Actor{User: "U-BENCH", Via: "cli"}); err != nil {
				b.Fatal(err)
			}
			p := mustPolicy(b)
			now := at(2019, 10, 2, 9, 0)
			nop := SenderFunc(func(context.Context, Delivery) (string, error) { return "1.0", nil })
			newDispatcher := func() *Dispatcher {
				d, err := NewDispatcher(db, db, nop, p, WithClock(clockwork.NewFakeClockAt(now)), WithChannelGap(0),
					WithDefaultChannel("C-DEFAULT"), WithOwner("bench"))
				if err != nil {
					b.Fatal(err)
				}
				return d
			}
			// The steady state: the window is recorded and delivered.
			as, err := db.Assignments(ctx, n.Number)
			if err != nil {
				b.Fatal(err)
			}
			plan := Plan([]*knowledge.Notice{n}, map[string][]knowledge.Assignment{n.Number: as}, nil, p, now.Add(-31*24*time.Hour), now)
			if _, err := db.Record(ctx, plan); err != nil {
				b.Fatal(err)
			}
			markAllSent(b, engine, dsn)
			for _, mode := range []string{"steady", "after 31 days down"} {
				b.Run(mode, func(b *testing.B) {
					d := newDispatcher()
					var res Result
					for i := 0; b.Loop(); i++ {
						tickAt := now.Add(time.Duration(i) * time.Minute)
						if mode == "steady" && i == 0 {
							if err := db.MarkRun(ctx, JobName, tickAt.Add(-time.Minute)); err != nil {
								b.Fatal(err)
							}
						}
						if mode != "steady" {
							setLastRun(b, engine, dsn, tickAt.Add(-31*24*time.Hour))
							d = newDispatcher()
						}
						if res, err = d.Tick(ctx, tickAt); err != nil {
							b.Fatal(err)
						}
						if res.Claimed != 0 {
							b.Fatalf("tick claimed %d reminders in the steady state", res.Claimed)
						}
					}
					b.ReportMetric(float64(res.Planned), "reminders")
				})
			}
		})
	}
}

// setLastRun moves the scheduler's last run back to at, behind the store's
// back (MarkRun only moves it forward).
func setLastRun(b *testing.B, engine, dsn string, at time.Time) {
	b.Helper()
	raw := rawDB(b, engine, dsn)
	defer raw.Close()
	if _, err := raw.Exec(`UPDATE scheduler_runs SET last_run = $1 WHERE job = $2`, at.UTC(), JobName); err != nil {
		b.Fatalf("set last run: %v", err)
	}
}

// rawDB opens dsn without the store.
func rawDB(b *testing.B, engine, dsn string) *sql.DB {
	b.Helper()
	driver := "sqlite"
	if engine == "postgres" {
		driver = "pgx"
	}
	raw, err := sql.Open(driver, dsn)
	if err != nil {
		b.Fatal(err)
	}
	return raw
}

// markAllSent puts every logged reminder in the sent state, behind the
// store's back: delivering 300,000 reminders one by one would take the
// benchmark's whole budget.
func markAllSent(b *testing.B, engine, dsn string) {
	b.Helper()
	raw := rawDB(b, engine, dsn)
	defer raw.Close()
	if _, err := raw.Exec(`UPDATE reminders SET state = 'sent'`); err != nil {
		b.Fatalf("mark all sent: %v", err)
	}
}
