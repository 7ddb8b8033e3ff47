package bot

import (
	"context"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"path/filepath"

	"dutybot/knowledge"
	"dutybot/knowledge/builtin"
	"dutybot/store"
)

const admin = "UADMIN"

// huainan returns the built-in notice (淮公通〔2019〕395号).
func huainan(t testing.TB) *knowledge.Notice {
	t.Helper()
	n, err := builtin.Notice()
	if err != nil {
		t.Fatalf("built-in notice: %v", err)
	}
	return n
}

// newStore opens a real SQLite store in a temporary directory holding notices.
func newStore(t testing.TB, notices ...*knowledge.Notice) *store.DB {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "dutybot.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	for _, n := range notices {
		if err := st.ImportNotice(ctx, n, knowledge.Actor{User: "test", Via: "cli"}); err != nil {
			t.Fatalf("import %s: %v", n.Number, err)
		}
	}
	return st
}

// newTestEngine returns an engine over a real store holding the built-in notice,
// with admin as its one administrator.
func newTestEngine(t testing.TB, opts ...Option) (*Engine, *store.DB) {
	t.Helper()
	st := newStore(t, huainan(t))
	e, err := New(st, append([]Option{WithAdmins(admin)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	return e, st
}

// day returns noon of y-m-d in Shanghai.
func day(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := knowledge.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.FixedZone("CST", 8*3600))
}

// evalCase is one line of a question file (docs/cli.md §8).
type evalCase struct {
	Q        string   `json:"q"`
	Kind     string   `json:"kind"`
	Task     int      `json:"task"`
	Tasks    []int    `json:"tasks"`
	Alt      []int    `json:"alt"`
	Contains []string `json:"contains"`
	Now      *string  `json:"now"`
	Cat      string   `json:"cat"`
}

func readCases(t testing.TB, path string) []evalCase {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []evalCase
	for i, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var c evalCase
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("%s:%d: %v", path, i+1, err)
		}
		out = append(out, c)
	}
	return out
}

var (
	reSpace  = regexp.MustCompile(`\s+`)
	reISODay = regexp.MustCompile(`(\d{4})-(\d{1,2})-(\d{1,2})`)
)

// judge applies the rules of docs/cli.md §8 to a reply.
func judge(c evalCase, rep Reply) bool {
	norm := func(s string) string {
		s = reSpace.ReplaceAllString(s, "")
		return strings.NewReplacer("〔", "[", "〕", "]", "［", "[", "］", "]", "％", "%").Replace(s)
	}
	cn := reISODay.ReplaceAllStringFunc(rep.Text, func(s string) string {
		m := reISODay.FindStringSubmatch(s)
		return strings.TrimLeft(m[1], "0") + "年" + strings.TrimLeft(m[2], "0") + "月" + strings.TrimLeft(m[3], "0") + "日"
	})
	text := norm(rep.Text) + "\n" + norm(cn)
	for _, w := range c.Contains {
		if !strings.Contains(text, norm(w)) {
			return false
		}
	}
	same := func(a, b []int) bool {
		if len(a) != len(b) {
			return false
		}
		m := map[int]int{}
		for _, x := range a {
			m[x]++
		}
		for _, x := range b {
			m[x]--
		}
		for _, v := range m {
			if v != 0 {
				return false
			}
		}
		return true
	}
	switch c.Kind {
	case "top1":
		return len(rep.Tasks) > 0 && rep.Tasks[0] == c.Task
	case "set":
		return same(dedupe(rep.Tasks), c.Tasks) || (c.Alt != nil && same(dedupe(rep.Tasks), c.Alt))
	case "text":
		return true
	case "none":
		return len(rep.Tasks) == 0
	}
	return false
}

func dedupe(xs []int) []int {
	seen := map[int]bool{}
	var out []int
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
