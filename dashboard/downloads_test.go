package dashboard

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/xuri/excelize/v2"

	"dutybot/dashboard/token"
	"dutybot/knowledge"
	"dutybot/store"
)

// post sends a form as the holder of tok.
func post(t *testing.T, h http.Handler, path, tok string, form url.Values) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: cookieName, Value: tok})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

var reFeed = regexp.MustCompile(`data-feed="([^"]+)"><td>[^<]*</td><td><a href="([^"]+)"`)

// feeds reads the calendar feeds the units page shows, by unit.
func feeds(t *testing.T, h http.Handler, tok string) map[string]string {
	t.Helper()
	resp, body := get(t, h, "/dashboard/units", tok)
	if resp.StatusCode != 200 {
		t.Fatalf("units page: %d", resp.StatusCode)
	}
	out := map[string]string{}
	for _, m := range reFeed.FindAllStringSubmatch(body, -1) {
		out[m[1]] = strings.ReplaceAll(m[2], "&amp;", "&")
	}
	return out
}

// TestServer_calendar: a unit's feed parses back as iCalendar and holds
// every dated milestone of the unit (each deadline of a task it has a part
// in, and the yearly days as yearly events); rotating it (administrators,
// by POST with the page's form token, audited) voids the old address.
func TestServer_calendar(t *testing.T) {
	st := newTestStore(t)
	ctx := context.Background()
	if err := st.ChangeLiaisons(ctx, "科技处", []string{"U0KJ"}, nil, admin); err != nil {
		t.Fatal(err)
	}
	s, signer := newTestServer(t, st)
	h := s.Handler()
	good, _, _ := signer.Sign("UADMIN", token.Admin, testNow)
	viewer, _, _ := signer.Sign("U0KJ", token.Viewer, testNow)

	all := feeds(t, h, good)
	if mine := feeds(t, h, viewer); len(mine) != 1 || mine["科技处"] != all["科技处"] {
		t.Fatalf("a liaison of 科技处 sees feeds %v; want only 科技处's", mine)
	}
	n, _ := s.notice(ctx)
	for unit, feed := range all {
		resp, body := get(t, h, feed, "")
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/calendar; charset=utf-8" {
			t.Fatalf("%s: %d %s", feed, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		cal, err := ics.ParseCalendar(strings.NewReader(body))
		if err != nil {
			t.Fatalf("%s does not parse: %v", unit, err)
		}
		got := map[string]bool{}
		for _, e := range cal.Events() {
			d, err := e.GetAllDayStartAt()
			if err != nil {
				t.Fatalf("%s: event without a day: %v", unit, err)
			}
			key := d.Format("2006-01-02") + " " + e.GetProperty(ics.ComponentPropertySummary).Value
			if r := e.GetProperty(ics.ComponentPropertyRrule); r != nil {
				key += " " + r.Value
			}
			got[key] = true
		}
		want := 0
		for _, task := range n.Tasks {
			if !slices.Contains(task.Lead, unit) && !slices.Contains(task.Responsible, unit) {
				continue
			}
			if task.Deadline.Kind == knowledge.DeadlineDate {
				want++
				if !hasEvent(got, task.Deadline.Date.String(), "第"+itoa(task.Number)+"项任务到期", "") {
					t.Errorf("%s's feed lacks task %d's deadline %s: %v", unit, task.Number, task.Deadline.Date, got)
				}
			}
			for _, pd := range task.Periods {
				if pd.Unit == knowledge.Yearly {
					want++
					if !hasEvent(got, "", "第"+itoa(task.Number)+"项任务（每年", "FREQ=YEARLY") {
						t.Errorf("%s's feed lacks task %d's yearly %s", unit, task.Number, pd.Text)
					}
				}
			}
		}
		if len(got) != want {
			t.Errorf("%s: %d events, want %d", unit, len(got), want)
		}
	}

	old := all["科技处"]
	if resp := post(t, h, "/dashboard/calendar/rotate", viewer, url.Values{"unit": {"科技处"}, "form": {signer.Form(viewer)}}); resp.StatusCode != 403 {
		t.Errorf("a liaison rotating: %d, want 403", resp.StatusCode)
	}
	if resp := post(t, h, "/dashboard/calendar/rotate", good, url.Values{"unit": {"科技处"}, "form": {"x"}}); resp.StatusCode != 400 {
		t.Errorf("rotating without the page's form token: %d, want 400", resp.StatusCode)
	}
	if resp := post(t, h, "/dashboard/calendar/rotate", good, url.Values{"unit": {"科技处"}, "form": {signer.Form(good)}}); resp.StatusCode != 303 {
		t.Fatalf("rotating: %d, want 303", resp.StatusCode)
	}
	if resp, _ := get(t, h, old, ""); resp.StatusCode != 401 {
		t.Errorf("the old feed after rotation: %d, want 401", resp.StatusCode)
	}
	now := feeds(t, h, good)["科技处"]
	if resp, _ := get(t, h, now, ""); now == old || resp.StatusCode != 200 {
		t.Errorf("the new feed %s: %d", now, resp.StatusCode)
	}
	for _, bad := range []string{"/calendar/科技处.ics", "/calendar/法制支队.ics?token=" + url.QueryEscape(strings.TrimPrefix(now, "/calendar/科技处.ics?token=")), "/calendar/科技处?token=x"} {
		if resp, body := get(t, h, bad, ""); resp.StatusCode != 401 || strings.Contains(body, "BEGIN:VCALENDAR") {
			t.Errorf("%s: %d, want 401 and no calendar", bad, resp.StatusCode)
		}
	}
	log, _ := st.Audit(ctx)
	if last := log[len(log)-1]; last.Action != store.ActionCalendarRotate || last.Unit != "科技处" || last.Actor.Via != "dashboard" {
		t.Errorf("last audit entry %+v; want the rotation", last)
	}
}

func hasEvent(got map[string]bool, day, summary, rule string) bool {
	for k := range got {
		if strings.HasPrefix(k, day) && strings.Contains(k, summary) && strings.Contains(k, rule) {
			return true
		}
	}
	return false
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestServer_ledger: administrators download the ledger as a workbook and
// as CSV, one row per part as `dutybot ledger` writes; liaisons may not.
func TestServer_ledger(t *testing.T) {
	st := newTestStore(t)
	s, signer := newTestServer(t, st)
	h := s.Handler()
	good, _, _ := signer.Sign("UADMIN", token.Admin, testNow)
	viewer, _, _ := signer.Sign("U0KJ", token.Viewer, testNow)
	n, _ := s.notice(context.Background())
	parts, _ := st.Parts(context.Background(), n.Number)

	resp, body := get(t, h, "/dashboard/ledger.csv", good)
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if resp.StatusCode != 200 || err != nil || len(rows) != len(parts)+1 || rows[0][0] != "notice" {
		t.Fatalf("CSV: %d, %v, %d rows for %d parts", resp.StatusCode, err, len(rows), len(parts))
	}
	resp, body = get(t, h, "/dashboard/ledger.xlsx", good)
	f, err := excelize.OpenReader(bytes.NewReader([]byte(body)))
	if resp.StatusCode != 200 || err != nil {
		t.Fatalf("XLSX: %d, %v", resp.StatusCode, err)
	}
	sheetRows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil || len(sheetRows) != len(parts)+1 {
		t.Fatalf("XLSX's first sheet: %d rows, want %d (%v)", len(sheetRows), len(parts)+1, err)
	}
	if !strings.HasPrefix(resp.Header.Get("Content-Disposition"), `attachment; filename="ledger-2019-10-15.xlsx"`) {
		t.Errorf("Content-Disposition %q", resp.Header.Get("Content-Disposition"))
	}
	for _, p := range []string{"/dashboard/ledger.csv", "/dashboard/ledger.xlsx"} {
		if resp, _ := get(t, h, p, viewer); resp.StatusCode != 403 {
			t.Errorf("%s as a liaison: %d, want 403", p, resp.StatusCode)
		}
	}
}

// TestRankUnits: overdue first, then late, then not signed; done on time
// is done by the deadline.
func TestRankUnits(t *testing.T) {
	st := newTestStore(t)
	ctx := context.Background()
	s, _ := newTestServer(t, st)
	n, _ := s.notice(ctx)
	parts, _ := st.Parts(ctx, n.Number)
	// Task 22 (due 2019-10-31): 法制支队 done in time; task 1 (due 2019-08-31): 市局办公室 done late.
	for i, p := range parts {
		switch {
		case p.Task == 22 && p.Unit == "法制支队":
			parts[i].State, parts[i].DoneAt = knowledge.PartDone, time.Date(2019, 10, 31, 23, 0, 0, 0, knowledge.China)
		case p.Task == 1 && p.Unit == "市局办公室":
			parts[i].State, parts[i].DoneAt = knowledge.PartDone, time.Date(2019, 9, 10, 9, 0, 0, 0, knowledge.China)
		}
	}
	rows := rankUnits(n, parts, knowledge.NewDate(2019, 10, 15), s)
	by := map[string]unitRow{}
	for i, r := range rows {
		by[r.Unit] = r
		if i > 0 {
			p := rows[i-1]
			if p.Overdue < r.Overdue || (p.Overdue == r.Overdue && p.Late < r.Late) {
				t.Errorf("%s (%d overdue, %d late) ranked before %s (%d, %d)", p.Unit, p.Overdue, p.Late, r.Unit, r.Overdue, r.Late)
			}
		}
	}
	if r := by["法制支队"]; r.OnTime != 1 {
		t.Errorf("法制支队: %+v; want 1 done on time", r)
	}
	if r := by["市局办公室"]; r.Late != 1 {
		t.Errorf("市局办公室: %+v; want 1 done late", r)
	}
}
