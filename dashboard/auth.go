package dashboard

import (
	"bytes"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"dutybot/dashboard/token"
	"dutybot/i18n"
)

// cookieName holds the user's token once the link has been opened.
const cookieName = "dutybot_dashboard"

// visit is one authorised request: who asks, in which language.
type visit struct {
	w      http.ResponseWriter
	r      *http.Request
	claims token.Claims
	tok    string
	loc    *i18n.Localizer
}

func (v *visit) admin() bool { return v.claims.Rights == token.Admin }

// noticeWanted is the notice the page asks for (?notice=文号); "" for the
// newest in force.
func (v *visit) noticeWanted() string { return v.r.URL.Query().Get("notice") }

// page wraps a handler of the dashboard's pages: a link's token (?t=) is
// moved into an HttpOnly, SameSite=Strict cookie and the address cleaned;
// otherwise the cookie must carry a valid token. Anything else gets 401 and
// a sentence that says how to get a new link, and no data.
func (s *Server) page(h func(*visit) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		loc := s.localizer(r)
		if t := r.URL.Query().Get("t"); t != "" {
			s.exchange(w, r, t, loc)
			return
		}
		c, err := r.Cookie(cookieName)
		if err != nil {
			s.unauthorised(w, loc, errors.New("no token"))
			return
		}
		claims, err := s.signer.Verify(c.Value, s.now())
		if err != nil {
			s.clearCookie(w)
			s.unauthorised(w, loc, err)
			return
		}
		v := &visit{w: w, r: r, claims: claims, tok: c.Value, loc: loc}
		if err := h(v); err != nil {
			s.fail(v, err)
		}
	})
}

// exchange checks a link's token and, when it holds, sets the cookie and
// sends the browser on to the same address without the token. The page
// moves on by itself (a meta refresh) rather than by a redirect: a
// SameSite=Strict cookie set in answer to a link followed from another
// site (the chat) is withheld from a redirect of that same navigation.
func (s *Server) exchange(w http.ResponseWriter, r *http.Request, t string, loc *i18n.Localizer) {
	if _, err := s.signer.Verify(t, s.now()); err != nil {
		s.unauthorised(w, loc, err)
		return
	}
	// A session cookie: the token inside carries its own expiry, checked
	// on every request, and the browser forgets it when it closes.
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: t, Path: "/",
		HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteStrictMode})
	q := r.URL.Query()
	q.Del("t")
	clean := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
	s.render(w, http.StatusOK, "enter.html", map[string]any{"L": loc, "To": clean.String()})
}

func (s *Server) clearCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteStrictMode})
}

// unauthorised answers 401 with the sentence that says how to get a new
// link; why (expired, forged, none) goes to the log only.
func (s *Server) unauthorised(w http.ResponseWriter, loc *i18n.Localizer, why error) {
	s.log.Info("dashboard: request refused", "why", why)
	s.render(w, http.StatusUnauthorized, "denied.html", map[string]any{"L": loc})
}

// fail answers a page that could not be made: 404 for what does not exist,
// 403 for what the user may not do, 500 (logged) for anything else.
func (s *Server) fail(v *visit, err error) {
	code, id := http.StatusInternalServerError, "DashErrInternal"
	switch {
	case errors.Is(err, errNotFound):
		code, id = http.StatusNotFound, "DashErrNotFound"
	case errors.Is(err, errForbidden):
		code, id = http.StatusForbidden, "DashErrForbidden"
	case errors.Is(err, errBadRequest):
		code, id = http.StatusBadRequest, "DashErrBadRequest"
	default:
		s.log.Error("dashboard: page failed", "path", v.r.URL.Path, "user", v.claims.User, "err", err)
	}
	s.render(v.w, code, "error.html", map[string]any{"L": v.loc, "Message": v.loc.T(id, nil)})
}

var (
	errNotFound   = errors.New("not found")
	errForbidden  = errors.New("forbidden")
	errBadRequest = errors.New("bad request")
)

// localizer picks the page's language: ?lang=, else the browser's first
// language; Chinese unless it is English.
func (s *Server) localizer(r *http.Request) *i18n.Localizer {
	lang := r.URL.Query().Get("lang")
	if lang == "" {
		lang, _, _ = strings.Cut(r.Header.Get("Accept-Language"), ",")
	}
	return s.bundle.For(lang)
}

// render executes a template into a buffer first, so that a template error
// never leaves half a page behind a 200.
func (s *Server) render(w http.ResponseWriter, code int, name string, data any) {
	var buf bytes.Buffer
	if err := s.tpl.ExecuteTemplate(&buf, name, data); err != nil {
		s.log.Error("dashboard: render", "template", name, "err", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_, _ = w.Write(buf.Bytes())
}
