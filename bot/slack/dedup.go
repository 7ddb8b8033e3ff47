package slack

import (
	"container/list"
	"context"
	"sync"
	"time"
)

// eventTTL is how long an event ID is remembered: Slack retries a delivery
// three times within minutes, so an hour is ample.
const eventTTL = time.Hour

// EventLog is a record of seen event IDs shared by every replica (the store
// implements it), so that a retry that reaches another replica, or arrives
// after a restart, is still recognised.
type EventLog interface {
	// FirstSeen records key as seen at now and reports whether this call
	// was the first to do so within ttl, across all replicas.
	FirstSeen(ctx context.Context, key string, now time.Time, ttl time.Duration) (bool, error)
}

// answeredElsewhere reports whether the shared event log says another
// delivery of eventID (on this or another replica) is already being
// answered. Without a log, or when the log fails, it says no: better to
// answer twice than never.
func (a *Adapter) answeredElsewhere(ctx context.Context, eventID string, now time.Time, retry int) bool {
	if a.events == nil || eventID == "" {
		return false
	}
	first, err := a.events.FirstSeen(ctx, eventID, now, eventTTL)
	if err != nil {
		a.log.Error("slack: event log unavailable, answering anyway", "event_id", eventID, "err", err)
		return false
	}
	if !first {
		a.log.Info("slack: duplicate event ignored (seen by the shared event log)", "event_id", eventID, "retry", retry)
	}
	return !first
}

// seenSet remembers keys (Slack event IDs) for a while so that a retried or
// duplicated delivery is answered once. It is bounded both ways: entries
// expire after ttl, and beyond capacity the oldest is forgotten first, so a
// flood of events cannot grow memory without limit.
type seenSet struct {
	mu       sync.Mutex
	ttl      time.Duration
	capacity int
	order    *list.List // of seenEntry, oldest first
	index    map[string]*list.Element
}

type seenEntry struct {
	key string
	at  time.Time
}

func newSeenSet(capacity int, ttl time.Duration) *seenSet {
	return &seenSet{ttl: ttl, capacity: capacity, order: list.New(), index: map[string]*list.Element{}}
}

// firstTime records key as seen at now and reports whether it had not been
// seen (within ttl) before. Check and record are one step, so two concurrent
// deliveries of one event cannot both be answered.
func (s *seenSet) firstTime(key string, now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expire(now)
	if _, ok := s.index[key]; ok {
		return false
	}
	s.index[key] = s.order.PushBack(seenEntry{key: key, at: now})
	for s.order.Len() > s.capacity {
		s.remove(s.order.Front())
	}
	return true
}

// len returns how many keys are remembered.
func (s *seenSet) len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.order.Len()
}

func (s *seenSet) expire(now time.Time) {
	for e := s.order.Front(); e != nil; e = s.order.Front() {
		if now.Sub(e.Value.(seenEntry).at) < s.ttl {
			return
		}
		s.remove(e)
	}
}

func (s *seenSet) remove(e *list.Element) {
	delete(s.index, e.Value.(seenEntry).key)
	s.order.Remove(e)
}
