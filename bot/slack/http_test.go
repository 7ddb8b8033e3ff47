package slack

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// inlineAnswer is a slash command's synchronous answer as Slack reads it.
type inlineAnswer struct {
	ResponseType string            `json:"response_type"`
	Text         string            `json:"text"`
	Blocks       []json.RawMessage `json:"blocks"`
}

func TestHTTP_SlashCommand(t *testing.T) {
	t.Run("answered inline, ephemeral, in the asker's locale", func(t *testing.T) {
		h := start(t, httpMode, newFakeEngine())
		h.st.setLocale("U0ASKER", "en-US")
		code, body := h.post("/slack/commands", h.slashBody("U0ASKER", "task 7", "r1"))
		if code != http.StatusOK {
			t.Fatalf("status %d: %s", code, body)
		}
		var resp inlineAnswer
		if err := json.Unmarshal([]byte(body), &resp); err != nil {
			t.Fatalf("inline answer is not JSON: %v\n%s", err, body)
		}
		if resp.ResponseType != "ephemeral" || !strings.Contains(body, "第7项任务如下") || !strings.Contains(body, "*Lead*") {
			t.Fatalf("inline answer: %s", body)
		}
		got := h.eng.received()
		if len(got) != 1 || got[0].User != "U0ASKER" || got[0].Text != "task 7" || got[0].Lang != "en" ||
			got[0].Via != "slack" || got[0].Channel != "C0DUTY" || !got[0].Now.Equal(testNow) {
			t.Fatalf("engine got %+v", got)
		}
	})
	t.Run("/duty alone asks for help", func(t *testing.T) {
		h := start(t, httpMode, newFakeEngine())
		_, body := h.post("/slack/commands", h.slashBody("U0ASKER", "  ", "r1"))
		if !strings.Contains(body, "可以这样问") {
			t.Fatalf("no help: %s", body)
		}
		if got := h.eng.received(); got[0].Text != "help" || got[0].Lang != langZH {
			t.Fatalf("engine got %+v", got)
		}
	})
	t.Run("a slow answer is acknowledged, then sent through response_url", func(t *testing.T) {
		eng := newFakeEngine()
		eng.gate = make(chan struct{})
		h := start(t, httpMode, eng)
		type result struct {
			code int
			body string
		}
		done := make(chan result, 1)
		go func() {
			code, body := h.post("/slack/commands", h.slashBody("U0ASKER", "task 9", "slow"))
			done <- result{code, body}
		}()
		if err := h.clock.BlockUntilContext(t.Context(), 1); err != nil {
			t.Fatal(err)
		}
		h.clock.Advance(2 * time.Second) // the inline budget runs out
		r := <-done
		if r.code != http.StatusOK || r.body != "" {
			t.Fatalf("ack = %d %q, want 200 and no body", r.code, r.body)
		}
		close(eng.gate)
		resp := h.st.waitCalls("response_url", 1)[0]
		if resp.JSON["response_type"] != "ephemeral" || resp.JSON["path"] != "/response/slow" ||
			!strings.Contains(resp.blocks(), "第9项") {
			t.Fatalf("response_url got %s", resp.Raw)
		}
	})
	t.Run("a long answer continues through response_url", func(t *testing.T) {
		h := start(t, httpMode, newFakeEngine())
		_, body := h.post("/slack/commands", h.slashBody("U0ASKER", "many", "long"))
		var resp inlineAnswer
		if err := json.Unmarshal([]byte(body), &resp); err != nil || len(resp.Blocks) != maxBlocks {
			t.Fatalf("inline part: %d blocks, %v", len(resp.Blocks), err)
		}
		rest := h.st.waitCalls("response_url", 1)[0]
		if !strings.Contains(rest.blocks(), "第60项") {
			t.Fatalf("second part lacks the last task: %s", rest.Raw)
		}
	})
}

