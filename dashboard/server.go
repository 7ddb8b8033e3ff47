// Package dashboard serves the web board of the people who run the table
// (docs/cli.md §10): the tasks × units board of lights, a task's page, the
// units' ranking, progress over time, the ledger's downloads and each
// unit's calendar feed. Pages are rendered on the server with html/template;
// the CSS and the little script are embedded, so it works on an office
// network with no internet. Nothing is public: every page needs a signed
// link (dashboard/token) that the chat command `dashboard` hands out, and
// no GET changes anything.
package dashboard

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"time"

	"dutybot/dashboard/token"
	"dutybot/i18n"
	"dutybot/knowledge"
	"dutybot/store"
)

// Store is what the dashboard reads (and the one change it makes, a
// calendar feed's rotation); the store package implements it.
type Store interface {
	Notices(ctx context.Context) ([]*knowledge.Notice, error)
	Parts(ctx context.Context, notice string) ([]knowledge.Part, error)
	Reports(ctx context.Context, ref knowledge.TaskRef, unit string) ([]knowledge.Report, error)
	Liaisons(ctx context.Context) (map[string][]string, error)
	Audit(ctx context.Context) ([]knowledge.AuditEntry, error)
	Reminders(ctx context.Context, state knowledge.DeliveryState) ([]knowledge.LoggedReminder, error)
	CalendarGenerations(ctx context.Context) (map[string]int64, error)
	RotateCalendar(ctx context.Context, unit string, by knowledge.Actor) (int64, error)
	AuditHead(ctx context.Context) (store.AuditHead, error)
	AuditAfter(ctx context.Context, seq int64, limit int) ([]knowledge.AuditEntry, error)
	TaskParts(ctx context.Context, notice string, tasks []int) ([]knowledge.Part, error)
}

// Errors of New.
var (
	ErrNoStore  = errors.New("dashboard: no store")
	ErrNoSigner = errors.New("dashboard: no signer")
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Server is the dashboard's HTTP handler. It is safe for concurrent use.
type Server struct {
	st       Store
	signer   *token.Signer
	bundle   *i18n.Bundle
	now      func() time.Time
	loc      *time.Location
	cal      knowledge.Workdays
	log      *slog.Logger
	secure   bool // cookies only over HTTPS (a public URL that is https://)
	pageSize int
	tpl      *template.Template
	cache    stateCache
}

// New returns a dashboard over st whose links signer checks.
func New(st Store, signer *token.Signer, opts ...Option) (*Server, error) {
	if st == nil {
		return nil, ErrNoStore
	}
	if signer == nil {
		return nil, ErrNoSigner
	}
	s := &Server{st: st, signer: signer, now: time.Now, loc: knowledge.China,
		log: slog.New(slog.NewTextHandler(io.Discard, nil)), pageSize: 200}
	for _, o := range opts {
		if err := o(s); err != nil {
			return nil, fmt.Errorf("dashboard: %w", err)
		}
	}
	if s.bundle == nil {
		b, err := i18n.New()
		if err != nil {
			return nil, fmt.Errorf("dashboard: %w", err)
		}
		s.bundle = b
	}
	tpl, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("dashboard: parse templates: %w", err)
	}
	s.tpl = tpl
	return s, nil
}

// Handler serves the dashboard's pages under /dashboard and the calendar
// feeds under /calendar/.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /dashboard", s.page(s.serveBoard))
	mux.Handle("GET /dashboard/task/{n}", s.page(s.serveTask))
	mux.Handle("GET /dashboard/units", s.page(s.serveUnits))
	mux.Handle("GET /dashboard/progress", s.page(s.serveProgress))
	mux.Handle("GET /dashboard/ledger.xlsx", s.page(s.serveLedger))
	mux.Handle("GET /dashboard/ledger.csv", s.page(s.serveLedger))
	mux.Handle("POST /dashboard/calendar/rotate", s.page(s.serveRotate))
	mux.HandleFunc("GET /calendar/{file}", s.serveCalendar)
	mux.Handle("GET /dashboard/static/", http.StripPrefix("/dashboard/", http.FileServerFS(staticFS)))
	return headers(mux)
}

// csp allows the page's own stylesheet and script and nothing else: no
// inline script, no other origin, no framing, forms only to the dashboard.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// headers sets the security headers on every answer, error pages included.
func headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// today is the dashboard's day in the notices' time zone.
func (s *Server) today() knowledge.Date { return knowledge.DateOf(s.now().In(s.loc)) }

// notice returns the notice the dashboard shows: the latest imported, as
// in chat.
func (s *Server) notice(ctx context.Context) (*knowledge.Notice, error) {
	n, _, err := s.state(ctx, "")
	return n, err
}

var errNoNotice = errors.New("no notice imported")
