package slack

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dutybot/bot"
	"dutybot/knowledge"
	"dutybot/knowledge/builtin"
	"dutybot/store"
)

var _ Engine = (*bot.Engine)(nil)

// newRealEngine returns dutybot's own engine over a real SQLite store holding
// the built-in notice, at testNow, with U0ADMIN as its administrator.
func newRealEngine(t *testing.T) (*knowledge.Notice, *store.DB, *bot.Engine) {
	t.Helper()
	n, st := realStore(t, knowledge.Actor{User: "test", Via: "cli"})
	return n, st, realEngine(t, st)
}

// realStore opens a real SQLite store holding the built-in notice, imported
// by by, closed when the test ends.
func realStore(t *testing.T, by knowledge.Actor) (*knowledge.Notice, *store.DB) {
	t.Helper()
	n, err := builtin.Notice()
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "dutybot.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.ImportNotice(context.Background(), n, by); err != nil {
		t.Fatal(err)
	}
	return n, st
}

// realEngine is dutybot's engine over st, loaded, at testNow, with U0ADMIN
// as its administrator and opts besides.
func realEngine(t *testing.T, st *store.DB, opts ...bot.Option) *bot.Engine {
	t.Helper()
	opts = append([]bot.Option{bot.WithAdmins("U0ADMIN"), bot.WithClock(func() time.Time { return testNow })}, opts...)
	eng, err := bot.New(st, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if err := eng.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	return eng
}

// TestRealEngine runs the adapter over dutybot's own engine and a real
// SQLite store holding the built-in notice: the contract between the two
// (plain-text commands in, Reply.Changed on a change, refusals) holds.
func TestRealEngine(t *testing.T) {
	ctx := context.Background()
	n, st, eng := newRealEngine(t)
	h := startReal(t, eng)

	h.post("/slack/events", eventBody("EvReal1", map[string]any{
		"type": "message", "channel_type": "im", "user": "U0ASKER", "text": "第6项任务的期限是什么？", "ts": "1.1", "channel": "D0ASKER",
	}))
	if b := h.st.waitCalls("chat.postMessage", 1)[0].blocks(); !strings.Contains(b, "第6项") || !strings.Contains(b, "牵头单位") {
		t.Fatalf("answer: %s", b)
	}
	// the card's status is the engine's: task 1 (due 2019-08-31) is overdue on 2019-09-20
	// in the card as in the text (issue 12 item 17: the card could never say so)
	h.post("/slack/events", eventBody("EvReal0", map[string]any{
		"type": "message", "channel_type": "im", "user": "U0ASKER", "text": "第1项任务", "ts": "1.0", "channel": "D0ASKER",
	}))
	if b := h.st.waitCalls("chat.postMessage", 2)[1].blocks(); !strings.Contains(b, "已逾期") {
		t.Fatalf("the card of an overdue task does not say overdue: %s", b)
	}

	lead := n.Task(6).Lead[0]
	if _, err := h.a.Send(ctx, testDeliveryFor(6, lead)); err != nil {
		t.Fatal(err)
	}
	reminder := h.st.waitCalls("chat.postMessage", 3)[2]
	h.post("/slack/interactivity", interactionBody(h.buttonPress("U0OFFICER", actionDone, "dutybot|zh-CN|0", "done 6 "+lead, reminder)))
	h.st.waitCalls("response_url", 1)
	h.flush()
	if len(h.st.callsOf("chat.update")) != 0 {
		t.Fatal("an officer's press updated the reminder")
	}
	h.post("/slack/interactivity", interactionBody(h.buttonPress("U0ADMIN", actionDone, "dutybot|zh-CN|0", "done 6 "+lead, reminder)))
	if b := h.st.waitCalls("chat.update", 1)[0].blocks(); !strings.Contains(b, "<@U0ADMIN>") {
		t.Fatalf("update: %s", b)
	}
	as, err := st.Assignments(ctx, n.Number)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if a.Task == 6 && a.Unit == lead && a.Role == knowledge.RoleLead && (!a.Done || a.DoneBy != "U0ADMIN") {
			t.Fatalf("assignment after the press: %+v", a)
		}
	}
}
