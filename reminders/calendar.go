package reminders

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/6tail/lunar-go/HolidayUtil"
	"gopkg.in/yaml.v3"

	"dutybot/knowledge"
)

// holidaysYAML is the administrator's extension of the official calendar,
// embedded so that a year the library does not know yet can be added by
// editing data, not code.
//
//go:embed holidays.yaml
var holidaysYAML []byte

// Calendar answers whether a day is a working day in China: Monday to Friday,
// except official holidays, plus the make-up working days (调休) that fall on
// weekends. It is read-only after construction and safe for concurrent use.
type Calendar struct {
	// days holds the exceptions to the Monday–Friday rule: true marks a
	// make-up working day, false a holiday.
	days  map[knowledge.Date]bool
	names map[knowledge.Date]string
	years map[int]bool // years some source describes
}

// CalendarOption configures NewCalendar.
type CalendarOption func(*calendarConfig) error

type calendarConfig struct {
	noLibrary bool
	files     []calendarFile
}

type calendarFile struct {
	name string
	data []byte
}

// WithHolidayFile adds the holidays and make-up working days of a YAML file
// in the format of the embedded holidays.yaml; its days override the library
// and the embedded file. It is read by NewCalendar, which reports a missing
// or malformed file.
func WithHolidayFile(path string) CalendarOption {
	return func(c *calendarConfig) error {
		if path == "" {
			return ErrEmptyHolidayFile
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("holiday file: %w", err)
		}
		c.files = append(c.files, calendarFile{path, b})
		return nil
	}
}

// WithHolidayData is WithHolidayFile for data already in memory; name is
// used in error messages.
func WithHolidayData(name string, data []byte) CalendarOption {
	return func(c *calendarConfig) error {
		c.files = append(c.files, calendarFile{name, data})
		return nil
	}
}

// WithoutLibrary leaves out lunar-go's built-in table, so that a calendar
// made only of data files can be tested or used.
func WithoutLibrary() CalendarOption {
	return func(c *calendarConfig) error {
		c.noLibrary = true
		return nil
	}
}

// NewCalendar builds a Calendar from lunar-go's official table (2002 onward,
// as far as the library release knows), then the embedded holidays.yaml, then
// each file given, later sources overriding earlier ones day by day.
func NewCalendar(opts ...CalendarOption) (*Calendar, error) {
	var cfg calendarConfig
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, fmt.Errorf("new calendar: %w", err)
		}
	}
	c := &Calendar{days: map[knowledge.Date]bool{}, names: map[knowledge.Date]string{}, years: map[int]bool{}}
	if !cfg.noLibrary {
		c.loadLibrary()
	}
	files := append([]calendarFile{{"holidays.yaml (embedded)", holidaysYAML}}, cfg.files...)
	for _, f := range files {
		if err := c.loadYAML(f.name, f.data); err != nil {
			return nil, fmt.Errorf("new calendar: %w", err)
		}
	}
	return c, nil
}

// loadLibrary copies lunar-go's table. The library only answers by key
// lookups in a long string, so the table is read once per year into a map:
// planning asks about the same days many times.
func (c *Calendar) loadLibrary() {
	for y := 2001; y <= 2100; y++ {
		l := HolidayUtil.GetHolidaysByYear(y)
		for e := l.Front(); e != nil; e = e.Next() {
			h := e.Value.(*HolidayUtil.Holiday)
			d, err := knowledge.ParseDate(h.GetDay())
			if err != nil || d.Year != y {
				continue
			}
			c.days[d] = h.IsWork()
			c.names[d] = h.GetName()
			c.years[y] = true
		}
	}
}

// holidayFile is the YAML format of holidays.yaml.
type holidayFile struct {
	Holidays []holidayEntry `yaml:"holidays"`
	Workdays []holidayEntry `yaml:"workdays"`
}

// holidayEntry is one day (date) or a run of days (from, to).
type holidayEntry struct {
	Name string `yaml:"name"`
	Date string `yaml:"date"`
	From string `yaml:"from"`
	To   string `yaml:"to"`
}

// maxRun bounds a from–to run: no official holiday is longer, so a longer
// run is a typing error (a wrong year or month), not a holiday.
const maxRun = 31

func (c *Calendar) loadYAML(name string, data []byte) error {
	var f holidayFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("holiday file %s: %w", name, err)
	}
	for _, list := range []struct {
		key  string
		work bool
		es   []holidayEntry
	}{{"holidays", false, f.Holidays}, {"workdays", true, f.Workdays}} {
		for i, e := range list.es {
			days, err := e.days()
			if err != nil {
				return fmt.Errorf("holiday file %s: %s[%d]: %w", name, list.key, i, err)
			}
			for _, d := range days {
				c.days[d] = list.work
				c.names[d] = e.Name
				c.years[d.Year] = true
			}
		}
	}
	return nil
}

func (e holidayEntry) days() ([]knowledge.Date, error) {
	switch {
	case e.Date != "" && (e.From != "" || e.To != ""):
		return nil, fmt.Errorf("give date or from/to, not both")
	case e.Date != "":
		d, err := knowledge.ParseDate(e.Date)
		if err != nil {
			return nil, err
		}
		return []knowledge.Date{d}, nil
	case e.From == "" || e.To == "":
		return nil, fmt.Errorf("want date, or both from and to")
	}
	from, err := knowledge.ParseDate(e.From)
	if err != nil {
		return nil, err
	}
	to, err := knowledge.ParseDate(e.To)
	if err != nil {
		return nil, err
	}
	n := from.DaysUntil(to)
	if n < 0 || n >= maxRun {
		return nil, fmt.Errorf("from %s to %s: want a run of 1 to %d days", from, to, maxRun)
	}
	out := make([]knowledge.Date, 0, n+1)
	for d := from; !d.After(to); d = d.AddDays(1) {
		out = append(out, d)
	}
	return out, nil
}

// IsWorkday reports whether d is a working day: a make-up working day, or a
// Monday–Friday that is not an official holiday.
func (c *Calendar) IsWorkday(d knowledge.Date) bool {
	if work, ok := c.days[d]; ok {
		return work
	}
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// Name returns the holiday a day belongs to (国庆节, …), for a holiday or a
// make-up working day; "" for an ordinary day.
func (c *Calendar) Name(d knowledge.Date) string { return c.names[d] }

// Knows reports whether some source describes year y. A year no source
// knows is treated as plain Monday–Friday weeks, which is wrong around the
// Spring Festival and National Day: the administrator should extend
// holidays.yaml (or pass WithHolidayFile) before such a year comes.
func (c *Calendar) Knows(y int) bool { return c.years[y] }

// OnOrBefore returns the last working day on or before d.
func (c *Calendar) OnOrBefore(d knowledge.Date) knowledge.Date {
	for i := 0; i < 366 && !c.IsWorkday(d); i++ {
		d = d.AddDays(-1)
	}
	return d
}

// OnOrAfter returns the first working day on or after d.
func (c *Calendar) OnOrAfter(d knowledge.Date) knowledge.Date {
	for i := 0; i < 366 && !c.IsWorkday(d); i++ {
		d = d.AddDays(1)
	}
	return d
}
