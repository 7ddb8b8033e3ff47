package slack

import (
	"errors"
	"strings"
	"testing"
	"time"

	"dutybot/knowledge"
	"dutybot/reminders"
)

// testDelivery is a reminder to 法制支队 about n tasks, 7, 8, ….
func testDelivery(n int) reminders.Delivery {
	d := reminders.Delivery{Channel: "C0FAZHI", Lang: "zh-CN", Unit: "法制支队", Text: "法制支队：以下任务将于2019年9月30日到期，请抓紧办理。"}
	for i := range n {
		d.Items = append(d.Items, knowledge.LoggedReminder{ID: int64(i + 1), Reminder: knowledge.Reminder{
			Notice: "淮公通〔2019〕395号", Task: 7 + i, Unit: "法制支队", Role: knowledge.RoleLead,
			Kind: knowledge.KindBefore, Due: knowledge.NewDate(2019, 9, 30),
		}})
	}
	return d
}

// testDeliveryFor is a reminder to unit, as lead, about one task.
func testDeliveryFor(task int, unit string) reminders.Delivery {
	d := testDelivery(1)
	d.Unit, d.Channel = unit, "C0UNIT"
	d.Items[0].Reminder.Task, d.Items[0].Reminder.Unit = task, unit
	return d
}

func TestAdapter_Send(t *testing.T) {
	t.Run("posts the reminder with buttons per task", func(t *testing.T) {
		h := start(t, httpMode, newFakeEngine())
		d := testDelivery(2)
		d.Items = append(d.Items, d.Items[0]) // the same task and unit twice: one set of buttons
		d.Items = append(d.Items, knowledge.LoggedReminder{Reminder: knowledge.Reminder{Unit: "法制支队", Kind: knowledge.KindDigest}})
		ts, err := h.a.Send(t.Context(), d)
		if err != nil {
			t.Fatal(err)
		}
		post := h.st.waitCalls("chat.postMessage", 1)[0]
		if ts == "" || post.Form.Get("channel") != "C0FAZHI" {
			t.Fatalf("ts %q, channel %q", ts, post.Form.Get("channel"))
		}
		b := post.blocks()
		for _, want := range []string{"请抓紧办理", `"done 7 法制支队"`, `"task 7"`, `"done 8 法制支队"`, "标记完成", "详情", "dutybot|zh-CN|0"} {
			if !strings.Contains(b, want) {
				t.Errorf("reminder lacks %s: %s", want, b)
			}
		}
		if strings.Count(b, `"dutybot_done"`) != 2 {
			t.Errorf("want 2 Mark done buttons: %s", b)
		}
	})
	t.Run("in English for an English delivery", func(t *testing.T) {
		h := start(t, httpMode, newFakeEngine())
		d := testDelivery(1)
		d.Lang = "en"
		if _, err := h.a.Send(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		if b := h.st.waitCalls("chat.postMessage", 1)[0].blocks(); !strings.Contains(b, "Mark done") || !strings.Contains(b, "dutybot|en|0") {
			t.Fatalf("not English: %s", b)
		}
	})
	t.Run("429 is returned with Retry-After, not waited out", func(t *testing.T) {
		h := start(t, httpMode, newFakeEngine())
		h.st.rateLimit("chat.postMessage", 1)
		_, err := h.a.Send(t.Context(), testDelivery(1))
		var rl interface{ RetryAfter() time.Duration }
		if !errors.As(err, &rl) || rl.RetryAfter() != 7*time.Second {
			t.Fatalf("err = %v, want one with RetryAfter() = 7s", err)
		}
		_, body := h.request("GET", "/metrics", "", nil)
		if !strings.Contains(body, "dutybot_reminders_failed_total 1") {
			t.Fatal("failure not counted")
		}
	})
	t.Run("failures that pass are marked temporary", func(t *testing.T) {
		h := start(t, httpMode, newFakeEngine())
		h.st.fail("chat.postMessage", "500", "503", "internal_error", "channel_not_found", "not_in_channel")
		for _, tt := range []struct {
			answer    string
			temporary bool
		}{{"500", true}, {"503", true}, {"internal_error", true}, {"channel_not_found", false}, {"not_in_channel", false}} {
			_, err := h.a.Send(t.Context(), testDelivery(1))
			if err == nil || errors.Is(err, reminders.ErrTemporary) != tt.temporary {
				t.Errorf("answer %s: err = %v; want temporary %v", tt.answer, err, tt.temporary)
			}
		}
		if _, err := h.a.Send(t.Context(), testDelivery(1)); err != nil {
			t.Errorf("after the failures: %v", err)
		}
	})
	t.Run("a network error is temporary", func(t *testing.T) {
		h := start(t, httpMode, newFakeEngine())
		h.st.srv.CloseClientConnections()
		h.st.srv.Listener.Close()
		_, err := h.a.Send(t.Context(), testDelivery(1))
		if err == nil || !errors.Is(err, reminders.ErrTemporary) {
			t.Errorf("Slack unreachable: err = %v, want a temporary failure", err)
		}
	})
	t.Run("a long reminder continues in its thread", func(t *testing.T) {
		h := start(t, httpMode, newFakeEngine())
		ts, err := h.a.Send(t.Context(), testDelivery(40))
		if err != nil {
			t.Fatal(err)
		}
		posts := h.st.waitCalls("chat.postMessage", 2)
		if posts[0].Form.Get("thread_ts") != "" || posts[1].Form.Get("thread_ts") != ts {
			t.Fatalf("thread_ts %q, %q; first ts %q", posts[0].Form.Get("thread_ts"), posts[1].Form.Get("thread_ts"), ts)
		}
		if n := strings.Count(posts[0].blocks()+posts[1].blocks(), `"dutybot_done"`); n != 40 {
			t.Fatalf("%d buttons for 40 tasks", n)
		}
	})
	t.Run("bad deliveries are refused", func(t *testing.T) {
		h := start(t, httpMode, newFakeEngine())
		if _, err := h.a.Send(t.Context(), reminders.Delivery{Text: "x"}); err == nil {
			t.Error("no channel accepted")
		}
		if _, err := h.a.Send(t.Context(), reminders.Delivery{Channel: "C1"}); err == nil {
			t.Error("empty reminder accepted")
		}
	})
}
