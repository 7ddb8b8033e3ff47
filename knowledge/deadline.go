package knowledge

import "fmt"

// DeadlineKind says what sort of deadline a task has.
type DeadlineKind string

// The kinds of deadline a table cell can hold.
const (
	// DeadlineDate is a last allowed day.
	DeadlineDate DeadlineKind = "date"
	// DeadlineOngoing is 长期: a standing duty with no end.
	DeadlineOngoing DeadlineKind = "ongoing"
	// DeadlineNone is an empty cell.
	DeadlineNone DeadlineKind = "none"
)

// Deadline is a task's 进度要求: the notice's own words and what they mean.
type Deadline struct {
	// Text is the notice's own words, e.g. 2019年8月底前; empty for DeadlineNone.
	Text string `yaml:"text"`
	// Kind is date, ongoing or none.
	Kind DeadlineKind `yaml:"kind"`
	// Date is the last day allowed when Kind is DeadlineDate.
	Date Date `yaml:"date,omitempty"`
}

// Validate reports a deadline whose fields contradict each other.
func (d Deadline) Validate() error {
	switch d.Kind {
	case DeadlineDate:
		if d.Date.IsZero() {
			return fmt.Errorf("deadline %q: kind date without a date", d.Text)
		}
	case DeadlineOngoing, DeadlineNone:
		if !d.Date.IsZero() {
			return fmt.Errorf("deadline %q: kind %s with a date", d.Text, d.Kind)
		}
	default:
		return fmt.Errorf("deadline %q: unknown kind %q", d.Text, d.Kind)
	}
	return nil
}

// PeriodUnit is the unit a relative period counts in.
type PeriodUnit string

// The units of a relative period.
const (
	// WorkingDays counts working days (工作日).
	WorkingDays PeriodUnit = "working_day"
	// Days counts calendar days (日, 天).
	Days PeriodUnit = "day"
	// Months counts calendar months (个月).
	Months PeriodUnit = "month"
	// Yearly is a fixed day each year (每年1月20日前): Month and Day are set, Count is 0.
	Yearly PeriodUnit = "yearly"
)

// Period is a time limit that a task's text sets relative to an event,
// e.g. "在执法决定作出之日起7个工作日内公开".
type Period struct {
	// Text is the notice's own words for the limit, e.g. 7个工作日内.
	Text string `yaml:"text"`
	// Count is how many Units (0 for Yearly).
	Count int `yaml:"count,omitempty"`
	// Unit is what Count counts.
	Unit PeriodUnit `yaml:"unit"`
	// Month and Day are the yearly date for Yearly periods.
	Month int `yaml:"month,omitempty"`
	Day   int `yaml:"day,omitempty"`
	// Clause is the sentence of the task that sets the limit, quoted in answers.
	Clause string `yaml:"clause"`
}
