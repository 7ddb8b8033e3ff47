package knowledge

import "time"

// Light is a part's or a task's traffic light (红黄绿灯).
type Light string

// The lights, worst first.
const (
	LightRed    Light = "red"
	LightYellow Light = "yellow"
	LightGreen  Light = "green"
	LightNone   Light = "none" // done: nothing to watch
)

// Thresholds of the lights.
const (
	// SoonWorkdays is how many working days before its deadline a part turns yellow.
	SoonWorkdays = 3
	// ReviewWorkdays is how many working days a part may wait in review before it turns yellow.
	ReviewWorkdays = 3
	// SilentDays is how many days an ongoing (长期) part may go without a
	// progress report before it turns yellow.
	SilentDays = 30
)

// Workdays says which days are working days. The reminders package's
// calendar (with China's holidays and make-up days) satisfies it; nil means
// Monday to Friday.
type Workdays interface {
	IsWorkday(Date) bool
}

func isWorkday(cal Workdays, d Date) bool {
	if cal != nil {
		return cal.IsWorkday(d)
	}
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// WorkdaysBetween counts the working days d with from < d <= to (0 when to
// is not after from).
func WorkdaysBetween(cal Workdays, from, to Date) int {
	return workdaysUpTo(cal, from, to, -1)
}

// workdaysUpTo is WorkdaysBetween that stops counting past limit (none
// when negative): a light only asks whether a count exceeds a few days,
// and a deadline years away would otherwise cost a calendar look-up a day
// (a 10,000-task board asks 30,000 times).
func workdaysUpTo(cal Workdays, from, to Date, limit int) int {
	n := 0
	for d := from.AddDays(1); !d.After(to) && (limit < 0 || n <= limit); d = d.AddDays(1) {
		if isWorkday(cal, d) {
			n++
		}
	}
	return n
}

// PartLight is a part's light on day today (in loc, the notice's time zone):
// none when done; red when its deadline has passed; yellow when the deadline
// is within SoonWorkdays working days, when it has waited in review for more
// than ReviewWorkdays working days, or, for an ongoing duty, when no
// progress was reported in the last SilentDays days (counted from the
// notice's date when none ever was, so a fresh notice starts green); green
// otherwise.
func PartLight(p Part, d Deadline, today Date, cal Workdays, loc *time.Location) Light {
	if p.State == PartDone {
		return LightNone
	}
	if loc == nil {
		loc = time.UTC
	}
	if d.Kind == DeadlineDate && !d.Date.IsZero() {
		if d.Date.Before(today) {
			return LightRed
		}
		if workdaysUpTo(cal, today, d.Date, SoonWorkdays) <= SoonWorkdays {
			return LightYellow
		}
	}
	if p.State == PartInReview && !p.ClaimedAt.IsZero() &&
		workdaysUpTo(cal, DateOf(p.ClaimedAt.In(loc)), today, ReviewWorkdays) > ReviewWorkdays {
		return LightYellow
	}
	if d.Kind == DeadlineOngoing {
		since := p.Issued
		if p.Progress != nil {
			since = DateOf(p.Progress.At.In(loc))
		}
		if !since.IsZero() && since.DaysUntil(today) > SilentDays {
			return LightYellow
		}
	}
	return LightGreen
}

// Worse returns the worse of two lights (red, yellow, green, none).
func Worse(a, b Light) Light {
	if lightRank(b) > lightRank(a) {
		return b
	}
	return a
}

func lightRank(l Light) int {
	switch l {
	case LightRed:
		return 3
	case LightYellow:
		return 2
	case LightGreen:
		return 1
	}
	return 0
}
