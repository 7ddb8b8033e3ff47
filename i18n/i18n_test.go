package i18n

import (
	"io/fs"
	"path"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"
)

func TestNew(t *testing.T) {
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(b.Languages(), ","); got != "en,zh-CN" {
		t.Errorf("languages = %s, want en,zh-CN", got)
	}
}

// TestLocales_sameIDsInEveryLanguage checks each group of message files
// (active.*, reminders.*, slack.*): every ID one language defines, the other does too.
func TestLocales_sameIDsInEveryLanguage(t *testing.T) {
	files, err := fs.Glob(locales, "locales/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	groups := map[string]map[string][]string{} // prefix → lang → ids
	for _, f := range files {
		name := path.Base(f)
		parts := strings.Split(name, ".")
		if len(parts) != 3 {
			t.Errorf("%s: want PREFIX.LANG.toml", name)
			continue
		}
		raw, err := fs.ReadFile(locales, f)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := toml.Unmarshal(raw, &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if groups[parts[0]] == nil {
			groups[parts[0]] = map[string][]string{}
		}
		for id := range m {
			groups[parts[0]][parts[1]] = append(groups[parts[0]][parts[1]], id)
		}
	}
	if len(groups["active"]) == 0 {
		t.Fatal("no active.*.toml files")
	}
	for prefix, langs := range groups {
		zh, en := set(langs["zh-CN"]), set(langs["en"])
		if len(zh) == 0 || len(en) == 0 {
			t.Errorf("%s: want both zh-CN and en files, have %v", prefix, keys(langs))
			continue
		}
		for id := range zh {
			if !en[id] {
				t.Errorf("%s: %s is in zh-CN but not en", prefix, id)
			}
		}
		for id := range en {
			if !zh[id] {
				t.Errorf("%s: %s is in en but not zh-CN", prefix, id)
			}
		}
	}
}

func set(ids []string) map[string]bool {
	m := map[string]bool{}
	for _, id := range ids {
		m[id] = true
	}
	return m
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestBundle_For(t *testing.T) {
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"": "zh-CN", "zh-CN": "zh-CN", "zh": "zh-CN", "zh-TW": "zh-CN", "ja-JP": "zh-CN",
		"en": "en", "en-US": "en", "en_GB": "en", "EN": "en",
	} {
		if got := b.For(in).Lang(); got != want {
			t.Errorf("For(%q) = %s, want %s", in, got, want)
		}
	}
}

func testBundle(t *testing.T) *Bundle {
	t.Helper()
	b, err := load(fstest.MapFS{
		"l/x.zh-CN.toml": {Data: []byte("Hello = \"你好，{{.Name}}\"\nTasks = { other = \"{{.Count}}项任务\" }\nOnlyZh = \"只有中文\"\n")},
		"l/x.en.toml":    {Data: []byte("Hello = \"Hello, {{.Name}}\"\nTasks = { one = \"1 task\", other = \"{{.Count}} tasks\" }\n")},
	}, "l")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestLocalizer_T(t *testing.T) {
	b := testBundle(t)
	if got := b.For("zh-CN").T("Hello", map[string]any{"Name": "法制支队"}); got != "你好，法制支队" {
		t.Errorf("zh: %q", got)
	}
	if got := b.For("en-US").T("Hello", map[string]any{"Name": "Li"}); got != "Hello, Li" {
		t.Errorf("en: %q", got)
	}
	// a message missing in English falls back to Chinese, and is recorded
	if got := b.For("en").T("OnlyZh", nil); got != "只有中文" {
		t.Errorf("fallback: %q", got)
	}
	if got := b.For("en").T("Nowhere", nil); got != "Nowhere" {
		t.Errorf("missing id: %q, want the id itself", got)
	}
	if got := strings.Join(b.Missing(), ","); got != "en/Nowhere,en/OnlyZh" {
		t.Errorf("missing = %s", got)
	}
}

func TestLocalizer_N(t *testing.T) {
	b := testBundle(t)
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{{"en", 1, "1 task"}, {"en", 3, "3 tasks"}, {"zh-CN", 1, "1项任务"}, {"zh-CN", 43, "43项任务"}} {
		if got := b.For(c.lang).N("Tasks", c.n, nil); got != c.want {
			t.Errorf("%s %d: %q, want %q", c.lang, c.n, got, c.want)
		}
	}
}

func TestLoad_badFiles(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"empty dir":   {},
		"broken toml": {"l/a.en.toml": {Data: []byte("X = ")}},
	} {
		if _, err := load(fsys, "l"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
