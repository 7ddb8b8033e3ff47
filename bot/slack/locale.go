package slack

import (
	"context"
	"strings"
	"sync"
	"time"

	"dutybot/i18n"
)

// The two languages dutybot answers in.
const (
	langZH = "zh-CN"
	langEN = "en"
)

// Translator gives the adapter's own sentences (button labels, refusals,
// App Home headings) in a language. bot/i18n's bundle is one:
//
//	slack.TranslatorFunc(func(lang, id string, data map[string]any) string {
//		return bundle.For(lang).T(id, data)
//	})
type Translator interface {
	T(lang, id string, data map[string]any) string
}

// TranslatorFunc adapts a function to Translator.
type TranslatorFunc func(lang, id string, data map[string]any) string

// T calls f.
func (f TranslatorFunc) T(lang, id string, data map[string]any) string { return f(lang, id, data) }

// bundleTranslator serves sentences from dutybot's message bundle, with one
// localizer per language made up front (making one per sentence costs more
// than the whole layout of an answer).
func bundleTranslator(b *i18n.Bundle) Translator {
	zh, en := b.For(langZH), b.For(langEN)
	return TranslatorFunc(func(lang, id string, data map[string]any) string {
		if lang == langEN {
			return en.T(id, data)
		}
		return zh.T(id, data)
	})
}

// langOf maps a Slack locale (zh-CN, zh-TW, en-US, en-GB, ja-JP…) to one of
// the languages dutybot has messages in; anything else gets def.
func langOf(locale, def string) string {
	l := strings.ToLower(locale)
	switch {
	case strings.HasPrefix(l, "zh"):
		return langZH
	case strings.HasPrefix(l, "en"):
		return langEN
	}
	return def
}

// localeCache remembers each user's language for a while: users.info is a
// Web API call (rate limited, ~100 ms) that every answer would otherwise pay.
type localeCache struct {
	mu      sync.Mutex
	ttl     time.Duration
	max     int
	entries map[string]localeEntry
}

type localeEntry struct {
	lang string
	at   time.Time
}

func newLocaleCache(max int, ttl time.Duration) *localeCache {
	return &localeCache{ttl: ttl, max: max, entries: map[string]localeEntry{}}
}

func (c *localeCache) get(user string, now time.Time) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[user]
	if !ok || now.Sub(e.at) >= c.ttl {
		return "", false
	}
	return e.lang, true
}

func (c *localeCache) put(user, lang string, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= c.max {
		// Dropping everything is crude but bounded, and a workspace's
		// active users fit many times over before it happens.
		clear(c.entries)
	}
	c.entries[user] = localeEntry{lang: lang, at: now}
}

// lang returns the language to answer user in, from the cache or users.info.
// A failed lookup answers in the default language and is not cached, so the
// next message tries again.
func (a *Adapter) lang(ctx context.Context, user string) string {
	now := a.clock.Now()
	if l, ok := a.locales.get(user, now); ok {
		return l
	}
	u, err := a.api.GetUserInfoContext(ctx, user)
	if err != nil {
		a.log.Warn("slack: look up user locale", "user", user, "err", err)
		return a.defaultLang
	}
	l := langOf(u.Locale, a.defaultLang)
	a.locales.put(user, l, now)
	return l
}
