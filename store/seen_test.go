package store

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestDB_FirstSeen(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		t0, ttl := testStart, time.Hour
		steps := []struct {
			name string
			key  string
			at   time.Duration
			want bool
		}{
			{"first delivery", "Ev1", 0, true},
			{"retry within the ttl", "Ev1", 59 * time.Minute, false},
			{"another event", "Ev2", 30 * time.Minute, true},
			{"forgotten after the ttl", "Ev1", 61 * time.Minute, true},
			{"remembered again", "Ev1", 62 * time.Minute, false},
			{"other event still remembered", "Ev2", 80 * time.Minute, false},
		}
		for _, s := range steps {
			got, err := db.FirstSeen(ctx, s.key, t0.Add(s.at), ttl)
			if err != nil || got != s.want {
				t.Errorf("%s: FirstSeen(%s) = %v, %v; want %v", s.name, s.key, got, err, s.want)
			}
		}

		t.Run("old entries are swept", func(t *testing.T) {
			if _, err := db.FirstSeen(ctx, "Ev3", t0.Add(5*time.Hour), ttl); err != nil {
				t.Fatal(err)
			}
			var n int64
			if err := db.r.Table("seen_events").Count(&n).Error; err != nil {
				t.Fatal(err)
			}
			if n != 1 {
				t.Errorf("%d entries kept, want 1 (only Ev3)", n)
			}
		})

		t.Run("bad input", func(t *testing.T) {
			for _, tt := range []struct {
				name string
				key  string
				ttl  time.Duration
			}{
				{"empty key", "", ttl}, {"key too long", strings.Repeat("E", 201), ttl}, {"zero ttl", "Ev4", 0},
			} {
				if ok, err := db.FirstSeen(ctx, tt.key, t0, tt.ttl); err == nil || ok {
					t.Errorf("%s: FirstSeen = %v, %v; want an error", tt.name, ok, err)
				}
			}
		})

		t.Run("concurrent callers on two handles: exactly one first", func(t *testing.T) {
			dbs := []*DB{db, MustOpenDB(t, dsn)}
			for k := range 5 {
				key := fmt.Sprint("EvRace", k)
				var wins atomic.Int32
				var wg sync.WaitGroup
				for i := range 10 {
					wg.Go(func() {
						ok, err := dbs[i%2].FirstSeen(ctx, key, t0.Add(6*time.Hour), ttl)
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
					t.Errorf("%s: %d callers saw it first, want 1", key, wins.Load())
				}
			}
		})
	})
}
