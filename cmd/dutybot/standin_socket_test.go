package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// socketStandIn is a local Slack for `serve` in Socket Mode: auth.test,
// apps.connections.open (which checks the app token), a websocket that
// says hello and pings, and chat.postMessage.
type socketStandIn struct {
	t        *testing.T
	srv      *httptest.Server
	appToken string

	mu    sync.Mutex
	opens int
	conns int
	posts int
}

func newSocketStandIn(t *testing.T, appToken string) *socketStandIn {
	t.Helper()
	s := &socketStandIn{t: t, appToken: appToken}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/auth.test", func(w http.ResponseWriter, _ *http.Request) {
		writeJSONTo(w, map[string]any{"ok": true, "team": "Huainan", "user_id": "UBOT", "team_id": "T1"})
	})
	mux.HandleFunc("/api/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		s.mu.Lock()
		s.posts++
		s.mu.Unlock()
		writeJSONTo(w, map[string]any{"ok": true, "channel": r.Form.Get("channel"), "ts": "1569.0001"})
	})
	mux.HandleFunc("/api/apps.connections.open", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.opens++
		s.mu.Unlock()
		if r.Header.Get("Authorization") != "Bearer "+s.appToken {
			writeJSONTo(w, map[string]any{"ok": false, "error": "invalid_auth"})
			return
		}
		writeJSONTo(w, map[string]any{"ok": true, "url": "ws" + strings.TrimPrefix(s.srv.URL, "http") + "/ws"})
	})
	mux.HandleFunc("/ws", s.websocket)
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.srv.Close)
	return s
}

func (s *socketStandIn) apiURL() string { return s.srv.URL + "/api/" }

func (s *socketStandIn) websocket(w http.ResponseWriter, r *http.Request) {
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	conn, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer conn.Close()
	s.mu.Lock()
	s.conns++
	s.mu.Unlock()
	var wmu sync.Mutex
	write := func(f func() error) error { wmu.Lock(); defer wmu.Unlock(); return f() }
	if err := write(func() error {
		return conn.WriteJSON(map[string]any{"type": "hello", "num_connections": 1, "connection_info": map[string]any{"app_id": "A1"}})
	}); err != nil {
		return
	}
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				if write(func() error {
					return conn.WriteControl(websocket.PingMessage, []byte("p"), time.Now().Add(time.Second))
				}) != nil {
					return
				}
			}
		}
	}()
	for {
		if _, _, err := conn.ReadMessage(); err != nil {
			return
		}
	}
}

// connections is how many websockets were opened.
func (s *socketStandIn) connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conns
}

func writeJSONTo(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// postCount is how many chat.postMessage calls arrived.
func (s *socketStandIn) postCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.posts
}

// waitPosts waits (up to 10s) for n chat.postMessage calls.
func (s *socketStandIn) waitPosts(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for s.postCount() < n {
		if time.Now().After(deadline) {
			t.Fatalf("%d posts after 10s, want %d", s.postCount(), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
