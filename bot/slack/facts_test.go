package slack

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"

	"dutybot/bot"
	"dutybot/i18n"
	"dutybot/i18n/facts"
	"dutybot/knowledge"
	"dutybot/reminders"
)

// TestFacts_renderedOnce proves that a task's deadline reads the same, and
// says overdue, in the text answer, in the Slack answer card and in the
// reminder a unit gets (issue 12 item 17: the three had drifted, and the
// card could never say overdue). Task 1 is due 2019-08-31; the reminders
// run on 2019-09-23, the first run (a status message) and a week later (an
// overdue chase), over dutybot's engine, a real SQLite store and the
// Slack stand-in.
func TestFacts_renderedOnce(t *testing.T) {
	bundle, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		lang, locale, overdue string
	}{
		{"zh-CN", "zh-CN", "已逾期"},
		{"en", "en-US", "overdue"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			ctx := context.Background()
			n, st, eng := newRealEngine(t)
			h := startReal(t, eng)
			task := n.Task(1)
			loc := bundle.For(tt.lang)
			today := knowledge.DateOf(testNow)
			deadline := facts.Deadline(loc, task.Deadline)
			status := facts.Status(loc, knowledge.StatusOpen, task.Deadline, today)
			if !strings.Contains(status, tt.overdue) {
				t.Fatalf("status of task 1 on %s = %q, want it overdue", today, status)
			}

			answer := eng.Handle(ctx, bot.Message{User: "U0ASKER", Via: "slack", Text: "第1项任务", Lang: tt.lang, Now: testNow})
			if !strings.Contains(answer.Text, deadline) || !strings.Contains(answer.Text, status) {
				t.Errorf("text answer lacks deadline %q or status %q:\n%s", deadline, status, answer.Text)
			}

			h.st.setLocale("U0ASKER", tt.locale)
			h.post("/slack/events", eventBody("EvFacts"+tt.lang, map[string]any{
				"type": "message", "channel_type": "im", "user": "U0ASKER", "text": "第1项任务", "ts": "1.1", "channel": "D0ASKER",
			}))
			card := h.st.waitCalls("chat.postMessage", 1)[0].blocks()
			if !strings.Contains(card, deadline) || !strings.Contains(card, status) {
				t.Errorf("Slack card lacks deadline %q or status %q:\n%s", deadline, status, card)
			}

			// The reminders of task 1's units, sent through the same adapter.
			clock := clockwork.NewFakeClockAt(time.Date(2019, 9, 23, 9, 0, 0, 0, shanghai))
			policy, err := reminders.NewPolicy()
			if err != nil {
				t.Fatal(err)
			}
			d, err := reminders.NewDispatcher(st, st, h.a, policy, reminders.WithClock(clock), reminders.WithOwner("test"),
				reminders.WithDefaultChannel("C0REMIND"), reminders.WithLanguage(tt.lang), reminders.WithTranslator(reminders.BundleTranslator(bundle)), reminders.WithChannelGap(0))
			if err != nil {
				t.Fatal(err)
			}
			for _, at := range []time.Time{clock.Now(), clock.Now().AddDate(0, 0, 7)} {
				before := len(h.st.callsOf("chat.postMessage"))
				if _, err := d.Tick(ctx, at); err != nil {
					t.Fatal(err)
				}
				var found bool
				for _, c := range h.st.callsOf("chat.postMessage")[before:] {
					text := c.Form.Get("text") + c.blocks()
					if !mentionsTask1(text, tt.lang) {
						continue
					}
					found = true
					if !strings.Contains(text, deadline) || !strings.Contains(text, tt.overdue) {
						t.Errorf("reminder of %s lacks deadline %q or %q:\n%s", at.Format(time.DateOnly), deadline, tt.overdue, text)
					}
				}
				if !found {
					t.Errorf("no reminder of task 1 on %s", at.Format(time.DateOnly))
				}
			}
		})
	}
}

// mentionsTask1 reports whether text is a unit's reminder (not the
// administrators' summary, which counts days and shows no deadline) about
// task 1.
func mentionsTask1(text, lang string) bool {
	if lang == "en" {
		return strings.HasPrefix(text, "[Task reminder]") && (strings.Contains(text, "Task 1:") || strings.Contains(text, "task 1 ("))
	}
	return strings.HasPrefix(text, "【任务提醒】") && (strings.Contains(text, "第1项：") || strings.Contains(text, "第1项（"))
}
