package slack

import (
	"context"
	"testing"

	"dutybot/knowledge"
)

// TestAuditRecordsWhere: a change asked in Slack, by slash command, by
// mention and by button, is audited with the channel and the team it was
// asked in, carried from the request through the engine to the store.
func TestAuditRecordsWhere(t *testing.T) {
	ctx := context.Background()
	n, st, eng := newRealEngine(t)
	h := startReal(t, eng)
	last := func() knowledge.AuditEntry {
		t.Helper()
		h.flush()
		audit, err := st.Audit(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return audit[len(audit)-1]
	}
	want := func(what string, e knowledge.AuditEntry, action, channel string) {
		t.Helper()
		by := knowledge.Actor{User: "U0ADMIN", Via: "slack", Channel: channel, Team: "T1"}
		if e.Action != action || e.Actor != by {
			t.Errorf("%s: last entry %s by %+v, want %s by %+v", what, e.Action, e.Actor, action, by)
		}
	}

	h.post("/slack/commands", h.slashBody("U0ADMIN", "done 7", "r1"))
	want("slash command", last(), "task.done", "C0DUTY")

	h.post("/slack/events", eventBody("EvWhere1", map[string]any{
		"type": "app_mention", "user": "U0ADMIN", "text": "<@UBOT> bind 法制支队 <#C0FZ|fazhi>", "ts": "2.1", "channel": "C0MENTION",
	}))
	h.st.waitCalls("chat.postMessage", 1)
	want("mention", last(), "unit.bind", "C0MENTION")

	lead := n.Task(6).Lead[0]
	if _, err := h.a.Send(ctx, testDeliveryFor(6, lead)); err != nil {
		t.Fatal(err)
	}
	reminder := h.st.waitCalls("chat.postMessage", 2)[1]
	press := h.buttonPress("U0ADMIN", actionDone, "dutybot|zh-CN|0", "done 6 "+lead, reminder)
	press["team"] = map[string]any{"id": "T1", "domain": "huainan"}
	h.post("/slack/interactivity", interactionBody(press))
	h.st.waitCalls("chat.update", 1)
	want("button", last(), "task.done", "C0UNIT")
}
