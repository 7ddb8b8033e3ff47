package reminders

import (
	"slices"
	"testing"

	"dutybot/knowledge"
)

// TestPlan_memberCompletion runs the built-in notice through the real store
// on both engines: 各分县局 gets two members, and each member that marks
// its part of task 2 done hears no more of it, while the lead unit's
// chase lists the members still late.
func TestPlan_memberCompletion(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			ctx := t.Context()
			admin := knowledge.Actor{User: "U_ADMIN", Via: "cli"}
			db, n := builtinStore(t, engine, admin)
			if err := db.SetMembers(ctx, "各分县局", []string{"凤台县局", "寿县局"}, admin); err != nil {
				t.Fatal(err)
			}
			p := mustPolicy(t)
			from, to := DayWindow(date(2019, 9, 1), date(2019, 10, 31), p)
			ref := knowledge.TaskRef{Notice: n.Number, Number: 2}
			plan := func() ([]knowledge.Reminder, []knowledge.Assignment, *knowledge.Notice) {
				t.Helper()
				ns, err := db.Notices(ctx)
				if err != nil {
					t.Fatal(err)
				}
				as, err := db.Assignments(ctx, n.Number)
				if err != nil {
					t.Fatal(err)
				}
				return Plan(ns, map[string][]knowledge.Assignment{n.Number: as}, nil, p, from, to), as, ns[0]
			}
			lead := n.Task(2).Lead[0]
			steps := []struct {
				name      string
				done      string // member marking its part of task 2 done
				reminded  []string
				quiet     []string
				late      []string // in the lead unit's overdue chase
				notLate   []string
				wantState knowledge.Status
			}{
				{"members replace the group", "", []string{"凤台县局", "寿县局"}, []string{"各分县局"}, []string{"凤台县局", "寿县局"}, []string{"各分县局"}, knowledge.StatusOpen},
				{"a member done hears no more", "凤台县局", []string{"寿县局"}, []string{"凤台县局", "各分县局"}, []string{"寿县局"}, []string{"凤台县局", "各分县局"}, knowledge.StatusPartial},
				{"the last member done finishes the group", "寿县局", nil, []string{"凤台县局", "寿县局", "各分县局"}, nil, []string{"凤台县局", "寿县局", "各分县局"}, knowledge.StatusPartial},
			}
			for _, s := range steps {
				t.Run(s.name, func(t *testing.T) {
					if s.done != "" {
						if err := db.SetDone(ctx, ref, s.done, true, admin); err != nil {
							t.Fatal(err)
						}
					}
					rs, as, stored := plan()
					for _, u := range s.reminded {
						if len(find(rs, 2, u, "")) == 0 {
							t.Errorf("%s not reminded of task 2", u)
						}
					}
					for _, u := range s.quiet {
						if got := find(rs, 2, u, ""); len(got) > 0 {
							t.Errorf("%s reminded of task 2 %d times", u, len(got))
						}
					}
					if len(find(rs, 1, "凤台县局", "")) == 0 {
						t.Error("凤台县局 not reminded of task 1, which it has not finished")
					}
					late := lateUnits(stored, as, 2, lead)
					for _, u := range s.late {
						if !slices.Contains(late, u) {
							t.Errorf("late units %v lack %s", late, u)
						}
					}
					for _, u := range s.notLate {
						if slices.Contains(late, u) {
							t.Errorf("late units %v list %s", late, u)
						}
					}
					var mine []knowledge.Assignment
					for _, a := range as {
						if a.Task == 2 {
							mine = append(mine, a)
						}
					}
					if got := knowledge.DeriveStatus(mine); got != s.wantState {
						t.Errorf("task 2 status %s, want %s", got, s.wantState)
					}
				})
			}
		})
	}
}
