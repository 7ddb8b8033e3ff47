package reminders

import (
	"testing"

	"dutybot/knowledge"
)

// TestPlan_archivedNotice: two notices planned together keep their own
// reminders, and an archived one gets none while the other's are unchanged.
func TestPlan_archivedNotice(t *testing.T) {
	p := mustPolicy(t)
	from, to := autumn(p)
	first := loadNotice(t, "notice.yaml")
	second := loadNotice(t, "notice.yaml")
	second.Number = "淮公通〔2019〕400号"
	count := func(ns ...*knowledge.Notice) map[string]int {
		by := map[string]int{}
		for _, r := range Plan(ns, nil, nil, p, from, to) {
			by[r.Notice]++
		}
		return by
	}
	alone := count(first)[first.Number]
	if alone == 0 {
		t.Fatal("the notice alone has no reminders")
	}
	both := count(first, second)
	if both[first.Number] != alone || both[second.Number] != alone {
		t.Fatalf("two notices: %v, want %d each", both, alone)
	}
	second.Archived = true
	if got := count(first, second); got[first.Number] != alone || got[second.Number] != 0 {
		t.Errorf("second archived: %v, want %d of %s and none of %s", got, alone, first.Number, second.Number)
	}
}
