package slack

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	slackapi "github.com/slack-go/slack"

	"dutybot/bot"
	"dutybot/i18n"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// testRenderer renders with the real embedded messages and fails the test
// if any sentence the adapter asked for is missing from them.
func testRenderer(t *testing.T, lang string) renderer {
	t.Helper()
	b, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, m := range b.Missing() {
			if strings.Contains(m, "/slack_") {
				t.Errorf("message %s is not in bot/i18n/locales/slack.*.toml", m)
			}
		}
	})
	return renderer{lang: lang, tr: bundleTranslator(b)}
}

// golden compares v, as indented JSON, with testdata/name.
func golden(t *testing.T, name string, v any) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // keep > and & readable in the golden files
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if strings.TrimSpace(string(got)) != strings.TrimSpace(string(want)) {
		t.Errorf("%s differs from the golden file:\n%s", name, got)
	}
}

// checkLimits fails when a message breaks one of Slack's Block Kit limits.
func checkLimits(t *testing.T, blocks []slackapi.Block, maxN int) {
	t.Helper()
	if len(blocks) > maxN {
		t.Errorf("%d blocks in one message, limit %d", len(blocks), maxN)
	}
	for i, b := range blocks {
		s, ok := b.(*slackapi.SectionBlock)
		if !ok {
			continue
		}
		if s.Text != nil && utf8.RuneCountInString(s.Text.Text) > maxText {
			t.Errorf("block %d: text of %d characters, limit %d", i, utf8.RuneCountInString(s.Text.Text), maxText)
		}
		if len(s.Fields) > 10 {
			t.Errorf("block %d: %d fields, limit 10", i, len(s.Fields))
		}
		for _, f := range s.Fields {
			if utf8.RuneCountInString(f.Text) > maxField {
				t.Errorf("block %d: field of %d characters, limit %d", i, utf8.RuneCountInString(f.Text), maxField)
			}
		}
	}
}

func TestSplitText(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		limit int
		want  []string
	}{
		{"fits", "第7项任务", 10, []string{"第7项任务"}},
		{"escaped", "a<b>&c", 20, []string{"a&lt;b&gt;&amp;c"}},
		{"cut at a line break", "第一行\n第二行很长很长", 8, []string{"第一行", "第二行很长很长"}},
		{"cut mid-line when no break", "一二三四五六七", 3, []string{"一二三", "四五六", "七"}},
		{"never inside an entity", "ab&&", 7, []string{"ab&amp;", "&amp;"}},
		{"an entity that does not fit moves on", "ab&&", 6, []string{"ab", "&amp;", "&amp;"}},
		{"empty", "", 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitText(tt.in, tt.limit)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("splitText(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
			}
		})
	}
}

func FuzzSplitText(f *testing.F) {
	f.Add("第7项：<!channel> & <@U1>\n第二行", 7)
	f.Add("&&&&&&", 5)
	f.Fuzz(func(t *testing.T, s string, limit int) {
		if limit < 5 || limit > 5000 || !utf8.ValidString(s) {
			return
		}
		for _, p := range splitText(s, limit) {
			if n := utf8.RuneCountInString(p); n > limit {
				t.Fatalf("piece of %d characters, limit %d", n, limit)
			}
			if strings.ContainsAny(p, "<>") || strings.Count(p, "&") != strings.Count(p, "&amp;")+strings.Count(p, "&lt;")+strings.Count(p, "&gt;") {
				t.Fatalf("piece %q is not fully escaped", p)
			}
		}
	})
}

func TestClip(t *testing.T) {
	if got := clip("<<<<", 10); got != "&lt;&lt;…" {
		t.Fatalf("clip = %q", got)
	}
	if got := clip("短", 10); got != "短" {
		t.Fatalf("clip = %q", got)
	}
}

