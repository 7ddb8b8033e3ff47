package dashboard

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dutybot/dashboard/token"
	"dutybot/knowledge"
	"dutybot/knowledge/builtin"
	"dutybot/store"
)

var (
	testKey = bytes.Repeat([]byte("d"), token.MinKeyBytes)
	// testNow is 2019-10-15 noon in Shanghai, the day of the tests' lights.
	testNow = time.Date(2019, 10, 15, 12, 0, 0, 0, knowledge.China)
	admin   = knowledge.Actor{User: "UADMIN", Via: "cli"}
)

// newTestStore is a real SQLite store holding the built-in notice.
func newTestStore(t testing.TB) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "dutybot.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	n, err := builtin.Notice()
	if err != nil {
		t.Fatal(err)
	}
	if err := db.ImportNotice(ctx, n, admin); err != nil {
		t.Fatal(err)
	}
	return db
}

// newTestServer is a dashboard over st on testNow, and a signer of its key.
func newTestServer(t testing.TB, st Store, opts ...Option) (*Server, *token.Signer) {
	t.Helper()
	signer, err := token.NewSigner(testKey)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(st, signer, append([]Option{WithClock(func() time.Time { return testNow })}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return s, signer
}

// get requests path with the cookie of tok ("" for none).
func get(t testing.TB, h http.Handler, path, tok string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if tok != "" {
		req.AddCookie(&http.Cookie{Name: cookieName, Value: tok})
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	body, _ := io.ReadAll(rec.Result().Body)
	return rec.Result(), string(body)
}

// TestServer_access: every page and download needs a valid token; the
// link's token becomes an HttpOnly, SameSite=Strict cookie and leaves the
// address; refusals say how to get a link and show no data; every answer
// has the security headers.
func TestServer_access(t *testing.T) {
	s, signer := newTestServer(t, newTestStore(t))
	h := s.Handler()
	good, _, _ := signer.Sign("UADMIN", token.Admin, testNow)
	viewer, _, _ := signer.Sign("U0KJ", token.Viewer, testNow)
	old, _, _ := signer.Sign("UADMIN", token.Admin, testNow.Add(-token.Lifetime-time.Minute))
	other, _ := token.NewSigner(bytes.Repeat([]byte("x"), token.MinKeyBytes))
	forged, _, _ := other.Sign("UADMIN", token.Admin, testNow)
	cases := []struct {
		name, path, cookie string
		code               int
		want               string
	}{
		{"board", "/dashboard", good, 200, `data-task="43"`},
		{"board as a liaison", "/dashboard", viewer, 200, `data-task="1"`},
		{"no token", "/dashboard", "", 401, "看板链接7天后失效"},
		{"expired", "/dashboard", old, 401, "看板链接7天后失效"},
		{"forged", "/dashboard", forged, 401, "看板链接7天后失效"},
		{"forged in English", "/dashboard?lang=en", forged, 401, "write dashboard (or 看板) to dutybot"},
		{"forged link", "/dashboard?t=" + forged, "", 401, "看板链接7天后失效"},
		{"task page without token", "/dashboard/task/22", "", 401, "看板"},
		{"task", "/dashboard/task/22", good, 200, "记录信息调阅监督制度"},
		{"no such task", "/dashboard/task/99", good, 404, "没有这个页面或任务"},
		{"not a number", "/dashboard/task/x", good, 404, "没有这个页面或任务"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := get(t, h, c.path, c.cookie)
			if resp.StatusCode != c.code || !strings.Contains(body, c.want) {
				t.Fatalf("%s: %d, want %d with %q:\n%.600s", c.path, resp.StatusCode, c.code, c.want, body)
			}
			if c.code == 401 && (strings.Contains(body, "法制支队") || strings.Contains(body, "data-task")) {
				t.Fatalf("a refusal shows data:\n%s", body)
			}
			for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"} {
				if resp.Header.Get(k) != v {
					t.Errorf("%s: %s", k, resp.Header.Get(k))
				}
			}
			if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") ||
				!strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe") {
				t.Errorf("CSP %q", csp)
			}
		})
	}

	resp, body := get(t, h, "/dashboard?unit=科技处&t="+good, "")
	var c *http.Cookie
	for _, k := range resp.Cookies() {
		if k.Name == cookieName {
			c = k
		}
	}
	switch {
	case resp.StatusCode != 200:
		t.Fatalf("opening the link: %d", resp.StatusCode)
	case c == nil || c.Value != good || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/":
		t.Fatalf("cookie %+v", c)
	case !strings.Contains(body, `content="0;url=/dashboard?unit=`) || strings.Contains(body, good):
		t.Fatalf("the page after the link must move on without the token:\n%s", body)
	}
	if resp, _ := get(t, h, "/dashboard/static/dash.css", ""); resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/css") {
		t.Errorf("stylesheet: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

// TestServer_noGETChanges: every route that changes state takes POST only.
func TestServer_noGETChanges(t *testing.T) {
	s, signer := newTestServer(t, newTestStore(t))
	good, _, _ := signer.Sign("UADMIN", token.Admin, testNow)
	resp, _ := get(t, s.Handler(), "/dashboard/calendar/rotate?unit=科技处", good)
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Fatalf("GET rotate: %d, want 405", resp.StatusCode)
	}
}

func TestNew_refusesBadOptions(t *testing.T) {
	signer, _ := token.NewSigner(testKey)
	st := newTestStore(t)
	for _, c := range []struct {
		name string
		err  error
		want error
	}{
		{"no store", func() error { _, err := New(nil, signer); return err }(), ErrNoStore},
		{"no signer", func() error { _, err := New(st, nil); return err }(), ErrNoSigner},
		{"page size", func() error { _, err := New(st, signer, WithPageSize(0)); return err }(), ErrInvalidPageSize},
		{"nil clock", func() error { _, err := New(st, signer, WithClock(nil)); return err }(), ErrNilClock},
		{"nil bundle", func() error { _, err := New(st, signer, WithBundle(nil)); return err }(), ErrNilBundle},
		{"nil location", func() error { _, err := New(st, signer, WithLocation(nil)); return err }(), ErrNilLocation},
		{"nil workdays", func() error { _, err := New(st, signer, WithWorkdays(nil)); return err }(), ErrNilWorkdays},
		{"nil logger", func() error { _, err := New(st, signer, WithLogger(nil)); return err }(), ErrNilLogger},
	} {
		if !errors.Is(c.err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, c.err, c.want)
		}
	}
}

