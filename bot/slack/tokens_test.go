package slack

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
)

// runRefused runs an adapter with cfg against st until Run returns (it
// must, by itself) and returns its error and log.
func runRefused(t *testing.T, st *standin, cfg Config) (error, string) {
	t.Helper()
	logs := &syncBuffer{}
	cfg.APIURL = st.apiURL()
	cfg.Clock = clockwork.NewFakeClockAt(testNow)
	cfg.Logger = slog.New(slog.NewTextHandler(logs, nil))
	a, err := New(cfg, newFakeEngine(), WithListener(localListener(t)))
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- a.Run(context.Background()) }()
	select {
	case err := <-done:
		return err, logs.String()
	case <-time.After(20 * time.Second):
		t.Fatalf("Run still running 20s after Slack refused a token; log:\n%s", logs.String())
	}
	return nil, ""
}

func TestRun_TokenRefused(t *testing.T) {
	for _, tt := range []struct {
		name    string
		cfg     Config
		target  error
		want    []string
		notWant []string
	}{
		{
			name:   "app token revoked: apps.connections.open says invalid_auth",
			cfg:    Config{BotToken: testBotToken, AppToken: "xapp-1-revoked"},
			target: ErrAppTokenRefused,
			want:   []string{"SLACK_APP_TOKEN", "apps.connections.open: invalid_auth", "App-Level Tokens", "connections:write"},
		},
		{
			name:    "bot token wrong: auth.test says invalid_auth",
			cfg:     Config{BotToken: "xoxb-wrong", AppToken: testAppToken},
			target:  ErrBotTokenRefused,
			want:    []string{"SLACK_BOT_TOKEN", "auth.test: invalid_auth", "Install App"},
			notWant: []string{"SLACK_APP_TOKEN"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err, logs := runRefused(t, newStandin(t), tt.cfg)
			if !errors.Is(err, tt.target) {
				t.Fatalf("Run = %v, want %v", err, tt.target)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Run = %q, want it to say %q", err, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(err.Error(), w) {
					t.Errorf("Run = %q blames %s", err, w)
				}
			}
			for _, secret := range []string{"xapp-1-revoked", "xoxb-wrong", testAppToken, testBotToken} {
				if strings.Contains(err.Error()+logs, secret) {
					t.Errorf("a token reached the error or the log")
				}
			}
		})
	}
}

func TestRun_AppTokenMissingScope(t *testing.T) {
	// An app-level token made without connections:write: Slack answers
	// missing_scope, and the adapter keeps retrying (the HTTP side and the
	// reminders go on), saying what is wrong, and is not ready.
	st := newStandin(t)
	st.openError = map[string]any{"ok": false, "error": "missing_scope", "needed": "connections:write", "provided": "authorizations:read"}
	logs := &syncBuffer{}
	a, err := New(Config{BotToken: testBotToken, AppToken: testAppToken, APIURL: st.apiURL(),
		Clock: clockwork.NewFakeClockAt(testNow), Logger: slog.New(slog.NewTextHandler(logs, nil))},
		newFakeEngine(), WithListener(localListener(t)))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	st.until("three apps.connections.open", func() bool { return st.opens >= 3 })
	if a.Ready() {
		t.Error("ready without a Socket Mode connection")
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v after its context ended, want nil", err)
	}
	out := logs.String()
	for _, want := range []string{"Slack refused SLACK_APP_TOKEN (apps.connections.open: missing_scope), retrying", "connections:write", "needed=connections:write"} {
		if !strings.Contains(out, want) {
			t.Errorf("the log does not say %q:\n%s", want, out)
		}
	}
	st.mu.Lock()
	opens := st.opens
	st.mu.Unlock()
	if n := strings.Count(out, "missing_scope"); n > opens {
		t.Errorf("%d log lines about missing_scope for %d attempts: one each is enough:\n%s", n, opens, out)
	}
}

func TestNew_TokenInTheWrongVariable(t *testing.T) {
	for _, tt := range []struct {
		name string
		cfg  Config
		want string
	}{
		{"bot token as app token", Config{BotToken: testBotToken, AppToken: "xoxb-2-other"}, "slack: SLACK_APP_TOKEN holds a bot token (xoxb-…); Socket Mode needs an app-level token (xapp-…)"},
		{"user token as app token", Config{BotToken: testBotToken, AppToken: "xoxp-3-user"}, "slack: SLACK_APP_TOKEN is not an app-level token (xapp-…)"},
		{"app token as bot token", Config{BotToken: testAppToken, AppToken: testAppToken}, "slack: SLACK_BOT_TOKEN holds an app-level token (xapp-…); it needs the Bot User OAuth Token (xoxb-…)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.cfg, newFakeEngine())
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("New = %v, want %q…", err, tt.want)
			}
			if strings.Contains(err.Error(), "slack: slack:") {
				t.Errorf("doubled prefix: %q", err)
			}
			for _, tok := range []string{tt.cfg.BotToken, tt.cfg.AppToken} {
				if strings.Contains(err.Error(), tok) {
					t.Errorf("the error shows a token: %q", err)
				}
			}
		})
	}
}

func localListener(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}
