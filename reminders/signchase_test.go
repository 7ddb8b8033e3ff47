package reminders

import (
	"slices"
	"strings"
	"testing"

	"dutybot/i18n"
	"dutybot/knowledge"
	"dutybot/knowledge/builtin"
	"dutybot/store"
)

func TestAddWorkdays(t *testing.T) {
	cal := mustPolicy(t).Calendar()
	for _, c := range []struct {
		from, want knowledge.Date
		cal        knowledge.Workdays
	}{
		{date(2019, 10, 17), date(2019, 10, 21), cal}, // Thursday → Monday
		{date(2019, 9, 27), date(2019, 9, 30), cal},   // Friday → Sunday 09-29, a make-up working day, then 09-30
		{date(2019, 9, 30), date(2019, 10, 9), cal},   // National Day, 10-01..10-07, then 10-08, 10-09
		{date(2019, 9, 30), date(2019, 10, 2), nil},   // Monday to Friday only
	} {
		if got := addWorkdays(c.cal, c.from, signChaseAfter); got != c.want {
			t.Errorf("%s + %d working days = %s, want %s", c.from, signChaseAfter, got, c.want)
		}
	}
}

// TestDispatcher_signChase runs two replicas over a real store (SQLite,
// PostgreSQL) on the fake clock, one tick each at 09:00 and 10:00 a day,
// from 2019-10-16 to 10-23. Task 22's first reminder goes out on Thursday
// 10-17; 法制支队 (lead) signs that day and 各行政执法警种 on 10-18; 科技处 and
// 各分县局 never do. On Monday 10-21, two working days on, each of the two
// is told again, once, and 法制支队 hears that those two have not signed;
// nothing of it comes before, nothing twice, and `remind plan` never
// shows it.
func TestDispatcher_signChase(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			ctx := t.Context()
			dsn := storeDSN(t, engine)
			var dbs []*store.DB
			for range 2 {
				db, err := store.Open(ctx, dsn)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { db.Close() })
				dbs = append(dbs, db)
			}
			n, err := builtin.Notice()
			if err != nil {
				t.Fatal(err)
			}
			by := knowledge.Actor{User: "U-TEST", Via: "cli"}
			if err := dbs[0].ImportNotice(ctx, n, by); err != nil {
				t.Fatal(err)
			}
			b, err := i18n.New()
			if err != nil {
				t.Fatal(err)
			}
			sender := &fakeSender{}
			policy := mustPolicy(t)
			var ds []*Dispatcher
			for i, db := range dbs {
				d, err := NewDispatcher(db, db, sender, policy, WithOwner([]string{"a", "b"}[i]), WithChannelGap(0),
					WithDefaultChannel("C-DEFAULT"), WithTranslator(BundleTranslator(b)), WithRetryWait(0))
				if err != nil {
					t.Fatal(err)
				}
				ds = append(ds, d)
			}
			ref := knowledge.TaskRef{Notice: n.Number, Number: 22}
			chasedOn := map[string]knowledge.Date{} // "kind unit" → the day it went
			var leadText, unitText string
			for day := date(2019, 10, 16); !day.After(date(2019, 10, 23)); day = day.AddDays(1) {
				switch day {
				case date(2019, 10, 17):
					if err := dbs[1].SignPart(ctx, ref, "法制支队", by); err != nil {
						t.Fatal(err)
					}
				case date(2019, 10, 18):
					if err := dbs[1].SignPart(ctx, ref, "各行政执法警种", by); err != nil {
						t.Fatal(err)
					}
				}
				for _, h := range []int{9, 10} {
					for _, d := range ds {
						before := len(sender.messages())
						if _, err := d.Tick(ctx, at(day.Year, day.Month, day.Day, h, 0)); err != nil {
							t.Fatal(err)
						}
						for _, m := range sender.messages()[before:] {
							for _, it := range m.d.Items {
								r := it.Reminder
								if !isChase(r.Kind) || r.Task != 22 {
									continue
								}
								k := string(r.Kind) + " " + r.Unit
								if _, dup := chasedOn[k]; dup {
									t.Errorf("%s sent twice", k)
								}
								chasedOn[k] = day
								// The message merges the unit's other tasks: keep task 22's paragraph.
								for _, p := range strings.Split(m.d.Text, "\n\n") {
									if strings.Contains(p, "第22项") && strings.HasPrefix(p, "【签收") {
										if r.Kind == KindUnsignedLead {
											leadText = p
										} else if r.Unit == "科技处" {
											unitText = p
										}
									}
								}
							}
						}
					}
				}
			}
			monday := date(2019, 10, 21)
			want := map[string]knowledge.Date{"unsigned 科技处": monday, "unsigned 各分县局": monday, "unsigned_lead 法制支队": monday}
			if len(chasedOn) != len(want) {
				t.Errorf("follow-ups of task 22: %v, want %v", chasedOn, want)
			}
			for k, d := range want {
				if chasedOn[k] != d {
					t.Errorf("%s went on %s, want %s", k, chasedOn[k], d)
				}
			}
			if !strings.Contains(unitText, "【签收提醒】致科技处：第22项") || !strings.Contains(unitText, "2019-10-17") {
				t.Errorf("the unit's follow-up: %q", unitText)
			}
			if !strings.Contains(leadText, "尚未签收的单位（2个）") || !strings.Contains(leadText, "科技处") ||
				!strings.Contains(leadText, "各分县局") || strings.Contains(leadText, "各行政执法警种") {
				t.Errorf("the lead's follow-up: %q", leadText)
			}
			checkOnce(t, sender.messages())
			from, to := DayWindow(date(2019, 10, 1), date(2019, 10, 31), policy)
			notices, _ := dbs[0].Notices(ctx)
			as, _ := dbs[0].Assignments(ctx, n.Number)
			if slices.ContainsFunc(Plan(notices, map[string][]knowledge.Assignment{n.Number: as}, nil, policy, from, to),
				func(r knowledge.Reminder) bool { return isChase(r.Kind) }) {
				t.Error("remind plan shows a follow-up")
			}
		})
	}
}
