package store

import (
	"fmt"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestDB_FirstUse(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		t0 := testStart
		// Both requests' windows end at the same moment here.
		until := func(string) time.Time { return t0.Add(10 * time.Minute) }
		steps := []struct {
			name string
			sig  string
			at   time.Duration
			want bool
		}{
			{"first use", "aa01", 0, true},
			{"replayed within the window", "aa01", 9 * time.Minute, false},
			{"another request", "aa02", time.Minute, true},
			{"replayed at the last second", "aa02", 10 * time.Minute, false},
		}
		for _, s := range steps {
			got, err := db.FirstUse(ctx, s.sig, t0.Add(s.at), until(s.sig))
			if err != nil || got != s.want {
				t.Errorf("%s: FirstUse(%s) = %v, %v; want %v", s.name, s.sig, got, err, s.want)
			}
		}

		t.Run("expired signatures are swept", func(t *testing.T) {
			later := t0.Add(11 * time.Minute)
			if ok, err := db.FirstUse(ctx, "aa03", later, later.Add(10*time.Minute)); err != nil || !ok {
				t.Fatalf("FirstUse(aa03) = %v, %v", ok, err)
			}
			var n int64
			if err := db.r.Table("seen_signatures").Count(&n).Error; err != nil {
				t.Fatal(err)
			}
			if n != 1 {
				t.Errorf("%d signatures kept, want 1 (only aa03)", n)
			}
		})

		t.Run("bad input", func(t *testing.T) {
			for _, tt := range []struct {
				name, sig string
				expires   time.Time
				want      string
			}{
				{"empty", "", t0.Add(time.Minute), "need 1 to 100 bytes"},
				{"too long", strings.Repeat("a", 101), t0.Add(time.Minute), "need 1 to 100 bytes"},
				{"already expired", "aa04", t0.Add(-time.Second), "is before now"},
				{"the probe's key", writeProbeKey, t0.Add(time.Minute), "not a signature"},
			} {
				ok, err := db.FirstUse(ctx, tt.sig, t0, tt.expires)
				if err == nil || ok || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("%s: FirstUse = %v, %v; want an error saying %q", tt.name, ok, err, tt.want)
				}
			}
		})

		t.Run("a replay sent to two replicas at once: exactly one accepts", func(t *testing.T) {
			dbs := []*DB{db, MustOpenDB(t, dsn)}
			at := t0.Add(time.Hour)
			for k := range 5 {
				sig := fmt.Sprint("bb", k)
				var wins atomic.Int32
				var wg sync.WaitGroup
				for i := range 10 {
					wg.Go(func() {
						ok, err := dbs[i%2].FirstUse(ctx, sig, at, at.Add(10*time.Minute))
						if err != nil {
							t.Error(err)
						}
						if ok {
							wins.Add(1)
						}
					})
				}
				wg.Wait()
				if wins.Load() != 1 {
					t.Errorf("%s: %d callers accepted it, want 1", sig, wins.Load())
				}
			}
		})

		t.Run("the migration replayed is harmless", func(t *testing.T) {
			for range 2 {
				if err := createSeenSignatures(db.w); err != nil {
					t.Fatal(err)
				}
			}
			if ok, err := db.FirstUse(ctx, "bb0", t0.Add(time.Hour), t0.Add(time.Hour+time.Minute)); err != nil || ok {
				t.Fatalf("after replaying the migration FirstUse(bb0) = %v, %v; want false (still remembered)", ok, err)
			}
		})

		t.Run("the write probe writes", func(t *testing.T) {
			for range 2 {
				if err := db.ProbeWrite(ctx, t0); err != nil {
					t.Fatal(err)
				}
			}
			var n int64
			if err := db.r.Table("seen_signatures").Where("signature = ?", writeProbeKey).Count(&n).Error; err != nil || n != 1 {
				t.Fatalf("probe rows = %d, %v; want 1", n, err)
			}
		})
	})
}

// TestDB_ProbeWrite_readOnly: a database that takes no writes fails the
// probe. On PostgreSQL, as a standby or a read-only role would be: every
// transaction read-only by default.
func TestDB_ProbeWrite_readOnly(t *testing.T) {
	dsn := freshDSN(t, Postgres)
	MustOpenDB(t, dsn).Close() // migrated while writable
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("default_transaction_read_only", "on")
	u.RawQuery = q.Encode()
	db := MustOpenDB(t, u.String())
	err = db.ProbeWrite(ctx, testStart)
	if err == nil || !strings.Contains(err.Error(), "read-only transaction") {
		t.Fatalf("ProbeWrite on a read-only PostgreSQL = %v, want a read-only error", err)
	}
}

// BenchmarkFirstUse is the replay check's cost per signed Slack request:
// one transaction that sweeps expired signatures and records a new one,
// with a window's worth (a hundred a second for ten minutes) already kept.
func BenchmarkFirstUse(b *testing.B) {
	for _, e := range []Engine{SQLite, Postgres} {
		b.Run(string(e), func(b *testing.B) {
			db := MustOpenDB(b, freshDSN(b, e))
			now := testStart
			// Fill the table in one statement per thousand rows.
			for k := range 60 {
				values := make([]string, 0, 1000)
				args := make([]any, 0, 2000)
				for j := range 1000 {
					values = append(values, "(?, ?)")
					args = append(args, fmt.Sprintf("fill%d-%d", k, j), now.Add(10*time.Minute).Unix())
				}
				if err := db.w.Exec("INSERT INTO seen_signatures (signature, expires_at) VALUES "+strings.Join(values, ","), args...).Error; err != nil {
					b.Fatal(err)
				}
			}
			// As autovacuum would have by now: without statistics
			// PostgreSQL scans the whole table for the sweep.
			if e == Postgres {
				if err := db.w.Exec("ANALYZE seen_signatures").Error; err != nil {
					b.Fatal(err)
				}
			}
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				if _, err := db.FirstUse(ctx, fmt.Sprintf("%064x", i), now, now.Add(6*time.Minute)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
