package slack

import (
	"strings"
	"testing"
	"time"
)

func TestSocket_Questions(t *testing.T) {
	h := start(t, socketMode, newFakeEngine("U0ADMIN"))
	h.st.setLocale("U0ASKER", "en-GB")

	t.Run("slash command: acknowledged, answered through response_url", func(t *testing.T) {
		h.st.envelope("env-slash", "slash_commands", map[string]any{
			"command": "/duty", "text": "task 7", "user_id": "U0ASKER", "channel_id": "C0DUTY",
			"response_url": h.st.responseURL("sock-slash"), "trigger_id": "1.2",
		}, 0)
		h.st.waitAck("env-slash")
		resp := h.st.waitCalls("response_url", 1)[0]
		if resp.JSON["response_type"] != "ephemeral" || !strings.Contains(resp.blocks(), "Task 7") {
			t.Fatalf("answer: %s", resp.Raw)
		}
	})
	t.Run("mention: answered in the thread", func(t *testing.T) {
		h.st.envelope("env-mention", "events_api", eventMap("EvS1", map[string]any{
			"type": "app_mention", "user": "U0ASKER", "text": "<@UBOT> task 8", "ts": "1568944000.000500", "channel": "C0GEN",
		}), 0)
		h.st.waitAck("env-mention")
		post := h.st.waitCalls("chat.postMessage", 1)[0]
		if post.Form.Get("channel") != "C0GEN" || post.Form.Get("thread_ts") != "1568944000.000500" || !strings.Contains(post.blocks(), "Task 8") {
			t.Fatalf("answer: %v", post.Form)
		}
	})
	t.Run("direct message: answered there", func(t *testing.T) {
		h.st.envelope("env-dm", "events_api", eventMap("EvS2", map[string]any{
			"type": "message", "channel_type": "im", "user": "U0ASKER", "text": "task 9", "ts": "1568944000.000600", "channel": "D0ASKER",
		}), 0)
		post := h.st.waitCalls("chat.postMessage", 2)[1]
		if post.Form.Get("channel") != "D0ASKER" || !strings.Contains(post.blocks(), "Task 9") {
			t.Fatalf("answer: %v", post.Form)
		}
	})
	t.Run("a retried event is answered once", func(t *testing.T) {
		ev := eventMap("EvS3", map[string]any{
			"type": "message", "channel_type": "im", "user": "U0ASKER", "text": "task 10", "ts": "1568944000.000700", "channel": "D0ASKER",
		})
		h.st.envelope("env-r0", "events_api", ev, 0)
		h.st.envelope("env-r1", "events_api", ev, 1)
		h.st.waitAck("env-r1") // every envelope is acknowledged, duplicates too
		h.flush()
		n := 0
		for _, c := range h.st.callsOf("chat.postMessage") {
			if strings.Contains(c.blocks(), "Task 10") {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("%d answers to one event", n)
		}
	})
	t.Run("buttons: refused to an officer, done by an administrator", func(t *testing.T) {
		if _, err := h.a.Send(t.Context(), testDelivery(1)); err != nil {
			t.Fatal(err)
		}
		var reminder apiCall
		for _, c := range h.st.callsOf("chat.postMessage") {
			if c.Form.Get("channel") == "C0FAZHI" {
				reminder = c
			}
		}
		h.st.envelope("env-b1", "interactive", h.buttonPress("U0ASKER", actionDone, "dutybot|zh-CN|0", "done 7 法制支队", reminder), 0)
		h.st.waitAck("env-b1")
		refusal := h.st.waitCalls("response_url", 2)[1]
		if !strings.Contains(refusal.blocks(), "只有管理员") || h.eng.isDone(7, "法制支队") {
			t.Fatalf("refusal: %s", refusal.Raw)
		}
		h.st.envelope("env-b2", "interactive", h.buttonPress("U0ADMIN", actionDone, "dutybot|zh-CN|0", "done 7 法制支队", reminder), 0)
		upd := h.st.waitCalls("chat.update", 1)[0]
		if !strings.Contains(upd.blocks(), "<@U0ADMIN>") || !h.eng.isDone(7, "法制支队") {
			t.Fatalf("update: %s", upd.blocks())
		}
	})
}

func TestSocket_Unusual(t *testing.T) {
	h := start(t, socketMode, newFakeEngine())
	t.Run("an envelope slack-go cannot parse is still acknowledged", func(t *testing.T) {
		h.st.envelope("env-odd", "events_api", eventMap("EvOdd", map[string]any{"type": "no_such_event"}), 0)
		h.st.waitAck("env-odd")
	})
	t.Run("a response_url elsewhere than Slack is not used", func(t *testing.T) {
		h.st.envelope("env-evil", "slash_commands", map[string]any{
			"command": "/duty", "text": "task 7", "user_id": "U0ASKER", "channel_id": "C0DUTY",
			"response_url": "http://attacker.example/collect",
		}, 0)
		eph := h.st.waitCalls("chat.postEphemeral", 1)[0]
		if eph.Form.Get("channel") != "C0DUTY" || eph.Form.Get("user") != "U0ASKER" || !strings.Contains(eph.blocks(), "第7项") {
			t.Fatalf("ephemeral: %v", eph.Form)
		}
		if n := len(h.st.callsOf("response_url")); n != 0 {
			t.Fatalf("%d response_url calls", n)
		}
	})
}

func TestSocket_Reconnect(t *testing.T) {
	t.Run("when Slack asks", func(t *testing.T) {
		h := start(t, socketMode, newFakeEngine())
		c := h.st.waitConns(1)
		if err := c.send(map[string]any{"type": "disconnect", "reason": "refresh_requested", "debug_info": map[string]any{"host": "applink-1"}}); err != nil {
			t.Fatal(err)
		}
		h.st.waitConns(2)
		h.st.until("a second apps.connections.open", func() bool { return h.st.opens == 2 })
		h.waitLog("disconnect requested by Slack\" reason=refresh_requested", "socket mode reconnecting")
		// Still answering on the new connection.
		h.st.envelope("env-after", "events_api", eventMap("EvR1", map[string]any{
			"type": "message", "channel_type": "im", "user": "U0ASKER", "text": "help", "ts": "1.1", "channel": "D0ASKER",
		}), 0)
		h.st.waitCalls("chat.postMessage", 1)
	})
	t.Run("when the connection goes quiet", func(t *testing.T) {
		h := startWith(t, socketMode, newFakeEngine(), func(s *standin) { s.noPings = true }, WithPingInterval(200*time.Millisecond))
		h.st.waitConns(2)
		h.waitLog("ping timeout", "socket mode reconnecting")
	})
}

func TestSocket_Shutdown(t *testing.T) {
	eng := newFakeEngine()
	eng.gate = make(chan struct{})
	h := start(t, socketMode, eng)
	h.st.envelope("env-slow", "events_api", eventMap("EvSlow", map[string]any{
		"type": "message", "channel_type": "im", "user": "U0ASKER", "text": "task 7", "ts": "1.1", "channel": "D0ASKER",
	}), 0)
	h.st.waitAck("env-slow") // acknowledged before the engine answers
	stopped := make(chan error, 1)
	go func() { stopped <- h.stop() }()
	h.waitLog("shutting down")
	close(eng.gate) // the answer in flight finishes after shutdown began
	if err := <-stopped; err != nil {
		t.Fatal(err)
	}
	if n := len(h.st.callsOf("chat.postMessage")); n != 1 {
		t.Fatalf("Run returned before the answer in flight was posted (%d posts)", n)
	}
}

// eventMap is an Events API payload as Socket Mode carries it.
func eventMap(eventID string, inner map[string]any) map[string]any {
	return map[string]any{"type": "event_callback", "event_id": eventID, "team_id": "T1", "token": "x", "event": inner}
}
