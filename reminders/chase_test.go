package reminders

import (
	"slices"
	"testing"

	"dutybot/knowledge"
)

// chaseNotice is a one-task notice due on due, led by 法制支队.
func chaseNotice(due knowledge.Date) *knowledge.Notice {
	return &knowledge.Notice{
		Number: "追〔2019〕1号", Date: date(2019, 8, 1),
		Units: []knowledge.Unit{{Name: "法制支队"}},
		Tasks: []knowledge.Task{{Number: 1, Content: "任务。", Lead: []string{"法制支队"},
			Deadline: knowledge.Deadline{Text: due.String(), Kind: knowledge.DeadlineDate, Date: due}}},
	}
}

func chaseDays(t *testing.T, p *Policy, due, from, to knowledge.Date) []string {
	t.Helper()
	f, tt := DayWindow(from, to, p)
	return days(find(Plan([]*knowledge.Notice{chaseNotice(due)}, nil, nil, p, f, tt), 1, "法制支队", knowledge.KindOverdue))
}

// TestPlan_overdueChases checks chases against the official 2019 calendar:
// National Day ran 10-01..10-07, with 09-29 (Sunday) and 10-12 (Saturday)
// worked instead. A chase on a holiday moves back to the working day before
// it, and one that would land on or before the previous chase is dropped.
func TestPlan_overdueChases(t *testing.T) {
	weekly := mustPolicy(t)
	daily := mustPolicy(t, WithOverdueEvery(1))
	tests := []struct {
		name     string
		p        *Policy
		due      knowledge.Date
		from, to knowledge.Date
		want     []string
	}{
		{"weekly chase on National Day moves back", weekly, date(2019, 9, 18), date(2019, 9, 1), date(2019, 10, 20),
			[]string{"2019-09-19", "2019-09-26", "2019-09-30", "2019-10-10", "2019-10-17"}},
		{"moved chase colliding with the last is dropped", weekly, date(2019, 8, 31), date(2019, 9, 1), date(2019, 10, 20),
			[]string{"2019-09-02", "2019-09-09", "2019-09-16", "2019-09-23", "2019-09-30", "2019-10-14"}},
		{"daily chase over the holiday", daily, date(2019, 9, 27), date(2019, 9, 1), date(2019, 10, 14),
			[]string{"2019-09-29", "2019-09-30", "2019-10-08", "2019-10-09", "2019-10-10", "2019-10-11", "2019-10-12", "2019-10-14"}},
		{"first chase after a holiday stays forward", weekly, date(2019, 9, 30), date(2019, 9, 1), date(2019, 10, 31),
			[]string{"2019-10-08", "2019-10-15", "2019-10-22", "2019-10-29"}},
		{"window starting after the holiday", weekly, date(2019, 8, 31), date(2019, 10, 9), date(2019, 11, 10),
			[]string{"2019-10-14", "2019-10-21", "2019-10-28", "2019-11-04"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := chaseDays(t, tt.p, tt.due, tt.from, tt.to); !slices.Equal(got, tt.want) {
				t.Errorf("chases %v\nwant   %v", got, tt.want)
			}
		})
	}
}

// TestPlan_overdueChases_window checks that a chase does not depend on the
// window it is planned in: every one-week window of autumn 2019 holds
// exactly the chases of the whole season that fall in it.
func TestPlan_overdueChases_window(t *testing.T) {
	for _, p := range []*Policy{mustPolicy(t), mustPolicy(t, WithOverdueEvery(1)), mustPolicy(t, WithOverdueEvery(3))} {
		for _, due := range []knowledge.Date{date(2019, 8, 31), date(2019, 9, 18), date(2019, 9, 27)} {
			season := chaseDays(t, p, due, date(2019, 8, 1), date(2020, 3, 1))
			for from := date(2019, 9, 1); from.Before(date(2020, 2, 1)); from = from.AddDays(1) {
				to := from.AddDays(6)
				var want []string
				for _, d := range season {
					if d >= from.String() && d <= to.String() {
						want = append(want, d)
					}
				}
				if got := chaseDays(t, p, due, from, to); !slices.Equal(got, want) {
					t.Fatalf("every %d, due %s, window %s..%s: %v, want %v", p.OverdueEvery(), due, from, to, got, want)
				}
			}
		}
	}
}
