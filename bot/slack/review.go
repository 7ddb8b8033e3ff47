package slack

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	slackapi "github.com/slack-go/slack"
)

// This file handles the loop's buttons: 签收 on a reminder, Approve and
// Reject on a claim, and the modal that asks for a rejection's reason. Each
// sends the engine the command its button names, as the presser; the
// engine decides who may. A refusal goes to the presser alone and changes
// nothing; a change replaces the pressed buttons with who did it and when.

// The 签收 button of a reminder item, and the reject modal.
const (
	actionAck = "dutybot_ack"
	// callbackReject is the callback_id of the modal that asks for a reason.
	callbackReject = "dutybot_reject_reason"
	// reasonBlock and reasonAction name the modal's one input.
	reasonBlock, reasonAction = "reason", "reason"
	// maxReason bounds a reason: the engine refuses longer messages anyway.
	maxReason = 2000
	// maxMetaText bounds the claim's text kept in the modal's metadata
	// (Slack allows 3000 characters in all) to rebuild the message after.
	maxMetaText = 2000
)

// Button values are commands for the engine, in these forms only.
var (
	ackValue    = regexp.MustCompile(`^ack ([0-9]{1,6}) (\S+)$`)
	reviewValue = regexp.MustCompile(`^(approve|reject) ([0-9]{1,6}) (\S+)$`)
)

// when is now as a Slack date, readable in every client.
func (a *Adapter) when() string {
	now := a.clock.Now()
	return fmt.Sprintf("<!date^%d^{date_short_pretty} {time}|%s>", now.Unix(), now.In(shanghai).Format("2006-01-02 15:04"))
}

// pressedLang is the language a message's buttons were written in (from
// their block_id: PREFIX LANG|…), or else fallback.
func pressedLang(blockID, prefix, fallback string) string {
	if !strings.HasPrefix(blockID, prefix) {
		return fallback
	}
	lang, _, _ := strings.Cut(strings.TrimPrefix(blockID, prefix), "|")
	return langOf(lang, fallback)
}

// pressAck signs for a reminder's task as the presser: 签收 N UNIT. Once
// signed, the item says by whom and keeps its other buttons.
func (a *Adapter) pressAck(ctx context.Context, cb slackapi.InteractionCallback, act slackapi.BlockAction) {
	m := ackValue.FindStringSubmatch(act.Value)
	if m == nil {
		a.log.Warn("slack: unexpected button value", "action", act.ActionID)
		return
	}
	rep, r := a.answer(ctx, cb.Team.ID, cb.User.ID, channelOf(cb), act.Value, surfaceButton)
	if !rep.Changed || !slackID.MatchString(cb.User.ID) {
		a.ephemeral(ctx, cb.ResponseURL, channelOf(cb), cb.User.ID, r.reply(rep), fallback(rep))
		return
	}
	note := a.tr.T(pressedLang(act.BlockID, blockPrefix, r.lang), "slack_signed", map[string]any{
		"User": "<@" + cb.User.ID + ">", "When": a.when(), "Unit": escape(m[2]), "N": m[1],
	})
	var blocks []slackapi.Block
	for _, b := range cb.Message.Blocks.BlockSet {
		ab, ok := b.(*slackapi.ActionBlock)
		if !ok || b.ID() != act.BlockID {
			blocks = append(blocks, b)
			continue
		}
		var keep []slackapi.BlockElement
		for _, el := range ab.Elements.ElementSet {
			if btn, ok := el.(*slackapi.ButtonBlockElement); ok && btn.ActionID == actionAck {
				continue
			}
			keep = append(keep, el)
		}
		blocks = append(blocks, slackapi.NewContextBlock("", mrkdwn(note)))
		if len(keep) > 0 {
			blocks = append(blocks, slackapi.NewActionBlock(ab.BlockID, keep...))
		}
	}
	a.updatePressed(ctx, cb, blocks)
}

// pressApprove approves the claimed part as the presser; the claim then
// says who approved it, in place of its buttons.
func (a *Adapter) pressApprove(ctx context.Context, cb slackapi.InteractionCallback, act slackapi.BlockAction) {
	m := reviewValue.FindStringSubmatch(act.Value)
	if m == nil || m[1] != "approve" {
		a.log.Warn("slack: unexpected button value", "action", act.ActionID)
		return
	}
	rep, r := a.answer(ctx, cb.Team.ID, cb.User.ID, channelOf(cb), act.Value, surfaceButton)
	if !rep.Changed || !slackID.MatchString(cb.User.ID) {
		a.ephemeral(ctx, cb.ResponseURL, channelOf(cb), cb.User.ID, r.reply(rep), fallback(rep))
		return
	}
	note := a.tr.T(pressedLang(act.BlockID, reviewPrefix, r.lang), "slack_approved", map[string]any{
		"User": "<@" + cb.User.ID + ">", "When": a.when(), "Unit": escape(m[3]), "N": m[2],
	})
	a.updatePressed(ctx, cb, markBlock(cb.Message.Blocks.BlockSet, act.BlockID, note))
}

// rejectMeta is what the reject modal carries to its submission: the
// command's task and unit, and where the claim is, to update it after.
type rejectMeta struct {
	Task    string `json:"n"`
	Unit    string `json:"u"`
	Channel string `json:"c"`
	TS      string `json:"ts"`
	Lang    string `json:"l"` // the claim's language
	Text    string `json:"t"` // the claim's text, to rebuild it without buttons
}

