package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/chromedp/chromedp"

	"dutybot/knowledge"
)

var screenshot = flag.String("screenshot", "", "write a screenshot of the board to this PNG file (docs/dashboard.png)")

// seededDashboard is a database where liaisons acted through the engine
// (chat), and the serve that shows it on --now 2019-10-15.
func seededDashboard(t *testing.T) (tm *testMain, base string) {
	t.Helper()
	tm = newTestMain(t)
	addr := freeAddr(t)
	tm.env["DUTYBOT_ADMINS"] = "UADMIN"
	tm.env["DUTYBOT_HTTP_ADDR"] = addr
	tm.chat("--as", "UADMIN", "--now", "2019-09-20", "联络员 科技处 U0KJ", "联络员 法制支队 U0FZ", "done 2", "done 3")
	tm.chat("--as", "U0KJ", "--now", "2019-10-10", "进展 22 调阅系统需求已梳理完毕，正在招标", "签收 9")
	tm.chat("--as", "U0FZ", "--now", "2019-10-11", "申请办结 22 法制支队 已建立调阅监督制度")
	logs := serveAt(t, tm, addr, "2019-10-15")
	if !strings.Contains(logs.String(), "no Slack tokens") {
		t.Errorf("serve without Slack does not say so in its log:\n%s", logs.String())
	}
	return tm, "http://" + addr
}

// ledgerLights is each task's worst light on day, from `dutybot ledger`:
// the board must agree with the ledger.
func ledgerLights(t *testing.T, tm *testMain, day string) (map[string]string, map[string]map[int]bool) {
	t.Helper()
	var rows []struct {
		Task  int    `json:"task"`
		Unit  string `json:"unit"`
		Light string `json:"light"`
	}
	if err := json.Unmarshal([]byte(tm.mustRun("ledger", "--now", day)), &rows); err != nil {
		t.Fatal(err)
	}
	worst := map[string]string{}
	units := map[string]map[int]bool{}
	for _, r := range rows {
		k := fmt.Sprint(r.Task)
		if w, ok := worst[k]; !ok {
			worst[k] = r.Light
		} else {
			worst[k] = string(knowledge.Worse(knowledge.Light(w), knowledge.Light(r.Light)))
		}
		if units[r.Unit] == nil {
			units[r.Unit] = map[int]bool{}
		}
		units[r.Unit][r.Task] = true
	}
	return worst, units
}

