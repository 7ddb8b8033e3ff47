package facts_test

import (
	"testing"

	"dutybot/i18n"
	"dutybot/i18n/facts"
	"dutybot/knowledge"
)

func TestMessages_existInEveryLanguage(t *testing.T) {
	b, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range b.Languages() {
		for _, id := range facts.MessageIDs() {
			if !b.Has(lang, id) {
				t.Errorf("%s: message %s is missing", lang, id)
			}
		}
	}
}

func TestRender(t *testing.T) {
	b, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	today := knowledge.Date{Year: 2019, Month: 9, Day: 20}
	due := knowledge.Deadline{Kind: knowledge.DeadlineDate, Text: "2019年8月底前", Date: knowledge.Date{Year: 2019, Month: 8, Day: 31}}
	bare := knowledge.Deadline{Kind: knowledge.DeadlineDate, Date: knowledge.Date{Year: 2019, Month: 10, Day: 8}}
	ongoing := knowledge.Deadline{Kind: knowledge.DeadlineOngoing, Text: "长期坚持"}
	tests := []struct {
		lang, what, got, want string
	}{
		{"zh-CN", "deadline", facts.Deadline(b.For("zh-CN"), due), "2019年8月底前"},
		{"en", "deadline", facts.Deadline(b.For("en"), due), "2019-08-31 (2019年8月底前)"},
		{"zh-CN", "deadline without words", facts.Deadline(b.For("zh-CN"), bare), "2019年10月8日"},
		{"zh-CN", "ongoing", facts.Deadline(b.For("zh-CN"), ongoing), "长期"},
		{"en", "none", facts.Deadline(b.For("en"), knowledge.Deadline{}), "none given"},
		{"zh-CN", "open, past its deadline", facts.Status(b.For("zh-CN"), knowledge.StatusOpen, due, today), "未完成（已逾期）"},
		{"en", "partly done, past its deadline", facts.Status(b.For("en"), knowledge.StatusPartial, due, today), "partly done (overdue)"},
		{"zh-CN", "done, past its deadline", facts.Status(b.For("zh-CN"), knowledge.StatusDone, due, today), "已完成"},
		{"zh-CN", "open, due on the day", facts.Status(b.For("zh-CN"), knowledge.StatusOpen, due, due.Date), "未完成"},
		{"en", "open, ongoing", facts.Status(b.For("en"), knowledge.StatusOpen, ongoing, today), "open"},
		{"zh-CN", "state", facts.State(b.For("zh-CN"), knowledge.StatusDone), "已完成"},
		{"zh-CN", "lead", facts.Role(b.For("zh-CN"), knowledge.RoleLead), "牵头"},
		{"en", "responsible", facts.Role(b.For("en"), knowledge.RoleResponsible), "responsible"},
		{"en", "bound translator", facts.Role(facts.Bind("en", func(lang, id string, data map[string]any) string { return b.For(lang).T(id, data) }), knowledge.RoleLead), "lead"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s %s = %q, want %q", tt.lang, tt.what, tt.got, tt.want)
		}
	}
	if m := b.Missing(); len(m) > 0 {
		t.Errorf("messages asked for and missing: %v", m)
	}
}
