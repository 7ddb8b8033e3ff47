package slack

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"

	slackapi "github.com/slack-go/slack"

	"dutybot/bot"
)

// Where a question came from, for metrics and logs.
const (
	surfaceSlash   = "slash"
	surfaceMention = "mention"
	surfaceDM      = "dm"
	surfaceButton  = "button"
)

// answer asks the engine on behalf of user, in user's language; team and
// channel say where the message was written (the audit log records them).
func (a *Adapter) answer(ctx context.Context, team, user, channel, text, surface string) (bot.Reply, renderer) {
	lang := a.lang(ctx, user)
	start := a.clock.Now()
	rep := a.engine.Handle(ctx, bot.Message{User: user, Channel: channel, Team: team, Via: "slack", Text: text, Lang: lang, Now: start})
	a.metrics.answered(surface, rep.Kind, a.clock.Since(start))
	a.log.Info("slack: answered", "surface", surface, "user", user, "kind", rep.Kind, "tasks", len(rep.Tasks), "changed", rep.Changed)
	if rep.Changed {
		// The asker's App Home shows their unit and the progress: show the
		// change (iam, done, reopen) now, not at the next app_home_opened.
		a.goWork("refresh app home", func(ctx context.Context) { a.publishHome(ctx, user) })
	}
	r := renderer{tr: a.tr, lang: lang}
	if len(rep.Notify) > 0 {
		// What the change calls for others to hear (a problem, a claim to
		// its reviewers, a decision to the unit), where the engine says.
		a.goWork("notify", func(ctx context.Context) { a.notify(ctx, r, rep.Notify) })
	}
	if rep.Attachment != nil && channel != "" {
		f := rep.Attachment
		a.goWork("upload", func(ctx context.Context) { a.upload(ctx, channel, "", f.Name, f.Title, f.Data) })
	}
	return rep, r
}

var (
	// userRef is a user mention as Slack writes it: <@U123> or <@U123|name>.
	userRef = regexp.MustCompile(`<@([A-Z0-9]+)(?:\|[^>]*)?>`)
	// channelRef is a channel reference: <#C123|name> or <#C123>; commands
	// such as "bind UNIT #channel" need the bare ID.
	channelRef = regexp.MustCompile(`<#([A-Z0-9]+)(?:\|[^>]*)?>`)
	// linkRef is any other <…|label> or <…> markup: keep what is shown.
	linkRef = regexp.MustCompile(`<([^<>|]*)(?:\|([^<>]*))?>`)
	// slackID is what a Slack user ID we put into markup must look like.
	slackID = regexp.MustCompile(`^[UW][A-Z0-9]{2,}$`)
)

var unescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")

// incomingText turns a message as Slack delivers it (markup for mentions and
// channels, &, <, > escaped) into the plain text the engine reads, without
// the bot's own mention.
func incomingText(s, botUser string) string {
	s = userRef.ReplaceAllStringFunc(s, func(m string) string {
		id := userRef.FindStringSubmatch(m)[1]
		if id == botUser {
			return " "
		}
		return id
	})
	s = channelRef.ReplaceAllString(s, "$1")
	s = linkRef.ReplaceAllStringFunc(s, func(m string) string {
		p := linkRef.FindStringSubmatch(m)
		if p[2] != "" {
			return p[2]
		}
		return p[1]
	})
	return strings.Join(strings.Fields(unescaper.Replace(s)), " ")
}

// innerEvent is the part of an Events API event the adapter reads.
type innerEvent struct {
	Type        string `json:"type"`
	Subtype     string `json:"subtype"`
	User        string `json:"user"`
	BotID       string `json:"bot_id"`
	Text        string `json:"text"`
	TS          string `json:"ts"`
	ThreadTS    string `json:"thread_ts"`
	Channel     string `json:"channel"`
	ChannelType string `json:"channel_type"`
	Tab         string `json:"tab"`
}

// eventsEnvelope is an Events API request body (HTTP) or payload (Socket Mode).
type eventsEnvelope struct {
	Type      string          `json:"type"`
	Challenge string          `json:"challenge"`
	EventID   string          `json:"event_id"`
	TeamID    string          `json:"team_id"`
	Event     json.RawMessage `json:"event"`
}

