package slack

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/websocket"
)

// The stand-in's Socket Mode side: apps.connections.open hands out a
// websocket URL on the stand-in itself, which says hello, pings (unless told
// not to), records acknowledgements and sends envelopes.

func (s *standin) open(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer "+testAppToken {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	s.mu.Lock()
	s.opens++
	s.changed()
	refusal := s.openError
	s.mu.Unlock()
	if refusal != nil {
		writeJSON(w, refusal)
		return
	}
	writeJSON(w, map[string]any{"ok": true, "url": "ws" + strings.TrimPrefix(s.srv.URL, "http") + "/ws"})
}

func (s *standin) websocket(w http.ResponseWriter, r *http.Request) {
	// slack-go dials with Origin: https://api.slack.com, as Slack expects.
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	conn, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &wsConn{conn: conn}
	s.mu.Lock()
	s.conns = append(s.conns, c)
	pings := !s.noPings
	s.changed()
	s.mu.Unlock()
	_ = c.send(map[string]any{"type": "hello", "num_connections": 1, "connection_info": map[string]any{"app_id": "A1"}})
	stop := make(chan struct{})
	if pings {
		go func() {
			tick := time.NewTicker(50 * time.Millisecond)
			defer tick.Stop()
			for {
				select {
				case <-stop:
					return
				case <-tick.C:
					_ = conn.WriteControl(websocket.PingMessage, []byte("p"), time.Now().Add(time.Second))
				}
			}
		}()
	}
	defer close(stop)
	for {
		var ack struct {
			EnvelopeID string `json:"envelope_id"`
		}
		if err := conn.ReadJSON(&ack); err != nil {
			return
		}
		s.mu.Lock()
		s.acks = append(s.acks, ack.EnvelopeID)
		s.changed()
		s.mu.Unlock()
	}
}

// envelope sends a Socket Mode request over the newest connection.
func (s *standin) envelope(id, typ string, payload any, retry int) {
	s.t.Helper()
	c := s.waitConns(1)
	if err := c.send(map[string]any{"envelope_id": id, "type": typ, "payload": payload, "retry_attempt": retry}); err != nil {
		s.t.Fatalf("send envelope %s: %v", id, err)
	}
}

func (s *standin) waitConns(n int) *wsConn {
	s.t.Helper()
	s.until(fmt.Sprintf("%d socket connections", n), func() bool { return len(s.conns) >= n })
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conns[len(s.conns)-1]
}

func (s *standin) waitAck(id string) {
	s.t.Helper()
	s.until("ack of "+id, func() bool {
		for _, a := range s.acks {
			if a == id {
				return true
			}
		}
		return false
	})
}
