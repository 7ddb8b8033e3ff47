package dashboard

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"dutybot/i18n"
	"dutybot/i18n/facts"
	"dutybot/knowledge"
	"dutybot/ledger"
)

// serveLedger sends the ledger (台账) as XLSX or CSV, made by the same code
// as `dutybot ledger` (docs/cli.md §6): every notice's rows, in import
// order, or one notice's with ?notice=; administrators only, as in chat.
func (s *Server) serveLedger(v *visit) error {
	if !v.admin() {
		return errForbidden
	}
	ctx := v.r.Context()
	today := s.today()
	var rows []ledger.Row
	err := s.eachNotice(ctx, v.noticeWanted(), func(n *knowledge.Notice, parts []knowledge.Part) {
		rows = append(rows, ledger.Rows(n, parts, today, s.cal, s.loc)...)
	})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	name := "ledger-" + today.String()
	if strings.HasSuffix(v.r.URL.Path, ".csv") {
		err = ledger.WriteCSV(&buf, rows)
		name += ".csv"
		v.w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	} else {
		err = ledger.WriteXLSX(&buf, rows, v.loc)
		name += ".xlsx"
		v.w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	}
	if err != nil {
		return fmt.Errorf("write the ledger: %w", err)
	}
	v.w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	_, _ = v.w.Write(buf.Bytes())
	return nil
}

// serveCalendar sends a unit's iCalendar feed (/calendar/UNIT.ics?token=…):
// one all-day event per dated deadline of a task the unit has a part in,
// and a yearly event for each fixed day a year (每年1月20日前). It needs the
// unit's own long-lived token (calendar apps cannot carry a cookie); a
// wrong or rotated token gets 401 and nothing else.
func (s *Server) serveCalendar(w http.ResponseWriter, r *http.Request) {
	// A calendar app's own language says nothing of its reader's: the
	// feed is in the notice's language unless its address asks (?lang=en).
	loc := s.bundle.For(r.URL.Query().Get("lang"))
	unit, ok := strings.CutSuffix(r.PathValue("file"), ".ics")
	ctx := r.Context()
	gens, err := s.st.CalendarGenerations(ctx)
	if err != nil {
		s.log.Error("dashboard: calendar", "err", err)
		http.Error(w, loc.T("DashErrInternal", nil), http.StatusInternalServerError)
		return
	}
	if !ok || !s.signer.CheckCalendar(unit, gens[unit], r.URL.Query().Get("token")) {
		s.log.Info("dashboard: calendar feed refused", "unit", unit)
		http.Error(w, loc.T("DashCalendarDenied", nil), http.StatusUnauthorized)
		return
	}
	cal := ics.NewCalendar()
	cal.SetMethod(ics.MethodPublish)
	cal.SetProductId("-//dutybot//dashboard//" + strings.ToUpper(loc.Lang()))
	name := loc.T("DashCalendarName", map[string]any{"Unit": unit})
	cal.SetName(name)
	cal.SetXWRCalName(name)
	cal.SetXWRTimezone(s.loc.String())
	// Every notice in force: an archived notice's reminders stop, and so do
	// its deadlines in the unit's calendar.
	err = s.eachNotice(ctx, "", func(n *knowledge.Notice, parts []knowledge.Part) {
		if !n.Archived {
			s.addEvents(cal, n, parts, unit, loc)
		}
	})
	if err != nil {
		s.log.Error("dashboard: calendar", "err", err)
		http.Error(w, loc.T("DashErrInternal", nil), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `inline; filename="dutybot.ics"`)
	_ = cal.SerializeTo(w)
}

// eachNotice calls fn with each notice and its parts, in import order; with
// want set, only with that notice.
func (s *Server) eachNotice(ctx context.Context, want string, fn func(*knowledge.Notice, []knowledge.Part)) error {
	ns, err := s.notices(ctx)
	if err != nil {
		return err
	}
	for _, n := range ns {
		if want != "" && n.Number != want {
			continue
		}
		n, parts, err := s.state(ctx, n.Number)
		if err != nil {
			return err
		}
		fn(n, parts)
	}
	return nil
}

// addEvents adds notice n's milestones of unit to its feed. Event IDs are
// stable (notice, task, unit, date), so a calendar app updates an event
// rather than doubling it.
func (s *Server) addEvents(cal *ics.Calendar, n *knowledge.Notice, parts []knowledge.Part, unit string, loc *i18n.Localizer) {
	stamp := s.now().UTC()
	for _, p := range parts {
		t := n.Task(p.Task)
		if p.Unit != unit || t == nil {
			continue
		}
		data := map[string]any{"N": t.Number, "Task": short(t.Content, 30), "Notice": n.Number}
		desc := n.Number + "\n" + t.Content + "\n" + loc.T("DashCalendarUnits", map[string]any{"Lead": strings.Join(t.Lead, "、"),
			"Responsible": strings.Join(t.Responsible, "、"), "Deadline": facts.Deadline(loc, t.Deadline)})
		if t.Deadline.Kind == knowledge.DeadlineDate && !t.Deadline.Date.IsZero() {
			e := cal.AddEvent(eventID(n.Number, t.Number, unit, t.Deadline.Date.String()))
			e.SetDtStampTime(stamp)
			day := t.Deadline.Date.In(time.UTC)
			e.SetAllDayStartAt(day)
			e.SetAllDayEndAt(day.AddDate(0, 0, 1))
			e.SetSummary(loc.T("DashCalendarDue", data))
			e.SetDescription(desc)
		}
		for _, pd := range t.Periods {
			if pd.Unit != knowledge.Yearly || pd.Month < 1 || pd.Month > 12 || pd.Day < 1 {
				continue
			}
			first := knowledge.NewDate(n.Date.Year, time.Month(pd.Month), pd.Day)
			if first.Before(n.Date) {
				first = knowledge.NewDate(n.Date.Year+1, time.Month(pd.Month), pd.Day)
			}
			e := cal.AddEvent(eventID(n.Number, t.Number, unit, fmt.Sprintf("yearly-%02d-%02d", pd.Month, pd.Day)))
			e.SetDtStampTime(stamp)
			day := first.In(time.UTC)
			e.SetAllDayStartAt(day)
			e.SetAllDayEndAt(day.AddDate(0, 0, 1))
			e.AddRrule("FREQ=YEARLY")
			e.SetSummary(loc.T("DashCalendarYearly", map[string]any{"N": t.Number, "Task": short(t.Content, 30), "Period": pd.Text}))
			e.SetDescription(desc + "\n" + pd.Clause)
		}
	}
}

func eventID(notice string, task int, unit, when string) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s|%d|%s|%s", notice, task, unit, when)))
	return hex.EncodeToString(sum[:12]) + "@dutybot"
}
