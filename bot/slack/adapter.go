// Package slack carries dutybot's conversation to and from Slack: slash
// commands, mentions, direct messages, App Home and reminder buttons, over
// Socket Mode or signed HTTP requests. It holds no business logic: every
// question and command goes to the engine as plain text, and the engine's
// reply is laid out as Block Kit.
package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/prometheus/client_golang/prometheus"
	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"dutybot/bot"
	"dutybot/i18n"
)

// Engine is the conversation engine the adapter carries messages to
// (dutybot/bot's engine implements it).
type Engine interface {
	// Handle answers one message: a question or a command, admin checks included.
	Handle(ctx context.Context, m bot.Message) bot.Reply
	// Home returns what user's App Home shows, in lang, as of now.
	Home(ctx context.Context, user, lang string, now time.Time) (bot.Home, error)
}

// webAPI is the part of slack-go's Web API client the adapter uses; tests
// substitute a fake or point the real client at a stand-in server.
type webAPI interface {
	AuthTestContext(ctx context.Context) (*slackapi.AuthTestResponse, error)
	GetUserInfoContext(ctx context.Context, user string, options ...slackapi.GetUserInfoOption) (*slackapi.User, error)
	PostMessageContext(ctx context.Context, channel string, options ...slackapi.MsgOption) (string, string, error)
	PostEphemeralContext(ctx context.Context, channel, user string, options ...slackapi.MsgOption) (string, error)
	UpdateMessageContext(ctx context.Context, channel, ts string, options ...slackapi.MsgOption) (string, string, string, error)
	PublishViewContext(ctx context.Context, req slackapi.PublishViewContextRequest) (*slackapi.ViewResponse, error)
	// OpenViewContext opens a modal (the reason of a rejection).
	OpenViewContext(ctx context.Context, triggerID string, view slackapi.ModalViewRequest) (*slackapi.ViewResponse, error)
	// UploadFileContext shares a file (the ledger) by files upload v2:
	// files.getUploadURLExternal, the upload, files.completeUploadExternal.
	UploadFileContext(ctx context.Context, params slackapi.UploadFileParameters) (*slackapi.FileSummary, error)
	// SendMessageContext posts to a response_url (with MsgOptionResponseURL).
	SendMessageContext(ctx context.Context, channel string, options ...slackapi.MsgOption) (string, string, string, error)
}

var _ webAPI = (*slackapi.Client)(nil)

// Config is what the adapter needs from the environment (docs/cli.md §5).
type Config struct {
	// BotToken is SLACK_BOT_TOKEN (xoxb-…); required.
	BotToken string
	// AppToken is SLACK_APP_TOKEN (xapp-…); when set the bot connects by Socket Mode.
	AppToken string
	// SigningSecret is SLACK_SIGNING_SECRET; when set the Slack HTTP endpoints are served.
	SigningSecret string
	// APIURL is SLACK_API_URL, an override of the Web API base URL ("" for Slack's).
	APIURL string
	// HTTPAddr is where /healthz, /metrics and the Slack endpoints listen; default ":8080".
	HTTPAddr string
	// Logger receives structured logs; default slog.Default().
	Logger *slog.Logger
	// Clock is the adapter's only source of time; default the real clock.
	Clock clockwork.Clock
}

// ConfigFromEnv reads the Slack part of docs/cli.md §5 through getenv
// (os.Getenv in main, a map in tests).
func ConfigFromEnv(getenv func(string) string) Config {
	return Config{
		BotToken:      getenv("SLACK_BOT_TOKEN"),
		AppToken:      getenv("SLACK_APP_TOKEN"),
		SigningSecret: getenv("SLACK_SIGNING_SECRET"),
		APIURL:        getenv("SLACK_API_URL"),
		HTTPAddr:      getenv("DUTYBOT_HTTP_ADDR"),
	}
}

// LogValue keeps tokens and the signing secret out of logs when a Config is logged.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.Bool("bot_token", c.BotToken != ""),
		slog.Bool("app_token", c.AppToken != ""),
		slog.Bool("signing_secret", c.SigningSecret != ""),
		slog.String("api_url", c.APIURL),
		slog.String("http_addr", c.HTTPAddr),
	)
}

// String keeps tokens and the signing secret out of any %v of a Config.
func (c Config) String() string { return c.LogValue().String() }

// GoString keeps them out of %#v too.
func (c Config) GoString() string { return c.String() }

// Adapter connects the engine to one Slack workspace.
type Adapter struct {
	extra   http.Handler // WithHandler: what the adapter's own endpoints do not take
	engine  Engine
	api     webAPI
	socket  *socketmode.Client // nil without an app token
	secret  []byte             // nil without a signing secret
	apiHost string             // host of APIURL, also trusted for response_url
	log     *slog.Logger
	clock   clockwork.Clock
	tr      Translator
	metrics *meters

	httpAddr        string
	listener        net.Listener
	defaultLang     string
	inlineBudget    time.Duration
	pingInterval    time.Duration
	shutdownTimeout time.Duration
	workTimeout     time.Duration
	maxRetries      int
	maxBody         int64
	timeouts        HTTPTimeouts

	seen   *seenSet
	events EventLog // nil: duplicates are recognised by this process only
	// signatures of accepted requests, remembered for their window
	signatures *seenSet
	replays    ReplayLog   // nil: replays are recognised by this process only
	writes     *writeCheck // nil: readiness does not depend on the database
	locales    *localeCache

	botUser   atomic.Value // string: the bot's user ID, from auth.test
	authed    atomic.Bool
	connected atomic.Bool
	work      sync.WaitGroup  // answers still being worked on or delivered
	runDone   <-chan struct{} // Run's context's Done, set before Run starts anything
}

