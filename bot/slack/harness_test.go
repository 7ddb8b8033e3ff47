package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
)

// testNow is the harness's "now": a Friday morning in Huainan.
var testNow = time.Date(2019, 9, 20, 10, 0, 0, 0, shanghai)

// syncBuffer is a log sink that tests read while the adapter writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// harness is a running adapter wired to a stand-in Slack and a fake engine.
type harness struct {
	t     *testing.T
	st    *standin
	eng   *fakeEngine // nil over the real engine
	a     *Adapter
	clock *clockwork.FakeClock
	logs  *syncBuffer
	base  string // the adapter's own HTTP address

	cancel  context.CancelFunc
	ran     chan struct{} // closed when Run returned
	stopped sync.Once
	runErr  error
}

type mode int

const (
	httpMode mode = iota
	socketMode
)

// start runs an adapter in mode until the test ends, and checks then that
// Run returned cleanly and that no token or secret reached the log.
func start(t *testing.T, m mode, eng *fakeEngine, opts ...Option) *harness {
	t.Helper()
	return startWith(t, m, eng, nil, opts...)
}

// startReal is start over dutybot's own engine, by HTTP.
func startReal(t *testing.T, eng Engine) *harness {
	t.Helper()
	return startWith(t, httpMode, eng, nil)
}

// startWith is start with a chance to set up the stand-in before the
// adapter first connects.
func startWith(t *testing.T, m mode, eng Engine, prep func(*standin), opts ...Option) *harness {
	t.Helper()
	h := &harness{t: t, st: newStandin(t), clock: clockwork.NewFakeClockAt(testNow), logs: &syncBuffer{}}
	h.eng, _ = eng.(*fakeEngine)
	if prep != nil {
		prep(h.st)
	}
	cfg := Config{BotToken: testBotToken, APIURL: h.st.apiURL(), Clock: h.clock,
		Logger: slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	if m == socketMode {
		cfg.AppToken = testAppToken
	} else {
		cfg.SigningSecret = testSecret
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h.base = "http://" + ln.Addr().String()
	a, err := New(cfg, eng, append([]Option{WithListener(ln)}, opts...)...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	h.a = a
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel, h.ran = cancel, make(chan struct{})
	ran := h.ran
	go func() { h.runErr = a.Run(ctx); close(ran) }()
	t.Cleanup(func() {
		if err := h.stop(); err != nil {
			t.Errorf("Run: %v", err)
		}
		if t.Failed() {
			t.Logf("adapter log:\n%s", h.logs.String())
		}
		for _, s := range []string{testBotToken, testAppToken, testSecret} {
			if strings.Contains(h.logs.String(), s) {
				t.Errorf("a token or secret reached the log:\n%s", h.logs.String())
			}
		}
	})
	h.st.waitCalls("auth.test", 1)
	if m == socketMode {
		h.st.waitConns(1)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !a.Ready() {
		select {
		case <-ran:
			t.Fatal("Run returned before the adapter was ready")
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("adapter never became ready")
		}
		time.Sleep(5 * time.Millisecond)
	}
	return h
}

// stop cancels Run's context and returns what Run returned.
func (h *harness) stop() error {
	h.stopped.Do(func() {
		h.cancel()
		select {
		case <-h.ran:
		case <-time.After(30 * time.Second):
			h.runErr = errors.New("Run did not return within 30s of cancel")
		}
	})
	return h.runErr
}

// waitLog waits (up to 10s) until the adapter's log contains each of want.
func (h *harness) waitLog(want ...string) {
	h.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for _, w := range want {
		for !strings.Contains(h.logs.String(), w) {
			if time.Now().After(deadline) {
				h.t.Fatalf("log never said %q:\n%s", w, h.logs.String())
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
}

// flush waits for every answer in flight to be delivered.
func (h *harness) flush() {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if !h.a.wait(ctx) {
		h.t.Fatal("work still in flight after 10s")
	}
}

// request sends an HTTP request to the adapter with the given headers.
func (h *harness) request(method, path, body string, hdr http.Header) (int, string) {
	h.t.Helper()
	req, err := http.NewRequest(method, h.base+path, strings.NewReader(body))
	if err != nil {
		h.t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// signedHeaders signs body as Slack would, at ts.
func signedHeaders(secret, ts, body string) http.Header {
	return http.Header{
		"X-Slack-Request-Timestamp": {ts},
		"X-Slack-Signature":         {sign([]byte(secret), ts, []byte(body))},
	}
}

// post sends a request signed at the harness's now.
func (h *harness) post(path, body string, extra ...string) (int, string) {
	h.t.Helper()
	hdr := signedHeaders(testSecret, strconv.FormatInt(h.clock.Now().Unix(), 10), body)
	for i := 0; i+1 < len(extra); i += 2 {
		hdr.Set(extra[i], extra[i+1])
	}
	if strings.HasPrefix(body, "{") {
		hdr.Set("Content-Type", "application/json")
	} else {
		hdr.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	return h.request(http.MethodPost, path, body, hdr)
}

// slashBody is a /duty request as Slack sends it.
func (h *harness) slashBody(user, text, responseName string) string {
	return url.Values{
		"command": {"/duty"}, "text": {text}, "user_id": {user}, "channel_id": {"C0DUTY"},
		"team_id": {"T1"}, "response_url": {h.st.responseURL(responseName)}, "trigger_id": {"1.2.3"},
	}.Encode()
}

// eventBody is an Events API delivery of inner.
func eventBody(eventID string, inner map[string]any) string {
	b, _ := json.Marshal(map[string]any{"type": "event_callback", "event_id": eventID, "team_id": "T1", "event": inner})
	return string(b)
}

// interactionBody is a block_actions delivery as the form Slack posts.
func interactionBody(payload map[string]any) string {
	b, _ := json.Marshal(payload)
	return url.Values{"payload": {string(b)}}.Encode()
}

// buttonPress is the payload of a press on a button of message (as posted).
func (h *harness) buttonPress(user, actionID, blockID, value string, message apiCall) map[string]any {
	var blocks []any
	_ = json.Unmarshal([]byte(message.blocks()), &blocks)
	return map[string]any{
		"type":         "block_actions",
		"user":         map[string]any{"id": user},
		"channel":      map[string]any{"id": message.Form.Get("channel")},
		"container":    map[string]any{"type": "message", "message_ts": "1568944800.001001", "channel_id": message.Form.Get("channel")},
		"message":      map[string]any{"ts": "1568944800.001001", "text": message.Form.Get("text"), "blocks": blocks},
		"response_url": h.st.responseURL("press-" + user),
		"actions":      []any{map[string]any{"type": "button", "action_id": actionID, "block_id": blockID, "value": value}},
	}
}
