package slack

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"dutybot/bot"
	"dutybot/knowledge"
	"dutybot/store"
)

// The channels of the loop test: 法制支队 (the lead of task 22) has its own,
// 科技处 (responsible) has none and hears in the reminder channel.
const (
	loopLeadChannel    = "C0FZ"
	loopRemindChannel  = "C0REMIND"
	loopAdminChannel   = "C0ADMIN"
	loopLiaison        = "U0KJ" // 科技处
	loopLeadLiaison    = "U0FZ" // 法制支队
	loopNobody         = "U0NOBODY"
	loopStoreActorUser = "test"
)

// newLoopEngine is dutybot's engine over a real SQLite store with the
// built-in notice, the notification channels set, 法制支队 bound to its
// channel and the two units' liaisons named.
func newLoopEngine(t *testing.T) (*knowledge.Notice, *store.DB, *bot.Engine) {
	t.Helper()
	ctx := context.Background()
	by := knowledge.Actor{User: loopStoreActorUser, Via: "cli"}
	n, st := realStore(t, by)
	if err := st.BindChannel(ctx, "法制支队", loopLeadChannel, by); err != nil {
		t.Fatal(err)
	}
	for unit, user := range map[string]string{"科技处": loopLiaison, "法制支队": loopLeadLiaison} {
		if err := st.ChangeLiaisons(ctx, unit, []string{user}, nil, by); err != nil {
			t.Fatal(err)
		}
	}
	return n, st, realEngine(t, st, bot.WithChannels(loopRemindChannel, loopAdminChannel))
}

// auditLen is how many entries the audit log holds.
func auditLen(t *testing.T, st *store.DB) int {
	t.Helper()
	es, err := st.Audit(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(es)
}

// partOf is unit's part of task 22 as stored.
func partOf(t *testing.T, st *store.DB, n *knowledge.Notice, task int, unit string) knowledge.Part {
	t.Helper()
	ps, err := st.Parts(context.Background(), n.Number)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Task == task && p.Unit == unit {
			return p
		}
	}
	t.Fatalf("no part of %s in task %d", unit, task)
	return knowledge.Part{}
}

// dm sends text to the bot as user, in a direct message.
func (h *harness) dm(id, user, text string) {
	h.t.Helper()
	h.post("/slack/events", eventBody(id, map[string]any{
		"type": "message", "channel_type": "im", "user": user, "text": text, "ts": "1.1", "channel": "D" + user,
	}))
}

// postsTo are the chat.postMessage calls to channel so far.
func (s *standin) postsTo(channel string) []apiCall {
	var out []apiCall
	for _, c := range s.callsOf("chat.postMessage") {
		if c.Form.Get("channel") == channel {
			out = append(out, c)
		}
	}
	return out
}

// waitPosts waits until channel got n messages and returns them.
func (s *standin) waitPosts(channel string, n int) []apiCall {
	s.t.Helper()
	s.until(channel+" messages", func() bool {
		k := 0
		for _, c := range s.callsLocked("chat.postMessage") {
			if c.Form.Get("channel") == channel {
				k++
			}
		}
		return k >= n
	})
	return s.postsTo(channel)
}

// submitBody is a view_submission of the reject modal opened by call
// (a views.open), with reason typed in.
func submitBody(user string, open apiCall, reason string) string {
	view, _ := open.JSON["view"].(map[string]any)
	return interactionBody(map[string]any{
		"type": "view_submission",
		"user": map[string]any{"id": user},
		"team": map[string]any{"id": "T1"},
		"view": map[string]any{
			"id": "V1", "type": "modal", "callback_id": view["callback_id"], "private_metadata": view["private_metadata"],
			"state": map[string]any{"values": map[string]any{reasonBlock: map[string]any{reasonAction: map[string]any{
				"type": "plain_text_input", "value": reason}}}},
		},
	})
}

