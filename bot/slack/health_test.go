package slack

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeProbe is a WriteProbe whose answer the test sets.
type fakeProbe struct {
	mu    sync.Mutex
	err   error
	calls int
}

func (p *fakeProbe) ProbeWrite(context.Context, time.Time) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls++
	return p.err
}

func (p *fakeProbe) set(err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.err = err
}

func (p *fakeProbe) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.calls
}

func TestHealth_WriteProbe(t *testing.T) {
	probe := &fakeProbe{}
	h := start(t, httpMode, newFakeEngine(), WithWriteProbe(probe, 5*time.Second))
	health := func() (int, string) { return h.request(http.MethodGet, "/healthz", "", nil) }

	if code, body := health(); code != http.StatusOK || body != "ok\n" {
		t.Fatalf("writable: /healthz = %d %q", code, body)
	}
	asked := probe.count() // Run probes once at start too
	for range 5 {
		health()
	}
	if probe.count() != asked {
		t.Fatalf("probe asked %d more times within its interval, want 0", probe.count()-asked)
	}

	probe.set(errors.New("attempt to write a readonly database"))
	if code, _ := health(); code != http.StatusOK {
		t.Fatalf("/healthz = %d before the cached answer is old", code)
	}
	h.clock.Advance(5 * time.Second)
	for range 3 {
		if code, body := health(); code != http.StatusServiceUnavailable || !strings.Contains(body, "database not writable") {
			t.Fatalf("not writable: /healthz = %d %q, want 503 naming the database", code, body)
		}
		h.clock.Advance(5 * time.Second)
	}
	if n := strings.Count(h.logs.String(), "the database is not writable"); n != 1 {
		t.Errorf("the failure was logged %d times over three probes, want once", n)
	}
	h.waitLog("attempt to write a readonly database")

	probe.set(nil)
	if code, _ := health(); code != http.StatusOK {
		t.Fatalf("writable again: /healthz = %d", code)
	}
	h.waitLog("the database is writable again")
}

func TestHealth_WriteProbeAtStart(t *testing.T) {
	probe := &fakeProbe{err: errors.New("read-only transaction")}
	h := start(t, socketMode, newFakeEngine(), WithWriteProbe(probe, time.Second))
	// Said at start, before anything asks /healthz.
	h.waitLog("the database is not writable", "read-only transaction")
}

func TestWithWriteProbe_Invalid(t *testing.T) {
	for name, opt := range map[string]Option{
		"nil probe":     WithWriteProbe(nil, time.Second),
		"zero interval": WithWriteProbe(&fakeProbe{}, 0),
	} {
		if _, err := newAdapter(Config{BotToken: testBotToken, SigningSecret: testSecret}, newFakeEngine(), nil, opt); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