// pressReject opens a modal that asks for the reason: a rejection without
// one is refused, so it is asked for before anything is sent.
func (a *Adapter) pressReject(ctx context.Context, cb slackapi.InteractionCallback, act slackapi.BlockAction) {
	m := reviewValue.FindStringSubmatch(act.Value)
	if m == nil || m[1] != "reject" {
		a.log.Warn("slack: unexpected button value", "action", act.ActionID)
		return
	}
	ts := cb.Container.MessageTs
	if ts == "" {
		ts = cb.Message.Timestamp
	}
	text := []rune(cb.Message.Text)
	if len(text) > maxMetaText {
		text = append(text[:maxMetaText-1], '…')
	}
	meta, err := json.Marshal(rejectMeta{Task: m[2], Unit: m[3], Channel: channelOf(cb), TS: ts,
		Lang: pressedLang(act.BlockID, reviewPrefix, ""), Text: string(text)})
	if err != nil {
		a.log.Error("slack: reject modal metadata", "err", err)
		return
	}
	r := renderer{tr: a.tr, lang: a.lang(ctx, cb.User.ID)}
	input := slackapi.NewPlainTextInputBlockElement(plain(r.t("slack_reject_placeholder", nil)), reasonAction)
	input.Multiline = true
	input.MaxLength = maxReason
	view := slackapi.ModalViewRequest{
		Type:            slackapi.VTModal,
		CallbackID:      callbackReject,
		PrivateMetadata: string(meta),
		Title:           plain(clip(r.t("slack_reject_title", nil), 24)),
		Submit:          plain(clip(r.t("slack_reject_submit", nil), 24)),
		Close:           plain(clip(r.t("slack_reject_cancel", nil), 24)),
		Blocks: slackapi.Blocks{BlockSet: []slackapi.Block{
			slackapi.NewSectionBlock(mrkdwn(clip(r.t("slack_reject_prompt", map[string]any{"N": m[2], "Unit": m[3]}), maxText)), nil, nil),
			slackapi.NewInputBlock(reasonBlock, plain(r.t("slack_reject_label", nil)), nil, input),
		}},
	}
	err = a.retry(ctx, "views.open", func() error {
		_, err := a.api.OpenViewContext(ctx, cb.TriggerID, view)
		return err
	})
	if err != nil {
		a.log.Error("slack: open reject modal", "user", cb.User.ID, "err", err)
	}
}

// submitReject sends `reject N UNIT REASON` as the submitter. A refusal
// goes to the submitter alone in the claim's channel; a rejection replaces
// the claim's buttons with who returned it, when and why.
func (a *Adapter) submitReject(ctx context.Context, cb slackapi.InteractionCallback) {
	var meta rejectMeta
	if err := json.Unmarshal([]byte(cb.View.PrivateMetadata), &meta); err != nil {
		a.log.Warn("slack: reject modal metadata not understood", "err", err)
		return
	}
	reason := ""
	if cb.View.State != nil {
		reason = cb.View.State.Values[reasonBlock][reasonAction].Value
	}
	// The reason is one line of the command: line breaks would end it.
	reason = strings.Join(strings.Fields(reason), " ")
	cmd := "reject " + meta.Task + " " + meta.Unit
	if !reviewValue.MatchString(cmd) {
		a.log.Warn("slack: unexpected reject modal metadata")
		return
	}
	if reason != "" {
		cmd += " " + reason
	}
	rep, r := a.answer(ctx, cb.Team.ID, cb.User.ID, meta.Channel, cmd, surfaceButton)
	if !rep.Changed || !slackID.MatchString(cb.User.ID) {
		a.ephemeral(ctx, "", meta.Channel, cb.User.ID, r.reply(rep), fallback(rep))
		return
	}
	if meta.Channel == "" || meta.TS == "" {
		return
	}
	cr := renderer{tr: a.tr, lang: langOf(meta.Lang, r.lang)}
	note := cr.t("slack_rejected", map[string]any{
		"User": "<@" + cb.User.ID + ">", "When": a.when(), "Unit": escape(meta.Unit), "N": meta.Task, "Reason": escape(reason),
	})
	// The claim's text is its fallback text as Slack keeps it: escaped.
	text := unescaper.Replace(meta.Text)
	blocks := append(textSections(splitText(text, maxText)), slackapi.NewContextBlock("", mrkdwn(note)))
	err := a.retry(ctx, "chat.update", func() error {
		_, _, _, err := a.api.UpdateMessageContext(ctx, meta.Channel, meta.TS,
			slackapi.MsgOptionText(clip(text, maxFallback), false), slackapi.MsgOptionBlocks(blocks...))
		return err
	})
	if err != nil {
		a.log.Error("slack: update claim after reject", "channel", meta.Channel, "err", err)
	}
}

// updatePressed replaces the message whose button was pressed with blocks
// (its fallback text unchanged): in place, or through response_url when
// it was shown to the presser alone.
func (a *Adapter) updatePressed(ctx context.Context, cb slackapi.InteractionCallback, blocks []slackapi.Block) {
	opts := []slackapi.MsgOption{slackapi.MsgOptionText(cb.Message.Text, false), slackapi.MsgOptionBlocks(blocks...)}
	err := a.retry(ctx, "chat.update", func() error {
		if cb.Container.IsEphemeral && cb.ResponseURL != "" && a.trustedResponseURL(cb.ResponseURL) {
			_, _, _, err := a.api.SendMessageContext(ctx, "", append(opts, slackapi.MsgOptionReplaceOriginal(cb.ResponseURL))...)
			return err
		}
		ts := cb.Container.MessageTs
		if ts == "" {
			ts = cb.Message.Timestamp
		}
		_, _, _, err := a.api.UpdateMessageContext(ctx, channelOf(cb), ts, opts...)
		return err
	})
	if err != nil {
		a.log.Error("slack: update message after a press", "channel", channelOf(cb), "err", err)
	}
}
