package store

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"dutybot/knowledge"
)

func reminderAt(task int, at time.Time) knowledge.Reminder {
	return knowledge.Reminder{Notice: "测试〔2019〕1号", Task: task, Unit: "法制支队", Role: knowledge.RoleLead,
		Kind: knowledge.KindBefore, At: at, Due: knowledge.NewDate(2019, 9, 30)}
}

func TestDB_ReminderLog(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		t0 := testStart
		rs := []knowledge.Reminder{reminderAt(1, t0), reminderAt(2, t0.Add(time.Hour)), reminderAt(1, t0)}
		t.Run("record is idempotent", func(t *testing.T) {
			if n, err := db.Record(ctx, rs); err != nil || n != 2 {
				t.Fatalf("Record = %d, %v; want 2 new", n, err)
			}
			if n, err := db.Record(ctx, rs); err != nil || n != 0 {
				t.Fatalf("Record again = %d, %v; want 0 new", n, err)
			}
		})
		var id int64
		t.Run("claim", func(t *testing.T) {
			if got, _ := db.Claim(ctx, "a", t0.Add(-time.Minute), time.Minute, 10); len(got) != 0 {
				t.Fatalf("claimed %d reminders before they were due", len(got))
			}
			got, err := db.Claim(ctx, "a", t0, time.Minute, 10)
			if err != nil || len(got) != 1 {
				t.Fatalf("Claim = %v, %v; want the one due", got, err)
			}
			id = got[0].ID
			if r := got[0].Reminder; r.Key() != rs[0].Key() || r.Due != rs[0].Due || !r.At.Equal(rs[0].At) {
				t.Errorf("claimed %+v, want %+v", r, rs[0])
			}
			if got, _ := db.Claim(ctx, "b", t0.Add(30*time.Second), time.Minute, 10); len(got) != 0 {
				t.Errorf("b claimed %d reminders under a's live claim", len(got))
			}
			got, _ = db.Claim(ctx, "b", t0.Add(2*time.Minute), time.Minute, 10)
			if len(got) != 1 || got[0].ID != id {
				t.Errorf("b after a's claim expired got %v, want reminder %d", got, id)
			}
		})
		t.Run("failed is retried later", func(t *testing.T) {
			next := t0.Add(10 * time.Minute)
			if err := db.MarkFailed(ctx, id, t0.Add(2*time.Minute), "HTTP 429", next); err != nil {
				t.Fatal(err)
			}
			if got, _ := db.Claim(ctx, "a", t0.Add(5*time.Minute), time.Minute, 10); len(got) != 0 {
				t.Errorf("claimed before the next attempt: %v", got)
			}
			got, _ := db.Claim(ctx, "a", next, time.Minute, 1)
			if len(got) != 1 || got[0].Attempts != 1 || got[0].LastError != "HTTP 429" || !got[0].NextAttempt.Equal(next) {
				t.Fatalf("retry claim = %+v", got)
			}
		})
		t.Run("sent once", func(t *testing.T) {
			at := t0.Add(11 * time.Minute)
			if err := db.MarkSent(ctx, id, at, "C1", "1.2"); err != nil {
				t.Fatal(err)
			}
			if err := db.MarkSent(ctx, id, at, "C1", "1.2"); !errors.Is(err, knowledge.ErrUnchanged) {
				t.Errorf("second MarkSent = %v, want ErrUnchanged", err)
			}
			sent, _ := db.Reminders(ctx, knowledge.DeliverySent)
			if len(sent) != 1 || sent[0].Channel != "C1" || sent[0].MessageTS != "1.2" || !sent[0].SentAt.Equal(at) || sent[0].Attempts != 2 {
				t.Errorf("sent = %+v", sent)
			}
			if got, _ := db.Claim(ctx, "a", t0.Add(time.Hour*2), time.Minute, 10); len(got) != 1 || got[0].ID == id {
				t.Errorf("claim after sending = %v, want only the other reminder", got)
			}
		})
		t.Run("skipped", func(t *testing.T) {
			all, _ := db.Reminders(ctx, "")
			other := all[1].ID
			if err := db.MarkSkipped(ctx, other, t0, "task done"); err != nil {
				t.Fatal(err)
			}
			if pending, _ := db.Reminders(ctx, knowledge.DeliveryPending); len(pending) != 0 {
				t.Errorf("pending after skip = %v", pending)
			}
			if err := db.MarkSkipped(ctx, 424242, t0, "x"); !errors.Is(err, knowledge.ErrNotFound) {
				t.Errorf("MarkSkipped of no reminder = %v, want ErrNotFound", err)
			}
		})
		t.Run("bad claim", func(t *testing.T) {
			if _, err := db.Claim(ctx, "", t0, time.Minute, 1); err == nil {
				t.Error("claim without an owner succeeded")
			}
		})
	})
}

