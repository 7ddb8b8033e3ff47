package slack

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// runSocket holds the Socket Mode connection until ctx ends. slack-go reopens
// it by itself when Slack asks (disconnect, refresh_requested) or when Slack's
// pings stop; this loop logs that, acknowledges every envelope at once, and
// hands the work to the background.
func (a *Adapter) runSocket(ctx context.Context, errc chan<- error, done chan<- struct{}) {
	defer close(done)
	runErr := make(chan error, 1)
	go func() { runErr <- a.socket.RunContext(ctx) }()
	for {
		select {
		case err := <-runErr:
			a.connected.Store(false)
			if err != nil && !errors.Is(err, context.Canceled) && ctx.Err() == nil {
				errc <- appTokenError(err)
			}
			return
		case evt := <-a.socket.Events:
			a.socketEvent(ctx, evt)
		}
	}
}

func (a *Adapter) socketEvent(ctx context.Context, evt socketmode.Event) {
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		if c, ok := evt.Data.(*slackapi.ConnectingEvent); ok && c.ConnectionCount > 0 {
			a.log.Info("slack: socket mode reconnecting", "connection", c.ConnectionCount, "attempt", c.Attempt)
		} else {
			a.log.Info("slack: socket mode connecting")
		}
		a.connected.Store(false)
	case socketmode.EventTypeConnected:
		a.connected.Store(true)
		a.log.Info("slack: socket mode connected")
	case socketmode.EventTypeConnectionError:
		c, ok := evt.Data.(*slackapi.ConnectionErrorEvent)
		switch {
		case !ok || ctx.Err() != nil:
			// Shutting down: the attempt failed because we are stopping.
		case missingScope(c.ErrorObj):
			a.log.Warn("slack: Slack refused SLACK_APP_TOKEN (apps.connections.open: missing_scope), retrying: "+appTokenHelp+", then restart dutybot",
				"needed", neededScope(c.ErrorObj), "retry_in", c.Backoff)
		default:
			a.log.Warn("slack: socket mode connection failed", "err", c.ErrorObj, "retry_in", c.Backoff)
		}
	case socketmode.EventTypeInvalidAuth:
		// Run returns the error that says which token and what to do.
	case socketmode.EventTypeIncomingError, socketmode.EventTypeErrorWriteFailed:
		if ctx.Err() == nil { // at a stop, closing the connection is the point
			a.log.Warn("slack: socket mode i/o error", "type", evt.Type)
		}
	case socketmode.EventTypeErrorBadMessage:
		// An envelope slack-go cannot parse (e.g. an event type it does not
		// know) must still be acknowledged, or Slack retries it for nothing.
		if bad, ok := evt.Data.(*socketmode.ErrorBadMessage); ok {
			var env struct {
				EnvelopeID string `json:"envelope_id"`
			}
			if json.Unmarshal(bad.Message, &env) == nil && env.EnvelopeID != "" {
				a.ack(ctx, env.EnvelopeID)
			}
			a.log.Warn("slack: socket mode message not understood", "err", bad.Cause)
		}
	case socketmode.EventTypeEventsAPI:
		a.ack(ctx, evt.Request.EnvelopeID)
		a.dispatchEvents(evt.Request.Payload, evt.Request.RetryAttempt)
	case socketmode.EventTypeSlashCommand:
		a.ack(ctx, evt.Request.EnvelopeID)
		if cmd, ok := evt.Data.(slackapi.SlashCommand); ok {
			a.goWork("slash command", func(ctx context.Context) {
				a.deliverSlash(ctx, cmd, a.slashAnswer(ctx, cmd))
			})
		}
	case socketmode.EventTypeInteractive:
		a.ack(ctx, evt.Request.EnvelopeID)
		if cb, ok := evt.Data.(slackapi.InteractionCallback); ok {
			a.dispatchInteraction(cb)
		}
	}
}

func (a *Adapter) ack(ctx context.Context, envelopeID string) {
	if err := a.socket.AckCtx(ctx, envelopeID, nil); err != nil {
		a.log.Warn("slack: socket mode ack", "envelope", envelopeID, "err", err)
	}
}

// reconnectLog receives slack-go's socket mode debug output and passes on
// only the lines that say why the connection is being reopened; the rest
// (payloads with users' messages) is dropped, and so is everything once
// the adapter is stopping: a clean stop closes the connection on purpose.
type reconnectLog struct {
	log      *slog.Logger
	stopping func() bool
}

// Output implements socketmode's logger.
func (l reconnectLog) Output(_ int, s string) error {
	if l.stopping() {
		return nil
	}
	s = strings.TrimSpace(s)
	switch {
	case strings.HasPrefix(s, "Received WebSocket message: ") && strings.Contains(s, "disconnect"):
		var req socketmode.Request
		if json.Unmarshal([]byte(strings.TrimPrefix(s, "Received WebSocket message: ")), &req) == nil &&
			req.Type == socketmode.RequestTypeDisconnect {
			l.log.Info("slack: socket mode disconnect requested by Slack", "reason", req.Reason)
		}
	case strings.HasPrefix(s, "Reconnecting due to "):
		l.log.Info("slack: socket mode connection closed", "reason", strings.TrimPrefix(s, "Reconnecting due to "))
	}
	// "reconnection N failed" and "Failed to connect" are not passed on:
	// the connection error events say the same once (with what to do about
	// a token), and Run returns the error that ends the connection for good.
	return nil
}
