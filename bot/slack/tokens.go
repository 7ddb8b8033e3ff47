package slack

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	slackapi "github.com/slack-go/slack"
)

// Errors that end Run because Slack refused one of the two tokens; the
// message says which token, what Slack answered, and what to do.
var (
	ErrBotTokenRefused = errors.New("Slack refused SLACK_BOT_TOKEN")
	ErrAppTokenRefused = errors.New("Slack refused SLACK_APP_TOKEN")
)

// Where an administrator gets each token, said in every message about it.
const (
	botTokenHelp = "copy the Bot User OAuth Token (xoxb-…) from the app's Install App page, reinstalling the app if it was removed from the workspace"
	appTokenHelp = "generate an app-level token with the connections:write scope (the app's Basic Information → App-Level Tokens) and set SLACK_APP_TOKEN to its xapp-… value"
)

// checkTokens refuses a token put in the wrong variable before anything is
// sent to Slack, naming the variable and never the token itself.
func checkTokens(cfg Config) error {
	switch {
	case cfg.BotToken == "":
		return errors.New("slack: SLACK_BOT_TOKEN is not set: " + botTokenHelp)
	case strings.HasPrefix(cfg.BotToken, "xapp-"):
		return errors.New("slack: SLACK_BOT_TOKEN holds an app-level token (xapp-…); it needs the Bot User OAuth Token (xoxb-…): " + botTokenHelp)
	case cfg.AppToken == "" || strings.HasPrefix(cfg.AppToken, "xapp-"):
		return nil
	case strings.HasPrefix(cfg.AppToken, "xoxb-"):
		return errors.New("slack: SLACK_APP_TOKEN holds a bot token (xoxb-…); Socket Mode needs an app-level token (xapp-…): " + appTokenHelp)
	}
	return errors.New("slack: SLACK_APP_TOKEN is not an app-level token (xapp-…): " + appTokenHelp)
}

// refusedCode returns Slack's error code when err says that a token itself
// is not accepted (wrong, revoked, of a deactivated account), as opposed to
// a network failure or a missing scope.
func refusedCode(err error) (string, bool) {
	if se, ok := errors.AsType[slackapi.SlackErrorResponse](err); ok {
		switch se.Err {
		case "invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive":
			return se.Err, true
		}
	}
	if ce, ok := errors.AsType[slackapi.StatusCodeError](err); ok && ce.Code == http.StatusNotFound {
		return "404", true // what slack-go treats as a bad app token
	}
	return "", false
}

// botTokenError explains a failed auth.test.
func botTokenError(err error) error {
	if code, ok := refusedCode(err); ok {
		return fmt.Errorf("slack: %w (auth.test: %s): %s", ErrBotTokenRefused, code, botTokenHelp)
	}
	return fmt.Errorf("slack: auth.test: %w", err)
}

// appTokenError explains why Socket Mode gave up for good.
func appTokenError(err error) error {
	if code, ok := refusedCode(err); ok {
		return fmt.Errorf("slack: %w (apps.connections.open: %s): %s", ErrAppTokenRefused, code, appTokenHelp)
	}
	return fmt.Errorf("slack: socket mode: %w", err)
}

// missingScope reports whether err is Slack saying that the app token lacks
// a scope (it keeps retrying: the HTTP side and reminders go on meanwhile).
func missingScope(err error) bool {
	se, ok := errors.AsType[slackapi.SlackErrorResponse](err)
	return ok && se.Err == "missing_scope"
}

// neededScope is the scope Slack says is missing, when it says.
func neededScope(err error) string {
	se, _ := errors.AsType[slackapi.SlackErrorResponse](err)
	return se.Needed
}
