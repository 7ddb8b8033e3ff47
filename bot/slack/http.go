package slack

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/prometheus/client_golang/prometheus/promhttp"
	slackapi "github.com/slack-go/slack"
)

// Handler serves GET /healthz, GET /metrics and, with a signing secret,
// Slack's POST /slack/events, /slack/commands and /slack/interactivity.
func (a *Adapter) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", a.serveHealth)
	mux.Handle("GET /metrics", promhttp.HandlerFor(a.metrics.registry, promhttp.HandlerOpts{}))
	if a.secret != nil {
		mux.Handle("POST /slack/events", a.signed(a.serveEvents))
		mux.Handle("POST /slack/commands", a.signed(func(w http.ResponseWriter, _ *http.Request, body []byte) {
			a.serveCommand(w, body)
		}))
		mux.Handle("POST /slack/interactivity", a.signed(a.serveInteractivity))
	}
	if a.extra != nil {
		mux.Handle("/", a.extra)
	}
	return mux
}

// signed reads a request's body (bounded) and passes it on only when its
// signature holds and has not been seen before; otherwise the answer is 401
// (503 when the replay log cannot be asked) and nothing else happens. The
// reason is logged and counted but never sent back.
func (a *Adapter) signed(next func(http.ResponseWriter, *http.Request, []byte)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, a.maxBody))
		if err != nil {
			if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
				a.metrics.rejected.WithLabelValues("too_large").Inc()
				http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
				return
			}
			if errors.Is(err, os.ErrDeadlineExceeded) {
				// The server's read timeout cut off a body sent too slowly.
				a.metrics.rejected.WithLabelValues("slow_body").Inc()
				a.log.Warn("slack: request body too slow, connection closed", "path", r.URL.Path, "remote", r.RemoteAddr)
				http.Error(w, "request timeout", http.StatusRequestTimeout)
				return
			}
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		if err := verifyRequest(a.secret, r.Header, body, a.clock.Now()); err != nil {
			reason := map[error]string{errUnsigned: "unsigned", errStale: "stale", errBadTimestamp: "stale"}[err]
			if reason == "" {
				reason = "forged"
			}
			a.metrics.rejected.WithLabelValues(reason).Inc()
			a.log.Warn("slack: request refused", "path", r.URL.Path, "reason", reason, "remote", r.RemoteAddr)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		switch err := a.firstUse(r.Context(), r.Header, a.clock.Now()); {
		case errors.Is(err, errReplayed):
			a.metrics.rejected.WithLabelValues("replayed").Inc()
			a.log.Warn("slack: request refused", "path", r.URL.Path, "reason", "replayed", "remote", r.RemoteAddr)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		case err != nil:
			a.metrics.rejected.WithLabelValues("replay_unchecked").Inc()
			http.Error(w, "try again later", http.StatusServiceUnavailable)
			return
		}
		next(w, r, body)
	})
}

// serveEvents answers url_verification and acknowledges events at once; the
// answers to them are posted later.
func (a *Adapter) serveEvents(w http.ResponseWriter, r *http.Request, body []byte) {
	var env eventsEnvelope
	if err := json.Unmarshal(body, &env); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if env.Type == "url_verification" {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = io.WriteString(w, env.Challenge)
		return
	}
	retry, _ := strconv.Atoi(r.Header.Get("X-Slack-Retry-Num"))
	w.WriteHeader(http.StatusOK)
	a.dispatchEvents(body, retry)
}

// serveInteractivity acknowledges a button press at once and works on it after.
func (a *Adapter) serveInteractivity(w http.ResponseWriter, _ *http.Request, body []byte) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	var cb slackapi.InteractionCallback
	if err := json.Unmarshal([]byte(form.Get("payload")), &cb); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusOK)
	a.dispatchInteraction(cb)
}

// trustedResponseURL reports whether u is somewhere the adapter may post an
// answer: Slack's own hooks over HTTPS, or the configured API stand-in. A
// response_url comes inside a request, so this keeps a crafted one from
// turning the bot into a proxy to other hosts.
func (a *Adapter) trustedResponseURL(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	host := p.Hostname()
	if p.Scheme == "https" && (host == "slack.com" || strings.HasSuffix(host, ".slack.com")) {
		return true
	}
	return a.apiHost != "" && p.Host == a.apiHost
}

func hostOf(u string) (string, bool) {
	if u == "" {
		return "", false
	}
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return "", false
	}
	return p.Host, true
}
