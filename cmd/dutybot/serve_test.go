package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// TestMain_Serve runs `dutybot serve` in HTTP mode against a local Slack
// stand-in: it becomes healthy, refuses unsigned requests, answers a signed
// slash command, and stops cleanly when its context ends.
func TestMain_Serve(t *testing.T) {
	_, apiURL := newSlackStandIn(t)
	tm := newTestMain(t)
	const secret = "test-signing-secret"
	tm.env["SLACK_BOT_TOKEN"] = "xoxb-test-token"
	tm.env["SLACK_SIGNING_SECRET"] = secret
	tm.env["SLACK_API_URL"] = apiURL
	addr := freeAddr(t)

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var logs bytes.Buffer
	go func() {
		m := NewMain()
		m.Stdin, m.Stdout, m.Stderr = strings.NewReader(""), io.Discard, io.Discard
		m.Logger = slog.New(slog.NewTextHandler(&lockedWriter{w: &logs}, nil))
		m.Getenv = func(k string) string {
			if k == "DUTYBOT_DB" {
				return tm.db
			}
			return tm.env[k]
		}
		err := m.Run(ctx, []string{"serve", "--http", addr})
		if cerr := m.Close(); err == nil {
			err = cerr
		}
		done <- err
	}()

	base := "http://" + addr
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not become healthy: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}

	form := url.Values{"command": {"/duty"}, "text": {"第38项由谁牵头？"}, "user_id": {"U1"}, "channel_id": {"C1"}}.Encode()
	post := func(sign bool) *http.Response {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, base+"/slack/commands", strings.NewReader(form))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if sign {
			ts := strconv.FormatInt(time.Now().Unix(), 10)
			mac := hmac.New(sha256.New, []byte(secret))
			fmt.Fprintf(mac, "v0:%s:%s", ts, form)
			req.Header.Set("X-Slack-Request-Timestamp", ts)
			req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	if resp := post(false); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("unsigned slash command: %d, want 401", resp.StatusCode)
	}
	resp := post(true)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "法制支队") {
		t.Errorf("signed /duty 第38项由谁牵头？: %d %s", resp.StatusCode, body)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve ended with %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop after its context ended")
	}
	for _, want := range []string{"slack: signed in", "dutybot serving"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("the log does not say %q:\n%s", want, logs.String())
		}
	}
	if strings.Contains(logs.String(), "xoxb-test-token") || strings.Contains(logs.String(), secret) {
		t.Error("a token or the signing secret reached the log")
	}
}
