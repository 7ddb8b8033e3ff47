package main

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestMain_ServeReplay replays a correctly signed `reopen 2`, within its
// five-minute window, after a later `done 2`, to the replica that took it
// and to a second replica on the same database: both refuse it, and task 2
// stays done.
func TestMain_ServeReplay(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, tm *testMain) {
		_, apiURL := newSlackStandIn(t)
		const secret = "replay-test-secret"
		tm.env["SLACK_BOT_TOKEN"] = "xoxb-test-token"
		tm.env["SLACK_SIGNING_SECRET"] = secret
		tm.env["SLACK_API_URL"] = apiURL
		tm.env["DUTYBOT_ADMINS"] = "UADMIN"
		tm.mustRun("tasks") // the database exists before two replicas open it
		r1 := startServe(t, tm, serveOpts{ready: true})
		r2 := startServe(t, tm, serveOpts{ready: true})

		now := time.Now()
		steps := []struct {
			bot  *servedBot
			text string
		}{{r1, "done 2"}, {r1, "reopen 2"}, {r2, "done 2"}}
		var reopen signedRequest
		for i, s := range steps {
			// Each request is signed at its own second, as Slack signs them.
			req := signSlash(secret, "UADMIN", s.text, now.Add(time.Duration(i)*time.Second))
			if s.text == "reopen 2" {
				reopen = req
			}
			if code, body := s.bot.send(req); code != http.StatusOK {
				t.Fatalf("%s: %d %s", s.text, code, body)
			}
		}
		for name, b := range map[string]*servedBot{"the same replica": r1, "the other replica": r2} {
			if code, body := b.send(reopen); code != http.StatusUnauthorized {
				t.Errorf("reopen 2 replayed to %s: %d %s, want 401", name, code, body)
			}
		}
		for _, b := range []*servedBot{r1, r2} {
			if err := b.stop(); err != nil {
				t.Fatalf("serve: %v", err)
			}
		}
		if got := taskStatus(t, tm, 2); got != "done" {
			t.Errorf("task 2 is %s after the replays, want done", got)
		}
		if audit := tm.mustRun("audit"); strings.Count(audit, "task.reopen 第2项 法制支队") != 1 {
			t.Errorf("the audit shows task 2 reopened %d times, want once:\n%s", strings.Count(audit, "task.reopen 第2项 法制支队"), audit)
		}
	})
}
