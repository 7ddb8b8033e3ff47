package reminders

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"dutybot/knowledge"
)

// countingLog counts what the dispatcher hands to Record, and can fail it.
type countingLog struct {
	*fakeLog
	mu     sync.Mutex
	given  []int // reminders per Record call
	failOn bool
}

func (l *countingLog) Record(ctx context.Context, rs []knowledge.Reminder) (int, error) {
	l.mu.Lock()
	l.given = append(l.given, len(rs))
	fail := l.failOn
	l.mu.Unlock()
	if fail {
		return 0, errors.New("database is down")
	}
	return l.fakeLog.Record(ctx, rs)
}

func (l *countingLog) last() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.given) == 0 {
		return -1
	}
	return l.given[len(l.given)-1]
}

// TestDispatcher_Tick_recordsOnlyNew checks that a dispatcher records only
// what fell due since the last run, that a failed Record is tried again in
// full (the run does not count), and that a restarted dispatcher starts
// where the last run ended, not at the look-back window.
func TestDispatcher_Tick_recordsOnlyNew(t *testing.T) {
	g := newRig(t)
	log := &countingLog{fakeLog: g.log}
	newD := func() *Dispatcher {
		d, err := NewDispatcher(g.src, log, g.sender, g.policy, WithClock(g.clock), WithChannelGap(0),
			WithDefaultChannel("C-DEFAULT"), WithAdminChannel("C-ADMIN"), WithTranslator(BundleTranslator(g.bundle)))
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	d := newD()
	first := tick(t, d, at(2019, 9, 4, 9, 0))
	if first.Planned == 0 || first.Recorded != first.Planned || log.last() != first.Planned {
		t.Fatalf("first tick %+v handed %d to Record; want the whole plan recorded", first, log.last())
	}
	t.Run("same window again records nothing", func(t *testing.T) {
		calls := len(log.given)
		res := tick(t, d, at(2019, 9, 4, 9, 1))
		if res.Recorded != 0 || len(log.given) != calls {
			t.Errorf("tick %+v called Record %d more times", res, len(log.given)-calls)
		}
	})
	t.Run("a new reminder day records only its reminders", func(t *testing.T) {
		calls := len(log.given)
		res := tick(t, d, at(2019, 9, 11, 9, 0)) // task 2's 7-days-ahead reminders
		if res.Recorded == 0 || len(log.given) != calls+1 || log.last() != res.Recorded || res.Recorded != res.Planned {
			t.Errorf("tick %+v handed %d to Record; want what fell due since 09-04 09:01, all new", res, log.last())
		}
		for _, lr := range log.rows[len(log.rows)-res.Recorded:] {
			if !lr.lr.Reminder.At.After(at(2019, 9, 4, 9, 1)) {
				t.Errorf("recorded again: %+v", lr.lr.Reminder)
			}
		}
	})
	t.Run("a failed record is retried in full", func(t *testing.T) {
		log.failOn = true
		now := at(2019, 9, 13, 9, 0) // task 2's 3-days-ahead, moved off the Sunday
		if _, err := d.Tick(t.Context(), now); err == nil {
			t.Fatal("tick with a failing log succeeded")
		}
		want := log.last()
		log.failOn = false
		res := tick(t, d, now.Add(time.Minute))
		if log.last() != want || res.Recorded != want || want == 0 {
			t.Errorf("retry handed %d to Record and recorded %d; want %d", log.last(), res.Recorded, want)
		}
	})
	t.Run("a restarted dispatcher starts where the last run ended", func(t *testing.T) {
		calls := len(log.given)
		res := tick(t, newD(), at(2019, 9, 13, 10, 0))
		if res.Planned != 0 || res.Recorded != 0 || len(log.given) != calls {
			t.Errorf("restarted dispatcher %+v called Record %d times; want nothing planned since 09:01", res, len(log.given)-calls)
		}
	})
	checkOnce(t, g.sender.messages())
	g.log.checkClean(t)
}
