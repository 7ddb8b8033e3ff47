package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"dutybot/reminders"
)

// slackStandIn is a local stand-in for Slack's chat.postMessage that can be
// told to fail the next requests with 429 or 500.
type slackStandIn struct {
	mu     sync.Mutex
	fails  []int // status codes for the next requests, in order
	posts  []slackPost
	calls  int
	holdAt int           // from this post on (1-based), hold each until its client gives up
	held   chan struct{} // closed when the first post is held
}

type slackPost struct{ Channel, Text, Blocks string }

func newSlackStandIn(t *testing.T) (*slackStandIn, string) {
	t.Helper()
	s := &slackStandIn{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/chat.postMessage":
		case "/auth.test":
			_, _ = w.Write([]byte(`{"ok":true,"user_id":"UBOT","team_id":"T1"}`))
			return
		default:
			_, _ = w.Write([]byte(`{"ok":false,"error":"unknown_method"}`))
			return
		}
		s.calls++
		if s.holdAt > 0 && s.calls >= s.holdAt {
			// A Slack that never answers: the post is not made, and the
			// client gives up only when its context ends.
			if s.calls == s.holdAt {
				close(s.held)
			}
			s.mu.Unlock()
			<-r.Context().Done()
			s.mu.Lock()
			return
		}
		if len(s.fails) > 0 {
			code := s.fails[0]
			s.fails = s.fails[1:]
			if code == http.StatusTooManyRequests {
				w.Header().Set("Retry-After", "1")
			}
			w.WriteHeader(code)
			return
		}
		s.posts = append(s.posts, slackPost{Channel: r.Form.Get("channel"), Text: r.Form.Get("text"), Blocks: r.Form.Get("blocks")})
		_ = json.NewEncoder(w).Encode(map[string]any{"ok": true, "channel": r.Form.Get("channel"), "ts": "1569.0001"})
	}))
	t.Cleanup(srv.Close)
	return s, srv.URL + "/"
}

func (s *slackStandIn) failNext(codes ...int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fails = append(s.fails, codes...)
}

// holdFrom makes the stand-in hold the nth post from now on, and every one
// after it, until its client gives up; the channel closes when the nth arrives.
func (s *slackStandIn) holdFrom(n int) <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.holdAt, s.held = s.calls+n, make(chan struct{})
	return s.held
}

// release makes the stand-in answer every post again.
func (s *slackStandIn) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.holdAt = 0
}

func (s *slackStandIn) delivered() []slackPost {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]slackPost(nil), s.posts...)
}

// newRemindMain returns a dutybot whose Slack is a local stand-in, with two
// units bound to channels of their own and the rest reminded in CREMIND.
func newRemindMain(t *testing.T) (*testMain, *slackStandIn) {
	t.Helper()
	slack, url := newSlackStandIn(t)
	tm := newTestMain(t)
	tm.env["SLACK_BOT_TOKEN"] = "xoxb-test-token"
	tm.env["SLACK_API_URL"] = url
	tm.env["DUTYBOT_REMINDER_CHANNEL"] = "CREMIND"
	tm.env["DUTYBOT_ADMINS"] = "UADMIN"
	tm.chat("--as", "UADMIN", "bind 法制支队 CFAZHI", "绑定 人事处 <#CRENSHI|renshi>")
	return tm, slack
}

// deployedAt is when the deployment of these tests first ran: the day before
// the built-in notice was issued, so that its first run has nothing to say.
const deployedAt = "2019-09-02T18:00:00+08:00"

