package reminders

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/jonboulle/clockwork" // the admin connection that makes a schema per test

	"dutybot/i18n"
	"dutybot/knowledge"
	"dutybot/knowledge/builtin"
	"dutybot/store"
)

// builtinStore opens a fresh store on engine ("sqlite" or "postgres") with
// the built-in notice imported by by, closed when the test ends.
func builtinStore(t *testing.T, engine string, by knowledge.Actor, opts ...store.Option) (*store.DB, *knowledge.Notice) {
	t.Helper()
	db, err := store.Open(t.Context(), storeDSN(t, engine), opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	n, err := builtin.Notice()
	if err != nil {
		t.Fatal(err)
	}
	if err := db.ImportNotice(t.Context(), n, by); err != nil {
		t.Fatal(err)
	}
	return db, n
}

// storeDSN returns a fresh database for one test: an SQLite file, or a new
// schema of the PostgreSQL server at $DUTYBOT_TEST_POSTGRES (skipped when
// unreachable).
func storeDSN(t testing.TB, engine string) string {
	t.Helper()
	if engine == "sqlite" {
		return filepath.Join(t.TempDir(), "dutybot.db")
	}
	base := os.Getenv("DUTYBOT_TEST_POSTGRES")
	if base == "" {
		base = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
	}
	admin, err := sql.Open("pgx", base)
	if err == nil {
		ctx, cancel := context.WithTimeout(t.Context(), 3*time.Second)
		err = admin.PingContext(ctx)
		cancel()
	}
	if err != nil {
		t.Skipf("PostgreSQL unreachable (%v): set $DUTYBOT_TEST_POSTGRES", err)
	}
	t.Cleanup(func() { admin.Close() })
	b := make([]byte, 6)
	rand.Read(b)
	schema := "dutybot_reminders_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() { _, _ = admin.Exec("DROP SCHEMA " + schema + " CASCADE") })
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// TestDispatcher_Tick_store runs two replicas, each with its own connection
// to one real database (SQLite file, PostgreSQL), ticking concurrently
// from September to mid-October 2019 against a Slack stand-in that fails
// now and then: every reminder is delivered once, completions and channel
// bindings count at once, and the database lease admits one replica.
func TestDispatcher_Tick_store(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			ctx := t.Context()
			dsn := storeDSN(t, engine)
			dbs := make([]*store.DB, 2)
			for i := range dbs {
				db, err := store.Open(ctx, dsn)
				if err != nil {
					t.Fatalf("open store: %v", err)
				}
				t.Cleanup(func() { db.Close() })
				dbs[i] = db
			}
			n, err := builtin.Notice()
			if err != nil {
				t.Fatal(err)
			}
			admin := knowledge.Actor{User: "U-ADMIN", Via: "cli"}
			if err := dbs[0].ImportNotice(ctx, n, admin); err != nil {
				t.Fatal(err)
			}
			if err := dbs[0].BindChannel(ctx, "法制支队", "C-FAZHI", admin); err != nil {
				t.Fatal(err)
			}
			b, err := i18n.New()
			if err != nil {
				t.Fatal(err)
			}
			var mu sync.Mutex
			calls := 0
			sender := &fakeSender{fail: func(int, Delivery) error {
				mu.Lock()
				defer mu.Unlock()
				calls++
				switch calls % 6 {
				case 2:
					return rateLimited{30 * time.Second}
				case 4:
					return errServer
				}
				return nil
			}}
			policy := mustPolicy(t)
			ds := make([]*Dispatcher, len(dbs))
			for i, db := range dbs {
				d, err := NewDispatcher(db, db, sender, policy,
					WithOwner([]string{"replica-a", "replica-b"}[i]), WithChannelGap(0),
					WithDefaultChannel("C-DEFAULT"), WithTranslator(BundleTranslator(b)),
					WithBackoff(time.Second, time.Minute), WithLookback(8*24*time.Hour),
					WithRetryWait(0)) // failures wait for a later tick
				if err != nil {
					t.Fatal(err)
				}
				ds[i] = d
			}
			doneAt := at(2019, 9, 20, 15, 0)
			for day := date(2019, 9, 3); !day.After(date(2019, 10, 15)); day = day.AddDays(1) {
				if day == knowledge.DateOf(doneAt) {
					if err := dbs[1].SetDone(ctx, knowledge.TaskRef{Notice: n.Number, Number: 25}, "法制支队", true, admin); err != nil {
						t.Fatal(err)
					}
				}
				for _, h := range []int{9, 10} {
					var wg sync.WaitGroup
					for _, d := range ds {
						wg.Add(1)
						go func() {
							defer wg.Done()
							if _, err := d.Tick(ctx, at(day.Year, day.Month, day.Day, h, 0)); err != nil {
								t.Errorf("tick: %v", err)
							}
						}()
					}
					wg.Wait()
				}
			}
			// Failures of the last days are retried by the next ticks.
			for h := 11; h < 23; h++ {
				if _, err := ds[h%2].Tick(ctx, at(2019, 10, 15, h, 0)); err != nil {
					t.Fatal(err)
				}
			}
			msgs := sender.messages()
			checkOnce(t, msgs)
			sent, err := dbs[0].Reminders(ctx, knowledge.DeliverySent)
			if err != nil {
				t.Fatal(err)
			}
			if keys := sentKeys(msgs); len(sent) != len(keys) || len(sent) < 100 {
				t.Errorf("log has %d sent, the stand-in got %d distinct reminders", len(sent), len(keys))
			}
			pending, _ := dbs[0].Reminders(ctx, knowledge.DeliveryPending)
			for _, p := range pending {
				if !p.Reminder.At.After(at(2019, 10, 15, 23, 0)) {
					t.Errorf("never delivered: %+v (attempts %d, %s)", p.Reminder, p.Attempts, p.LastError)
				}
			}
			for _, m := range msgs {
				if m.d.Unit == "法制支队" && m.d.Channel != "C-FAZHI" {
					t.Errorf("bound unit reminded in %s", m.d.Channel)
				}
			}
			for _, s := range sent {
				if s.Reminder.Task == 25 && s.Reminder.Unit == "法制支队" && s.SentAt.After(doneAt) {
					t.Errorf("reminded after completion: %+v", s.Reminder)
				}
			}
			t.Run("database lease admits one replica", func(t *testing.T) {
				now := at(2019, 10, 16, 9, 0)
				a, _ := NewLeaseLocker(dbs[0], "replica-a", clockwork.NewFakeClockAt(now), time.Minute)
				bl, _ := NewLeaseLocker(dbs[1], "replica-b", clockwork.NewFakeClockAt(now), time.Minute)
				lk, err := a.Lock(ctx, JobName)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := bl.Lock(ctx, JobName); !errors.Is(err, ErrLocked) {
					t.Errorf("second replica: %v, want ErrLocked", err)
				}
				if err := lk.Unlock(ctx); err != nil {
					t.Fatal(err)
				}
				lk2, err := bl.Lock(ctx, JobName)
				if err != nil {
					t.Fatalf("after release: %v", err)
				}
				_ = lk2.Unlock(ctx)
			})
		})
	}
}
