package slack

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// The tokens the stand-in accepts; tests also prove they never reach a log.
const (
	testBotToken = "xoxb-1111-secret-bot-token"
	testAppToken = "xapp-1-secret-app-token"
	testSecret   = "8f742231b10e8888abcd99yyyzzz85a5"
)

// apiCall is one request the stand-in received.
type apiCall struct {
	Method string
	Form   url.Values     // form-encoded calls (chat.*, users.info)
	JSON   map[string]any // JSON calls (views.publish, response_url)
	Raw    string
}

// blocks returns the call's blocks as JSON text without \u escapes (so
// tests can look for "<@U1>" as Slack would read it).
func (c apiCall) blocks() string {
	var v any
	if c.Form != nil {
		_ = json.Unmarshal([]byte(c.Form.Get("blocks")), &v)
	} else {
		v = c.JSON["blocks"]
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return strings.TrimSpace(buf.String())
}

// standin is a local Slack: the few Web API methods the adapter calls, a
// response_url endpoint, and a Socket Mode websocket.
type standin struct {
	t   *testing.T
	srv *httptest.Server

	mu        sync.Mutex
	calls     []apiCall
	notify    chan struct{} // closed and replaced whenever something happens
	locales   map[string]string
	limited   map[string]int      // method → how many 429s to answer before succeeding
	failing   map[string][]string // method → the next answers: an HTTP status ("503") or a Slack error
	opens     int                 // apps.connections.open calls
	acks      []string            // envelope IDs acknowledged over the socket
	conns     []*wsConn
	noPings   bool
	openError map[string]any // what apps.connections.open answers instead of a URL
	nextTS    int
	userAgent string
}

type wsConn struct {
	mu   sync.Mutex
	conn *websocket.Conn
}

func (c *wsConn) send(v any) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.conn.WriteJSON(v)
}

func newStandin(t *testing.T) *standin {
	t.Helper()
	s := &standin{t: t, notify: make(chan struct{}), locales: map[string]string{}, limited: map[string]int{}, nextTS: 1000}
	mux := http.NewServeMux()
	for _, m := range []string{"auth.test", "users.info", "chat.postMessage", "chat.postEphemeral", "chat.update", "views.publish",
		"views.open", "files.getUploadURLExternal", "files.completeUploadExternal"} {
		mux.HandleFunc("/api/"+m, s.method(m))
	}
	mux.HandleFunc("/upload/", s.upload)
	mux.HandleFunc("/api/apps.connections.open", s.open)
	mux.HandleFunc("/response/", s.response)
	mux.HandleFunc("/ws", s.websocket)
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.close)
	return s
}

func (s *standin) apiURL() string { return s.srv.URL + "/api/" }

// responseURL is a response_url the adapter will trust (same host as the API).
func (s *standin) responseURL(name string) string { return s.srv.URL + "/response/" + name }

func (s *standin) close() {
	s.mu.Lock()
	for _, c := range s.conns {
		_ = c.conn.Close()
	}
	s.mu.Unlock()
	s.srv.Close()
}

func (s *standin) changed() {
	close(s.notify)
	s.notify = make(chan struct{})
}

func (s *standin) record(c apiCall) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, c)
	s.changed()
}

