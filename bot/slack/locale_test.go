package slack

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	slackapi "github.com/slack-go/slack"
)

// fakeAPI is a webAPI whose users.info answers from a map (or fails), for
// tests of the adapter's own logic without any server.
type fakeAPI struct {
	webAPI // calls not stubbed here panic: the test must not make them

	mu      sync.Mutex
	locales map[string]string
	fail    bool
	lookups int
}

func (f *fakeAPI) GetUserInfoContext(_ context.Context, user string, _ ...slackapi.GetUserInfoOption) (*slackapi.User, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.lookups++
	if f.fail {
		return nil, errors.New("users.info: internal_error")
	}
	return &slackapi.User{ID: user, Locale: f.locales[user]}, nil
}

func TestAdapter_lang(t *testing.T) {
	api := &fakeAPI{locales: map[string]string{"U1": "en-US", "U2": "zh-CN", "U3": "ko-KR"}}
	clock := clockwork.NewFakeClockAt(testNow)
	a, err := newAdapter(Config{AppToken: testAppToken, Clock: clock, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, newFakeEngine(), api, WithDefaultLang(langZH))
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	for _, tt := range []struct{ user, want string }{{"U1", langEN}, {"U2", langZH}, {"U3", langZH}, {"U1", langEN}} {
		if got := a.lang(ctx, tt.user); got != tt.want {
			t.Errorf("lang(%s) = %s, want %s", tt.user, got, tt.want)
		}
	}
	if api.lookups != 3 {
		t.Fatalf("%d users.info calls for 3 users, want the cache to answer the 4th", api.lookups)
	}
	t.Run("the cache expires", func(t *testing.T) {
		clock.Advance(7 * time.Hour)
		a.lang(ctx, "U1")
		if api.lookups != 4 {
			t.Fatalf("%d lookups: stale locale kept", api.lookups)
		}
	})
	t.Run("a failed lookup answers in the default language and is not cached", func(t *testing.T) {
		api.fail = true
		if got := a.lang(ctx, "U9"); got != langZH {
			t.Fatalf("lang = %s", got)
		}
		api.fail = false
		api.locales["U9"] = "en-AU"
		if got := a.lang(ctx, "U9"); got != langEN {
			t.Fatalf("lang after recovery = %s, want en", got)
		}
	})
}