// stopping reports whether Run's context has ended.
func (a *Adapter) stopping() bool {
	if a.runDone == nil {
		return false
	}
	select {
	case <-a.runDone:
		return true
	default:
		return false
	}
}

// New returns an Adapter over the real Slack Web API (or cfg.APIURL), with
// Socket Mode when cfg.AppToken is set and the HTTP endpoints when
// cfg.SigningSecret is set; at least one of the two is required.
func New(cfg Config, engine Engine, opts ...Option) (*Adapter, error) {
	api, err := newWebAPI(cfg)
	if err != nil {
		return nil, err
	}
	a, err := newAdapter(cfg, engine, api, opts...)
	if err != nil {
		return nil, err
	}
	if cfg.AppToken != "" {
		a.socket = socketmode.New(api,
			socketmode.OptionPingInterval(a.pingInterval),
			// Debug output goes through a filter that keeps only the
			// reconnection lines (why Slack dropped us), never payloads.
			socketmode.OptionDebug(true),
			socketmode.OptionLog(reconnectLog{log: a.log, stopping: a.stopping}),
		)
	}
	return a, nil
}

// NewSender returns an Adapter that only posts reminders (Send) through the
// real Slack Web API: `dutybot remind send` needs no connection to receive
// messages, so it needs only the bot token. Run is not available on it.
func NewSender(cfg Config, opts ...Option) (*Adapter, error) {
	api, err := newWebAPI(cfg)
	if err != nil {
		return nil, err
	}
	return build(cfg, nil, api, opts...)
}

// newWebAPI returns slack-go's client for cfg.
func newWebAPI(cfg Config) (*slackapi.Client, error) {
	if err := checkTokens(cfg); err != nil {
		return nil, err
	}
	apiOpts := []slackapi.Option{
		slackapi.OptionHTTPClient(&http.Client{Timeout: 30 * time.Second}),
		slackapi.OptionAppLevelToken(cfg.AppToken),
	}
	if cfg.APIURL != "" {
		if !strings.HasSuffix(cfg.APIURL, "/") {
			cfg.APIURL += "/" // slack-go appends method names directly
		}
		apiOpts = append(apiOpts, slackapi.OptionAPIURL(cfg.APIURL))
	}
	return slackapi.New(cfg.BotToken, apiOpts...), nil
}

// newAdapter builds an Adapter over any webAPI; New and tests call it.
func newAdapter(cfg Config, engine Engine, api webAPI, opts ...Option) (*Adapter, error) {
	if engine == nil {
		return nil, errors.New("slack: engine is nil")
	}
	if cfg.AppToken == "" && cfg.SigningSecret == "" {
		return nil, errors.New("slack: set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)")
	}
	return build(cfg, engine, api, opts...)
}

// build assembles an Adapter; engine may be nil for a send-only Adapter.
func build(cfg Config, engine Engine, api webAPI, opts ...Option) (*Adapter, error) {
	a := &Adapter{
		engine:          engine,
		api:             api,
		log:             cfg.Logger,
		clock:           cfg.Clock,
		httpAddr:        cfg.HTTPAddr,
		defaultLang:     langZH,
		inlineBudget:    2 * time.Second,
		pingInterval:    30 * time.Second,
		shutdownTimeout: 25 * time.Second,
		workTimeout:     time.Minute,
		maxRetries:      3,
		maxBody:         1 << 20,
		timeouts:        DefaultHTTPTimeouts,
		seen:            newSeenSet(10000, eventTTL),
		signatures:      newSeenSet(replayMemory, 2*maxSkew+replayMargin),
		locales:         newLocaleCache(10000, 6*time.Hour),
	}
	if cfg.SigningSecret != "" {
		a.secret = []byte(cfg.SigningSecret)
	}
	if a.log == nil {
		a.log = slog.Default()
	}
	if a.clock == nil {
		a.clock = clockwork.NewRealClock()
	}
	if a.httpAddr == "" {
		a.httpAddr = ":8080"
	}
	if h, ok := hostOf(cfg.APIURL); ok {
		a.apiHost = h
	}
	a.botUser.Store("")
	for _, opt := range opts {
		if err := opt(a); err != nil {
			return nil, fmt.Errorf("slack: %w", err)
		}
	}
	if a.timeouts.Write <= a.inlineBudget {
		return nil, fmt.Errorf("slack: %w: write timeout %s must exceed the inline budget %s", ErrInvalidHTTPTimeouts, a.timeouts.Write, a.inlineBudget)
	}
	if a.tr == nil {
		b, err := i18n.New()
		if err != nil {
			return nil, fmt.Errorf("slack: load messages: %w", err)
		}
		a.tr = bundleTranslator(b)
	}
	if a.metrics == nil {
		m, err := newMetrics(prometheus.NewRegistry())
		if err != nil {
			return nil, err
		}
		a.metrics = m
	}
	return a, nil
}

// Registry is where the adapter's metrics live, served at /metrics; the
// reminder scheduler may register its own there.
func (a *Adapter) Registry() *prometheus.Registry { return a.metrics.registry }

// Ready reports whether the bot is connected to Slack: auth.test passed
// and, in Socket Mode, the connection is open. GET /healthz also asks the
// write probe, if any.
func (a *Adapter) Ready() bool {
	return a.authed.Load() && (a.socket == nil || a.connected.Load())
}
