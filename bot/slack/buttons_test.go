package slack

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestHTTP_Buttons(t *testing.T) {
	// A reminder is posted by Send, then its buttons are pressed.
	setup := func(t *testing.T) (*harness, apiCall) {
		h := start(t, httpMode, newFakeEngine("U0ADMIN"))
		if _, err := h.a.Send(t.Context(), testDelivery(2)); err != nil {
			t.Fatal(err)
		}
		return h, h.st.waitCalls("chat.postMessage", 1)[0]
	}
	t.Run("an administrator marks done and the message shows who and when", func(t *testing.T) {
		h, msg := setup(t)
		code, _ := h.post("/slack/interactivity", interactionBody(h.buttonPress("U0ADMIN", actionDone, "dutybot|zh-CN|0", "done 7 法制支队", msg)))
		if code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		upd := h.st.waitCalls("chat.update", 1)[0]
		if upd.Form.Get("channel") != "C0FAZHI" || upd.Form.Get("ts") != "1568944800.001001" {
			t.Fatalf("updated %v", upd.Form)
		}
		blocks := upd.blocks()
		if !strings.Contains(blocks, "<@U0ADMIN>") || !strings.Contains(blocks, "<!date^1568944800^") ||
			!strings.Contains(blocks, "标记第7项（法制支队）已完成") {
			t.Fatalf("update does not say who and when: %s", blocks)
		}
		if strings.Count(blocks, `"dutybot_done"`) != 1 || !strings.Contains(blocks, "done 8 法制支队") {
			t.Fatalf("the other item lost its buttons, or the pressed one kept them: %s", blocks)
		}
		if !h.eng.isDone(7, "法制支队") {
			t.Fatal("engine state not changed")
		}
		if got := h.eng.received(); got[0].User != "U0ADMIN" || got[0].Text != "done 7 法制支队" {
			t.Fatalf("engine got %+v", got)
		}
	})
	t.Run("anyone else is refused, alone, and nothing changes", func(t *testing.T) {
		h, msg := setup(t)
		h.post("/slack/interactivity", interactionBody(h.buttonPress("U0OFFICER", actionDone, "dutybot|zh-CN|0", "done 7 法制支队", msg)))
		refusal := h.st.waitCalls("response_url", 1)[0]
		h.flush()
		if refusal.JSON["response_type"] != "ephemeral" || !strings.Contains(refusal.blocks(), "只有管理员") {
			t.Fatalf("refusal: %s", refusal.Raw)
		}
		if h.eng.isDone(7, "法制支队") || len(h.st.callsOf("chat.update")) != 0 {
			t.Fatal("a refused press changed something")
		}
	})
	t.Run("details are shown to the presser alone", func(t *testing.T) {
		h, msg := setup(t)
		h.post("/slack/interactivity", interactionBody(h.buttonPress("U0OFFICER", actionDetails, "dutybot|zh-CN|1", "task 8", msg)))
		d := h.st.waitCalls("response_url", 1)[0]
		if d.JSON["response_type"] != "ephemeral" || !strings.Contains(d.blocks(), "第8项") || d.JSON["replace_original"] != false {
			t.Fatalf("details: %s", d.Raw)
		}
	})
	t.Run("a button with a value we never set does nothing", func(t *testing.T) {
		h, msg := setup(t)
		h.post("/slack/interactivity", interactionBody(h.buttonPress("U0ADMIN", actionDone, "dutybot|zh-CN|0", "bind 法制支队 C0EVIL", msg)))
		h.flush()
		if len(h.eng.received()) != 0 {
			t.Fatalf("engine got %+v", h.eng.received())
		}
	})
}

func TestHTTP_RateLimited(t *testing.T) {
	h := start(t, httpMode, newFakeEngine())
	h.st.rateLimit("chat.postMessage", 1)
	h.post("/slack/events", eventBody("EvRL", map[string]any{
		"type": "message", "channel_type": "im", "user": "U0ASKER", "text": "task 7", "ts": "1.3", "channel": "D0ASKER",
	}))
	h.st.waitCalls("chat.postMessage (429)", 1)
	if err := h.clock.BlockUntilContext(t.Context(), 1); err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(6 * time.Second)
	if n := len(h.st.callsOf("chat.postMessage")); n != 0 {
		t.Fatalf("retried after 6s although Slack asked for 7")
	}
	h.clock.Advance(time.Second)
	if post := h.st.waitCalls("chat.postMessage", 1)[0]; !strings.Contains(post.blocks(), "第7项") {
		t.Fatalf("retry posted %s", post.Raw)
	}
}
