package dashboard

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"dutybot/dashboard/token"
	"dutybot/knowledge"
	"dutybot/knowledge/builtin"
	"dutybot/reminders"
	"dutybot/store"
)

// maxPage is the largest page the issue allows.
const maxPage = 200 << 10

// bigStore holds a notice of n tasks made from the built-in one's: its
// tasks repeated and renumbered, each with a lead and two responsible
// units drawn in turn from its units.
func bigStore(tb testing.TB, n int) *store.DB {
	tb.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(tb.TempDir(), "big.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	src, err := builtin.Notice()
	if err != nil {
		tb.Fatal(err)
	}
	big := *src
	big.Number, big.Tasks = "淮公通〔2019〕999号", make([]knowledge.Task, n)
	var units []string
	for _, u := range src.Units {
		if len(u.Members) == 0 {
			units = append(units, u.Name)
		}
	}
	for i := range big.Tasks {
		t := src.Tasks[i%len(src.Tasks)]
		t.Number, t.Periods = i+1, nil
		t.Lead = []string{units[i%len(units)]}
		t.Responsible = []string{units[(i+1)%len(units)], units[(i+5)%len(units)]}
		big.Tasks[i] = t
	}
	if err := db.ImportNotice(ctx, &big, admin); err != nil {
		tb.Fatal(err)
	}
	return db
}

// page gets one page as an administrator.
func page(tb testing.TB, h http.Handler, tok, path string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.AddCookie(&http.Cookie{Name: cookieName, Value: tok})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		tb.Fatalf("%s: %d", path, rec.Code)
	}
	return rec
}

// BenchmarkBoard renders the board server-side as serve does (the
// reminders' calendar of China's working days): the 43-task notice and a
// 10,000-task one (its first page of 200 rows); "steady" while nothing
// changes (the state read before is kept while the audit head stays),
// "changed" with a part marked done before each page (that task's parts
// are read again), "cold" the first page of a new server (everything read).
// B/page is the page's size.
func BenchmarkBoard(b *testing.B) {
	policy, err := reminders.NewPolicy()
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		st   func(testing.TB) *store.DB
	}{
		{"43tasks", func(tb testing.TB) *store.DB { return newTestStore(tb) }},
		{"10000tasks", func(tb testing.TB) *store.DB { return bigStore(tb, 10000) }},
	} {
		st := c.st(b)
		s, signer := newTestServer(b, st, WithWorkdays(policy.Calendar()))
		h := s.Handler()
		tok, _, _ := signer.Sign("UADMIN", token.Admin, testNow)
		n, _ := s.notice(context.Background())
		for _, changed := range []bool{false, true} {
			name := c.name + "/steady"
			if changed {
				name = c.name + "/changed"
			}
			b.Run(name, func(b *testing.B) {
				size := 0
				for i := 0; b.Loop(); i++ {
					if changed {
						b.StopTimer()
						ref := knowledge.TaskRef{Notice: n.Number, Number: 1 + i%len(n.Tasks)}
						if err := st.SetDone(context.Background(), ref, n.Tasks[i%len(n.Tasks)].Lead[0], true, admin); err != nil {
							b.Fatal(err)
						}
						b.StartTimer()
					}
					size = page(b, h, tok, "/dashboard").Body.Len()
				}
				b.ReportMetric(float64(size), "B/page")
			})
		}
		b.Run(c.name+"/cold", func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				cold, _ := newTestServer(b, st, WithWorkdays(policy.Calendar()))
				b.StartTimer()
				page(b, cold.Handler(), tok, "/dashboard")
			}
		})
	}
}

// BenchmarkBoardRender is the board's work without the store's read: the
// layout, filters and template over parts already read.
func BenchmarkBoardRender(b *testing.B) {
	st := bigStore(b, 10000)
	s, _ := newTestServer(b, st)
	ctx := context.Background()
	n, _ := s.notice(ctx)
	parts, _ := st.Parts(ctx, n.Number)
	for b.Loop() {
		bd := newBoard(n, parts, s.today(), s.cal, s)
		bd.apply(filter{}, s.today())
	}
}

// TestPageSizes: every page stays under 200 KB, the 10,000-task board's
// first page included.
func TestPageSizes(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: importing a 10,000-task notice")
	}
	small, signer := newTestServer(t, newTestStore(t))
	big, _ := newTestServer(t, bigStore(t, 10000))
	tok, _, _ := signer.Sign("UADMIN", token.Admin, testNow)
	for _, c := range []struct {
		s    *Server
		path string
	}{
		{small, "/dashboard"}, {small, "/dashboard/task/22"}, {small, "/dashboard/units"}, {small, "/dashboard/progress"},
		{big, "/dashboard"}, {big, "/dashboard?page=50"}, {big, "/dashboard?unit=法制支队"}, {big, "/dashboard/units"},
		{big, "/dashboard/progress"}, {big, "/dashboard/task/10000"},
	} {
		size := page(t, c.s.Handler(), tok, c.path).Body.Len()
		t.Log(fmt.Sprintf("%-28s %7d bytes", c.path, size))
		if size > maxPage {
			t.Errorf("%s: %d bytes, over %d", c.path, size, maxPage)
		}
	}
}
