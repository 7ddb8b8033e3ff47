package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// End-to-end tests of reminder delivery as an operator runs it: `remind
// send` from cron and `serve`, against the local Slack stand-in.

// onlyOpen marks every task of the built-in notice done but the given ones,
// so that a run has a few units to remind (and pacing stays short).
func (tm *testMain) onlyOpen(tasks ...int) {
	tm.t.Helper()
	var cmds []string
	for n := 1; n <= 43; n++ {
		open := false
		for _, k := range tasks {
			open = open || k == n
		}
		if !open {
			cmds = append(cmds, fmt.Sprintf("done %d", n))
		}
	}
	tm.chat(append([]string{"--as", "UADMIN"}, cmds...)...)
}

// sendSummary reads the last line of `remind send`: how many reminders were
// delivered and how many wait for the next run.
var sendSummary = regexp.MustCompile(`(\d+) reminders? delivered in \d+ messages?; (\d+) wait(?:s)? for the next run`)

func lastLine(out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return lines[len(lines)-1]
}

func summaryCounts(t *testing.T, out string) (delivered, waiting int) {
	t.Helper()
	m := sendSummary.FindStringSubmatch(lastLine(out))
	if m == nil {
		t.Fatalf("the last line of remind send does not say how many were delivered and how many wait: %q", lastLine(out))
	}
	delivered, _ = strconv.Atoi(m[1])
	waiting, _ = strconv.Atoi(m[2])
	return delivered, waiting
}

const (
	// firstRun is the deployment's first run (before the day's sending time).
	firstRun = "2019-09-16T08:00:00+08:00"
	// sendAt is 14 days before the 2019-09-30 deadline of tasks 25-27.
	sendAt = "2019-09-16T09:05:00+08:00"
)

// TestMain_RemindSend_retriesWithinRun is issue 12 item 1: a one-shot run
// that meets three 429s with Retry-After: 1 waits them out and delivers
// everything; one that keeps failing retries within a bounded wait, then
// says how many wait for the next run, which delivers them.
func TestMain_RemindSend_retriesWithinRun(t *testing.T) {
	t.Parallel()
	setup := func() (*testMain, *slackStandIn) {
		tm, slack := newRemindMain(t)
		tm.onlyOpen(25, 26, 27)
		tm.mustRun("remind", "send", "--now", firstRun)
		return tm, slack
	}
	control, controlSlack := setup()
	base := len(controlSlack.delivered())
	out := control.mustRun("remind", "send", "--now", sendAt)
	wantMsgs := len(controlSlack.delivered()) - base
	wantRems, _ := summaryCounts(t, out)
	if wantMsgs < 3 || wantRems < wantMsgs {
		t.Fatalf("a fault-free run delivered %d reminders in %d messages; the fixture expects several", wantRems, wantMsgs)
	}

	t.Run("three 429 Retry-After: 1", func(t *testing.T) {
		tm, slack := setup()
		base := len(slack.delivered())
		slack.failNext(http.StatusTooManyRequests, http.StatusTooManyRequests, http.StatusTooManyRequests)
		out, errs, code := tm.run("", "remind", "send", "--now", sendAt)
		got := len(slack.delivered()) - base
		if code != 0 || got != wantMsgs {
			t.Fatalf("delivered %d of %d messages, exit %d; want all delivered, exit 0\n%s%s", got, wantMsgs, code, out, errs)
		}
		if delivered, waiting := summaryCounts(t, out); delivered != wantRems || waiting != 0 {
			t.Errorf("last line %q: want %d delivered, 0 waiting", lastLine(out), wantRems)
		}
		t.Logf("three 429 Retry-After: 1: exit %d, %q", code, lastLine(out))
	})

	t.Run("a Slack that keeps failing", func(t *testing.T) {
		tm, slack := setup()
		base := len(slack.delivered())
		codes := make([]int, 200)
		for i := range codes {
			codes[i] = http.StatusInternalServerError
		}
		slack.failNext(codes...)
		out, errs, code := tm.run("", "remind", "send", "--now", sendAt, "--retry-wait", "2s")
		if code != exitRetryLater {
			t.Fatalf("exit %d, want %d (some wait for the next run)\n%s%s", code, exitRetryLater, out, errs)
		}
		if delivered, waiting := summaryCounts(t, out); delivered != 0 || waiting != wantRems {
			t.Errorf("last line %q: want 0 delivered, %d waiting", lastLine(out), wantRems)
		}
		slack.mu.Lock()
		calls := slack.calls
		slack.fails = nil
		slack.mu.Unlock()
		if calls <= wantMsgs {
			t.Errorf("%d posts for %d messages: a 500 was not retried within the run", calls, wantMsgs)
		}
		// The next run (an hour later, past every backoff) delivers them.
		out = tm.mustRun("remind", "send", "--now", "2019-09-16T10:05:00+08:00")
		if got := len(slack.delivered()) - base; got != wantMsgs {
			t.Errorf("the next run delivered %d of %d messages", got, wantMsgs)
		}
		if delivered, waiting := summaryCounts(t, out); delivered != wantRems || waiting != 0 {
			t.Errorf("next run's last line %q: want %d delivered, 0 waiting", lastLine(out), wantRems)
		}
	})

	t.Run("bad --retry-wait", func(t *testing.T) {
		for _, v := range []string{"-1s", "soon", "2h"} {
			if _, errs, code := control.run("", "remind", "send", "--now", sendAt, "--retry-wait", v); code != 2 {
				t.Errorf("--retry-wait %s: exit %d (%s), want 2", v, code, errs)
			}
		}
	})
}

