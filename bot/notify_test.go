package bot

import (
	"bytes"
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

func TestLoop_messagesExistInEveryLanguage(t *testing.T) {
	e, _ := newTestEngine(t)
	for _, lang := range []string{"zh-CN", "en"} {
		for _, id := range loopMessageIDs {
			if !e.bundle.Has(lang, id) {
				t.Errorf("%s: message %s is missing", lang, id)
			}
		}
	}
}

// TestLedger_attachment checks that 台账 carries the workbook for an
// administrator, named in the asker's language, and nothing for others.
func TestLedger_attachment(t *testing.T) {
	e, _ := newTestEngine(t)
	for _, c := range []struct{ lang, text, name string }{{"zh-CN", "台账", "督办台账-2019-09-20.xlsx"}, {"en", "ledger", "ledger-2019-09-20.xlsx"}} {
		rep := say(t, e, admin, c.lang, c.text)
		if rep.Err != nil || rep.Attachment == nil || rep.Attachment.Name != c.name || !bytes.HasPrefix(rep.Attachment.Data, []byte("PK")) {
			t.Fatalf("%s: %q %+v", c.text, rep.Text, rep.Attachment)
		}
	}
	if rep := say(t, e, "U0SOMEONE", "zh-CN", "台账"); rep.Err == nil || rep.Attachment != nil {
		t.Fatalf("a non-administrator's 台账: %q", rep.Text)
	}
}
