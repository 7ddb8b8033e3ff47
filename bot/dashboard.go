package bot

import (
	"errors"
	"time"
)

// This file holds the chat command `dashboard` / `看板` (docs/cli.md §10): it
// answers the asker with a link to the web dashboard that carries a signed
// token, valid seven days, with the asker's ID and rights. The engine
// only asks a DashboardLinker for the link; it knows nothing of the web
// server.

// DashboardLinker makes a user's dashboard link (dashboard/token.Linker).
type DashboardLinker interface {
	// Link returns the link for user (an administrator or not), made at
	// now, and when it expires.
	Link(user string, admin bool, now time.Time) (link string, expires time.Time, err error)
}

// ErrNilDashboard is WithDashboard(nil).
var ErrNilDashboard = errors.New("nil dashboard linker")

// WithDashboard lets `dashboard` / `看板` answer with links l makes; without
// it the command says the dashboard is not set up.
func WithDashboard(l DashboardLinker) Option {
	return func(e *Engine) error {
		if l == nil {
			return ErrNilDashboard
		}
		e.dashboard = l
		return nil
	}
}

// The dashboard command's message IDs (i18n/locales/dashboard.*.toml).
const (
	msgDashHelp          = "DashHelp"
	msgDashLink          = "DashLink"
	msgDashErrOff        = "DashErrOff"
	msgDashErrNotAllowed = "DashErrNotAllowed"
	msgDashErrFailed     = "DashErrFailed"
)

// dashboardMessageIDs lists the IDs above, for the test that each exists in zh-CN and en.
var dashboardMessageIDs = []string{msgDashHelp, msgDashLink, msgDashErrOff, msgDashErrNotAllowed, msgDashErrFailed}

func init() {
	commandWords["dashboard"] = "dashboard"
	commandWords["看板"] = "dashboard"
}

// dashboard answers `dashboard`: a link for administrators (who see
// everything) and liaisons (who see the board read-only and act in
// chat); anyone else is refused, and told why. Words after the command
// make it a question (看板 在哪里看).
func (r *request) dashboard(args []string) (Reply, bool, error) {
	if len(args) > 0 {
		return Reply{}, false, nil
	}
	if r.e.dashboard == nil {
		return Reply{}, true, refuse(msgDashErrOff, nil)
	}
	admin := r.e.admins[r.msg.User]
	if !admin {
		ls, err := r.e.st.Liaisons(r.ctx)
		if err != nil {
			return Reply{}, true, err
		}
		if !isLiaison(ls, r.msg.User) {
			return Reply{}, true, refuse(msgDashErrNotAllowed, nil)
		}
	}
	now := r.msg.Now
	if now.IsZero() {
		now = r.e.now()
	}
	link, exp, err := r.e.dashboard.Link(r.msg.User, admin, now)
	if err != nil {
		r.e.log.Error("dashboard link failed", "user", r.msg.User, "err", err)
		return Reply{}, true, refuse(msgDashErrFailed, nil)
	}
	text := r.loc.T(msgDashLink, map[string]any{"URL": link, "Expires": exp.In(r.e.loc).Format("2006-01-02 15:04")})
	return Reply{Kind: "dashboard", Headline: text, Text: text, Tasks: []int{}, Private: true}, true, nil
}

func isLiaison(ls map[string][]string, user string) bool {
	for _, users := range ls {
		for _, u := range users {
			if u == user {
				return true
			}
		}
	}
	return false
}
