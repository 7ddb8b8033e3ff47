// Package i18n holds every sentence dutybot writes, in go-i18n message files
// embedded in the binary (zh-CN, the default, and en). Each part of the bot
// keeps its own files under locales/ (active.*.toml for the engine,
// reminders.*.toml, slack.*.toml, …); New loads them all into one Bundle.
package i18n

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Default is the language used when none is asked for or the asked one is unknown.
const Default = "zh-CN"

//go:embed locales/*.toml
var locales embed.FS

// Bundle is the set of messages of every language, loaded once.
type Bundle struct {
	b   *goi18n.Bundle
	ids map[string]map[string]bool // language → message IDs it defines

	mu      sync.Mutex
	missing map[string]bool // "lang/id" looked up but not defined
}

// New loads every embedded locales/*.toml file.
func New() (*Bundle, error) {
	return load(locales, "locales")
}

// load reads every *.toml file under dir of fsys; tests pass their own files.
func load(fsys fs.FS, dir string) (*Bundle, error) {
	b := goi18n.NewBundle(language.Make(Default))
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	files, err := fs.Glob(fsys, path.Join(dir, "*.toml"))
	if err != nil {
		return nil, fmt.Errorf("list message files: %w", err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no message files under %s", dir)
	}
	out := &Bundle{b: b, ids: map[string]map[string]bool{}, missing: map[string]bool{}}
	for _, f := range files {
		mf, err := b.LoadMessageFileFS(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("load message file %s: %w", f, err)
		}
		lang := langOf(mf.Tag.String())
		if out.ids[lang] == nil {
			out.ids[lang] = map[string]bool{}
		}
		for _, m := range mf.Messages {
			out.ids[lang][m.ID] = true
		}
	}
	return out, nil
}

// Languages returns the languages that have messages, sorted.
func (b *Bundle) Languages() []string {
	out := make([]string, 0, len(b.ids))
	for l := range b.ids {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Has reports whether lang (as For maps it) defines message id.
func (b *Bundle) Has(lang, id string) bool { return b.ids[langOf(lang)][id] }

// IDs returns the message IDs lang defines, sorted.
func (b *Bundle) IDs(lang string) []string {
	var out []string
	for id := range b.ids[langOf(lang)] {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// Missing returns the "lang/id" pairs that were asked for and not defined
// since the bundle was loaded, so tests can prove every sentence exists.
func (b *Bundle) Missing() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]string, 0, len(b.missing))
	for k := range b.missing {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (b *Bundle) noteMissing(lang, id string) {
	b.mu.Lock()
	b.missing[lang+"/"+id] = true
	b.mu.Unlock()
}

// For returns the localizer of lang. Any English tag (en, en-US, en_GB) maps to
// en; every other tag, and "", maps to zh-CN, the language of the notices.
func (b *Bundle) For(lang string) *Localizer {
	l := langOf(lang)
	return &Localizer{bundle: b, lang: l, loc: goi18n.NewLocalizer(b.b, l, Default)}
}

// langOf maps a language tag to one of the bundle's languages.
func langOf(tag string) string {
	t := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"))
	if t == "en" || strings.HasPrefix(t, "en-") {
		return "en"
	}
	return Default
}

// Localizer writes the messages of one language.
type Localizer struct {
	bundle *Bundle
	lang   string
	loc    *goi18n.Localizer
}

// Lang returns the localizer's language (zh-CN or en).
func (l *Localizer) Lang() string { return l.lang }

// T returns message id filled with data. A missing message is recorded (see
// Bundle.Missing) and its id returned, so a gap shows instead of crashing a chat.
func (l *Localizer) T(id string, data map[string]any) string {
	return l.localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: data})
}

// N is T for a message with plural forms chosen by count; data may be nil,
// and gets Count set to count.
func (l *Localizer) N(id string, count int, data map[string]any) string {
	d := make(map[string]any, len(data)+1)
	for k, v := range data {
		d[k] = v
	}
	d["Count"] = count
	return l.localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: d, PluralCount: count})
}

func (l *Localizer) localize(cfg *goi18n.LocalizeConfig) string {
	if !l.bundle.ids[l.lang][cfg.MessageID] {
		l.bundle.noteMissing(l.lang, cfg.MessageID)
	}
	s, err := l.loc.Localize(cfg)
	if err != nil && s == "" {
		return cfg.MessageID
	}
	return s
}
