package main

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the admin connection that makes a schema per test
)

// servedBot is one `dutybot serve` running in this process on its own port.
type servedBot struct {
	t    *testing.T
	base string
	logs *lockedBuffer
	stop func() error // cancels serve and returns what it returned
	main *Main
}

// lockedBuffer is a log sink read while serve writes to it.
type lockedBuffer struct{ lockedWriter }

func newLockedBuffer() *lockedBuffer {
	return &lockedBuffer{lockedWriter{w: new(strings.Builder)}}
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.w.(*strings.Builder).String()
}

// serveOpts adjust one run of serve.
type serveOpts struct {
	ctx   context.Context // default: a context serve's stop cancels
	ready bool            // wait for /healthz to answer 200
	setup func(m *Main)   // last changes to the Main before Run
}

// startServe runs `dutybot serve` on tm's database and environment, on a
// free port, until stop is called (or the test ends).
func startServe(t *testing.T, tm *testMain, o serveOpts) *servedBot {
	t.Helper()
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	if o.ctx != nil {
		ctx, cancel = context.WithCancel(o.ctx)
	}
	b := &servedBot{t: t, base: "http://" + addr, logs: newLockedBuffer()}
	m := NewMain()
	m.Stdin, m.Stdout, m.Stderr = strings.NewReader(""), io.Discard, b.logs
	m.Logger = slog.New(slog.NewTextHandler(b.logs, &slog.HandlerOptions{Level: m.LogLevel}))
	m.Getenv = func(k string) string {
		if k == "DUTYBOT_DB" {
			return tm.db
		}
		return tm.env[k]
	}
	if o.setup != nil {
		o.setup(m)
	}
	b.main = m
	done := make(chan error, 1)
	go func() {
		err := m.Run(ctx, []string{"serve", "--http", addr})
		if cerr := m.Close(); err == nil {
			err = cerr
		}
		done <- err
	}()
	var result error
	stopped := false
	b.stop = func() error {
		if stopped {
			return result
		}
		stopped = true
		cancel()
		select {
		case result = <-done:
		case <-time.After(30 * time.Second):
			result = fmt.Errorf("serve did not stop within 30s of its context ending")
		}
		return result
	}
	t.Cleanup(func() {
		_ = b.stop()
		if t.Failed() {
			t.Logf("serve log:\n%s", b.logs.String())
		}
	})
	if o.ready {
		b.waitHealth(http.StatusOK)
	}
	return b
}

// health returns /healthz's status, or 0 while nothing answers.
func (b *servedBot) health() int {
	resp, err := http.Get(b.base + "/healthz")
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// waitHealth waits (up to 10s) until /healthz answers code.
func (b *servedBot) waitHealth(code int) {
	b.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for got := b.health(); got != code; got = b.health() {
		if time.Now().After(deadline) {
			b.t.Fatalf("/healthz = %d, want %d\nlog:\n%s", got, code, b.logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// signedRequest is a slash command signed as Slack signs it, kept so that
// it can be sent again byte for byte.
type signedRequest struct {
	body string
	hdr  http.Header
}

func signSlash(secret, user, text string, at time.Time) signedRequest {
	body := url.Values{"command": {"/duty"}, "text": {text}, "user_id": {user}, "channel_id": {"CDUTY"}, "team_id": {"T1"}}.Encode()
	ts := strconv.FormatInt(at.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:%s", ts, body)
	return signedRequest{body: body, hdr: http.Header{
		"Content-Type":              {"application/x-www-form-urlencoded"},
		"X-Slack-Request-Timestamp": {ts},
		"X-Slack-Signature":         {"v0=" + hex.EncodeToString(mac.Sum(nil))},
	}}
}

// send posts r to the bot's /slack/commands and returns the status and body.
func (b *servedBot) send(r signedRequest) (int, string) {
	b.t.Helper()
	req, err := http.NewRequest(http.MethodPost, b.base+"/slack/commands", strings.NewReader(r.body))
	if err != nil {
		b.t.Fatal(err)
	}
	req.Header = r.hdr.Clone()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// forEachDatabase runs f on a fresh SQLite file and, when
// $DUTYBOT_TEST_POSTGRES names a server (as in .ci/run), on a fresh
// PostgreSQL schema there.
func forEachDatabase(t *testing.T, f func(t *testing.T, tm *testMain)) {
	t.Run("sqlite", func(t *testing.T) { f(t, newTestMain(t)) })
	t.Run("postgres", func(t *testing.T) {
		base := os.Getenv("DUTYBOT_TEST_POSTGRES")
		if base == "" {
			t.Skip("$DUTYBOT_TEST_POSTGRES is not set (.ci/run sets it)")
		}
		admin, err := sql.Open("pgx", base)
		if err != nil {
			t.Fatal(err)
		}
		defer admin.Close()
		raw := make([]byte, 6)
		_, _ = rand.Read(raw)
		schema := "dutybot_cmd_" + hex.EncodeToString(raw)
		if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
			t.Fatalf("create schema: %v", err)
		}
		t.Cleanup(func() {
			if a, err := sql.Open("pgx", base); err == nil {
				_, _ = a.Exec("DROP SCHEMA " + schema + " CASCADE")
				a.Close()
			}
		})
		u, err := url.Parse(base)
		if err != nil {
			t.Fatal(err)
		}
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		tm := newTestMain(t)
		tm.db = u.String()
		f(t, tm)
	})
}