// dispatchEvents starts the work for one Events API delivery, unless it is a
// retry or duplicate of one already seen, or the bot's own message.
func (a *Adapter) dispatchEvents(payload []byte, retry int) {
	var env eventsEnvelope
	var ev innerEvent
	if err := json.Unmarshal(payload, &env); err != nil || env.Type != "event_callback" {
		return
	}
	if err := json.Unmarshal(env.Event, &ev); err != nil {
		a.log.Warn("slack: event not understood", "event_id", env.EventID)
		return
	}
	now := a.clock.Now()
	if env.EventID != "" && !a.seen.firstTime(env.EventID, now) {
		a.log.Info("slack: duplicate event ignored", "event_id", env.EventID, "retry", retry)
		return
	}
	botUser := a.botUser.Load().(string)
	if ev.BotID != "" || ev.Subtype != "" || ev.User == "" || ev.User == botUser {
		return // bots (ourselves included), edits, joins: nothing to answer
	}
	// The shared event log is asked off the request path, so that Slack's
	// 3-second acknowledgement never waits on the database.
	goWork := func(what string, f func(ctx context.Context)) {
		a.goWork(what, func(ctx context.Context) {
			if a.answeredElsewhere(ctx, env.EventID, now, retry) {
				return
			}
			f(ctx)
		})
	}
	switch {
	case ev.Type == "app_mention":
		goWork("mention", func(ctx context.Context) {
			thread := ev.ThreadTS
			if thread == "" {
				thread = ev.TS
			}
			text := incomingText(ev.Text, botUser)
			if text == "" {
				text = "help"
			}
			rep, r := a.answer(ctx, env.TeamID, ev.User, ev.Channel, text, surfaceMention)
			if rep.Private { // a personal link: not for the channel's eyes
				a.ephemeral(ctx, "", ev.Channel, ev.User, r.reply(rep), fallback(rep))
				return
			}
			a.post(ctx, ev.Channel, thread, r.reply(rep), fallback(rep))
		})
	case ev.Type == "message" && ev.ChannelType == "im":
		goWork("direct message", func(ctx context.Context) {
			text := incomingText(ev.Text, botUser)
			if text == "" {
				return
			}
			rep, r := a.answer(ctx, env.TeamID, ev.User, ev.Channel, text, surfaceDM)
			a.post(ctx, ev.Channel, ev.ThreadTS, r.reply(rep), fallback(rep))
		})
	case ev.Type == "app_home_opened" && ev.Tab == "home":
		goWork("app home", func(ctx context.Context) { a.publishHome(ctx, ev.User) })
	}
}

// post sends messages to a channel (in a thread when thread is set),
// retrying after 429.
func (a *Adapter) post(ctx context.Context, channel, thread string, msgs [][]slackapi.Block, text string) {
	for _, blocks := range msgs {
		opts := []slackapi.MsgOption{slackapi.MsgOptionText(text, false), slackapi.MsgOptionBlocks(blocks...)}
		if thread != "" {
			opts = append(opts, slackapi.MsgOptionTS(thread))
		}
		err := a.retry(ctx, "chat.postMessage", func() error {
			_, _, err := a.api.PostMessageContext(ctx, channel, opts...)
			return err
		})
		if err != nil {
			a.log.Error("slack: post answer", "channel", channel, "err", err)
			return
		}
	}
}

// ephemeral shows messages to user only: through response_url when Slack
// gave one (it works in any conversation), else chat.postEphemeral.
func (a *Adapter) ephemeral(ctx context.Context, responseURL, channel, user string, msgs [][]slackapi.Block, text string) {
	const responseURLUses = 5 // Slack allows five responses per response_url
	for i, blocks := range msgs {
		opts := []slackapi.MsgOption{slackapi.MsgOptionText(text, false), slackapi.MsgOptionBlocks(blocks...)}
		var err error
		if responseURL != "" && i < responseURLUses && a.trustedResponseURL(responseURL) {
			opts = append(opts, slackapi.MsgOptionResponseURL(responseURL, slackapi.ResponseTypeEphemeral))
			err = a.retry(ctx, "response_url", func() error {
				_, _, _, err := a.api.SendMessageContext(ctx, "", opts...)
				return err
			})
		} else {
			err = a.retry(ctx, "chat.postEphemeral", func() error {
				_, err := a.api.PostEphemeralContext(ctx, channel, user, opts...)
				return err
			})
		}
		if err != nil {
			a.log.Error("slack: post ephemeral answer", "channel", channel, "user", user, "err", err)
			return
		}
	}
}
