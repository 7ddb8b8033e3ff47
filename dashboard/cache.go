package dashboard

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"

	"dutybot/knowledge"
	"dutybot/store"
)

// Every change of state is audited in the transaction that makes it, so the
// audit chain's head names the state: while it has not moved, the notices
// and parts read before are still the database's, and a page is only laid
// out and rendered. When it has moved, the entries since name what changed:
// the parts of the tasks they name are read again, and the notices only
// after an import or an archive. Reading the notices and parts of a
// 10,000-task notice is most of a board's cost (0.4 s of 0.42 s on the
// development machine). Replicas stay right: each asks the shared
// database's head on every page.

// noticeActions are the audited changes after which the notices themselves
// (not only their parts' states) must be read again.
var noticeActions = []string{store.ActionImport, store.ActionUnassign, store.ActionMembers,
	store.ActionArchive, store.ActionUnarchive}

// stateCache is the state read at one audit head: the notices, and the
// parts of those asked for so far.
type stateCache struct {
	mu      sync.Mutex
	seq     int64
	read    bool
	notices []*knowledge.Notice
	parts   map[string][]knowledge.Part // by notice number
}

// maxIncremental is how many audit entries since the last read are applied
// task by task; more (a bulk change) and the state is read whole.
const maxIncremental = 200

// refresh brings the cache to the audit head; the caller holds c.mu.
func (s *Server) refresh(ctx context.Context) error {
	head, err := s.st.AuditHead(ctx)
	if err != nil {
		return err
	}
	c := &s.cache
	if c.read && c.seq == head.Seq {
		return nil
	}
	var changed map[string][]int // notice → tasks named since the last read
	reload := !c.read
	if !reload {
		es, err := s.st.AuditAfter(ctx, c.seq, maxIncremental+1)
		if err != nil {
			return err
		}
		reload = len(es) > maxIncremental
		changed = map[string][]int{}
		for _, e := range es {
			if slices.Contains(noticeActions, e.Action) {
				reload = true
			}
			if e.Notice != "" && e.Task != 0 && !slices.Contains(changed[e.Notice], e.Task) {
				changed[e.Notice] = append(changed[e.Notice], e.Task)
			}
		}
	}
	if !reload {
		return s.update(ctx, head.Seq, changed)
	}
	ns, err := s.st.Notices(ctx)
	if err != nil {
		return fmt.Errorf("read notices: %w", err)
	}
	if len(ns) == 0 {
		return errNoNotice
	}
	// Read after the head: the parts are at least as new as the head says.
	c.notices, c.seq, c.read, c.parts = ns, head.Seq, true, map[string][]knowledge.Part{}
	return nil
}

// update reads again the parts of the tasks changed names, by notice, and
// moves the cache to seq. Parts are replaced, not edited: pages being
// rendered still read the old ones.
func (s *Server) update(ctx context.Context, seq int64, changed map[string][]int) error {
	c := &s.cache
	parts := make(map[string][]knowledge.Part, len(c.parts))
	for number, old := range c.parts {
		tasks := changed[number]
		if len(tasks) == 0 {
			parts[number] = old
			continue
		}
		fresh, err := s.st.TaskParts(ctx, number, tasks)
		if err != nil {
			return fmt.Errorf("read parts: %w", err)
		}
		parts[number] = splice(old, fresh, tasks)
	}
	c.seq, c.parts = seq, parts
	return nil
}

// splice returns old with the parts of tasks replaced by fresh, by task
// number and, within a task, in fresh's (the table's) order.
func splice(old, fresh []knowledge.Part, tasks []int) []knowledge.Part {
	out := make([]knowledge.Part, 0, len(old)+len(fresh))
	for _, p := range old {
		if !slices.Contains(tasks, p.Task) {
			out = append(out, p)
		}
	}
	out = append(out, fresh...)
	slices.SortStableFunc(out, func(a, b knowledge.Part) int { return cmp.Compare(a.Task, b.Task) })
	return out
}

// state returns the notice numbered want ("" for the newest in force) and
// its parts, as of the audit head. The parts are shared: read them only.
func (s *Server) state(ctx context.Context, want string) (*knowledge.Notice, []knowledge.Part, error) {
	c := &s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := s.refresh(ctx); err != nil {
		return nil, nil, err
	}
	n := pickNotice(c.notices, want)
	if n == nil {
		return nil, nil, errNotFound
	}
	if p, ok := c.parts[n.Number]; ok {
		return n, p, nil
	}
	parts, err := s.st.Parts(ctx, n.Number)
	if err != nil {
		return nil, nil, fmt.Errorf("read parts: %w", err)
	}
	c.parts[n.Number] = parts
	return n, parts, nil
}

// notices returns every notice, in import order, as of the audit head.
func (s *Server) notices(ctx context.Context) ([]*knowledge.Notice, error) {
	c := &s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := s.refresh(ctx); err != nil {
		return nil, err
	}
	return c.notices, nil
}

// pickNotice finds the notice numbered want; "" is the newest in force (the
// last imported that is not archived), else the last imported.
func pickNotice(ns []*knowledge.Notice, want string) *knowledge.Notice {
	if want != "" {
		for _, n := range ns {
			if n.Number == want {
				return n
			}
		}
		return nil
	}
	for i := len(ns) - 1; i >= 0; i-- {
		if !ns[i].Archived {
			return ns[i]
		}
	}
	if len(ns) == 0 {
		return nil
	}
	return ns[len(ns)-1]
}
