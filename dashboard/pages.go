package dashboard

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"dutybot/i18n"
	"dutybot/i18n/facts"
	"dutybot/knowledge"
)

// funcs are the templates' helpers. Sentences come from the page's
// localizer ({{.L.T "DashTitle" nil}}); args builds a message's data.
var funcs = template.FuncMap{
	"args": func(kv ...any) map[string]any {
		m := make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			m[fmt.Sprint(kv[i])] = kv[i+1]
		}
		return m
	},
	"short": short,
	"join":  func(ss []string) string { return strings.Join(ss, "、") },
	"light": lightID,
	"state": stateID,
	"stateShort": func(s knowledge.PartState) string {
		return map[knowledge.PartState]string{knowledge.PartSigned: "DashCellSigned",
			knowledge.PartInReview: "DashCellReview", knowledge.PartDone: "DashCellDone"}[s]
	},
	// deadline is the board's short form (the ISO day, which sorts and
	// fits a column); fullDeadline the notice's words, as chat writes them.
	"deadline": func(l *i18n.Localizer, d knowledge.Deadline) string {
		if d.Kind == knowledge.DeadlineDate && !d.Date.IsZero() {
			return d.Date.String()
		}
		return facts.Deadline(l, d)
	},
	"fullDeadline": func(l *i18n.Localizer, d knowledge.Deadline) string { return facts.Deadline(l, d) },
	"role":         func(l *i18n.Localizer, r knowledge.Role) string { return facts.Role(l, r) },
	"add":          func(a, b int) int { return a + b },
	"action": func(a string) string {
		return map[string]string{"part.claim": "DashActionClaim", "part.approve": "DashActionApprove",
			"part.reject": "DashActionReject"}[a]
	},
}

func lightID(l knowledge.Light) string {
	return map[knowledge.Light]string{knowledge.LightRed: "DashLightRed", knowledge.LightYellow: "DashLightYellow",
		knowledge.LightGreen: "DashLightGreen", knowledge.LightNone: "DashLightNone"}[l]
}

func stateID(s knowledge.PartState) string {
	return map[knowledge.PartState]string{knowledge.PartOpen: "DashStateOpen", knowledge.PartSigned: "DashStateSigned",
		knowledge.PartInReview: "DashStateReview", knowledge.PartDone: "DashStateDone"}[s]
}

// chrome is what every page's frame shows. Links carry the notice shown
// (?notice=文号), so that a page of an older notice stays on it.
type chrome struct {
	L       *i18n.Localizer
	Title   string
	Nav     string // which tab is current
	Admin   bool
	User    string
	Notice  *knowledge.Notice
	Notices []*knowledge.Notice // for the choice of notice, when there are several
	Today   knowledge.Date
}

// Href is a link to path with the query kv (name, value, …), and the
// notice shown when there are several to choose from. It is built with
// url.Values, so the template may take it as a URL.
func (c chrome) Href(path string, kv ...string) template.URL {
	q := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		q.Set(kv[i], kv[i+1])
	}
	if len(c.Notices) > 0 && c.Notice != nil {
		q.Set("notice", c.Notice.Number)
	}
	u := url.URL{Path: path, RawQuery: q.Encode()}
	return template.URL(u.String()) // escaped by url.Values and url.URL
}

func (s *Server) chrome(v *visit, n *knowledge.Notice, nav, titleID string) chrome {
	c := chrome{L: v.loc, Title: v.loc.T(titleID, nil), Nav: nav, Admin: v.admin(), User: v.claims.User,
		Notice: n, Today: s.today()}
	if ns, err := s.notices(v.r.Context()); err == nil && len(ns) > 1 {
		c.Notices = ns
	}
	return c
}

// boardPage is the board's template data.
type boardPage struct {
	chrome
	Board            *board
	Filter           filter
	AllUnits         []string
	Total            int // rows after filtering, before paging
	Page, Pages      int
	PrevURL, NextURL string
	Lights, Dues     []string
}

// serveBoard renders the board, filtered by the query's unit, section,
// light and due, a page of at most pageSize rows.
func (s *Server) serveBoard(v *visit) error {
	ctx := v.r.Context()
	n, parts, err := s.state(ctx, v.noticeWanted()) // read only: shared with other requests
	if err != nil {
		return err
	}
	today := s.today()
	q := v.r.URL.Query()
	f := filter{Unit: q.Get("unit"), Section: q.Get("section"), Light: q.Get("light"), Due: q.Get("due"), Sort: q.Get("sort")}
	f.Page, _ = strconv.Atoi(q.Get("page"))
	b := newBoard(n, parts, today, s.cal, s)
	all := b.Units
	b.apply(f, today)
	p := &boardPage{chrome: s.chrome(v, n, "board", "DashBoardTitle"), Board: b, Filter: f, AllUnits: all,
		Total: len(b.Rows), Lights: []string{"red", "yellow", "green", "none"},
		Dues: []string{dueOverdue, dueWeek, dueMonth, dueOngoing}}
	p.Pages = (len(b.Rows) + s.pageSize - 1) / s.pageSize
	p.Page = max(1, min(f.Page, p.Pages))
	if p.Pages > 1 {
		from := (p.Page - 1) * s.pageSize
		b.Rows = b.Rows[from:min(from+s.pageSize, len(b.Rows))]
		link := func(page int) string {
			q := v.r.URL.Query()
			q.Set("page", strconv.Itoa(page))
			return (&url.URL{Path: "/dashboard", RawQuery: q.Encode()}).String()
		}
		if p.Page > 1 {
			p.PrevURL = link(p.Page - 1)
		}
		if p.Page < p.Pages {
			p.NextURL = link(p.Page + 1)
		}
	}
	s.render(v.w, http.StatusOK, "board.html", p)
	return nil
}

// taskNumber reads the {n} of a task's address.
func taskNumber(v *visit, n *knowledge.Notice) (*knowledge.Task, error) {
	num, err := strconv.Atoi(v.r.PathValue("n"))
	if err != nil {
		return nil, errNotFound
	}
	t := n.Task(num)
	if t == nil {
		return nil, errNotFound
	}
	return t, nil
}
