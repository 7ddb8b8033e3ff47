package bot

import (
	"errors"
	"slices"
	"strings"
)

// This file holds where the loop's notifications go. The engine, not the
// adapter, decides it: a unit's bound channel, or the channel of units with
// none; the administrators' channel, or that same fallback. Adapters only
// post what they are given.

// Review marks a notification that asks for a review: Unit's part of task
// Task is waiting for it, and a rich adapter offers Approve and Reject,
// which send `approve Task Unit` and `reject Task Unit REASON` back as the
// presser.
type Review struct {
	Task int
	Unit string
}

// Attachment is a file that goes with a reply (the ledger's workbook):
// an adapter that can share files uploads it where the reply goes.
type Attachment struct {
	// Name is the file name, e.g. 台账-2019-09-20.xlsx.
	Name string
	// Title is what the file is called where it is shared.
	Title string
	// Data is the file's content.
	Data []byte
}

// WithChannels sets where notifications go that have no channel of their
// own: unbound is the channel of units with none bound
// ($DUTYBOT_REMINDER_CHANNEL), admin the administrators' channel
// ($DUTYBOT_ADMIN_CHANNEL, which falls back to unbound). Either may be "":
// a notification with nowhere to go is left out and logged.
func WithChannels(unbound, admin string) Option {
	return func(e *Engine) error {
		for _, ch := range []string{unbound, admin} {
			if strings.ContainsAny(ch, " ,\t\n") {
				return errors.New("channel " + ch + ": must be one channel ID")
			}
		}
		e.unboundChannel, e.adminChannel = unbound, admin
		return nil
	}
}

// address fills each notification's Channels: the bound channel of each
// of its units (or the unbound channel), then the administrators' channel
// when it is for them, each channel once. The bindings are read now, not
// from the snapshot, so that a replica that did not handle the bind knows
// it too.
func (r *request) address(ns []Notification) ([]Notification, error) {
	if len(ns) == 0 {
		return nil, nil
	}
	us, err := r.e.st.Units(r.ctx)
	if err != nil {
		return nil, err
	}
	bound := map[string]string{}
	for _, u := range us {
		if u.Channel != "" {
			bound[u.Name] = u.Channel
		}
	}
	out := make([]Notification, 0, len(ns))
	for _, n := range ns {
		var chs []string
		add := func(ch, who string) {
			if ch == "" {
				r.e.log.Warn("notification has no channel", "to", who)
				return
			}
			if !slices.Contains(chs, ch) {
				chs = append(chs, ch)
			}
		}
		for _, u := range n.Units {
			ch := bound[u]
			if ch == "" {
				ch = r.e.unboundChannel
			}
			add(ch, u)
		}
		if n.Admins {
			admin := r.e.adminChannel
			if admin == "" {
				admin = r.e.unboundChannel
			}
			add(admin, "administrators")
		}
		n.Channels = chs
		out = append(out, n)
	}
	return out, nil
}

// The sentences of this file's part of the loop (i18n/locales/loop.*.toml).
const (
	msgLoopLedgerFileName = "LoopLedgerFileName"
	msgLoopLedgerTitle    = "LoopLedgerTitle"
)

// loopMessageIDs lists every ID above, for the test that each exists in zh-CN and en.
var loopMessageIDs = []string{msgLoopLedgerFileName, msgLoopLedgerTitle}
