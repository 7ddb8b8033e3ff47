package main

import (
	"strings"
	"testing"
)

// TestMain_ServeTokenRefused runs serve with tokens Slack (a local stand-in)
// refuses or that sit in the wrong variable: it exits 1 with one message
// that names the variable and says what to do.
func TestMain_ServeTokenRefused(t *testing.T) {
	const goodApp = "xapp-1-good"
	for _, tt := range []struct {
		name, appToken string
		want           []string
	}{
		{"a revoked app token", "xapp-1-revoked", []string{"dutybot: slack: Slack refused SLACK_APP_TOKEN (apps.connections.open: invalid_auth): generate an app-level token with the connections:write scope"}},
		{"a bot token as app token", "xoxb-9-bot", []string{"dutybot: slack: SLACK_APP_TOKEN holds a bot token (xoxb-…); Socket Mode needs an app-level token (xapp-…)"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := newSocketStandIn(t, goodApp)
			tm := newTestMain(t)
			tm.env["SLACK_BOT_TOKEN"] = "xoxb-test-token"
			tm.env["SLACK_APP_TOKEN"] = tt.appToken
			tm.env["SLACK_API_URL"] = st.apiURL()
			_, stderr, code := tm.run("", "serve", "--http", freeAddr(t))
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr does not say %q:\n%s", w, stderr)
				}
			}
			if strings.Contains(stderr, "slack: slack:") || strings.Count(stderr, "SLACK_APP_TOKEN holds") > 1 ||
				strings.Count(stderr, "Slack refused") > 1 || strings.Contains(stderr, tt.appToken) {
				t.Errorf("stderr repeats itself or shows the token:\n%s", stderr)
			}
		})
	}
}