func TestMain_RemindSend(t *testing.T) {
	// 2019-09-16 is 14 days before the 2019-09-30 milestones of tasks 25-27,
	// and the Aug 31 milestones are overdue.
	const at = "2019-09-16T09:05:00+08:00"

	// What a fault-free run delivers is what a faulty sequence must deliver
	// in the end: every message once.
	control, controlSlack := newRemindMain(t)
	control.env["DUTYBOT_UNIT_LANGS"] = "法制支队=en"
	// The deployment's first run, the day before the notice was issued:
	// nothing to say yet. The run at 09-16 then catches up since then.
	control.mustRun("remind", "send", "--now", deployedAt)
	base := len(controlSlack.delivered())
	control.mustRun("remind", "send", "--now", at)
	want := controlSlack.delivered()[base:]
	if len(want) < 3 {
		t.Fatalf("a fault-free run delivered %d messages; the fixture expects several", len(want))
	}
	var toFazhi string
	for _, p := range want {
		if p.Channel == "CFAZHI" && (strings.Contains(p.Blocks, "第25项") || strings.Contains(p.Blocks, "Task 25")) {
			toFazhi = p.Text
		}
	}
	if !strings.Contains(toFazhi, "[Task reminder] For 法制支队") {
		t.Errorf("法制支队 is configured for English but was written to in: %.60q", toFazhi)
	}
	if toFazhi == "" {
		t.Errorf("法制支队's own channel got no reminder of task 25 (due 2019-09-30)")
	}

	tm, slack := newRemindMain(t)
	tm.mustRun("remind", "send", "--now", deployedAt)
	base = len(slack.delivered())
	slack.failNext(http.StatusTooManyRequests, http.StatusInternalServerError)
	// No waiting within the run: the failures are the next run's.
	out, errs, code := tm.run("", "remind", "send", "--now", at, "--retry-wait", "0")
	if code != exitRetryLater || !strings.Contains(out, "for the next run") {
		t.Fatalf("send with a 429 and a 500: exit %d, %q %s; want exit %d reporting reminders waiting for the next run", code, out, errs, exitRetryLater)
	}
	// An hour later the failed messages go out; a third run finds nothing.
	tm.mustRun("remind", "send", "--now", "2019-09-16T10:05:00+08:00")
	second := slack.delivered()[base:]
	tm.mustRun("remind", "send", "--now", "2019-09-16T11:05:00+08:00")
	if all := slack.delivered()[base:]; len(all) != len(second) {
		t.Fatalf("a third run delivered %d more messages; each reminder goes out once", len(all)-len(second))
	}
	count := func(ps []slackPost) map[string]int {
		m := map[string]int{}
		for _, p := range ps {
			// Late deliveries say so; compare who got a message about what.
			m[p.Channel]++
		}
		return m
	}
	got, wantBy := count(second), count(want)
	for ch, n := range wantBy {
		if got[ch] != n {
			t.Errorf("channel %s got %d messages after the faults, want %d as without faults", ch, got[ch], n)
		}
	}
	if len(second) != len(want) {
		t.Errorf("delivered %d messages in all, want %d", len(second), len(want))
	}
}

// plan runs `dutybot remind plan --json` over [from, to].
func (tm *testMain) plan(from, to string) []reminders.PlanEntry {
	tm.t.Helper()
	var plan []reminders.PlanEntry
	out := tm.mustRun("remind", "plan", "--json", "--from", from, "--to", to)
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		tm.t.Fatalf("remind plan --json: %v\n%s", err, out)
	}
	return plan
}

func TestMain_RemindPlan(t *testing.T) {
	tm := newTestMain(t)
	plan := tm.plan("2019-09-01", "2019-12-31")
	has := map[string]bool{}
	for _, r := range plan {
		day := r.At[:10]
		if day >= "2019-10-01" && day <= "2019-10-07" {
			t.Errorf("reminder on the National Day holiday: %+v", r)
		}
		if !strings.HasSuffix(r.At, "+08:00") {
			t.Errorf("at %q is not in +08:00", r.At)
		}
		has[r.Kind+"|"+r.Unit+"|"+r.Role+"|"+day] = has[r.Kind+"|"+r.Unit+"|"+r.Role+"|"+day] || r.Task == 25
	}
	// Task 25 (法制支队 leads; 各行政执法警种 and 各分县局 do it) is due 2019-09-30:
	// reminded 14, 7 and 3 days ahead and on the day; 2019-09-29 is a Sunday
	// but a make-up working day (调休), so the 1-day reminder stays there.
	for _, want := range []string{
		"before|法制支队|lead|2019-09-16", "before|法制支队|lead|2019-09-23", "before|法制支队|lead|2019-09-27",
		"before|法制支队|lead|2019-09-29", "due|法制支队|lead|2019-09-30",
		"before|各分县局|responsible|2019-09-16", "due|各行政执法警种|responsible|2019-09-30",
	} {
		if !has[want] {
			t.Errorf("plan lacks task 25 %s", want)
		}
	}
	t.Run("bad window", func(t *testing.T) {
		if _, _, code := tm.run("", "remind", "plan", "--json", "--from", "2019-12-01", "--to", "2019-09-01"); code != 2 {
			t.Errorf("--to before --from: exit %d, want 2", code)
		}
	})
}