func TestHTTP_Events(t *testing.T) {
	t.Run("url_verification", func(t *testing.T) {
		h := start(t, httpMode, newFakeEngine())
		code, body := h.post("/slack/events", `{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`)
		if code != http.StatusOK || body != "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" {
			t.Fatalf("challenge answer = %d %q", code, body)
		}
	})
	t.Run("a mention is answered in its thread", func(t *testing.T) {
		h := start(t, httpMode, newFakeEngine())
		code, _ := h.post("/slack/events", eventBody("Ev1", map[string]any{
			"type": "app_mention", "user": "U0ASKER", "text": "<@UBOT> task 7", "ts": "1568944000.000100", "channel": "C0GEN",
		}))
		if code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		post := h.st.waitCalls("chat.postMessage", 1)[0]
		if post.Form.Get("channel") != "C0GEN" || post.Form.Get("thread_ts") != "1568944000.000100" ||
			!strings.Contains(post.blocks(), "第7项") {
			t.Fatalf("answer posted as %v", post.Form)
		}
		if got := h.eng.received(); got[0].Text != "task 7" {
			t.Fatalf("engine got %q, want the mention stripped", got[0].Text)
		}
	})
	t.Run("a mention inside a thread stays in that thread", func(t *testing.T) {
		h := start(t, httpMode, newFakeEngine())
		h.post("/slack/events", eventBody("Ev2", map[string]any{
			"type": "app_mention", "user": "U0ASKER", "text": "<@UBOT> task 7", "ts": "1568944000.000200",
			"thread_ts": "1568944000.000100", "channel": "C0GEN",
		}))
		if got := h.st.waitCalls("chat.postMessage", 1)[0].Form.Get("thread_ts"); got != "1568944000.000100" {
			t.Fatalf("thread_ts = %q", got)
		}
	})
	t.Run("a direct message is answered there", func(t *testing.T) {
		h := start(t, httpMode, newFakeEngine())
		h.post("/slack/events", eventBody("Ev3", map[string]any{
			"type": "message", "channel_type": "im", "user": "U0ASKER", "text": "帮助", "ts": "1568944000.000300", "channel": "D0ASKER",
		}))
		post := h.st.waitCalls("chat.postMessage", 1)[0]
		if post.Form.Get("channel") != "D0ASKER" || post.Form.Get("thread_ts") != "" || !strings.Contains(post.blocks(), "可以这样问") {
			t.Fatalf("answer posted as %v", post.Form)
		}
	})
	t.Run("bots, the bot itself and edits are not answered", func(t *testing.T) {
		h := start(t, httpMode, newFakeEngine())
		for i, ev := range []map[string]any{
			{"type": "message", "channel_type": "im", "user": "UBOT", "bot_id": "BBOT", "text": "第7项", "channel": "D0ASKER"},
			{"type": "message", "channel_type": "im", "user": "UBOT", "text": "第7项", "channel": "D0ASKER"},
			{"type": "message", "channel_type": "im", "subtype": "message_changed", "text": "", "channel": "D0ASKER"},
			{"type": "app_mention", "user": "U0OTHER", "bot_id": "B0OTHER", "text": "<@UBOT> task 7", "channel": "C0GEN"},
		} {
			h.post("/slack/events", eventBody("EvBot"+strconv.Itoa(i), ev))
		}
		h.flush()
		if n := len(h.eng.received()); n != 0 || len(h.st.answers()) != 0 {
			t.Fatalf("engine called %d times, answers %v", n, h.st.methods())
		}
	})
	t.Run("a retried event is answered once", func(t *testing.T) {
		h := start(t, httpMode, newFakeEngine())
		ev := eventBody("Ev4", map[string]any{
			"type": "message", "channel_type": "im", "user": "U0ASKER", "text": "task 3", "ts": "1.1", "channel": "D0ASKER",
		})
		h.post("/slack/events", ev)
		// Slack signs each retry anew, at the moment it sends it.
		h.clock.Advance(time.Second)
		code, _ := h.post("/slack/events", ev, "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")
		if code != http.StatusOK {
			t.Fatalf("retry got %d, want 200 so Slack stops retrying", code)
		}
		h.clock.Advance(time.Second)
		h.post("/slack/events", ev, "X-Slack-Retry-Num", "2")
		h.flush()
		if n := len(h.st.callsOf("chat.postMessage")); n != 1 {
			t.Fatalf("%d answers to one event", n)
		}
	})
	t.Run("a change refreshes the asker's app home", func(t *testing.T) {
		h := start(t, httpMode, newFakeEngine("U0ADMIN"))
		h.post("/slack/events", eventBody("Ev6", map[string]any{
			"type": "message", "channel_type": "im", "user": "U0ADMIN", "text": "done 7 法制支队", "ts": "1.2", "channel": "D0ADMIN",
		}))
		view := h.st.waitCalls("views.publish", 1)[0]
		if view.JSON["user_id"] != "U0ADMIN" {
			t.Fatalf("published for %v, want the asker", view.JSON["user_id"])
		}
		h.post("/slack/events", eventBody("Ev7", map[string]any{
			"type": "message", "channel_type": "im", "user": "U0ASKER", "text": "task 7", "ts": "1.3", "channel": "D0ASKER",
		}))
		h.flush()
		if n := len(h.st.callsOf("views.publish")); n != 1 {
			t.Errorf("%d home publications; a question that changes nothing must not publish", n)
		}
	})
	t.Run("app home is published for the user", func(t *testing.T) {
		h := start(t, httpMode, newFakeEngine())
		h.st.setLocale("U0ASKER", "zh-CN")
		h.post("/slack/events", eventBody("Ev5", map[string]any{"type": "app_home_opened", "user": "U0ASKER", "tab": "home", "channel": "D0ASKER"}))
		view := h.st.waitCalls("views.publish", 1)[0]
		if view.JSON["user_id"] != "U0ASKER" {
			t.Fatalf("published for %v", view.JSON["user_id"])
		}
		b, _ := json.Marshal(view.JSON["view"])
		if !strings.Contains(string(b), `"type":"home"`) || !strings.Contains(string(b), "我的单位：*法制支队*") {
			t.Fatalf("view: %s", b)
		}
	})
}