// TestDashboard_browser opens the link `dutybot chat --as ADMIN 看板` gives
// in a real Chromium against a real serve: the board has 43 rows with the
// ledger's lights, the unit filter narrows it, a task's page shows a
// progress report made in chat, and a forged link gets 401 and no data.
func TestDashboard_browser(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the browser test runs in the full suite")
	}
	tm, base := seededDashboard(t)
	want, units := ledgerLights(t, tm, "2019-10-15")
	reply := tm.chat("--as", "UADMIN", "--now", "2019-10-15", "看板")[0]
	link := regexp.MustCompile(`http://\S+`).FindString(reply.Text)
	if !strings.HasPrefix(link, base+"/dashboard?t=") {
		t.Fatalf("chat's link %q does not point at the server %s", link, base)
	}
	ctx := newBrowser(t)

	err := chromedp.Do(ctx, chromedp.Navigate(link), chromedp.WaitVisible(chromedp.CSS("#board tbody tr")))
	if err != nil {
		t.Fatal(err)
	}
	href, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if href != base+"/dashboard" {
		t.Errorf("address after opening the link: %s, want the token gone (%s/dashboard)", href, base)
	}
	lights, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](
		`Array.from(document.querySelectorAll('#board tbody tr')).map(r => [r.dataset.task, r.dataset.light])`))
	if err != nil {
		t.Fatal(err)
	}
	if len(lights) != 43 {
		t.Fatalf("board has %d rows, want 43", len(lights))
	}
	seen := map[string]int{}
	for _, l := range lights {
		seen[l[1]]++
		if want[l[0]] != l[1] {
			t.Errorf("task %s: light %s on the board, %s in the ledger", l[0], l[1], want[l[0]])
		}
	}
	if seen["red"] == 0 || seen["green"] == 0 || seen["none"] != 2 {
		t.Errorf("lights on 2019-10-15: %v; want some red, some green and the 2 done tasks none", seen)
	}
	if *screenshot != "" {
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*screenshot, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// RunResponse waits for the page the submit loads.
	act(t, ctx, chromedp.SetValue(chromedp.CSS(`select[name=unit]`), "科技处"), chromedp.Submit(chromedp.CSS("#filters")))
	settle(t, ctx)
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#board tbody tr').length`))
	if err != nil {
		t.Fatal(err)
	}
	if rows != len(units["科技处"]) || rows == 0 || rows >= 43 {
		t.Errorf("filtered on 科技处: %d rows, want the %d tasks it has a part in", rows, len(units["科技处"]))
	}

	act(t, ctx, chromedp.Click(chromedp.CSS(`#board td.content a[href="/dashboard/task/22"]`)))
	settle(t, ctx)
	reports, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#reports")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(reports, "调阅系统需求已梳理完毕，正在招标") || !strings.Contains(reports, "U0KJ") {
		t.Errorf("task 22's reports: %q; want the progress U0KJ reported in chat", reports)
	}

	// The downloads, fetched by the page as a person's click would: the
	// ledger as CSV (one row per part) and XLSX (a zip), and a unit's
	// calendar feed, which parses back with task 22's deadline in it.
	act(t, ctx, chromedp.Click(chromedp.CSS(`nav a[href^="/dashboard/units"]`)))
	settle(t, ctx)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(async () => {
		const feed = document.querySelector('tr[data-feed="法制支队"] a').getAttribute('href');
		const csv = await (await fetch('/dashboard/ledger.csv')).text();
		const xlsx = new Uint8Array(await (await fetch('/dashboard/ledger.xlsx')).arrayBuffer());
		const ics = await (await fetch(feed)).text();
		return [csv, String.fromCharCode(xlsx[0], xlsx[1]) + xlsx.length, ics];
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	parts := 0
	for _, us := range units {
		parts += len(us)
	}
	if lines := strings.Count(strings.TrimSpace(got[0]), "\n"); !strings.HasPrefix(got[0], "notice,task,unit") || lines != parts {
		t.Errorf("ledger.csv: %d data lines, want %d:\n%.300s", lines, parts, got[0])
	}
	if !strings.HasPrefix(got[1], "PK") {
		t.Errorf("ledger.xlsx is no zip: %q", got[1])
	}
	cal, err := ics.ParseCalendar(strings.NewReader(got[2]))
	if err != nil {
		t.Fatalf("法制支队's feed does not parse: %v\n%.300s", err, got[2])
	}
	found := false
	for _, e := range cal.Events() {
		d, _ := e.GetAllDayStartAt()
		found = found || (d.Format(time.DateOnly) == "2019-10-31" && strings.Contains(e.GetProperty(ics.ComponentPropertySummary).Value, "第22项"))
	}
	if !found {
		t.Errorf("法制支队's feed lacks task 22's deadline (2019-10-31):\n%s", got[2])
	}

	forged := strings.Replace(link, "t=", "t=x", 1)
	for _, bad := range []string{forged, base + "/dashboard"} {
		fresh := newBrowser(t) // no cookie from the good link
		resp, err := chromedp.RunResponse(fresh, chromedp.Navigate(bad))
		if err != nil {
			t.Fatal(err)
		}
		body, err := chromedp.Run(fresh, chromedp.Text(chromedp.CSS("body")))
		if err != nil {
			t.Fatal(err)
		}
		boards, err := chromedp.Run(fresh, chromedp.Evaluate[int](`document.querySelectorAll('#board, #reports').length`))
		if err != nil {
			t.Fatal(err)
		}
		if resp.Status != http.StatusUnauthorized || boards != 0 || !strings.Contains(body, "看板") || strings.Contains(body, "法制支队") {
			t.Errorf("%s: status %d, %d data elements, body %q; want 401, no data, how to get a link", bad, resp.Status, boards, body)
		}
	}
}
