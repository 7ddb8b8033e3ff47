package slack

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"
)

func TestNew(t *testing.T) {
	eng := newFakeEngine()
	tests := []struct {
		name    string
		cfg     Config
		engine  Engine
		opts    []Option
		wantErr string
	}{
		{"socket mode", Config{BotToken: testBotToken, AppToken: testAppToken}, eng, nil, ""},
		{"http", Config{BotToken: testBotToken, SigningSecret: testSecret}, eng, []Option{WithDefaultLang("en"), WithInlineBudget(time.Second)}, ""},
		{"no bot token", Config{AppToken: testAppToken}, eng, nil, "SLACK_BOT_TOKEN is not set"},
		{"neither connection", Config{BotToken: testBotToken}, eng, nil, "SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET"},
		{"bot token as app token", Config{BotToken: testBotToken, AppToken: testBotToken}, eng, nil, "SLACK_APP_TOKEN holds a bot token"},
		{"no engine", Config{BotToken: testBotToken, AppToken: testAppToken}, nil, nil, "engine is nil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := New(tt.cfg, tt.engine, tt.opts...)
			if tt.wantErr == "" {
				if err != nil || a == nil {
					t.Fatalf("New: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("New error = %v, want %q", err, tt.wantErr)
			}
			for _, s := range []string{testBotToken, testAppToken, testSecret} {
				if strings.Contains(err.Error(), s) {
					t.Fatalf("error %q shows a token", err)
				}
			}
		})
	}
}

func TestAdapter_Run_badTokens(t *testing.T) {
	for _, tt := range []struct {
		name string
		cfg  Config
	}{
		{"bot token revoked", Config{BotToken: "xoxb-revoked-token", SigningSecret: testSecret}},
		{"app token revoked", Config{BotToken: testBotToken, AppToken: "xapp-revoked-token"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := newStandin(t)
			var logs bytes.Buffer
			tt.cfg.APIURL, tt.cfg.Logger = st.apiURL(), slog.New(slog.NewTextHandler(&logs, nil))
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			a, err := New(tt.cfg, newFakeEngine(), WithListener(ln))
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
			defer cancel()
			err = a.Run(ctx)
			if err == nil || !strings.Contains(err.Error(), "invalid_auth") || ctx.Err() != nil {
				t.Fatalf("Run = %v, want invalid_auth at once", err)
			}
			if strings.Contains(err.Error()+logs.String(), "revoked-token") {
				t.Fatalf("token shown: %v\n%s", err, logs.String())
			}
		})
	}
}

func TestConfig_LogValue(t *testing.T) {
	cfg := Config{BotToken: testBotToken, AppToken: testAppToken, SigningSecret: testSecret, HTTPAddr: ":8080"}
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("config", "cfg", cfg)
	out := logs.String() + fmt.Sprintf("%v %+v %s", cfg, cfg, cfg)
	for _, s := range []string{testBotToken, testAppToken, testSecret} {
		if strings.Contains(out, s) {
			t.Fatalf("config printed a secret: %s", out)
		}
	}
	if !strings.Contains(logs.String(), `"bot_token":true`) {
		t.Fatalf("config log lost its useful part: %s", logs.String())
	}
}

func TestConfigFromEnv(t *testing.T) {
	env := map[string]string{"SLACK_BOT_TOKEN": "b", "SLACK_APP_TOKEN": "a", "SLACK_SIGNING_SECRET": "s",
		"SLACK_API_URL": "http://localhost:9/api/", "DUTYBOT_HTTP_ADDR": ":9090"}
	got := ConfigFromEnv(func(k string) string { return env[k] })
	want := Config{BotToken: "b", AppToken: "a", SigningSecret: "s", APIURL: "http://localhost:9/api/", HTTPAddr: ":9090"}
	if got.BotToken != want.BotToken || got.AppToken != want.AppToken || got.SigningSecret != want.SigningSecret ||
		got.APIURL != want.APIURL || got.HTTPAddr != want.HTTPAddr {
		t.Fatalf("ConfigFromEnv = %#v", got)
	}
}
