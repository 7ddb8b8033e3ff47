package bot

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// fakeLinker records what it was asked and makes a recognisable link.
type fakeLinker struct {
	err   error
	asked []string
}

func (f *fakeLinker) Link(user string, admin bool, now time.Time) (string, time.Time, error) {
	if f.err != nil {
		return "", time.Time{}, f.err
	}
	rights := "viewer"
	if admin {
		rights = "admin"
	}
	f.asked = append(f.asked, user+" "+rights)
	return "http://dash.test/dashboard?t=" + user + "." + rights, now.Add(7 * 24 * time.Hour), nil
}

var _ DashboardLinker = (*fakeLinker)(nil)

// TestDashboard_command: administrators get an admin link, liaisons a
// read-only one, anyone else a refusal that says why; without a linker the
// command says the dashboard is off; words after it make a question.
func TestDashboard_command(t *testing.T) {
	fl := &fakeLinker{}
	e, _ := newTestEngine(t, WithDashboard(fl))
	for _, lang := range []string{"zh-CN", "en"} {
		for _, id := range dashboardMessageIDs {
			if !e.bundle.Has(lang, id) {
				t.Errorf("%s: message %s is missing", lang, id)
			}
		}
	}
	say(t, e, admin, "zh-CN", "联络员 科技处 U0KJ")
	cases := []struct {
		user, lang, text string
		kind, want       string
	}{
		{admin, "zh-CN", "看板", "dashboard", "http://dash.test/dashboard?t=" + admin + ".admin"},
		{admin, "en", "dashboard", "dashboard", "valid until 2019-09-27 12:00"},
		{"U0KJ", "zh-CN", "看板", "dashboard", "?t=U0KJ.viewer"},
		{"U0NOBODY", "zh-CN", "看板", "refused", "仅对管理员和各单位联络员开放"},
		{"U0NOBODY", "en", "dashboard", "refused", "for administrators and units' liaisons"},
	}
	for _, c := range cases {
		rep := say(t, e, c.user, c.lang, c.text)
		if rep.Kind != c.kind || !strings.Contains(rep.Text, c.want) || rep.Changed || rep.Private != (c.kind == "dashboard") {
			t.Errorf("%s %q: kind %s, changed %v, text %q; want kind %s containing %q", c.user, c.text, rep.Kind, rep.Changed, rep.Text, c.kind, c.want)
		}
	}
	if got := strings.Join(fl.asked, ","); got != admin+" admin,"+admin+" admin,U0KJ viewer" {
		t.Errorf("links made: %s", got)
	}
	if rep := say(t, e, admin, "zh-CN", "看板 在哪里看"); rep.Kind == "dashboard" {
		t.Errorf("a question about the board was taken as the command: %q", rep.Text)
	}

	off, _ := newTestEngine(t)
	if rep := say(t, off, admin, "zh-CN", "看板"); rep.Kind != "refused" || !strings.Contains(rep.Text, "未开启网页看板") {
		t.Errorf("no linker: %s %q", rep.Kind, rep.Text)
	}
	broken, _ := newTestEngine(t, WithDashboard(&fakeLinker{err: errors.New("database gone")}))
	if rep := say(t, broken, admin, "en", "dashboard"); rep.Kind != "refused" || strings.Contains(rep.Text, "database gone") {
		t.Errorf("linker failing: %s %q", rep.Kind, rep.Text)
	}
	if rep := say(t, e, "U0NOBODY", "en", "help"); !strings.Contains(rep.Text, "dashboard / 看板") {
		t.Errorf("help does not name the dashboard command:\n%s", rep.Text)
	}
	if rep := say(t, off, "U0NOBODY", "en", "help"); strings.Contains(rep.Text, "看板") {
		t.Errorf("help names the dashboard where it is off:\n%s", rep.Text)
	}
	if _, err := New(nil); err == nil {
		t.Error("New(nil) succeeded")
	}
	if _, err := newEngineErr(WithDashboard(nil)); !errors.Is(err, ErrNilDashboard) {
		t.Errorf("WithDashboard(nil): %v, want ErrNilDashboard", err)
	}
}

func newEngineErr(opts ...Option) (*Engine, error) {
	e := &Engine{}
	for _, o := range opts {
		if err := o(e); err != nil {
			return nil, err
		}
	}
	return e, nil
}
