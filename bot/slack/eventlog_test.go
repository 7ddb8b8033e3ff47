package slack

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// fakeEventLog is an in-memory EventLog that stands for the shared database
// of several replicas; err, when set, is what every call returns.
type fakeEventLog struct {
	mu    sync.Mutex
	seen  map[string]time.Time
	calls int
	err   error
}

func newFakeEventLog() *fakeEventLog { return &fakeEventLog{seen: map[string]time.Time{}} }

func (l *fakeEventLog) FirstSeen(_ context.Context, key string, now time.Time, ttl time.Duration) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.calls++
	if l.err != nil {
		return false, l.err
	}
	if at, ok := l.seen[key]; ok && now.Sub(at) < ttl {
		return false, nil
	}
	l.seen[key] = now
	return true, nil
}

func (l *fakeEventLog) callCount() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.calls
}

// waitCalls waits (up to 10s) until FirstSeen has been called n times.
func (l *fakeEventLog) waitCalls(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for l.callCount() < n {
		if time.Now().After(deadline) {
			t.Fatalf("event log asked %d times, want %d", l.callCount(), n)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

var _ EventLog = (*fakeEventLog)(nil)

func TestAdapter_WithEventLog(t *testing.T) {
	dm := func(id string) string {
		return eventBody(id, map[string]any{
			"type": "message", "channel_type": "im", "user": "U0ASKER", "text": "task 3", "ts": "1.1", "channel": "D0ASKER",
		})
	}
	answers := func(hs ...*harness) int {
		n := 0
		for _, h := range hs {
			h.flush()
			n += len(h.st.callsOf("chat.postMessage"))
		}
		return n
	}
	t.Run("a retry that reaches another replica is answered once", func(t *testing.T) {
		log := newFakeEventLog()
		r1 := start(t, httpMode, newFakeEngine(), WithEventLog(log))
		r2 := start(t, httpMode, newFakeEngine(), WithEventLog(log))
		r1.post("/slack/events", dm("EvR1"))
		r1.flush()
		code, _ := r2.post("/slack/events", dm("EvR1"), "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")
		if code != 200 {
			t.Fatalf("retry got %d, want 200 so Slack stops retrying", code)
		}
		r2.post("/slack/events", dm("EvR1"), "X-Slack-Retry-Num", "2")
		if n := answers(r1, r2); n != 1 {
			t.Fatalf("%d answers to one event across two replicas", n)
		}
		r2.waitLog("seen by the shared event log")
		if n := log.callCount(); n != 2 {
			t.Errorf("event log asked %d times, want 2 (the replica's own memory catches the second retry)", n)
		}
	})
	t.Run("a delivery to each replica at once is answered once", func(t *testing.T) {
		log := newFakeEventLog()
		r1 := start(t, socketMode, newFakeEngine(), WithEventLog(log))
		r2 := start(t, httpMode, newFakeEngine(), WithEventLog(log))
		var wg sync.WaitGroup
		wg.Go(func() {
			r1.st.envelope("env-1", "events_api", eventMap("EvR2", map[string]any{
				"type": "message", "channel_type": "im", "user": "U0ASKER", "text": "task 3", "ts": "1.1", "channel": "D0ASKER",
			}), 0)
		})
		wg.Go(func() { r2.post("/slack/events", dm("EvR2"), "X-Slack-Retry-Num", "1") })
		wg.Wait()
		r1.st.waitAck("env-1")
		// The socket replica acknowledges before it dispatches: wait until
		// both replicas have asked the log, so both answers are in flight.
		log.waitCalls(t, 2)
		if n := answers(r1, r2); n != 1 {
			t.Fatalf("%d answers to one event across two replicas", n)
		}
	})
	t.Run("without a shared log each replica answers", func(t *testing.T) {
		r1 := start(t, httpMode, newFakeEngine())
		r2 := start(t, httpMode, newFakeEngine())
		r1.post("/slack/events", dm("EvR3"))
		r2.post("/slack/events", dm("EvR3"), "X-Slack-Retry-Num", "1")
		if n := answers(r1, r2); n != 2 {
			t.Fatalf("%d answers, want 2: this is the failure the event log exists to prevent", n)
		}
	})
	t.Run("a failing log is logged and the event answered", func(t *testing.T) {
		log := newFakeEventLog()
		log.err = errors.New("database is down")
		h := start(t, httpMode, newFakeEngine(), WithEventLog(log))
		h.post("/slack/events", dm("EvR4"))
		if n := answers(h); n != 1 {
			t.Fatalf("%d answers, want 1: better twice than never", n)
		}
		h.waitLog("event log unavailable", "database is down")
	})
}
