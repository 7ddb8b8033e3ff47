package slack

import (
	"context"
	"errors"
	"io"
	"net/http"
	"sync"
	"time"
)

// probeTimeout bounds one write probe, so that /healthz answers (not ready)
// even when the database hangs.
const probeTimeout = 3 * time.Second

// WriteProbe proves that the state the bot changes can be written now (the
// store implements it with a small committed write).
type WriteProbe interface {
	ProbeWrite(ctx context.Context, now time.Time) error
}

// writeCheck caches the write probe's last answer for a while: /healthz is
// asked every few seconds by each load balancer and orchestrator, and one
// small write per interval is enough to know.
type writeCheck struct {
	probe WriteProbe
	every time.Duration

	mu      sync.Mutex // held during a probe: concurrent askers share it
	checked bool
	at      time.Time
	err     error
}

// errNotWritable is what /healthz reports when the probe fails.
var errNotWritable = errors.New("database not writable")

// writable reports whether the last write probe, at most every old,
// succeeded; it probes again when the answer is older. Changes of the answer
// are logged once each, not at every probe.
func (a *Adapter) writable(ctx context.Context) error {
	c := a.writes
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	now := a.clock.Now()
	if c.checked && now.Sub(c.at) < c.every {
		return c.err
	}
	pctx, cancel := context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	err := c.probe.ProbeWrite(pctx, now)
	switch {
	case err != nil && (!c.checked || c.err == nil):
		a.log.Error("slack: the database is not writable: every change would fail, /healthz says not ready", "err", err)
	case err == nil && c.checked && c.err != nil:
		a.log.Info("slack: the database is writable again")
	}
	c.checked, c.at, c.err = true, now, err
	if err != nil {
		return errNotWritable
	}
	return nil
}

// serveHealth answers GET /healthz: 200 once the bot is signed in (and, in
// Socket Mode, connected) and its database takes writes; 503 saying which
// is missing otherwise.
func (a *Adapter) serveHealth(w http.ResponseWriter, r *http.Request) {
	if !a.Ready() {
		http.Error(w, "not ready: not connected to Slack", http.StatusServiceUnavailable)
		return
	}
	if err := a.writable(r.Context()); err != nil {
		http.Error(w, "not ready: "+err.Error(), http.StatusServiceUnavailable)
		return
	}
	_, _ = io.WriteString(w, "ok\n")
}