func TestRenderer_Reply(t *testing.T) {
	task := bot.Reply{Headline: "第6项任务由法制支队牵头。", Text: "第6项任务由法制支队牵头。…", Tasks: []int{6},
		Items: []bot.Item{testItem(6)}, Kind: "who"}
	t.Run("zh-CN golden", func(t *testing.T) {
		golden(t, "reply_task6.zh-CN.json", testRenderer(t, langZH).reply(task))
	})
	t.Run("en golden", func(t *testing.T) {
		golden(t, "reply_task6.en.json", testRenderer(t, langEN).reply(task))
	})
	t.Run("text only", func(t *testing.T) {
		msgs := testRenderer(t, langZH).reply(bot.Reply{Text: "可以这样问：\n第7项任务是什么？", Kind: "help"})
		if len(msgs) != 1 || len(msgs[0]) != 1 {
			t.Fatalf("got %d messages, want 1 of 1 block", len(msgs))
		}
	})
	t.Run("a long list is split within the limits", func(t *testing.T) {
		rep := newFakeEngine().Handle(t.Context(), bot.Message{Text: "many"})
		msgs := testRenderer(t, langZH).reply(rep)
		if len(msgs) != 2 {
			t.Fatalf("%d messages, want 2", len(msgs))
		}
		items := 0
		for _, m := range msgs {
			checkLimits(t, m, maxBlocks)
			for _, b := range m {
				if s, ok := b.(*slackapi.SectionBlock); ok && len(s.Fields) == 4 {
					items++
				}
			}
		}
		if items != 60 {
			t.Fatalf("%d tasks shown, want all 60", items)
		}
	})
	t.Run("huge texts are cut to the limits", func(t *testing.T) {
		it := testItem(1)
		it.Quote = strings.Repeat("执法公示&", 2000)
		it.Lead = []string{strings.Repeat("很长的单位名称", 500)}
		rep := bot.Reply{Headline: strings.Repeat("答", 7000), Items: []bot.Item{it}}
		for _, m := range testRenderer(t, langZH).reply(rep) {
			checkLimits(t, m, maxBlocks)
		}
	})
	t.Run("nothing to say still says something", func(t *testing.T) {
		msgs := testRenderer(t, langEN).reply(bot.Reply{})
		if len(msgs) != 1 || len(msgs[0]) != 1 {
			t.Fatalf("got %v", msgs)
		}
	})
}

func TestRenderer_Home(t *testing.T) {
	h, _ := newFakeEngine().Home(t.Context(), "U1", langZH, testNow)
	t.Run("zh-CN golden", func(t *testing.T) {
		golden(t, "home.zh-CN.json", testRenderer(t, langZH).home(h))
	})
	t.Run("no unit yet", func(t *testing.T) {
		blocks := testRenderer(t, langEN).home(bot.Home{User: "U1", Sections: h.Sections})
		b, _ := json.Marshal(blocks)
		if !strings.Contains(string(b), "iam UNIT") {
			t.Fatalf("no hint on setting the unit: %s", b)
		}
	})
	t.Run("many tasks stay within 100 blocks", func(t *testing.T) {
		big := h
		big.Lead, big.Responsible = nil, nil
		for i := 1; i <= 150; i++ {
			big.Lead = append(big.Lead, testItem(i))
			big.Responsible = append(big.Responsible, testItem(i))
		}
		for i := range 80 {
			big.Units = append(big.Units, bot.Progress{Name: strings.Repeat("单位", 10) + itoa(i), Total: 10})
		}
		blocks := testRenderer(t, langZH).home(big)
		checkLimits(t, blocks, maxHomeBlocks)
		b, _ := json.Marshal(blocks)
		if !strings.Contains(string(b), "另有") {
			t.Fatal("the tasks left out are not counted")
		}
	})
}

func BenchmarkRenderer_Reply(b *testing.B) {
	b.Run("one task", func(b *testing.B) {
		r := testRendererB(b, langZH)
		rep := newFakeEngine().Handle(b.Context(), bot.Message{Text: "task 7"})
		for b.Loop() {
			r.reply(rep)
		}
	})
	b.Run("60 tasks", func(b *testing.B) {
		r := testRendererB(b, langZH)
		rep := newFakeEngine().Handle(b.Context(), bot.Message{Text: "many"})
		for b.Loop() {
			r.reply(rep)
		}
	})
}

func testRendererB(b *testing.B, lang string) renderer {
	b.Helper()
	bundle, err := i18n.New()
	if err != nil {
		b.Fatal(err)
	}
	return renderer{lang: lang, tr: bundleTranslator(bundle)}
}