func TestHTTP_Refused(t *testing.T) {
	h := start(t, httpMode, newFakeEngine("U0ADMIN"))
	now := strconv.FormatInt(h.clock.Now().Unix(), 10)
	stale := strconv.FormatInt(h.clock.Now().Add(-6*time.Minute).Unix(), 10)
	done := interactionBody(h.buttonPress("U0ADMIN", actionDone, "dutybot|zh-CN|0", "done 7 法制支队", apiCall{}))
	paths := map[string]string{
		"/slack/commands":      h.slashBody("U0ADMIN", "done 7 法制支队", "x"),
		"/slack/events":        eventBody("Ev9", map[string]any{"type": "message", "channel_type": "im", "user": "U0ADMIN", "text": "done 7", "channel": "D1"}),
		"/slack/interactivity": done,
	}
	for path, body := range paths {
		valid := sign([]byte(testSecret), now, []byte(body))
		for _, tt := range []struct {
			name string
			hdr  http.Header
		}{
			{"unsigned", http.Header{}},
			{"no timestamp", http.Header{"X-Slack-Signature": {valid}}},
			{"forged", http.Header{"X-Slack-Request-Timestamp": {now}, "X-Slack-Signature": {sign([]byte("guessed-secret"), now, []byte(body))}}},
			{"signature of another body", http.Header{"X-Slack-Request-Timestamp": {now}, "X-Slack-Signature": {sign([]byte(testSecret), now, []byte("text=help"))}}},
			{"stale", signedHeaders(testSecret, stale, body)},
		} {
			t.Run(path+" "+tt.name, func(t *testing.T) {
				code, resp := h.request(http.MethodPost, path, body, tt.hdr)
				if code != http.StatusUnauthorized {
					t.Fatalf("status %d, want 401", code)
				}
				if strings.Contains(resp, "v0=") || strings.Contains(resp, strings.TrimPrefix(valid, "v0=")) {
					t.Fatalf("401 body echoes a signature: %q", resp)
				}
			})
		}
	}
	t.Run("too large", func(t *testing.T) {
		body := h.slashBody("U0ADMIN", strings.Repeat("x", 2<<20), "x")
		code, _ := h.post("/slack/commands", body)
		if code != http.StatusRequestEntityTooLarge {
			t.Fatalf("status %d, want 413", code)
		}
	})
	h.flush()
	if n := len(h.eng.received()); n != 0 {
		t.Fatalf("engine called %d times by refused requests", n)
	}
	if a := h.st.answers(); len(a) != 0 || h.eng.isDone(7, "法制支队") {
		t.Fatalf("refused requests changed something: %v", h.st.methods())
	}
	if strings.Contains(h.logs.String(), "v0=") {
		t.Fatal("a signature reached the log")
	}
}

