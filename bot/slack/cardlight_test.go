package slack

import (
	"context"
	"strings"
	"testing"

	"dutybot/knowledge"
)

// TestRealEngine_cardLight: the answer card of a task shows the task's
// light beside its status, in the asker's language and with App Home's
// marks, and the newest progress a unit reported (issue 10 item 5); a done
// task's card shows no light. Task 1 (due 2019-08-31) is overdue on testNow.
func TestRealEngine_cardLight(t *testing.T) {
	for _, tt := range []struct {
		lang, locale, red, none string
	}{
		{"zh-CN", "zh-CN", "🔴 红灯", "无灯"},
		{"en", "en-US", "🔴 red", "no light"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			ctx := context.Background()
			n, st, eng := newRealEngine(t)
			lead := n.Task(1).Lead[0]
			const liaison = "U0LIAISON"
			if err := st.ChangeLiaisons(ctx, lead, []string{liaison}, nil, knowledge.Actor{User: "test", Via: "cli"}); err != nil {
				t.Fatal(err)
			}
			if err := eng.Load(ctx); err != nil {
				t.Fatal(err)
			}
			h := startReal(t, eng)
			for _, u := range []string{"U0ASKER", liaison, "U0ADMIN"} {
				h.st.setLocale(u, tt.locale)
			}
			posts := 0
			say := func(user, text string) string {
				t.Helper()
				posts++
				h.post("/slack/events", eventBody("EvCard"+tt.lang+itoa(posts), map[string]any{
					"type": "message", "channel_type": "im", "user": user, "text": text, "ts": "1." + itoa(posts), "channel": "D" + user,
				}))
				return h.st.waitCalls("chat.postMessage", posts)[posts-1].blocks()
			}

			if card := say("U0ASKER", "第1项任务"); !strings.Contains(card, tt.red) {
				t.Errorf("the card of overdue task 1 lacks %q: %s", tt.red, card)
			}
			if b := say(liaison, "进展 1 公示目录已起草"); !strings.Contains(b, "公示目录已起草") {
				t.Fatalf("progress not taken: %s", b)
			}
			if card := say("U0ASKER", "第1项任务"); !strings.Contains(card, tt.red) || !strings.Contains(card, "公示目录已起草") {
				t.Errorf("the card of task 1 lacks %q or its latest progress: %s", tt.red, card)
			}

			done := say("U0ADMIN", "done 1")
			card := say("U0ASKER", "第1项任务")
			for _, b := range []string{done, card} {
				for _, mark := range []string{"🔴", "🟡", "🟢", "✅", tt.none} {
					if strings.Contains(b, mark) {
						t.Errorf("the card of done task 1 shows %q: %s", mark, b)
					}
				}
			}
			if !strings.Contains(card, "公示目录已起草") {
				t.Errorf("the card of done task 1 lost its latest progress: %s", card)
			}
		})
	}
}