// method serves one Web API method, checking the bot token like Slack does.
func (s *standin) method(name string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		c := apiCall{Method: name, Raw: string(raw)}
		if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			_ = json.Unmarshal(raw, &c.JSON)
		} else {
			c.Form, _ = url.ParseQuery(string(raw))
		}
		// slack-go sends the token as a bearer header or, for some methods, a form field.
		if r.Header.Get("Authorization") != "Bearer "+testBotToken && c.Form.Get("token") != testBotToken {
			writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
			return
		}
		s.mu.Lock()
		if s.limited[name] > 0 {
			s.limited[name]--
			s.mu.Unlock()
			s.record(apiCall{Method: name + " (429)"})
			w.Header().Set("Retry-After", "7")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		if f := s.failing[name]; len(f) > 0 {
			s.failing[name] = f[1:]
			s.mu.Unlock()
			s.record(apiCall{Method: name + " (" + f[0] + ")"})
			if code, err := strconv.Atoi(f[0]); err == nil {
				w.WriteHeader(code)
				return
			}
			writeJSON(w, map[string]any{"ok": false, "error": f[0]})
			return
		}
		s.nextTS++
		ts := fmt.Sprintf("1568944800.%06d", s.nextTS)
		locale := s.locales[c.Form.Get("user")]
		s.mu.Unlock()
		s.record(c)
		switch name {
		case "auth.test":
			writeJSON(w, map[string]any{"ok": true, "team": "Huainan", "user": "dutybot", "user_id": "UBOT", "bot_id": "BBOT"})
		case "users.info":
			writeJSON(w, map[string]any{"ok": true, "user": map[string]any{"id": c.Form.Get("user"), "locale": locale}})
		case "views.publish", "views.open":
			writeJSON(w, map[string]any{"ok": true, "view": map[string]any{"id": "V1"}})
		case "files.getUploadURLExternal":
			// The upload URL is on the API's host: slack-go sends the token
			// only there (or to Slack itself).
			writeJSON(w, map[string]any{"ok": true, "upload_url": s.srv.URL + "/upload/F" + ts, "file_id": "F" + ts})
		case "files.completeUploadExternal":
			var files []map[string]any
			_ = json.Unmarshal([]byte(c.Form.Get("files")), &files)
			writeJSON(w, map[string]any{"ok": true, "files": files})
		case "chat.postEphemeral":
			writeJSON(w, map[string]any{"ok": true, "message_ts": ts})
		default:
			writeJSON(w, map[string]any{"ok": true, "channel": c.Form.Get("channel"), "ts": ts})
		}
	}
}

// upload receives a file at the URL files.getUploadURLExternal gave, as
// Slack does: a multipart form whose "file" part is the content, which the
// call's Raw holds.
func (s *standin) upload(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer "+testBotToken {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	defer f.Close()
	raw, _ := io.ReadAll(f)
	s.record(apiCall{Method: "upload", Raw: string(raw), Form: url.Values{"filename": {hdr.Filename}, "path": {r.URL.Path}}})
	w.Header().Set("Content-Type", "text/plain")
	_, _ = io.WriteString(w, "OK - "+strconv.Itoa(len(raw)))
}

func (s *standin) response(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(r.Body)
	c := apiCall{Method: "response_url", Raw: string(raw)}
	_ = json.Unmarshal(raw, &c.JSON)
	c.JSON["path"] = r.URL.Path
	s.record(c)
	w.Header().Set("Content-Type", "text/plain")
	_, _ = io.WriteString(w, "ok")
}

// until waits (up to 10s) for cond, checked under the lock after each change.
func (s *standin) until(what string, cond func() bool) {
	s.t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		s.mu.Lock()
		ok, ch := cond(), s.notify
		s.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-ch:
		case <-deadline:
			s.t.Fatalf("timed out waiting for %s; calls so far: %v", what, s.methods())
		}
	}
}

// waitCalls waits until method was called n times and returns those calls.
func (s *standin) waitCalls(method string, n int) []apiCall {
	s.t.Helper()
	s.until(fmt.Sprintf("%d %s calls", n, method), func() bool { return len(s.callsLocked(method)) >= n })
	return s.callsOf(method)
}

func (s *standin) callsOf(method string) []apiCall {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.callsLocked(method)
}

func (s *standin) callsLocked(method string) []apiCall {
	var out []apiCall
	for _, c := range s.calls {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// methods lists every call's method, in order, for failure messages.
func (s *standin) methods() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, len(s.calls))
	for i, c := range s.calls {
		out[i] = c.Method
	}
	return out
}

// answers are the calls that show something to a user.
func (s *standin) answers() []apiCall {
	var out []apiCall
	for _, m := range []string{"chat.postMessage", "chat.postEphemeral", "chat.update", "views.publish", "response_url"} {
		out = append(out, s.callsOf(m)...)
	}
	return out
}

func (s *standin) setLocale(user, locale string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.locales[user] = locale
}

func (s *standin) rateLimit(method string, times int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limited[method] = times
}

// fail makes the next calls of method fail, one answer each: an HTTP
// status ("503") or a Slack error ("channel_not_found").
func (s *standin) fail(method string, answers ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failing == nil {
		s.failing = map[string][]string{}
	}
	s.failing[method] = append(s.failing[method], answers...)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