// TestLoop_buttonsAndModal runs the supervision loop through the Slack
// stand-in over the real engine and store, with the buttons and the reject
// modal: a reminder's 签收 button, a problem told to the lead unit's channel
// and the administrators' at once, a claim that reaches both with Approve
// and Reject, Reject asking for the reason in a modal, a claim again, and
// Approve. Every refused press (not a liaison, no reason) says why to the
// presser alone and leaves the audit log as it was.
func TestLoop_buttonsAndModal(t *testing.T) {
	ctx := context.Background()
	n, st, eng := newLoopEngine(t)
	h := startReal(t, eng)
	const task = 22

	// 签收 from the reminder: a stranger is refused, the liaison signs.
	if _, err := h.a.Send(ctx, testDeliveryFor(task, "科技处")); err != nil {
		t.Fatal(err)
	}
	reminder := h.st.waitCalls("chat.postMessage", 1)[0]
	if b := reminder.blocks(); !strings.Contains(b, `"ack 22 科技处"`) || !strings.Contains(b, "签收") || !strings.Contains(b, `"done 22 科技处"`) {
		t.Fatalf("reminder lacks the 签收 button next to Mark done: %s", b)
	}
	before := auditLen(t, st)
	h.post("/slack/interactivity", interactionBody(h.buttonPress(loopNobody, actionAck, "dutybot|zh-CN|0", "ack 22 科技处", reminder)))
	refusal := h.st.waitCalls("response_url", 1)[0]
	h.flush()
	if got := auditLen(t, st); got != before || !strings.Contains(refusal.blocks(), "联络员") || len(h.st.callsOf("chat.update")) != 0 {
		t.Fatalf("a stranger's 签收: audit %d→%d, update %d, answer %s", before, got, len(h.st.callsOf("chat.update")), refusal.blocks())
	}
	h.post("/slack/interactivity", interactionBody(h.buttonPress(loopLiaison, actionAck, "dutybot|zh-CN|0", "ack 22 科技处", reminder)))
	upd := h.st.waitCalls("chat.update", 1)[0].blocks()
	if !strings.Contains(upd, "<@U0KJ>") || !strings.Contains(upd, "签收第22项") || strings.Contains(upd, `"ack 22`) || !strings.Contains(upd, `"done 22 科技处"`) {
		t.Fatalf("reminder after 签收 (the note, Mark done kept, 签收 gone): %s", upd)
	}
	if p := partOf(t, st, n, task, "科技处"); p.SignedAt.IsZero() {
		t.Fatalf("part not signed after the press: %+v", p)
	}

	// A problem reaches the lead unit's channel and the administrators' at once.
	h.dm("EvLoop1", loopLiaison, "问题 22 存储设备经费未落实")
	for _, ch := range []string{loopLeadChannel, loopAdminChannel} {
		if b := h.st.waitPosts(ch, 1)[0].blocks(); !strings.Contains(b, "存储设备经费未落实") {
			t.Fatalf("problem in %s: %s", ch, b)
		}
	}

	// A claim reaches both with Approve and Reject.
	h.dm("EvLoop2", loopLiaison, "申请办结 22 规范已印发")
	claim := h.st.waitPosts(loopLeadChannel, 2)[1]
	adminClaim := h.st.waitPosts(loopAdminChannel, 2)[1]
	for _, c := range []apiCall{claim, adminClaim} {
		if b := c.blocks(); !strings.Contains(b, `"approve 22 科技处"`) || !strings.Contains(b, `"reject 22 科技处"`) || !strings.Contains(b, "规范已印发") {
			t.Fatalf("claim without its review buttons: %s", b)
		}
	}

	// Approve by someone who is no reviewer: refused with the reason, nothing changes.
	before = auditLen(t, st)
	h.post("/slack/interactivity", interactionBody(h.buttonPress(loopNobody, actionApprove, "review|zh-CN", "approve 22 科技处", claim)))
	refusal = h.st.waitCalls("response_url", 2)[1]
	h.flush()
	if got := auditLen(t, st); got != before || !strings.Contains(refusal.blocks(), "法制支队") || len(h.st.callsOf("chat.update")) != 1 {
		t.Fatalf("a stranger's Approve: audit %d→%d, updates %d, answer %s", before, got, len(h.st.callsOf("chat.update")), refusal.blocks())
	}
	if p := partOf(t, st, n, task, "科技处"); p.State != knowledge.PartInReview {
		t.Fatalf("part after a refused Approve: %s", p.State)
	}

	// Reject opens a modal for the reason; an empty reason is refused.
	press := h.buttonPress(loopLeadLiaison, actionReject, "review|zh-CN", "reject 22 科技处", claim)
	press["trigger_id"] = "trig.1"
	h.post("/slack/interactivity", interactionBody(press))
	open := h.st.waitCalls("views.open", 1)[0]
	if open.JSON["trigger_id"] != "trig.1" || !strings.Contains(open.Raw, callbackReject) || !strings.Contains(open.Raw, `"plain_text_input"`) {
		t.Fatalf("views.open: %s", open.Raw)
	}
	h.post("/slack/interactivity", submitBody(loopLeadLiaison, open, "   "))
	noReason := h.st.waitCalls("chat.postEphemeral", 1)[0]
	h.flush()
	if got := auditLen(t, st); got != before || noReason.Form.Get("user") != loopLeadLiaison || noReason.Form.Get("channel") != loopLeadChannel ||
		!strings.Contains(noReason.blocks(), "理由") {
		t.Fatalf("a reason-less reject: audit %d→%d, answer %v %s", before, got, noReason.Form, noReason.blocks())
	}
	h.post("/slack/interactivity", submitBody(loopLeadLiaison, open, "未附印发文件"))
	upd = h.st.waitCalls("chat.update", 2)[1].blocks()
	if !strings.Contains(upd, "未附印发文件") || !strings.Contains(upd, "<@U0FZ>") || strings.Contains(upd, `"approve 22`) || !strings.Contains(upd, "规范已印发") {
		t.Fatalf("claim after Reject (its text, who and why, no buttons): %s", upd)
	}
	// 科技处 has no channel of its own: it hears in the reminder channel.
	if b := h.st.waitPosts(loopRemindChannel, 1)[0].blocks(); !strings.Contains(b, "未附印发文件") {
		t.Fatalf("the unit was not told why: %s", b)
	}
	if p := partOf(t, st, n, task, "科技处"); p.State != knowledge.PartOpen {
		t.Fatalf("part after Reject: %s", p.State)
	}

	// Claim again; Approve.
	h.dm("EvLoop3", loopLiaison, "申请办结 22 科技处 已补充印发文件")
	claim = h.st.waitPosts(loopLeadChannel, 3)[2]
	h.post("/slack/interactivity", interactionBody(h.buttonPress(loopLeadLiaison, actionApprove, "review|zh-CN", "approve 22 科技处", claim)))
	upd = h.st.waitCalls("chat.update", 3)[2].blocks()
	if !strings.Contains(upd, "<@U0FZ>") || !strings.Contains(upd, "同意科技处第22项办结") || strings.Contains(upd, `"reject 22`) {
		t.Fatalf("claim after Approve: %s", upd)
	}
	if p := partOf(t, st, n, task, "科技处"); p.State != knowledge.PartDone {
		t.Fatalf("part after Approve: %s", p.State)
	}
	h.flush()

	// Every step is in the audit log, by the Slack user who did it, and it verifies.
	es, err := st.Audit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var steps []string
	for _, e := range es {
		if e.Actor.User != loopStoreActorUser && e.Task == task {
			steps = append(steps, e.Actor.User+" "+e.Action)
		}
	}
	want := []string{"U0KJ part.sign", "U0KJ part.problem", "U0KJ part.claim", "U0FZ part.reject", "U0KJ part.claim", "U0FZ part.approve"}
	if !slices.Equal(steps, want) {
		t.Errorf("audit of task 22: %q, want %q", steps, want)
	}
	if _, err := st.VerifyAudit(ctx); err != nil {
		t.Errorf("audit verify: %v", err)
	}
	var meta rejectMeta
	view, _ := open.JSON["view"].(map[string]any)
	if err := json.Unmarshal([]byte(view["private_metadata"].(string)), &meta); err != nil || meta.Channel != loopLeadChannel {
		t.Errorf("modal metadata %+v: %v", meta, err)
	}
}