func TestHTTP_WithoutSigningSecret(t *testing.T) {
	h := start(t, socketMode, newFakeEngine())
	code, _ := h.request(http.MethodPost, "/slack/commands", h.slashBody("U1", "task 7", "x"), http.Header{})
	if code != http.StatusNotFound {
		t.Fatalf("status %d: Slack endpoints must not exist without a signing secret", code)
	}
	if len(h.eng.received()) != 0 {
		t.Fatal("engine called")
	}
}

func TestHTTP_Injection(t *testing.T) {
	h := start(t, httpMode, newFakeEngine())
	// What arrives when a user types "@channel", "@here", a mention, and
	// the literal text "<!everyone>" (which Slack escapes) into a DM.
	h.post("/slack/events", eventBody("EvInj", map[string]any{
		"type": "message", "channel_type": "im", "user": "U0ASKER", "channel": "D0ASKER", "ts": "1.2",
		"text": "<!channel> <!here|here> <@U0VICTIM> &lt;!everyone&gt; <https://evil.example|点我> &amp;",
	}))
	_, inline := h.post("/slack/commands", h.slashBody("U0ASKER", "<!subteam^S123> &lt;@U0VICTIM&gt; <#C0GEN|general>", "inj"))
	posted := h.st.waitCalls("chat.postMessage", 1)[0]
	for _, out := range []string{posted.Raw, posted.blocks(), inline} {
		for _, bad := range []string{"<!channel>", "<!here", "<!everyone>", "<@U0VICTIM>", "<!subteam", "<https://evil", "<#C0GEN"} {
			if strings.Contains(out, bad) || strings.Contains(out, strings.ReplaceAll(strings.ReplaceAll(bad, "<", `\u003c`), ">", `\u003e`)) {
				t.Errorf("bot posted %q:\n%s", bad, out)
			}
		}
	}
	// The question is still shown, escaped, so the reader sees what was asked.
	if !strings.Contains(posted.blocks(), "&lt;!everyone&gt;") {
		t.Errorf("the repeated question is not escaped but removed or mangled: %s", posted.blocks())
	}
	if _, ok := posted.Form["link_names"]; ok {
		t.Error("link_names set: Slack would turn @here into a mention")
	}
}

func TestHTTP_HealthAndMetrics(t *testing.T) {
	h := start(t, httpMode, newFakeEngine())
	if code, body := h.request(http.MethodGet, "/healthz", "", nil); code != http.StatusOK || body != "ok\n" {
		t.Fatalf("healthz = %d %q", code, body)
	}
	h.post("/slack/commands", h.slashBody("U0ASKER", "", "m"))
	h.request(http.MethodPost, "/slack/commands", "x", nil) // refused: unsigned
	_, body := h.request(http.MethodGet, "/metrics", "", nil)
	for _, want := range []string{
		`dutybot_questions_answered_total{kind="help",surface="slash"} 1`,
		`dutybot_answer_seconds_count{surface="slash"} 1`,
		`dutybot_slack_requests_rejected_total{reason="unsigned"} 1`,
		`dutybot_reminders_sent_total 0`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}
