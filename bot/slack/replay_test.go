package slack

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeReplayLog is an in-memory ReplayLog standing for the database that
// several replicas share; err, when set, is what every call returns.
type fakeReplayLog struct {
	mu    sync.Mutex
	until map[string]time.Time
	err   error
}

func newFakeReplayLog() *fakeReplayLog { return &fakeReplayLog{until: map[string]time.Time{}} }

func (l *fakeReplayLog) FirstUse(_ context.Context, sig string, now, expires time.Time) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.err != nil {
		return false, l.err
	}
	if u, ok := l.until[sig]; ok && !now.After(u) {
		return false, nil
	}
	l.until[sig] = expires
	return true, nil
}

var _ ReplayLog = (*fakeReplayLog)(nil)

// capture signs a request as Slack would and returns its headers, so that
// the very same request can be sent again.
func (h *harness) capture(body string) http.Header {
	hdr := signedHeaders(testSecret, strconv.FormatInt(h.clock.Now().Unix(), 10), body)
	hdr.Set("Content-Type", "application/x-www-form-urlencoded")
	return hdr
}

func TestHTTP_Replay(t *testing.T) {
	t.Run("a request replayed to the same replica is refused", func(t *testing.T) {
		h := start(t, httpMode, newFakeEngine("U0ADMIN"))
		reopen := h.slashBody("U0ADMIN", "reopen 7 法制支队", "r")
		captured := h.capture(reopen)
		if code, _ := h.request(http.MethodPost, "/slack/commands", reopen, captured); code != http.StatusOK {
			t.Fatalf("first reopen: %d", code)
		}
		h.clock.Advance(time.Minute)
		if code, _ := h.post("/slack/commands", h.slashBody("U0ADMIN", "done 7 法制支队", "d")); code != http.StatusOK {
			t.Fatalf("done: %d", code)
		}
		h.clock.Advance(time.Minute) // well inside the five-minute window
		code, _ := h.request(http.MethodPost, "/slack/commands", reopen, captured)
		if code != http.StatusUnauthorized {
			t.Fatalf("replayed reopen: %d, want 401", code)
		}
		upper := captured.Clone()
		upper.Set("X-Slack-Signature", "v0="+strings.ToUpper(strings.TrimPrefix(captured.Get("X-Slack-Signature"), "v0=")))
		if code, _ := h.request(http.MethodPost, "/slack/commands", reopen, upper); code != http.StatusUnauthorized {
			t.Fatalf("replayed reopen with the signature in upper case: %d, want 401", code)
		}
		if !h.eng.isDone(7, "法制支队") {
			t.Fatal("the replayed reopen undid the later done")
		}
		var commands []string
		for _, m := range h.eng.received() {
			if m.Via == "slack" {
				commands = append(commands, m.Text)
			}
		}
		if len(commands) != 2 {
			t.Fatalf("the engine got %q, want the reopen and the done once each", commands)
		}
		_, metrics := h.request(http.MethodGet, "/metrics", "", nil)
		if !strings.Contains(metrics, `dutybot_slack_requests_rejected_total{reason="replayed"} 2`) {
			t.Errorf("replays not counted:\n%s", metrics)
		}
		h.waitLog(`reason=replayed`)
	})

	t.Run("a request replayed to another replica is refused", func(t *testing.T) {
		log := newFakeReplayLog()
		r1 := start(t, httpMode, newFakeEngine("U0ADMIN"), WithReplayLog(log))
		r2 := start(t, httpMode, newFakeEngine("U0ADMIN"), WithReplayLog(log))
		body := r1.slashBody("U0ADMIN", "done 7 法制支队", "r")
		captured := r1.capture(body)
		if code, _ := r1.request(http.MethodPost, "/slack/commands", body, captured); code != http.StatusOK {
			t.Fatalf("first request: %d", code)
		}
		if code, _ := r2.request(http.MethodPost, "/slack/commands", body, captured); code != http.StatusUnauthorized {
			t.Fatalf("replay to the other replica: %d, want 401", code)
		}
		if n := len(r2.eng.received()); n != 0 {
			t.Fatalf("the other replica's engine got %d messages", n)
		}
	})

	t.Run("each event and each retry of it passes the replay check", func(t *testing.T) {
		log := newFakeReplayLog()
		h := start(t, httpMode, newFakeEngine(), WithReplayLog(log))
		for i, body := range []string{h.slashBody("U0ASKER", "task 1", "a"), h.slashBody("U0ASKER", "task 1", "a")} {
			h.clock.Advance(time.Second) // a new request is signed anew
			if code, _ := h.post("/slack/commands", body); code != http.StatusOK {
				t.Fatalf("request %d: %d", i, code)
			}
		}
	})

	t.Run("a replay log that fails refuses the request", func(t *testing.T) {
		log := newFakeReplayLog()
		log.err = errors.New("database is read-only")
		h := start(t, httpMode, newFakeEngine("U0ADMIN"), WithReplayLog(log))
		code, _ := h.post("/slack/commands", h.slashBody("U0ADMIN", "done 7 法制支队", "r"))
		if code != http.StatusServiceUnavailable {
			t.Fatalf("status %d, want 503", code)
		}
		if n := len(h.eng.received()); n != 0 {
			t.Fatalf("the engine got %d messages", n)
		}
		h.waitLog("replay log unavailable", "database is read-only")
	})

	t.Run("an option without a log is refused", func(t *testing.T) {
		if _, err := newAdapter(Config{BotToken: testBotToken, SigningSecret: testSecret}, newFakeEngine(), nil, WithReplayLog(nil)); err == nil {
			t.Fatal("WithReplayLog(nil) accepted")
		}
	})
}
