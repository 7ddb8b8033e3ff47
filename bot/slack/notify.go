package slack

import (
	"bytes"
	"context"

	slackapi "github.com/slack-go/slack"

	"dutybot/bot"
)

// This file posts what the engine's replies ask to tell others (a problem
// to the lead unit and the administrators, a claim to its reviewers, a
// decision to the unit), and lays out a claim with its Approve and Reject
// buttons. Where each goes is the engine's to say (Notification.Channels).

// The review buttons of a claim.
const (
	actionApprove = "dutybot_approve"
	actionReject  = "dutybot_reject"
	// reviewPrefix starts the block_id of a claim's buttons: review|LANG.
	reviewPrefix = "review|"
)

// notify posts each notification to each of its channels, in r's language
// (the one the engine wrote its text in). A failure is logged: the change
// it tells of is made already.
func (a *Adapter) notify(ctx context.Context, r renderer, ns []bot.Notification) {
	for _, n := range ns {
		blocks := r.notification(n)
		text := clip(n.Text, maxFallback)
		for _, ch := range n.Channels {
			err := a.retry(ctx, "chat.postMessage", func() error {
				_, _, err := a.api.PostMessageContext(ctx, ch, slackapi.MsgOptionText(text, false), slackapi.MsgOptionBlocks(blocks...))
				return err
			})
			if err != nil {
				a.log.Error("slack: post notification", "channel", ch, "err", err)
			}
		}
	}
}

// notification lays out one notification: its text and, for a claim, the
// Approve and Reject buttons, whose values are the engine's commands.
func (r renderer) notification(n bot.Notification) []slackapi.Block {
	blocks := textSections(splitText(n.Text, maxText))
	if n.Review == nil || n.Review.Task <= 0 || n.Review.Unit == "" {
		return blocks
	}
	cmd := itoa(n.Review.Task) + " " + n.Review.Unit
	approve := slackapi.NewButtonBlockElement(actionApprove, "approve "+cmd, plain(r.t("slack_button_approve", nil)))
	approve.Style = slackapi.StylePrimary
	reject := slackapi.NewButtonBlockElement(actionReject, "reject "+cmd, plain(r.t("slack_button_reject", nil)))
	reject.Style = slackapi.StyleDanger
	return append(blocks, slackapi.NewActionBlock(reviewPrefix+r.lang, approve, reject))
}

// upload shares a file that goes with a message (the ledger's workbook) in
// channel, in the thread of thread when set, by files upload v2. A failure
// is logged: the message itself is posted anyway.
func (a *Adapter) upload(ctx context.Context, channel, thread, name, title string, data []byte) {
	if len(data) == 0 || name == "" {
		return
	}
	err := a.retry(ctx, "files.upload", func() error {
		_, err := a.api.UploadFileContext(ctx, slackapi.UploadFileParameters{
			Reader: bytes.NewReader(data), FileSize: len(data), Filename: name, Title: title, Channel: channel, ThreadTimestamp: thread,
		})
		return err
	})
	if err != nil {
		a.log.Error("slack: upload file", "channel", channel, "file", name, "err", err)
	}
}
