package main

import (
	"net/http"
	"strings"
	"testing"
)

// TestServe_badConfiguration: no Slack variable runs serve without Slack (the
// browser test), a partial set or a short DUTYBOT_SECRET is a usage error
// that stops it before it listens.
func TestServe_badConfiguration(t *testing.T) {
	for _, c := range []struct {
		name string
		env  map[string]string
		want string
	}{
		{"app token without bot token", map[string]string{"SLACK_APP_TOKEN": "xapp-1"}, "serve needs SLACK_BOT_TOKEN"},
		{"bot token alone", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1"}, "serve needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET"},
		{"short secret", map[string]string{"DUTYBOT_SECRET": "short"}, "DUTYBOT_SECRET is 5 characters; at least 16"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tm := newTestMain(t)
			for k, v := range c.env {
				tm.env[k] = v
			}
			_, errs, code := tm.run("", "serve", "--http", freeAddr(t))
			if code != 2 || !strings.Contains(errs, c.want) {
				t.Fatalf("exit %d, stderr %q; want 2 and %q", code, errs, c.want)
			}
		})
	}
}

// TestDashboard_secret: with DUTYBOT_SECRET set, a link made by one process
// (chat) opens the dashboard served by another (serve), and no key is kept
// in the database; the link's base is DUTYBOT_PUBLIC_URL.
func TestDashboard_secret(t *testing.T) {
	tm := newTestMain(t)
	addr := freeAddr(t)
	tm.env["DUTYBOT_ADMINS"] = "UADMIN"
	tm.env["DUTYBOT_SECRET"] = "a secret of the office, long enough"
	tm.env["DUTYBOT_PUBLIC_URL"] = "https://duty.example.org/"
	text := tm.chat("--as", "UADMIN", "--now", "2019-10-15", "dashboard")[0].Text
	_, tok, ok := strings.Cut(text, "https://duty.example.org/dashboard?t=")
	if !ok {
		t.Fatalf("link not on DUTYBOT_PUBLIC_URL: %q", text)
	}
	tok = strings.Fields(tok)[0]
	serveAt(t, tm, addr, "2019-10-15")
	req, _ := http.NewRequest(http.MethodGet, "http://"+addr+"/dashboard", nil)
	req.AddCookie(&http.Cookie{Name: "dutybot_dashboard", Value: tok})
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("the board with chat's token: %d", resp.StatusCode)
	}
	var n int
	if err := rawDB(t, tm).QueryRow("SELECT COUNT(*) FROM dashboard_keys").Scan(&n); err != nil || n != 0 {
		t.Errorf("%d keys stored with DUTYBOT_SECRET set (%v)", n, err)
	}
}
