package slack

import (
	"strings"
	"testing"
	"time"

	"dutybot/bot"
)

// linker makes a recognisable dashboard link.
type linker struct{}

func (linker) Link(user string, admin bool, now time.Time) (string, time.Time, error) {
	return "http://dash.test/dashboard?t=SECRET-" + user, now.Add(7 * 24 * time.Hour), nil
}

// TestPrivateReply: a dashboard link asked for by a mention in a channel is
// shown to the asker alone (chat.postEphemeral), never posted in the
// channel's thread; in a direct message it is answered there.
func TestPrivateReply(t *testing.T) {
	_, st, _ := newRealEngine(t)
	eng, err := bot.New(st, bot.WithAdmins("U0ADMIN"), bot.WithClock(func() time.Time { return testNow }), bot.WithDashboard(linker{}))
	if err != nil {
		t.Fatal(err)
	}
	h := startReal(t, eng)
	h.post("/slack/events", eventBody("EvDash1", map[string]any{
		"type": "app_mention", "user": "U0ADMIN", "text": "<@UBOT> 看板", "ts": "1568944000.000100", "channel": "C0GEN",
	}))
	eph := h.st.waitCalls("chat.postEphemeral", 1)[0]
	if eph.Form.Get("channel") != "C0GEN" || eph.Form.Get("user") != "U0ADMIN" || !strings.Contains(eph.blocks(), "SECRET-U0ADMIN") {
		t.Fatalf("link shown as %v", eph.Form)
	}
	h.post("/slack/events", eventBody("EvDash2", map[string]any{
		"type": "message", "channel_type": "im", "user": "U0ADMIN", "text": "dashboard", "ts": "1568944000.000300", "channel": "D0ADMIN",
	}))
	dm := h.st.waitCalls("chat.postMessage", 1)[0]
	if dm.Form.Get("channel") != "D0ADMIN" || !strings.Contains(dm.blocks(), "SECRET-U0ADMIN") {
		t.Fatalf("direct answer posted as %v", dm.Form)
	}
	for _, c := range h.st.callsOf("chat.postMessage") {
		if c.Form.Get("channel") == "C0GEN" {
			t.Fatalf("the link was posted in the channel: %v", c.Form)
		}
	}
}
