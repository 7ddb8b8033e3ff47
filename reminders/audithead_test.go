package reminders

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"dutybot/knowledge"
	"dutybot/knowledge/builtin"
	"dutybot/store"
)

// TestDispatcher_Tick_summaryPublishesAuditHead: the weekly summary (and
// only the summary) carries the audit chain's head; a head that cannot be
// read costs the line, not the tick.
func TestDispatcher_Tick_summaryPublishesAuditHead(t *testing.T) {
	head := "12:" + strings.Repeat("ab", 32)
	tests := []struct {
		name string
		read func(context.Context) (string, error)
		want string // in the summary; "" for no head line
	}{
		{"a head", func(context.Context) (string, error) { return head, nil }, "Audit chain head: " + head},
		{"an empty log", func(context.Context) (string, error) { return "", nil }, ""},
		{"a failed read", func(context.Context) (string, error) { return "", errors.New("connection refused") }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := newRig(t)
			d := g.dispatcher(t, WithUnitLanguage(AdminUnit, "en"), WithAuditHead(tt.read))
			tick(t, d, at(2019, 9, 16, 9, 0))
			var summary *Delivery
			for _, m := range g.sender.messages() {
				if m.d.Unit == AdminUnit {
					summary = &m.d
				} else if strings.Contains(m.d.Text, "Audit chain head") || strings.Contains(m.d.Text, "审计链头") {
					t.Errorf("a unit's reminder carries the head:\n%s", m.d.Text)
				}
			}
			if summary == nil {
				t.Fatal("no summary on Monday 09-16")
			}
			has := strings.Contains(summary.Text, "Audit chain head")
			if tt.want == "" && has || tt.want != "" && !strings.Contains(summary.Text, tt.want+" (to check it later: dutybot audit --verify --head "+head+")") {
				t.Errorf("summary:\n%s\nwant head line %q", summary.Text, tt.want)
			}
			if m := g.bundle.Missing(); len(m) > 0 {
				t.Errorf("messages missing from the bundle: %v", m)
			}
		})
	}
	if _, err := NewDispatcher(newFakeSource(loadNotice(t, "notice.yaml")), newFakeLog(), &fakeSender{}, mustPolicy(t), WithAuditHead(nil)); err == nil {
		t.Error("WithAuditHead(nil) accepted")
	}
}

// TestDispatcher_Tick_summaryHeadFromStore: with a real store, the head the
// summary publishes is the one `audit --verify --head` checks.
func TestDispatcher_Tick_summaryHeadFromStore(t *testing.T) {
	ctx := t.Context()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "dutybot.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	n, err := builtin.Notice()
	if err != nil {
		t.Fatal(err)
	}
	if err := db.ImportNotice(ctx, n, knowledge.Actor{User: "test", Via: "cli"}); err != nil {
		t.Fatal(err)
	}
	g := newRig(t)
	d, err := NewDispatcher(db, g.log, g.sender, g.policy, WithClock(g.clock), WithChannelGap(0),
		WithDefaultChannel("C-DEFAULT"), WithAdminChannel("C-ADMIN"), WithTranslator(BundleTranslator(g.bundle)),
		WithAuditHead(func(ctx context.Context) (string, error) {
			h, err := db.AuditHead(ctx)
			return h.String(), err
		}))
	if err != nil {
		t.Fatal(err)
	}
	tick(t, d, at(2019, 9, 16, 9, 0))
	want, _ := db.AuditHead(ctx)
	for _, m := range g.sender.messages() {
		if m.d.Unit != AdminUnit {
			continue
		}
		if !strings.Contains(m.d.Text, "审计链头："+want.String()) {
			t.Fatalf("summary does not publish head %s:\n%s", want, m.d.Text)
		}
		if seq, err := db.VerifyHeads(ctx, want); seq != 0 || err != nil {
			t.Fatalf("the published head does not verify: %d, %v", seq, err)
		}
		return
	}
	t.Fatal("no summary on Monday 09-16")
}
