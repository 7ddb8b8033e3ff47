package dashboard

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"dutybot/knowledge"
	"dutybot/store"
)

// The chart is drawn by hand as SVG with presentation attributes (stroke,
// fill) and no style attribute: the pure-Go chart libraries served here
// write inline style="…" attributes (go-chart's SVG renderer does), which
// the dashboard's Content-Security-Policy (style-src 'self') blocks, and
// go-echarts draws in the browser with a script. Two lines over weeks need
// no more than this file.

// week is one point of the chart: the state at the end of a day.
type week struct {
	Day           knowledge.Date
	Done, Overdue int
}

// progressOf replays the audit log's done and reopen entries for notice
// n's parts and counts, at each week's end since the notice was issued
// (and today), the parts done and the parts overdue (deadline passed, not
// done). The parts are today's; a part's state at a moment is that of its
// last entry before it.
func progressOf(n *knowledge.Notice, parts []knowledge.Part, log []knowledge.AuditEntry, today knowledge.Date, loc *time.Location) []week {
	type key struct {
		task int
		unit string
	}
	type event struct {
		day  knowledge.Date
		done bool
	}
	events := map[key][]event{}
	for _, e := range log {
		if e.Notice != n.Number || e.Task == 0 {
			continue
		}
		var done bool
		switch e.Action {
		case store.ActionDone, store.ActionApprove:
			done = true
		case store.ActionReopen, store.ActionUnassign:
		default:
			continue
		}
		k := key{e.Task, e.Unit}
		events[k] = append(events[k], event{knowledge.DateOf(e.At.In(loc)), done})
	}
	start := n.Date
	if start.IsZero() || start.After(today) {
		start = today
	}
	var days []knowledge.Date
	step := 7
	if span := start.DaysUntil(today); span > 7*260 { // at most about 260 points
		step = span / 260
	}
	for d := start; d.Before(today); d = d.AddDays(step) {
		days = append(days, d)
	}
	days = append(days, today)
	out := make([]week, len(days))
	for i, d := range days {
		out[i].Day = d
	}
	for _, p := range parts {
		t := n.Task(p.Task)
		if t == nil {
			continue
		}
		evs := events[key{p.Task, p.Unit}]
		j, done := 0, false
		for i, d := range days {
			for j < len(evs) && !evs[j].day.After(d) {
				done = evs[j].done
				j++
			}
			switch {
			case done:
				out[i].Done++
			case t.Deadline.Kind == knowledge.DeadlineDate && !t.Deadline.Date.IsZero() && t.Deadline.Date.Before(d):
				out[i].Overdue++
			}
		}
	}
	return out
}

// chart is the SVG's geometry.
type chart struct {
	W, H, Left, Right, Top, Bottom int
	Done, Overdue                  string // polyline points
	YTicks                         []tick
	XTicks                         []tick
	Max                            int
}

type tick struct {
	X, Y  int
	Label string
}

// drawChart lays out the weeks on a chart of w × h pixels, y from 0 to the
// number of parts.
func drawChart(weeks []week, total int) chart {
	c := chart{W: 900, H: 320, Left: 48, Right: 884, Top: 16, Bottom: 284, Max: max(total, 1)}
	x := func(i int) int {
		if len(weeks) < 2 {
			return c.Left
		}
		return c.Left + i*(c.Right-c.Left)/(len(weeks)-1)
	}
	y := func(v int) int { return c.Bottom - v*(c.Bottom-c.Top)/c.Max }
	var done, late strings.Builder
	for i, w := range weeks {
		fmt.Fprintf(&done, "%d,%d ", x(i), y(w.Done))
		fmt.Fprintf(&late, "%d,%d ", x(i), y(w.Overdue))
	}
	c.Done, c.Overdue = strings.TrimSpace(done.String()), strings.TrimSpace(late.String())
	for q := 0; q <= 4; q++ {
		v := c.Max * q / 4
		c.YTicks = append(c.YTicks, tick{X: c.Left, Y: y(v), Label: strconv.Itoa(v)})
	}
	every := max(1, len(weeks)/8)
	for i := 0; i < len(weeks); i += every {
		c.XTicks = append(c.XTicks, tick{X: x(i), Y: c.Bottom, Label: weeks[i].Day.String()})
	}
	return c
}

// progressPage is the progress chart's page.
type progressPage struct {
	chrome
	Weeks []week
	Chart chart
	Parts int
}

func (s *Server) serveProgress(v *visit) error {
	ctx := v.r.Context()
	n, parts, err := s.state(ctx, v.noticeWanted()) // read only: shared with other requests
	if err != nil {
		return err
	}
	log, err := s.st.Audit(ctx)
	if err != nil {
		return fmt.Errorf("read audit log: %w", err)
	}
	weeks := progressOf(n, parts, log, s.today(), s.loc)
	p := &progressPage{chrome: s.chrome(v, n, "progress", "DashProgressTitle"), Weeks: weeks,
		Chart: drawChart(weeks, len(parts)), Parts: len(parts)}
	s.render(v.w, http.StatusOK, "progress.html", p)
	return nil
}
