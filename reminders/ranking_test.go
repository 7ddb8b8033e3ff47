package reminders

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dutybot/i18n"
	"dutybot/knowledge"
)

// TestRank counts parts per unit and orders units worst first: the most
// overdue, then the most not signed, then the most done late, then the
// fewest done on time, then by name.
func TestRank(t *testing.T) {
	due := func(n int, d knowledge.Date) knowledge.Task {
		return knowledge.Task{Number: n, Deadline: knowledge.Deadline{Kind: knowledge.DeadlineDate, Date: d}}
	}
	n := &knowledge.Notice{Number: "N", Tasks: []knowledge.Task{
		due(1, date(2019, 9, 30)), due(2, date(2019, 10, 31)), {Number: 3, Deadline: knowledge.Deadline{Kind: knowledge.DeadlineOngoing}}}}
	signed := at(2019, 9, 2, 9, 0)
	part := func(task int, unit string, state knowledge.PartState, signedAt time.Time, done knowledge.Date) knowledge.Part {
		p := knowledge.Part{Task: task, Unit: unit, State: state, SignedAt: signedAt}
		if !done.IsZero() {
			p.DoneAt = done.In(Shanghai()).Add(10 * time.Hour)
		}
		return p
	}
	parts := []knowledge.Part{
		part(1, "甲", knowledge.PartDone, signed, date(2019, 9, 30)),     // on time, on the day
		part(2, "甲", knowledge.PartDone, signed, date(2019, 10, 1)),     // on time
		part(1, "乙", knowledge.PartDone, signed, date(2019, 10, 8)),     // late
		part(2, "乙", knowledge.PartInReview, signed, knowledge.Date{}),  // in review
		part(1, "丙", knowledge.PartOpen, time.Time{}, knowledge.Date{}), // overdue, not signed
		part(3, "丙", knowledge.PartSigned, signed, knowledge.Date{}),    // ongoing: never overdue
		part(1, "丁", knowledge.PartOpen, time.Time{}, knowledge.Date{}), // overdue, not signed
		part(2, "丁", knowledge.PartOpen, time.Time{}, knowledge.Date{}), // not signed
		part(2, "戊", knowledge.PartOpen, time.Time{}, knowledge.Date{}), // not signed
		part(9, "戊", knowledge.PartOpen, time.Time{}, knowledge.Date{}), // no such task: not counted
	}
	loc := func(p knowledge.Part) knowledge.Date { return knowledge.DateOf(p.DoneAt.In(Shanghai())) }
	got := rank(n, parts, date(2019, 10, 14), loc)
	want := []unitRank{
		{unit: "丁", overdue: 1, unsigned: 2, total: 2},
		{unit: "丙", overdue: 1, unsigned: 1, total: 2},
		{unit: "戊", unsigned: 1, total: 1},
		{unit: "乙", late: 1, inReview: 1, total: 2},
		{unit: "甲", onTime: 2, total: 2},
	}
	if !slices.Equal(got, want) {
		t.Errorf("rank:\n got %+v\nwant %+v", got, want)
	}
}

// TestDispatcher_weeklyLoop sends the weekly 通报 of Monday 2019-10-21 over a
// real store (SQLite, PostgreSQL) after some of the loop: it ranks the
// units, lists the red parts, and carries the week's ledger as a workbook
// that opens, in the administrators' language.
func TestDispatcher_weeklyLoop(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			ctx := t.Context()
			by := knowledge.Actor{User: "U-TEST", Via: "cli"}
			db, n := builtinStore(t, engine, by)
			ref := knowledge.TaskRef{Notice: n.Number, Number: 22}
			if err := db.SignPart(ctx, ref, "科技处", by); err != nil {
				t.Fatal(err)
			}
			if err := db.ClaimPart(ctx, ref, "科技处", "", by); err != nil {
				t.Fatal(err)
			}
			b, err := i18n.New()
			if err != nil {
				t.Fatal(err)
			}
			sender := &fakeSender{}
			d, err := NewDispatcher(db, db, sender, mustPolicy(t), WithChannelGap(0), WithDefaultChannel("C-DEFAULT"),
				WithAdminChannel("C-ADMIN"), WithTranslator(BundleTranslator(b)), WithRetryWait(0))
			if err != nil {
				t.Fatal(err)
			}
			for _, now := range []time.Time{at(2019, 10, 18, 9, 0), at(2019, 10, 21, 9, 0)} {
				if _, err := d.Tick(ctx, now); err != nil {
					t.Fatal(err)
				}
			}
			var weekly []Delivery
			for _, m := range sender.messages() {
				if m.d.Unit == AdminUnit && strings.Contains(m.d.Text, "2019年10月21日") {
					weekly = append(weekly, m.d)
				}
			}
			if len(weekly) != 1 {
				t.Fatalf("%d weekly summaries of 10-21", len(weekly))
			}
			w := weekly[0]
			for _, s := range []string{"各单位排名", "1. ", "科技处：", "待审核1", "红灯（", "第1项"} {
				if !strings.Contains(w.Text, s) {
					t.Errorf("the 通报 lacks %q:\n%s", s, w.Text)
				}
			}
			if w.Attachment == nil || w.Attachment.Name != "督办台账-2019-10-21.xlsx" {
				t.Fatalf("attachment %+v", w.Attachment)
			}
			f, err := excelize.OpenReader(bytes.NewReader(w.Attachment.Data))
			if err != nil {
				t.Fatalf("the attached ledger is no workbook: %v", err)
			}
			defer f.Close()
			rows, err := f.GetRows("台账")
			if err != nil || len(rows) < 44 {
				t.Fatalf("ledger sheet: %d rows, %v", len(rows), err)
			}
		})
	}
}
