package main

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"dutybot/bot"
	"dutybot/dashboard"
	"dutybot/dashboard/token"
	"dutybot/store"
)

// minSecret is the shortest $DUTYBOT_SECRET accepted: the dashboard's key
// is derived from it, and a short secret is guessed.
const minSecret = 16

// dashboardKey returns the dashboard's signing key (docs/cli.md §10): derived
// from $DUTYBOT_SECRET when it is set, so that every replica given the same
// secret signs alike; otherwise made once at random and kept in the database.
func (m *Main) dashboardKey(ctx context.Context, db *store.DB) ([]byte, error) {
	if s := m.Getenv("DUTYBOT_SECRET"); s != "" {
		if len(s) < minSecret {
			return nil, usagef("DUTYBOT_SECRET is %d characters; at least %d", len(s), minSecret)
		}
		mac := hmac.New(sha256.New, []byte(s))
		mac.Write([]byte("dutybot dashboard key"))
		return mac.Sum(nil), nil
	}
	return db.DashboardKey(ctx, func() ([]byte, error) {
		k := make([]byte, 32)
		_, err := rand.Read(k)
		return k, err
	})
}

// publicURL is the dashboard's address in the links: $DUTYBOT_PUBLIC_URL,
// else this machine's HTTP address (fine on the machine itself).
func (m *Main) publicURL() string {
	if u := strings.TrimRight(m.Getenv("DUTYBOT_PUBLIC_URL"), "/"); u != "" {
		return u
	}
	host, port, err := net.SplitHostPort(m.httpAddrOrDefault())
	if err != nil {
		return "http://localhost:8080"
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// dashboardOption gives the engine its dashboard links; the key is read
// when the first link is asked for, so a chat that never asks writes none.
func (m *Main) dashboardOption(ctx context.Context, db *store.DB) bot.Option {
	return bot.WithDashboard(token.Linker{Base: m.publicURL(), Key: func() ([]byte, error) {
		return m.dashboardKey(context.WithoutCancel(ctx), db)
	}})
}

// newDashboard builds the web dashboard of serve; now is its clock (fixed
// by serve --now).
func (m *Main) newDashboard(ctx context.Context, db *store.DB, now func() time.Time) (*dashboard.Server, error) {
	key, err := m.dashboardKey(ctx, db)
	if err != nil {
		return nil, err
	}
	signer, err := token.NewSigner(key)
	if err != nil {
		return nil, err
	}
	b, err := m.bundle()
	if err != nil {
		return nil, err
	}
	policy, err := m.policy()
	if err != nil {
		return nil, err
	}
	d, err := dashboard.New(db, signer, dashboard.WithBundle(b), dashboard.WithClock(now),
		dashboard.WithLocation(shanghai()), dashboard.WithWorkdays(policy.Calendar()), dashboard.WithLogger(m.Logger),
		dashboard.WithSecureCookies(strings.HasPrefix(m.publicURL(), "https://")))
	if err != nil {
		return nil, fmt.Errorf("start dashboard: %w", err)
	}
	return d, nil
}

// dashboardHandler is serve's dashboard. A database that cannot store the
// dashboard's key (read-only, full) does not stop serve, which goes on
// answering chat and /healthz says what is wrong; the dashboard's pages
// then answer 503 until a restart finds the key. A bad $DUTYBOT_SECRET does
// stop it: that is a mistake in the configuration.
func (m *Main) dashboardHandler(ctx context.Context, db *store.DB, now func() time.Time) (http.Handler, error) {
	d, err := m.newDashboard(ctx, db, now)
	var ue usageError
	switch {
	case err == nil:
		return d.Handler(), nil
	case errors.As(err, &ue):
		return nil, err
	}
	m.Logger.Error("the dashboard is off: its signing key could not be read or stored (set DUTYBOT_SECRET, or make the database writable and restart)", "err", err)
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "dashboard unavailable: its signing key could not be read or stored", http.StatusServiceUnavailable)
	}), nil
}

var _ dashboard.Store = (*store.DB)(nil)