// TestMain_RemindSend_interrupted is issue 12 item 3: SIGTERM in the middle
// of a run gives back the reminders it claimed and did not send, so that the
// run after it (a restart, a cron run a minute later) sends them at once
// instead of after the claim's five minutes.
func TestMain_RemindSend_interrupted(t *testing.T) {
	t.Parallel()
	setup := func() (*testMain, *slackStandIn) {
		slack, url := newSlackStandIn(t)
		tm := newTestMain(t)
		tm.env["SLACK_BOT_TOKEN"] = "xoxb-test-token"
		tm.env["SLACK_API_URL"] = url
		tm.env["DUTYBOT_REMINDER_CHANNEL"] = "CREMIND" // one channel: sent one by one
		tm.env["DUTYBOT_ADMINS"] = "UADMIN"
		tm.onlyOpen(25, 26, 27)
		tm.mustRun("remind", "send", "--now", firstRun)
		return tm, slack
	}
	control, controlSlack := setup()
	base := len(controlSlack.delivered())
	control.mustRun("remind", "send", "--now", sendAt)
	want := len(controlSlack.delivered()) - base
	if want < 3 {
		t.Fatalf("a fault-free run delivered %d messages; the fixture expects several", want)
	}

	tm, slack := setup()
	base = len(slack.delivered())
	held := slack.holdFrom(2)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-held: // the second message is on its way: stop now
		case <-time.After(time.Minute):
		}
		cancel()
	}()
	_, errs, code := tm.runCtx(ctx, "", "remind", "send", "--now", sendAt)
	first := len(slack.delivered()) - base
	if code == 0 || first != 1 {
		t.Fatalf("interrupted run: exit %d, %d messages delivered; want non-zero, 1 (the stand-in held the second)\n%s", code, first, errs)
	}
	slack.release()
	out := tm.mustRun("remind", "send", "--now", "2019-09-16T09:06:00+08:00")
	if got := len(slack.delivered()) - base - first; got != want-first {
		t.Errorf("a minute after the interrupted run, the next run delivered %d of the %d messages left\n%s", got, want-first, out)
	}
}

// serveUntil runs `dutybot serve` (HTTP mode) on tm's database until stop
// is closed, logging to logs; it returns serve's error.
func serveUntil(t *testing.T, tm *testMain, logs io.Writer, stop <-chan struct{}) <-chan error {
	t.Helper()
	tm.env["SLACK_SIGNING_SECRET"] = "test-signing-secret"
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		defer cancel()
		m := NewMain()
		m.Stdin, m.Stdout, m.Stderr = strings.NewReader(""), io.Discard, io.Discard
		m.Logger = slog.New(slog.NewTextHandler(logs, nil))
		m.Getenv = func(k string) string {
			if k == "DUTYBOT_DB" {
				return tm.db
			}
			return tm.env[k]
		}
		go func() {
			<-stop
			cancel()
		}()
		err := m.Run(ctx, []string{"serve", "--http", addr})
		if cerr := m.Close(); err == nil {
			err = cerr
		}
		done <- err
	}()
	return done
}