// TestDB_Claim_twoHandles claims from two handles (two replicas) and many
// goroutines at once: no reminder may be handed out twice.
func TestDB_Claim_twoHandles(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		dbs := []*DB{MustOpenDB(t, dsn), MustOpenDB(t, dsn)}
		var rs []knowledge.Reminder
		for i := range 200 {
			rs = append(rs, reminderAt(i+1, testStart))
		}
		if n, err := dbs[0].Record(ctx, rs); err != nil || n != 200 {
			t.Fatalf("Record = %d, %v", n, err)
		}
		var mu sync.Mutex
		seen := map[int64]string{}
		var wg sync.WaitGroup
		for h, db := range dbs {
			for g := range 3 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					owner := fmt.Sprintf("replica%d/%d", h, g)
					for {
						got, err := db.Claim(ctx, owner, testStart, time.Hour, 7)
						if err != nil {
							t.Error(err)
							return
						}
						if len(got) == 0 {
							return
						}
						for _, r := range got {
							mu.Lock()
							if prev, ok := seen[r.ID]; ok {
								t.Errorf("reminder %d claimed by %s and %s", r.ID, prev, owner)
							}
							seen[r.ID] = owner
							mu.Unlock()
							if err := db.MarkSent(ctx, r.ID, testStart, "C", "ts"); err != nil {
								t.Error(err)
							}
						}
					}
				}()
			}
		}
		wg.Wait()
		if len(seen) != 200 {
			t.Errorf("%d reminders claimed, want 200", len(seen))
		}
	})
}

func TestDB_Leases(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		t0, ttl := testStart, time.Minute
		steps := []struct {
			name  string
			owner string
			at    time.Duration
			want  bool
		}{
			{"free", "a", 0, true},
			{"held by another", "b", 30 * time.Second, false},
			{"renewed by holder", "a", 50 * time.Second, true},
			{"still held after renewal", "b", 100 * time.Second, false},
			{"expired", "b", 111 * time.Second, true},
		}
		for _, s := range steps {
			got, err := db.Acquire(ctx, "job", s.owner, t0.Add(s.at), ttl)
			if err != nil || got != s.want {
				t.Errorf("%s: Acquire(%s) = %v, %v; want %v", s.name, s.owner, got, err, s.want)
			}
		}
		if err := db.Release(ctx, "job", "a"); err != nil { // a no longer holds it: no effect
			t.Fatal(err)
		}
		if got, _ := db.Acquire(ctx, "job", "a", t0.Add(112*time.Second), ttl); got {
			t.Error("a took the lease b holds after a's stale release")
		}
		if err := db.Release(ctx, "job", "b"); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.Acquire(ctx, "job", "a", t0.Add(113*time.Second), ttl); !got {
			t.Error("a could not take a released lease")
		}

		t.Run("race", func(t *testing.T) {
			other := MustOpenDB(t, dsn)
			var wins int
			var mu sync.Mutex
			var wg sync.WaitGroup
			for i := range 10 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					h := db
					if i%2 == 1 {
						h = other
					}
					ok, err := h.Acquire(ctx, "race", fmt.Sprint("owner", i), t0, ttl)
					if err != nil {
						t.Error(err)
					}
					if ok {
						mu.Lock()
						wins++
						mu.Unlock()
					}
				}()
			}
			wg.Wait()
			if wins != 1 {
				t.Errorf("%d owners won the same lease", wins)
			}
		})
	})
}

// TestDB_Record_partlyLogged records plans that are partly in the log
// already, over more keys than one existence query takes and more rows than
// one INSERT carries: only the new ones are added and counted, and they are
// stored whole.
func TestDB_Record_partlyLogged(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		const n = keysPerLookup + 1500
		rs := make([]knowledge.Reminder, n)
		for i := range rs {
			rs[i] = reminderAt(i+1, testStart.Add(time.Duration(i)*time.Minute))
		}
		if got, err := db.Record(ctx, rs[:n/2]); err != nil || got != n/2 {
			t.Fatalf("Record first half = %d, %v; want %d", got, err, n/2)
		}
		again := append(rs[n/3:], rs[n-1], rs[0]) // old, new and repeated
		if got, err := db.Record(ctx, again); err != nil || got != n-n/2 {
			t.Fatalf("Record overlapping = %d, %v; want %d new", got, err, n-n/2)
		}
		all, err := db.Reminders(ctx, "")
		if err != nil || len(all) != n {
			t.Fatalf("Reminders = %d, %v; want %d", len(all), err, n)
		}
		for i, lr := range all {
			if lr.Reminder.Key() != rs[i].Key() || lr.State != knowledge.DeliveryPending || !lr.NextAttempt.Equal(rs[i].At) || lr.Attempts != 0 {
				t.Fatalf("reminder %d = %+v, want pending %+v", i, lr, rs[i])
			}
		}
		if got, _ := db.Claim(ctx, "a", testStart, time.Minute, 10); len(got) != 1 || got[0].Reminder.Task != 1 {
			t.Errorf("Claim after Record = %+v, want task 1's reminder", got)
		}
	})
}
