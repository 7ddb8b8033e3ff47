package reminders

import (
	"context"
	"sync"
	"time"

	"dutybot/knowledge"
)

// reminderID is a reminder's identity: two reminders have equal IDs exactly
// when their Keys are equal, but an ID is built without formatting a string,
// and its strings share the notice's memory.
type reminderID struct {
	notice, unit string
	task         int
	role         knowledge.Role
	kind         knowledge.ReminderKind
	at           int64 // Unix seconds: Key writes At to the second
	due          knowledge.Date
}

func idOf(r knowledge.Reminder) reminderID {
	return reminderID{notice: r.Notice, unit: r.Unit, task: r.Task, role: r.Role, kind: r.Kind, at: r.At.Unix(), due: r.Due}
}

// recordedSet remembers which reminders of the look-back window this
// dispatcher has recorded in the log, so that a tick records only what its
// plan adds (a new minute, a new notice, a new member unit) instead of the
// whole window every minute. The log never deletes a reminder, so a
// reminder once recorded stays recorded; exactly-once delivery still rests
// on the log's claims, not on this set. It is safe for concurrent use.
type recordedSet struct {
	mu  sync.Mutex
	ids map[reminderID]struct{}
}

// record records in log the reminders of plan that this dispatcher has not
// recorded yet, and returns how many of those were new to the log. Entries
// older than from are forgotten: the window has moved past them.
func (s *recordedSet) record(ctx context.Context, log knowledge.ReminderLog, plan []knowledge.Reminder, from time.Time) (int, error) {
	s.mu.Lock()
	if s.ids == nil {
		s.ids = make(map[reminderID]struct{}, len(plan))
	}
	oldest := from.Unix()
	for id := range s.ids {
		if id.at < oldest {
			delete(s.ids, id)
		}
	}
	var todo []knowledge.Reminder
	for _, r := range plan {
		if _, ok := s.ids[idOf(r)]; !ok {
			todo = append(todo, r)
		}
	}
	s.mu.Unlock()
	if len(todo) == 0 {
		return 0, nil
	}
	n, err := log.Record(ctx, todo)
	if err != nil {
		return 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range todo {
		s.ids[idOf(r)] = struct{}{}
	}
	return n, nil
}

// planIndex answers, for the claimed reminders of a tick, whether each is
// still in the plan and which is the latest planned reminder of its
// milestone. It is built once per plan, not once per claimed batch.
type planIndex struct {
	planned map[reminderID]struct{}
	latest  map[milestoneKey]time.Time
}

func indexPlan(plan []knowledge.Reminder) *planIndex {
	ix := &planIndex{planned: make(map[reminderID]struct{}, len(plan)), latest: make(map[milestoneKey]time.Time, len(plan))}
	for _, r := range plan {
		ix.planned[idOf(r)] = struct{}{}
		if k := milestoneOf(r); r.At.After(ix.latest[k]) {
			ix.latest[k] = r.At
		}
	}
	return ix
}

func (ix *planIndex) has(r knowledge.Reminder) bool {
	_, ok := ix.planned[idOf(r)]
	return ok
}
