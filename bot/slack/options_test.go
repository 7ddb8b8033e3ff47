package slack

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestNew_invalidOptions checks that each invalid option makes New fail
// with its own error value, and that no error shows a token.
func TestNew_invalidOptions(t *testing.T) {
	cfg := Config{BotToken: testBotToken, AppToken: testAppToken}
	tests := []struct {
		name string
		opt  Option
		want error
	}{
		{"nil translator", WithTranslator(nil), ErrNilTranslator},
		{"nil bundle", WithBundle(nil), ErrNilBundle},
		{"nil registry", WithRegistry(nil), ErrNilRegistry},
		{"nil event log", WithEventLog(nil), ErrNilEventLog},
		{"nil replay log", WithReplayLog(nil), ErrNilReplayLog},
		{"nil write probe", WithWriteProbe(nil, time.Second), ErrNilWriteProbe},
		{"zero probe interval", WithWriteProbe(&fakeProbe{}, 0), ErrInvalidDuration},
		{"nil listener", WithListener(nil), ErrNilListener},
		{"unknown language", WithDefaultLang("fr"), ErrInvalidLang},
		{"zero budget", WithInlineBudget(0), ErrInvalidDuration},
		{"negative ping interval", WithPingInterval(-time.Second), ErrInvalidDuration},
		{"zero shutdown timeout", WithShutdownTimeout(0), ErrInvalidDuration},
		{"negative retries", WithMaxRetries(-1), ErrInvalidMaxRetries},
		{"zero read timeout", WithHTTPTimeouts(HTTPTimeouts{ReadHeader: time.Second, Write: 5 * time.Second, Idle: time.Second}), ErrInvalidHTTPTimeouts},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(cfg, newFakeEngine(), tt.opt)
			if !errors.Is(err, tt.want) {
				t.Fatalf("New error = %v, want %v", err, tt.want)
			}
			for _, s := range []string{testBotToken, testAppToken} {
				if strings.Contains(err.Error(), s) {
					t.Fatalf("error %q shows a token", err)
				}
			}
		})
	}
}
