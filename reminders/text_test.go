package reminders

import (
	"os"
	"strings"
	"testing"

	"dutybot/i18n"
	"dutybot/knowledge"
)

// TestMessages_golden renders what 法制支队 reads after a downtime, in both
// languages, and the weekly summary, against golden files.
func TestMessages_golden(t *testing.T) {
	b, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	tr := BundleTranslator(b)
	n := loadNotice(t, "notice.yaml")
	as := newFakeSource(n).assign
	as[0].Done = true // task 1, 市局办公室 (lead) is done: it is not listed as late
	items := []item{
		{r: knowledge.Reminder{Task: 1, Unit: "法制支队", Role: knowledge.RoleResponsible, Kind: knowledge.KindOverdue, Due: date(2019, 8, 31)}},
		{r: knowledge.Reminder{Task: 3, Unit: "法制支队", Role: knowledge.RoleLead, Kind: knowledge.KindOverdue, Due: date(2019, 9, 30)}},
		{r: knowledge.Reminder{Task: 4, Unit: "法制支队", Role: knowledge.RoleResponsible, Kind: knowledge.KindBefore, Due: date(2019, 10, 31)}},
		{r: knowledge.Reminder{Task: 5, Unit: "法制支队", Role: knowledge.RoleLead, Kind: knowledge.KindDigest}},
		{r: knowledge.Reminder{Task: 5, Unit: "法制支队", Role: knowledge.RoleLead, Kind: knowledge.KindBefore, Due: date(2020, 1, 20)}},
	}
	for i := range items {
		items[i].notice, items[i].task = n, n.Task(items[i].r.Task)
	}
	items[1].lateUnits = lateUnits(n, as, 3, "法制支队")
	today := date(2019, 10, 8)
	var got strings.Builder
	for _, lang := range []string{"zh-CN", "en"} {
		got.WriteString("== " + lang + "\n")
		got.WriteString(unitMessage(tr, lang, "法制支队", true, items, today))
		got.WriteString("\n\n")
		s, ok := summaryMessage(tr, lang, n, as, today, 14, false)
		if !ok {
			t.Fatal("summary: nothing to report")
		}
		got.WriteString(s + "\n\n")
	}
	golden := "testdata/messages.golden.txt"
	if *update {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if got.String() != string(want) {
		t.Errorf("messages differ from %s (go test -update rewrites it):\n%s", golden, got.String())
	}
	if m := b.Missing(); len(m) > 0 {
		t.Errorf("messages missing from the bundle: %v", m)
	}
	t.Run("nothing to report", func(t *testing.T) {
		for i := range as {
			as[i].Done = true
		}
		if s, ok := summaryMessage(tr, "zh-CN", n, as, today, 14, false); ok {
			t.Errorf("summary with every task done:\n%s", s)
		}
	})
}

// TestUnitMessage_bothRoles: a unit that both leads and does a task hears of
// the task once, with both of its parts.
func TestUnitMessage_bothRoles(t *testing.T) {
	b, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	n := loadNotice(t, "notice.yaml")
	task := n.Task(3)
	items := []item{
		{r: knowledge.Reminder{Task: 3, Unit: "法制支队", Role: knowledge.RoleLead, Kind: knowledge.KindBefore, Due: date(2019, 9, 30)}, notice: n, task: task},
		{r: knowledge.Reminder{Task: 3, Unit: "法制支队", Role: knowledge.RoleResponsible, Kind: knowledge.KindBefore, Due: date(2019, 9, 30)}, notice: n, task: task},
	}
	msg := unitMessage(BundleTranslator(b), "zh-CN", "法制支队", false, items, date(2019, 9, 23))
	if c := strings.Count(msg, "第3项"); c != 1 {
		t.Errorf("task 3 named %d times, want once:\n%s", c, msg)
	}
	for _, want := range []string{"牵头单位", "责任单位"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks the %s part:\n%s", want, msg)
		}
	}
	if c := strings.Count(msg, "/duty task 3"); c != 1 {
		t.Errorf("the how-to-ask line appears %d times, want once:\n%s", c, msg)
	}
}
