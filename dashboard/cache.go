package dashboard

import (
	"context"
	"fmt"
	"sync"

	"dutybot/knowledge"
	"dutybot/store"
)

// Every change of state is audited in the transaction that makes it, so the
// audit chain's head names the state: while it has not moved, the notices
// and parts read before are still the database's, and a page is only laid
// out and rendered. Reading the notices and parts of a 10,000-task notice
// is most of a board's cost (0.4 s of 0.42 s on the development machine).
// Replicas stay right: each asks the shared database's head on every page.

// noticeActions are the audited changes after which the notices themselves
// (not only their parts' states) must be read again.
var noticeActions = []string{store.ActionImport, store.ActionUnassign, store.ActionMembers}

// stateCache is the last state read, at the audit head it was read at.
type stateCache struct {
	mu      sync.Mutex
	seq     int64
	read    bool
	notices []*knowledge.Notice
	parts   []knowledge.Part // of the latest notice
}

// state returns the notice the dashboard shows (the latest imported) and
// its parts, read again only when the audit head has moved, the notices
// only when a notice was imported since.
func (s *Server) state(ctx context.Context) (*knowledge.Notice, []knowledge.Part, error) {
	head, err := s.st.AuditHead(ctx)
	if err != nil {
		return nil, nil, err
	}
	c := &s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.read && c.seq == head.Seq {
		return c.latest(), c.parts, nil
	}
	reload := !c.read
	if !reload {
		n, err := s.st.CountAuditAfter(ctx, c.seq, noticeActions...)
		if err != nil {
			return nil, nil, err
		}
		reload = n > 0
	}
	if reload {
		ns, err := s.st.Notices(ctx)
		if err != nil {
			return nil, nil, fmt.Errorf("read notices: %w", err)
		}
		if len(ns) == 0 {
			return nil, nil, errNoNotice
		}
		c.notices = ns
	}
	parts, err := s.st.Parts(ctx, c.latest().Number)
	if err != nil {
		return nil, nil, fmt.Errorf("read parts: %w", err)
	}
	c.seq, c.read, c.parts = head.Seq, true, parts
	return c.latest(), parts, nil
}

func (c *stateCache) latest() *knowledge.Notice { return c.notices[len(c.notices)-1] }