// TestServer_freshAfterChange: the board never shows a state older than the
// database's, though it keeps what it read while the audit head stays: a
// part marked done, and a notice imported, show on the next page.
func TestServer_freshAfterChange(t *testing.T) {
	st := newTestStore(t)
	s, signer := newTestServer(t, st)
	h := s.Handler()
	tok, _, _ := signer.Sign("UADMIN", token.Admin, testNow)
	ctx := context.Background()
	n, _ := s.notice(ctx)
	row1 := func() string {
		_, body := get(t, h, "/dashboard", tok)
		_, after, _ := strings.Cut(body, `data-task="1" data-light="`)
		light, _, _ := strings.Cut(after, `"`)
		return light
	}
	if got := row1(); got != "red" {
		t.Fatalf("task 1 before: %s, want red", got)
	}
	if got := row1(); got != "red" { // from the cache
		t.Fatalf("task 1 read again: %s, want red", got)
	}
	if err := st.SetDone(ctx, knowledge.TaskRef{Notice: n.Number, Number: 1}, "", true, admin); err != nil {
		t.Fatal(err)
	}
	if got := row1(); got != "none" {
		t.Fatalf("task 1 after done: %s, want none", got)
	}
	second := *n
	second.Number = "淮公通〔2020〕1号"
	if err := st.ImportNotice(ctx, &second, admin); err != nil {
		t.Fatal(err)
	}
	if _, body := get(t, h, "/dashboard", tok); !strings.Contains(body, "淮公通〔2020〕1号") {
		t.Fatalf("the board does not show the notice imported since")
	}
}

// TestServer_notices: with several notices the board shows the newest in
// force, offers the others, keeps the one chosen in its links; the ledger
// holds every notice's rows; a unit's calendar leaves an archived notice out.
func TestServer_notices(t *testing.T) {
	st := newTestStore(t)
	ctx := context.Background()
	s, signer := newTestServer(t, st)
	h := s.Handler()
	tok, _, _ := signer.Sign("UADMIN", token.Admin, testNow)
	first, _ := s.notice(ctx)
	second := *first
	second.Number = "淮公通〔2020〕1号"
	second.Tasks = first.Tasks[:5]
	if err := st.ImportNotice(ctx, &second, admin); err != nil {
		t.Fatal(err)
	}
	rows := func(path string) int {
		_, body := get(t, h, path, tok)
		return strings.Count(body, "<tr data-task=")
	}
	if n := rows("/dashboard"); n != 5 {
		t.Errorf("default board: %d rows, want the newest notice's 5", n)
	}
	if n := rows("/dashboard?notice=" + url.QueryEscape(first.Number)); n != 43 {
		t.Errorf("board of %s: %d rows, want 43", first.Number, n)
	}
	_, body := get(t, h, "/dashboard?notice="+url.QueryEscape(first.Number), tok)
	if !strings.Contains(body, `<select name="notice"`) || !strings.Contains(body, `/dashboard/task/22?notice=`+url.QueryEscape(first.Number)) {
		t.Errorf("the board of the older notice offers no choice, or its links lose it")
	}
	if resp, _ := get(t, h, "/dashboard?notice=nonesuch", tok); resp.StatusCode != 404 {
		t.Errorf("unknown notice: %d, want 404", resp.StatusCode)
	}
	_, csvBody := get(t, h, "/dashboard/ledger.csv", tok)
	if !strings.Contains(csvBody, first.Number) || !strings.Contains(csvBody, second.Number) {
		t.Errorf("the ledger lacks a notice")
	}
	feed := feeds(t, h, tok)["市局办公室"]
	_, ics1 := get(t, h, feed, "")
	if err := st.ArchiveNotice(ctx, second.Number, true, admin); err != nil {
		t.Fatal(err)
	}
	_, ics2 := get(t, h, feed, "")
	if !strings.Contains(ics1, "淮公通〔2020〕1号") || strings.Contains(ics2, "淮公通〔2020〕1号") {
		t.Errorf("calendar before archiving holds the notice: %v; after: %v (want true, false)",
			strings.Contains(ics1, "淮公通〔2020〕1号"), strings.Contains(ics2, "淮公通〔2020〕1号"))
	}
	if n := rows("/dashboard"); n != 43 {
		t.Errorf("after archiving the newest: %d rows, want the notice in force's 43", n)
	}
}
