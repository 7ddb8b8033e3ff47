package dashboard

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"dutybot/knowledge"
	"dutybot/store"
)

// partView is one unit's part on a task's page.
type partView struct {
	knowledge.Part
	Light knowledge.Light
}

// reportView is a progress report or problem with its unit.
type reportView struct {
	knowledge.Report
	Unit string
}

// taskPage is a task's page: content, parts, reports (newest first),
// claims and reviews, reminders sent, and its audit history.
type taskPage struct {
	chrome
	Task      *knowledge.Task
	Light     knowledge.Light
	Parts     []partView
	Reports   []reportView
	Decisions []knowledge.AuditEntry // claims, approvals, rejections, newest first
	Reminders []knowledge.LoggedReminder
	History   []knowledge.AuditEntry // newest first
	Loc       *time.Location
}

func (s *Server) serveTask(v *visit) error {
	ctx := v.r.Context()
	n, parts, err := s.state(ctx, v.noticeWanted()) // read only: shared with other requests
	if err != nil {
		return err
	}
	t, err := taskNumber(v, n)
	if err != nil {
		return err
	}
	today := s.today()
	p := &taskPage{chrome: s.chrome(v, n, "board", "DashTaskTitle"), Task: t, Light: knowledge.LightNone, Loc: s.loc}
	p.Title = v.loc.T("DashTaskTitle", map[string]any{"N": t.Number})
	ref := knowledge.TaskRef{Notice: n.Number, Number: t.Number}
	for _, part := range parts {
		if part.Task != t.Number {
			continue
		}
		l := knowledge.PartLight(part, t.Deadline, today, s.cal, s.loc)
		p.Light = knowledge.Worse(p.Light, l)
		p.Parts = append(p.Parts, partView{Part: part, Light: l})
		reps, err := s.st.Reports(ctx, ref, part.Unit)
		if err != nil {
			return fmt.Errorf("read reports: %w", err)
		}
		for _, r := range reps {
			p.Reports = append(p.Reports, reportView{Report: r, Unit: part.Unit})
		}
	}
	slices.SortStableFunc(p.Reports, func(a, b reportView) int { return b.At.Compare(a.At) })
	log, err := s.st.Audit(ctx)
	if err != nil {
		return fmt.Errorf("read audit log: %w", err)
	}
	for i := len(log) - 1; i >= 0; i-- {
		e := log[i]
		if e.Notice != n.Number || e.Task != t.Number {
			continue
		}
		p.History = append(p.History, e)
		switch e.Action {
		case store.ActionClaim, store.ActionApprove, store.ActionReject:
			p.Decisions = append(p.Decisions, e)
		}
	}
	sent, err := s.st.Reminders(ctx, knowledge.DeliverySent)
	if err != nil {
		return fmt.Errorf("read reminders: %w", err)
	}
	for _, r := range sent {
		if r.Reminder.Notice == n.Number && r.Reminder.Task == t.Number {
			p.Reminders = append(p.Reminders, r)
		}
	}
	slices.SortStableFunc(p.Reminders, func(a, b knowledge.LoggedReminder) int { return b.SentAt.Compare(a.SentAt) })
	s.render(v.w, http.StatusOK, "task.html", p)
	return nil
}

// When formats a moment in the notices' time zone, to the minute.
func (p *taskPage) When(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(p.Loc).Format("2006-01-02 15:04")
}

// Note is the text of a claim, approval or rejection: what follows the
// state in the audit entry's after.
func (p *taskPage) Note(e knowledge.AuditEntry) string {
	_, note, _ := strings.Cut(e.After, ": ")
	return note
}
