package dashboard

import (
	"cmp"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"

	"dutybot/knowledge"
)

// unitRow is one unit's line of the 通报 ranking.
type unitRow struct {
	Unit                                             string
	Parts, OnTime, Late, Overdue, InReview, Unsigned int
	Feed                                             string // the calendar feed's address, when the viewer may see it
}

// unitsPage is the units' ranking, worst first, with the calendar feeds.
type unitsPage struct {
	chrome
	Rows []unitRow
	Form string // the form token of the rotation buttons
}

// rankUnits counts each unit's parts: done on time (by the deadline, or a
// part without one), done late, overdue (deadline passed, not done), in
// review, not signed for; worst first: overdue, then late, then unsigned.
func rankUnits(n *knowledge.Notice, parts []knowledge.Part, today knowledge.Date, s *Server) []unitRow {
	idx := map[string]int{}
	var rows []unitRow
	for _, p := range parts {
		t := n.Task(p.Task)
		if t == nil {
			continue
		}
		i, ok := idx[p.Unit]
		if !ok {
			i = len(rows)
			idx[p.Unit] = i
			rows = append(rows, unitRow{Unit: p.Unit})
		}
		r := &rows[i]
		r.Parts++
		dated := t.Deadline.Kind == knowledge.DeadlineDate && !t.Deadline.Date.IsZero()
		switch {
		case p.State == knowledge.PartDone:
			if dated && !p.DoneAt.IsZero() && knowledge.DateOf(p.DoneAt.In(s.loc)).After(t.Deadline.Date) {
				r.Late++
			} else {
				r.OnTime++
			}
		case dated && t.Deadline.Date.Before(today):
			r.Overdue++
		}
		switch {
		case p.State == knowledge.PartInReview:
			r.InReview++
		case p.State == knowledge.PartOpen && p.SignedAt.IsZero():
			r.Unsigned++
		}
	}
	slices.SortStableFunc(rows, func(a, b unitRow) int {
		return cmp.Or(cmp.Compare(b.Overdue, a.Overdue), cmp.Compare(b.Late, a.Late),
			cmp.Compare(b.Unsigned, a.Unsigned), cmp.Compare(b.InReview, a.InReview), cmp.Compare(a.Unit, b.Unit))
	})
	return rows
}

func (s *Server) serveUnits(v *visit) error {
	ctx := v.r.Context()
	n, parts, err := s.state(ctx, v.noticeWanted()) // read only: shared with other requests
	if err != nil {
		return err
	}
	p := &unitsPage{chrome: s.chrome(v, n, "units", "DashUnitsTitle"), Rows: rankUnits(n, parts, s.today(), s),
		Form: s.signer.Form(v.tok)}
	// Administrators see every unit's feed; a liaison sees the feeds of the
	// units they act for.
	mine := map[string]bool{}
	if !v.admin() {
		ls, err := s.st.Liaisons(ctx)
		if err != nil {
			return fmt.Errorf("read liaisons: %w", err)
		}
		for unit, users := range ls {
			mine[unit] = slices.Contains(users, v.claims.User)
		}
	}
	gens, err := s.st.CalendarGenerations(ctx)
	if err != nil {
		return err
	}
	for i := range p.Rows {
		if u := p.Rows[i].Unit; v.admin() || mine[u] {
			p.Rows[i].Feed = feedPath(u, s.signer.Calendar(u, gens[u]))
		}
	}
	s.render(v.w, http.StatusOK, "units.html", p)
	return nil
}

// feedPath is a unit's calendar feed's address, token included.
func feedPath(unit, tok string) string {
	return (&url.URL{Path: "/calendar/" + unit + ".ics", RawQuery: url.Values{"token": {tok}}.Encode()}).String()
}

// serveRotate gives a unit's calendar feed a new address (administrators
// only; a POST from the dashboard's own page, with its form token),
// audited as calendar.rotate, and goes back to the units page.
func (s *Server) serveRotate(v *visit) error {
	if !v.admin() {
		return errForbidden
	}
	if err := v.r.ParseForm(); err != nil || !s.signer.CheckForm(v.tok, v.r.PostFormValue("form")) {
		return errBadRequest
	}
	unit := v.r.PostFormValue("unit")
	by := knowledge.Actor{User: v.claims.User, Via: "dashboard"}
	if _, err := s.st.RotateCalendar(v.r.Context(), unit, by); err != nil {
		if errors.Is(err, knowledge.ErrUnknownUnit) {
			return errBadRequest
		}
		return err
	}
	s.log.Info("dashboard: calendar feed rotated", "unit", unit, "by", by.User)
	http.Redirect(v.w, v.r, "/dashboard/units#feeds", http.StatusSeeOther)
	return nil
}
