package bot

import (
	"slices"
	"testing"
)

// TestNotify_channels checks where the loop's notifications go: a unit's
// bound channel, else the channel of unbound units; the administrators'
// channel, else that same fallback; each channel once; and a claim asks
// its readers for a review.
func TestNotify_channels(t *testing.T) {
	for _, c := range []struct {
		name           string
		unbound, admin string
		bind           bool
		problem, claim []string // the channels of the problem and of the claim
		reject         []string // the channels that tell 科技处 of the rejection
	}{
		{"bound lead, admin channel", "C0REMIND", "C0ADMIN", true, []string{"C0FZ", "C0ADMIN"}, []string{"C0FZ", "C0ADMIN"}, []string{"C0REMIND"}},
		{"unbound lead", "C0REMIND", "C0ADMIN", false, []string{"C0REMIND", "C0ADMIN"}, []string{"C0REMIND", "C0ADMIN"}, []string{"C0REMIND"}},
		{"no admin channel: once in the fallback", "C0REMIND", "", false, []string{"C0REMIND"}, []string{"C0REMIND"}, []string{"C0REMIND"}},
		{"no channels at all", "", "", true, []string{"C0FZ"}, []string{"C0FZ"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, _ := newTestEngine(t, WithChannels(c.unbound, c.admin))
			if c.bind {
				if rep := say(t, e, admin, "zh-CN", "绑定 法制支队 C0FZ"); rep.Err != nil {
					t.Fatal(rep.Text)
				}
			}
			for _, s := range []string{"联络员 科技处 U0KJ", "联络员 法制支队 U0FZ"} {
				if rep := say(t, e, admin, "zh-CN", s); rep.Err != nil {
					t.Fatal(rep.Text)
				}
			}
			check := func(text, user string, want []string, review bool) {
				t.Helper()
				rep := say(t, e, user, "zh-CN", text)
				if rep.Err != nil || len(rep.Notify) != 1 {
					t.Fatalf("%s: %q %+v", text, rep.Text, rep.Notify)
				}
				n := rep.Notify[0]
				if !slices.Equal(n.Channels, want) {
					t.Errorf("%s: channels %q, want %q", text, n.Channels, want)
				}
				if got := n.Review != nil && *n.Review == (Review{Task: 22, Unit: "科技处"}); got != review {
					t.Errorf("%s: review %+v", text, n.Review)
				}
			}
			check("问题 22 经费未落实", "U0KJ", c.problem, false)
			check("申请办结 22 已印发", "U0KJ", c.claim, true)
			check("退回 22 科技处 未附文件", "U0FZ", c.reject, false)
		})
	}
}

func TestWithChannels_refusesAList(t *testing.T) {
	if _, err := New(newStore(t, huainan(t)), WithChannels("C1,C2", "")); err == nil {
		t.Fatal("a list of channels was taken as one")
	}
}
