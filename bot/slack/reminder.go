package slack

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"time"

	slackapi "github.com/slack-go/slack"

	"dutybot/knowledge"
	"dutybot/reminders"
)

var (
	_ reminders.Sender          = (*Adapter)(nil)
	_ reminders.RetryAfterError = (*RateLimitError)(nil)
)

// RateLimitError is a delivery Slack refused with HTTP 429: the message was
// not posted and may be tried again after RetryAfter.
type RateLimitError struct {
	Err   error
	After time.Duration
}

func (e *RateLimitError) Error() string {
	return fmt.Sprintf("rate limited, retry after %s: %v", e.After, e.Err)
}

// Unwrap returns slack-go's error.
func (e *RateLimitError) Unwrap() error { return e.Err }

// RetryAfter is how long Slack asked to wait.
func (e *RateLimitError) RetryAfter() time.Duration { return e.After }

// retryAfter reports whether err is a 429 and how long Slack asked to wait.
func retryAfter(err error) (time.Duration, bool) {
	if rl, ok := errors.AsType[*slackapi.RateLimitedError](err); ok {
		return rl.RetryAfter, true
	}
	return 0, false
}

// Send posts a reminder and returns its message timestamp (for later
// updates). It does not wait out a 429 itself: it returns a *RateLimitError
// so the dispatcher decides whether to wait for Retry-After now or at a later
// tick, never dropping the reminder; a failure that may pass in a moment (a
// 5xx, Slack's internal_error, a network error) wraps
// reminders.ErrTemporary. A reminder too long for one message continues in
// the first one's thread; only the first post decides success.
func (a *Adapter) Send(ctx context.Context, d reminders.Delivery) (string, error) {
	if d.Channel == "" {
		return "", errors.New("send reminder: no channel")
	}
	if d.Text == "" && len(d.Items) == 0 {
		return "", errors.New("send reminder: nothing to say")
	}
	r := renderer{tr: a.tr, lang: langOf(d.Lang, a.defaultLang)}
	msgs := pack(r.reminder(d), maxBlocks)
	text := clip(d.Text, maxFallback)
	_, ts, err := a.api.PostMessageContext(ctx, d.Channel,
		slackapi.MsgOptionText(text, false), slackapi.MsgOptionBlocks(msgs[0]...))
	if err != nil {
		a.metrics.remindersFailed.Inc()
		if after, ok := retryAfter(err); ok {
			return "", &RateLimitError{Err: err, After: after}
		}
		if temporary(err) {
			return "", fmt.Errorf("send reminder to %s: %w: %w", d.Channel, reminders.ErrTemporary, err)
		}
		return "", fmt.Errorf("send reminder to %s: %w", d.Channel, err)
	}
	a.metrics.remindersSent.Inc()
	if len(msgs) > 1 {
		a.post(ctx, d.Channel, ts, msgs[1:], text)
	}
	if f := d.Attachment; f != nil {
		// The 通报's ledger, in its thread: the message is delivered
		// already, so a failed upload is logged, not retried as a delivery.
		a.upload(ctx, d.Channel, ts, f.Name, f.Title, f.Data)
	}
	return ts, nil
}

// temporaryErrors are the errors of Slack's Web API that say the fault is
// on Slack's side and may pass (https://api.slack.com/methods/chat.postMessage).
var temporaryErrors = map[string]bool{
	"internal_error": true, "fatal_error": true, "service_unavailable": true, "request_timeout": true,
}

// temporary reports whether a failed call may succeed if made again in a
// moment: an HTTP 5xx, one of temporaryErrors, or a network error (no
// connection, a reset, a timeout). A request Slack refused for a reason of
// ours (a channel the bot is not in, a bad token) is not.
func temporary(err error) bool {
	if sc, ok := errors.AsType[slackapi.StatusCodeError](err); ok {
		return sc.Code >= 500
	}
	if se, ok := errors.AsType[slackapi.SlackErrorResponse](err); ok {
		return temporaryErrors[se.Err]
	}
	if _, ok := errors.AsType[net.Error](err); ok {
		return true
	}
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
}

// reminder lays out a delivery as groups of blocks that must stay in one
// message: the text (which already says when it is late), then each task
// with its buttons.
func (r renderer) reminder(d reminders.Delivery) [][]slackapi.Block {
	var groups [][]slackapi.Block
	for _, p := range splitText(d.Text, maxText) {
		groups = append(groups, textSections([]string{p}))
	}
	seen := map[string]bool{}
	for i, it := range d.Items {
		rem := it.Reminder
		key := itoa(rem.Task) + "|" + rem.Unit
		if rem.Task <= 0 || rem.Kind == reminders.KindUnsignedLead || seen[key] {
			continue // a digest line, the lead's list of others not signed, or the same task and unit twice
		}
		seen[key] = true
		role := r.t("slack_role_responsible", nil)
		if rem.Role == knowledge.RoleLead {
			role = r.t("slack_role_lead", nil)
		}
		line := r.t("slack_reminder_item", map[string]any{
			"N": rem.Task, "Unit": escape(rem.Unit), "Role": escape(role), "Due": rem.Due.String(),
		})
		blockID := blockPrefix + r.lang + "|" + itoa(i)
		done := slackapi.NewButtonBlockElement(actionDone, "done "+itoa(rem.Task)+" "+rem.Unit,
			plain(r.t("slack_button_done", nil)))
		done.Style = slackapi.StylePrimary
		details := slackapi.NewButtonBlockElement(actionDetails, "task "+itoa(rem.Task),
			plain(r.t("slack_button_details", nil)))
		// 签收: the unit's liaison confirms it has received the task.
		ack := slackapi.NewButtonBlockElement(actionAck, "ack "+itoa(rem.Task)+" "+rem.Unit,
			plain(r.t("slack_button_ack", nil)))
		groups = append(groups, []slackapi.Block{
			slackapi.NewSectionBlock(mrkdwn(line), nil, nil),
			slackapi.NewActionBlock(blockID, ack, done, details),
		})
	}
	return groups
}

// pack fills messages of at most size blocks with whole groups.
func pack(groups [][]slackapi.Block, size int) [][]slackapi.Block {
	var out [][]slackapi.Block
	var cur []slackapi.Block
	for _, g := range groups {
		if len(cur)+len(g) > size && len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
		cur = append(cur, g...)
	}
	if len(cur) > 0 || len(out) == 0 {
		out = append(out, cur)
	}
	return out
}
