package knowledge

import (
	"testing"
	"time"
)

// holiday is a calendar with one day off besides weekends.
type holiday Date

func (h holiday) IsWorkday(d Date) bool {
	wd := d.Weekday()
	return d != Date(h) && wd != time.Saturday && wd != time.Sunday
}

func TestPartLight(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	at := func(s string) time.Time { d, _ := ParseDate(s); return d.In(loc).Add(10 * time.Hour) }
	dated := func(s string) Deadline { d, _ := ParseDate(s); return Deadline{Kind: DeadlineDate, Date: d} }
	ongoing := Deadline{Kind: DeadlineOngoing, Text: "长期"}
	issued := NewDate(2019, 8, 1)
	today := NewDate(2019, 9, 20) // a Friday
	for _, c := range []struct {
		name string
		p    Part
		d    Deadline
		cal  Workdays
		want Light
	}{
		{"done is none, even late", Part{State: PartDone}, dated("2019-09-01"), nil, LightNone},
		{"deadline passed", Part{State: PartSigned}, dated("2019-09-19"), nil, LightRed},
		{"in review past the deadline is still red", Part{State: PartInReview, ClaimedAt: at("2019-09-19")}, dated("2019-09-19"), nil, LightRed},
		{"due today", Part{State: PartOpen}, dated("2019-09-20"), nil, LightYellow},
		{"3 working days left (Mon-Wed)", Part{State: PartOpen}, dated("2019-09-25"), nil, LightYellow},
		{"4 working days left", Part{State: PartOpen}, dated("2019-09-26"), nil, LightGreen},
		{"4 calendar working days, one a holiday", Part{State: PartOpen}, dated("2019-09-26"), holiday(NewDate(2019, 9, 23)), LightYellow},
		{"in review 3 working days", Part{State: PartInReview, ClaimedAt: at("2019-09-17")}, dated("2019-12-31"), nil, LightGreen},
		{"in review 4 working days", Part{State: PartInReview, ClaimedAt: at("2019-09-16")}, dated("2019-12-31"), nil, LightYellow},
		{"ongoing, progress 10 days ago", Part{State: PartSigned, Issued: issued, Progress: &Report{At: at("2019-09-10")}}, ongoing, nil, LightGreen},
		{"ongoing, progress 31 days ago", Part{State: PartSigned, Issued: issued, Progress: &Report{At: at("2019-08-20")}}, ongoing, nil, LightYellow},
		{"ongoing, never reported, notice 50 days old", Part{State: PartOpen, Issued: issued}, ongoing, nil, LightYellow},
		{"ongoing, never reported, notice 20 days old", Part{State: PartOpen, Issued: NewDate(2019, 8, 31)}, ongoing, nil, LightGreen},
		{"no deadline", Part{State: PartOpen, Issued: issued}, Deadline{Kind: DeadlineNone}, nil, LightGreen},
	} {
		if got := PartLight(c.p, c.d, today, c.cal, loc); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
	if Worse(LightGreen, LightRed) != LightRed || Worse(LightNone, LightGreen) != LightGreen || Worse(LightYellow, LightNone) != LightYellow {
		t.Error("Worse does not order red > yellow > green > none")
	}
}
