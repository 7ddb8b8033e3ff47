package slack

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// shortTimeouts keep the socket tests quick; what they prove does not
// depend on the values, only on there being a deadline at all.
var shortTimeouts = HTTPTimeouts{ReadHeader: 300 * time.Millisecond, Read: 500 * time.Millisecond, Write: 3 * time.Second, Idle: 300 * time.Millisecond}

// closedWithin reports whether the server closes c within limit, reading
// (and discarding) anything it sends first. The limit is far above the
// timeouts under test, so a slow machine does not make the test fail.
func closedWithin(c net.Conn, limit time.Duration) (bool, time.Duration) {
	start := time.Now()
	_ = c.SetReadDeadline(start.Add(limit))
	_, err := io.Copy(io.Discard, c)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return false, time.Since(start)
	}
	return true, time.Since(start)
}

func TestHTTP_Timeouts(t *testing.T) {
	h := start(t, httpMode, newFakeEngine(), WithHTTPTimeouts(shortTimeouts))
	addr := strings.TrimPrefix(h.base, "http://")
	dial := func() net.Conn {
		t.Helper()
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return c
	}

	t.Run("a trickled body is cut off", func(t *testing.T) {
		c := dial()
		body := h.slashBody("U0ASKER", "task 7", "slow")
		ts := strconv.FormatInt(h.clock.Now().Unix(), 10)
		fmt.Fprintf(c, "POST /slack/commands HTTP/1.1\r\nHost: dutybot\r\nContent-Type: application/x-www-form-urlencoded\r\n"+
			"Content-Length: %d\r\nX-Slack-Request-Timestamp: %s\r\nX-Slack-Signature: %s\r\n\r\n",
			len(body), ts, sign([]byte(testSecret), ts, []byte(body)))
		// One byte every 50ms: the whole body would take minutes.
		stop := make(chan struct{})
		defer close(stop)
		go func() {
			for i := 0; i < len(body); i++ {
				select {
				case <-stop:
					return
				case <-time.After(50 * time.Millisecond):
				}
				if _, err := c.Write([]byte{body[i]}); err != nil {
					return
				}
			}
		}()
		if closed, after := closedWithin(c, 20*time.Second); !closed {
			t.Fatalf("connection still open after %v of a trickled body", after)
		}
		if n := len(h.eng.received()); n != 0 {
			t.Fatalf("the engine got %d messages from a body never finished", n)
		}
		_, metrics := h.request(http.MethodGet, "/metrics", "", nil)
		if !strings.Contains(metrics, `dutybot_slack_requests_rejected_total{reason="slow_body"} 1`) {
			t.Errorf("slow body not counted:\n%s", metrics)
		}
	})

	t.Run("an idle keep-alive connection is closed", func(t *testing.T) {
		c := dial()
		fmt.Fprint(c, "GET /healthz HTTP/1.1\r\nHost: dutybot\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || resp.Close {
			t.Fatalf("first request: %d, close=%v; want 200 on a kept-alive connection", resp.StatusCode, resp.Close)
		}
		if closed, after := closedWithin(c, 20*time.Second); !closed {
			t.Fatalf("idle connection still open after %v", after)
		}
	})

	t.Run("a connection that never sends its headers is closed", func(t *testing.T) {
		c := dial()
		fmt.Fprint(c, "GET /healthz HTTP/1.1\r\nHost: dut")
		if closed, after := closedWithin(c, 20*time.Second); !closed {
			t.Fatalf("connection still open after %v of unfinished headers", after)
		}
	})

	t.Run("a normal request still gets its answer", func(t *testing.T) {
		code, body := h.post("/slack/commands", h.slashBody("U0ASKER", "task 7", "ok"))
		if code != http.StatusOK || !strings.Contains(body, "第7项") {
			t.Fatalf("status %d: %s", code, body)
		}
	})
}

func TestWithHTTPTimeouts_Invalid(t *testing.T) {
	for _, tt := range []struct {
		name string
		t    HTTPTimeouts
		want string // besides ErrInvalidHTTPTimeouts: which timeout
	}{
		{"zero read", HTTPTimeouts{ReadHeader: time.Second, Write: 5 * time.Second, Idle: time.Second}, "read timeout 0s"},
		{"negative idle", HTTPTimeouts{ReadHeader: time.Second, Read: time.Second, Write: 5 * time.Second, Idle: -time.Second}, "idle timeout -1s"},
		{"write within the inline budget", HTTPTimeouts{ReadHeader: time.Second, Read: time.Second, Write: time.Second, Idle: time.Second}, "must exceed the inline budget"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := newAdapter(Config{BotToken: testBotToken, SigningSecret: testSecret}, newFakeEngine(), nil, WithHTTPTimeouts(tt.t))
			if !errors.Is(err, ErrInvalidHTTPTimeouts) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %v saying %q", err, ErrInvalidHTTPTimeouts, tt.want)
			}
		})
	}
}
