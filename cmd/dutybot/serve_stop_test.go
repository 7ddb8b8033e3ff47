package main

import (
	"context"
	"os"
	"os/signal"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
)

// warnings are the log lines a clean stop must not write.
var warnings = regexp.MustCompile(`(?m)^.*level=(WARN|ERROR).*$`)

// tickSummary is the scheduler's line for a tick that did something.
var tickSummary = regexp.MustCompile(`(?m)^.*msg="reminder tick".*sent=.*$`)

// sigterm stops serve as an operator does: SIGTERM to the process, caught
// by the same signal.NotifyContext as main's.
func sigterm(t *testing.T, b *servedBot) {
	t.Helper()
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := b.stop(); err != nil {
		t.Fatalf("serve after SIGTERM: %v", err)
	}
}

// TestMain_ServeCleanStop runs serve in Socket Mode against a local Slack,
// lets the reminder scheduler tick (on a fake clock), and stops it with a
// real SIGTERM: once while idle, once in the middle of a tick's paced
// sends. A clean stop writes no warning or error, and each tick's summary
// is logged once.
func TestMain_ServeCleanStop(t *testing.T) {
	start := func(t *testing.T) (*servedBot, *socketStandIn, *clockwork.FakeClock) {
		t.Helper()
		st := newSocketStandIn(t, "xapp-1-good")
		tm := newTestMain(t)
		tm.env["SLACK_BOT_TOKEN"] = "xoxb-test-token"
		tm.env["SLACK_APP_TOKEN"] = "xapp-1-good"
		tm.env["SLACK_API_URL"] = st.apiURL()
		tm.env["DUTYBOT_REMINDER_CHANNEL"] = "CREMIND"
		tm.env["DUTYBOT_ADMIN_CHANNEL"] = "CADMIN" // the fallback warning at start is not part of stopping
		// The notice's 2019 deadlines are all past on a clock at today's
		// date: the first tick has many messages for one channel to pace.
		clock := clockwork.NewFakeClockAt(time.Now())
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		t.Cleanup(stop)
		b := startServe(t, tm, serveOpts{ctx: ctx, ready: true, setup: func(m *Main) { m.clock = clock }})
		if st.connections() != 1 {
			t.Fatalf("%d socket connections, want 1", st.connections())
		}
		// The scheduler's next run is the one timer on the fake clock.
		waitCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := clock.BlockUntilContext(waitCtx, 1); err != nil {
			t.Fatalf("the scheduler never waited for its first tick: %v", err)
		}
		clock.Advance(time.Minute)
		return b, st, clock
	}

	t.Run("idle", func(t *testing.T) {
		b, st, clock := start(t)
		// Let the tick send everything, one paced message at a time: move
		// the clock only while the pacer waits on it (besides the
		// scheduler's next run), so that the tick never runs out of time.
		deadline := time.Now().Add(60 * time.Second)
		for !tickSummary.MatchString(b.logs.String()) {
			if time.Now().After(deadline) {
				t.Fatalf("the first tick never finished (%d posts)", st.postCount())
			}
			waitCtx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
			if clock.BlockUntilContext(waitCtx, 2) == nil {
				clock.Advance(time.Second)
			}
			cancel()
		}
		sigterm(t, b)
		logs := b.logs.String()
		if n := len(tickSummary.FindAllString(logs, -1)); n != 1 {
			t.Errorf("one tick's summary logged %d times:\n%s", n, strings.Join(tickSummary.FindAllString(logs, -1), "\n"))
		}
		if w := warnings.FindAllString(logs, -1); len(w) > 0 {
			t.Errorf("a clean stop logged warnings or errors:\n%s", strings.Join(w, "\n"))
		}
	})

	t.Run("in the middle of a tick", func(t *testing.T) {
		b, st, clock := start(t)
		// The first message goes at once; the second waits a second on the
		// fake clock, which the test does not move: stop there.
		st.waitPosts(t, 1)
		waitCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := clock.BlockUntilContext(waitCtx, 2); err != nil {
			t.Fatalf("the tick never waited to pace its second message: %v", err)
		}
		sigterm(t, b)
		logs := b.logs.String()
		if w := warnings.FindAllString(logs, -1); len(w) > 0 {
			t.Errorf("a clean stop in the middle of a tick logged warnings or errors:\n%s", strings.Join(w, "\n"))
		}
		if !strings.Contains(logs, "reminder tick stopped by shutdown") {
			t.Errorf("the log does not say the tick was stopped:\n%s", logs)
		}
	})
}
