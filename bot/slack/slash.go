package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"

	slackapi "github.com/slack-go/slack"
)

// slashResult is a slash command's answer, laid out.
type slashResult struct {
	msgs [][]slackapi.Block
	text string
}

// slashAnswer answers "/duty TEXT"; "/duty" alone asks for help, which
// lists example questions.
func (a *Adapter) slashAnswer(ctx context.Context, cmd slackapi.SlashCommand) slashResult {
	text := incomingText(cmd.Text, a.botUser.Load().(string))
	if text == "" {
		text = "help"
	}
	rep, r := a.answer(ctx, cmd.TeamID, cmd.UserID, cmd.ChannelID, text, surfaceSlash)
	return slashResult{msgs: r.reply(rep), text: fallback(rep)}
}

// deliverSlash sends an answer that was not given inline.
func (a *Adapter) deliverSlash(ctx context.Context, cmd slackapi.SlashCommand, res slashResult) {
	a.ephemeral(ctx, cmd.ResponseURL, cmd.ChannelID, cmd.UserID, res.msgs, res.text)
}

// failure is what a user reads when answering failed.
func (a *Adapter) failure(lang string) slashResult {
	text := escape(a.tr.T(lang, "slack_error", nil))
	return slashResult{msgs: [][]slackapi.Block{textSections([]string{text})}, text: text}
}

// commandResponse is an inline (synchronous) answer to a slash command.
type commandResponse struct {
	ResponseType string           `json:"response_type"`
	Text         string           `json:"text"`
	Blocks       []slackapi.Block `json:"blocks"`
}

// serveCommand answers a signed /duty request: inline when the answer is
// ready within the inline budget (well inside Slack's 3 seconds), otherwise
// it acknowledges at once and sends the answer through response_url.
func (a *Adapter) serveCommand(w http.ResponseWriter, body []byte) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	cmd := slackapi.SlashCommand{
		TeamID:      form.Get("team_id"),
		ChannelID:   form.Get("channel_id"),
		UserID:      form.Get("user_id"),
		Command:     form.Get("command"),
		Text:        form.Get("text"),
		ResponseURL: form.Get("response_url"),
		TriggerID:   form.Get("trigger_id"),
	}
	if cmd.UserID == "" {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	ready := make(chan slashResult, 1)
	a.goWork("slash command", func(ctx context.Context) {
		var res slashResult
		defer func() { ready <- res }() // even when the engine panics
		res = a.slashAnswer(ctx, cmd)
	})
	select {
	case res := <-ready:
		if len(res.msgs) == 0 {
			res = a.failure(a.defaultLang)
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(commandResponse{
			ResponseType: slackapi.ResponseTypeEphemeral, Text: res.text, Blocks: res.msgs[0],
		})
		if len(res.msgs) > 1 {
			rest := slashResult{msgs: res.msgs[1:], text: res.text}
			a.goWork("slash command rest", func(ctx context.Context) { a.deliverSlash(ctx, cmd, rest) })
		}
	case <-a.clock.After(a.inlineBudget):
		w.WriteHeader(http.StatusOK) // the ack; the answer follows
		a.goWork("slash command late", func(ctx context.Context) { a.deliverSlash(ctx, cmd, <-ready) })
	}
}
