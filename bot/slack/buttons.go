package slack

import (
	"context"
	"regexp"

	slackapi "github.com/slack-go/slack"

	"dutybot/knowledge"
)

// The reminder buttons.
const (
	actionDone    = "dutybot_done"
	actionDetails = "dutybot_details"
	// blockPrefix starts the block_id of a reminder item's buttons:
	// dutybot|LANG|INDEX, so that the update after a press is written in the
	// message's language, not the presser's.
	blockPrefix = "dutybot|"
)

// A button's value is a command for the engine; only these two forms are
// accepted, so a button cannot be made to carry anything else.
var (
	doneValue    = regexp.MustCompile(`^done ([0-9]{1,6})(?: (\S+))?$`)
	detailsValue = regexp.MustCompile(`^task [0-9]{1,6}$`)
)

// shanghai is the notices' time zone.
var shanghai = knowledge.China

// dispatchInteraction starts the work for a button press.
func (a *Adapter) dispatchInteraction(cb slackapi.InteractionCallback) {
	if cb.Type == slackapi.InteractionTypeViewSubmission {
		// Acknowledged empty, which closes the modal; the answer follows.
		if cb.View.CallbackID == callbackReject {
			a.goWork("reject", func(ctx context.Context) { a.submitReject(ctx, cb) })
		}
		return
	}
	if cb.Type != slackapi.InteractionTypeBlockActions {
		return
	}
	for _, act := range cb.ActionCallback.BlockActions {
		switch act.ActionID {
		case actionDone:
			a.goWork("mark done", func(ctx context.Context) { a.pressDone(ctx, cb, *act) })
		case actionDetails:
			a.goWork("details", func(ctx context.Context) { a.pressDetails(ctx, cb, *act) })
		case actionAck:
			a.goWork("sign", func(ctx context.Context) { a.pressAck(ctx, cb, *act) })
		case actionApprove:
			a.goWork("approve", func(ctx context.Context) { a.pressApprove(ctx, cb, *act) })
		case actionReject:
			a.goWork("reject modal", func(ctx context.Context) { a.pressReject(ctx, cb, *act) })
		}
	}
}

func channelOf(cb slackapi.InteractionCallback) string {
	if cb.Channel.ID != "" {
		return cb.Channel.ID
	}
	return cb.Container.ChannelID
}

// pressDone asks the engine to mark the task done as the presser. The engine
// decides who may: a refusal (or any answer that changed nothing) goes to the
// presser alone; a change updates the reminder to show who marked it and when.
func (a *Adapter) pressDone(ctx context.Context, cb slackapi.InteractionCallback, act slackapi.BlockAction) {
	m := doneValue.FindStringSubmatch(act.Value)
	if m == nil {
		a.log.Warn("slack: unexpected button value", "action", act.ActionID)
		return
	}
	rep, r := a.answer(ctx, cb.Team.ID, cb.User.ID, channelOf(cb), act.Value, surfaceButton)
	if !rep.Changed {
		a.ephemeral(ctx, cb.ResponseURL, channelOf(cb), cb.User.ID, r.reply(rep), fallback(rep))
		return
	}
	if !slackID.MatchString(cb.User.ID) {
		return // never put anything but a real user ID into <@…> markup
	}
	note := a.tr.T(pressedLang(act.BlockID, blockPrefix, r.lang), "slack_marked_done", map[string]any{
		"User": "<@" + cb.User.ID + ">",
		"When": a.when(),
		"Unit": escape(m[2]),
		"N":    m[1],
	})
	a.updatePressed(ctx, cb, markBlock(cb.Message.Blocks.BlockSet, act.BlockID, note))
}

// markBlock replaces the pressed item's buttons with a note (already
// mrkdwn, its user-derived parts escaped); the other items keep theirs.
func markBlock(blocks []slackapi.Block, blockID, note string) []slackapi.Block {
	out := make([]slackapi.Block, 0, len(blocks))
	for _, b := range blocks {
		if b.ID() == blockID {
			out = append(out, slackapi.NewContextBlock(blockID, mrkdwn(note)))
			continue
		}
		out = append(out, b)
	}
	return out
}

// pressDetails shows the task's details to the presser alone.
func (a *Adapter) pressDetails(ctx context.Context, cb slackapi.InteractionCallback, act slackapi.BlockAction) {
	if !detailsValue.MatchString(act.Value) {
		a.log.Warn("slack: unexpected button value", "action", act.ActionID)
		return
	}
	rep, r := a.answer(ctx, cb.Team.ID, cb.User.ID, channelOf(cb), act.Value, surfaceButton)
	a.ephemeral(ctx, cb.ResponseURL, channelOf(cb), cb.User.ID, r.reply(rep), fallback(rep))
}