// waitLog waits until the log holds want (at most limit).
func waitLog(t *testing.T, logs *lockedWriter, want string, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !logs.contains(want) {
		if time.Now().After(deadline) {
			t.Fatalf("after %s the log does not say %q:\n%s", limit, want, logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// headerUnit returns the unit a reminder is addressed to (its first line).
var headerUnit = regexp.MustCompile(`^【任务提醒】致(\S+)`)

// TestMain_Serve_firstStart is issue 12 item 2: `serve` on a new database
// (the real date: every deadline of the 2019 notice long past) gives each
// unit at most one message, none of them a "late" one, and says at start
// where reminders and the weekly summary go.
func TestMain_Serve_firstStart(t *testing.T) {
	t.Parallel()
	slack, apiURL := newSlackStandIn(t)
	tm := newTestMain(t)
	tm.env["SLACK_BOT_TOKEN"] = "xoxb-test-token"
	tm.env["SLACK_API_URL"] = apiURL
	tm.env["DUTYBOT_REMINDER_CHANNEL"] = "CREMIND" // and no DUTYBOT_ADMIN_CHANNEL
	logs := &lockedWriter{w: &bytes.Buffer{}}
	stop := make(chan struct{})
	done := serveUntil(t, tm, logs, stop)
	waitLog(t, logs, "msg=\"reminder tick\"", 3*time.Minute)
	close(stop)
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}

	posts := slack.delivered()
	perUnit := map[string]int{}
	late := 0
	for _, p := range posts {
		if strings.Contains(p.Text, "补发") {
			late++
		}
		if m := headerUnit.FindStringSubmatch(p.Text); m != nil {
			perUnit[m[1]]++
		}
	}
	if late > 0 || len(perUnit) < 10 {
		t.Errorf("first start: %d messages to %d units, %d headed 补发; want one per unit, none late", len(posts), len(perUnit), late)
	}
	t.Logf("first start: %d messages to %d units, %d headed 补发", len(posts), len(perUnit), late)
	for u, n := range perUnit {
		if n > 1 {
			t.Errorf("%s got %d messages at the first start, want 1", u, n)
		}
	}
	for _, want := range []string{"reminder channels", "unbound=CREMIND", "summary=CREMIND", "DUTYBOT_ADMIN_CHANNEL is unset, so the weekly summary (通报) goes to the reminder channel"} {
		if !logs.contains(want) {
			t.Errorf("the start-up log does not say %q:\n%s", want, logs.String())
		}
	}
}

// TestMain_Serve_stopHandsBack is issue 12 item 3 through `serve`: stopped
// (SIGTERM) while its first tick is delivering, it hands back what it
// claimed and did not send, so that a `remind send` right after it (or the
// restarted serve) sends the rest at once.
func TestMain_Serve_stopHandsBack(t *testing.T) {
	t.Parallel()
	slack, apiURL := newSlackStandIn(t)
	tm := newTestMain(t)
	tm.env["SLACK_BOT_TOKEN"] = "xoxb-test-token"
	tm.env["SLACK_API_URL"] = apiURL
	tm.env["DUTYBOT_REMINDER_CHANNEL"] = "CREMIND" // one channel: sent one by one
	tm.env["DUTYBOT_ADMIN_CHANNEL"] = "CADMIN"
	tm.env["DUTYBOT_ADMINS"] = "UADMIN"
	tm.onlyOpen(25, 26, 27)
	held := slack.holdFrom(2)
	logs := &lockedWriter{w: &bytes.Buffer{}}
	stop := make(chan struct{})
	done := serveUntil(t, tm, logs, stop)
	select {
	case <-held:
	case <-time.After(3 * time.Minute):
		t.Fatalf("serve's first tick did not reach its second message:\n%s", logs.String())
	}
	close(stop) // SIGTERM
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}
	if n := len(slack.delivered()); n != 1 {
		t.Fatalf("serve delivered %d messages before it stopped, want 1", n)
	}
	slack.release()
	out, errs, code := tm.run("", "remind", "send", "--retry-wait", "0")
	delivered, waiting := summaryCounts(t, out)
	if code != 0 || delivered < 2 || waiting != 0 {
		t.Errorf("remind send right after serve stopped: exit %d, %q; want the rest delivered at once, none waiting\n%s", code, lastLine(out), errs)
	}
}
