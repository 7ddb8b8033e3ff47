package reminders

import (
	"errors"
	"strings"
	"testing"
	"time"

	"dutybot/knowledge"
)

func TestCalendar_IsWorkday(t *testing.T) {
	cal, err := NewCalendar()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		y    int
		m    time.Month
		d    int
		want bool
	}{
		{"中秋 holiday on a Friday", 2019, 9, 13, false},
		{"plain Thursday", 2019, 9, 12, true},
		{"plain Saturday", 2019, 9, 14, false},
		{"make-up Sunday before National Day", 2019, 9, 29, true},
		{"Monday before National Day", 2019, 9, 30, true},
		{"National Day", 2019, 10, 1, false},
		{"National Day Friday", 2019, 10, 4, false},
		{"National Day Monday", 2019, 10, 7, false},
		{"back to work", 2019, 10, 8, true},
		{"make-up Saturday after National Day", 2019, 10, 12, true},
		{"plain Sunday after", 2019, 10, 13, false},
		{"Spring Festival 2020 make-up Sunday", 2020, 1, 19, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cal.IsWorkday(date(tt.y, tt.m, tt.d)); got != tt.want {
				t.Errorf("IsWorkday(%d-%d-%d) = %v, want %v", tt.y, tt.m, tt.d, got, tt.want)
			}
		})
	}
	for d := date(2019, 10, 1); !d.After(date(2019, 10, 7)); d = d.AddDays(1) {
		if cal.IsWorkday(d) {
			t.Errorf("%s is a working day, want holiday", d)
		}
	}
}

func TestCalendar_Name(t *testing.T) {
	cal, err := NewCalendar()
	if err != nil {
		t.Fatal(err)
	}
	if got := cal.Name(date(2019, 9, 13)); got != "中秋节" {
		t.Errorf("Name(2019-09-13) = %q, want 中秋节", got)
	}
	if got := cal.Name(date(2019, 9, 12)); got != "" {
		t.Errorf("Name(2019-09-12) = %q, want empty", got)
	}
}

func TestCalendar_OnOrBefore(t *testing.T) {
	cal, err := NewCalendar()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name          string
		in            string
		before, after string
	}{
		{"working day stays", "2019-09-30", "2019-09-30", "2019-09-30"},
		{"holiday week", "2019-10-05", "2019-09-30", "2019-10-08"},
		{"Sunday before make-up day", "2019-10-13", "2019-10-12", "2019-10-14"},
		{"中秋 weekend", "2019-09-15", "2019-09-12", "2019-09-16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustDate(t, tt.in)
			if got := cal.OnOrBefore(d).String(); got != tt.before {
				t.Errorf("OnOrBefore(%s) = %s, want %s", tt.in, got, tt.before)
			}
			if got := cal.OnOrAfter(d).String(); got != tt.after {
				t.Errorf("OnOrAfter(%s) = %s, want %s", tt.in, got, tt.after)
			}
		})
	}
}

func TestNewCalendar_holidayFile(t *testing.T) {
	cal, err := NewCalendar(WithHolidayFile("testdata/holidays_2030.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	base, err := NewCalendar()
	if err != nil {
		t.Fatal(err)
	}
	t.Run("library years known, later not", func(t *testing.T) {
		if !base.Knows(2019) || !base.Knows(2027) {
			t.Error("library should know 2019 and 2027")
		}
		if base.Knows(2030) {
			t.Error("library should not know 2030: the fixture would prove nothing")
		}
	})
	t.Run("file extends a year the library does not know", func(t *testing.T) {
		if !cal.Knows(2030) {
			t.Error("Knows(2030) = false after loading the file")
		}
		for d := date(2030, 10, 1); !d.After(date(2030, 10, 7)); d = d.AddDays(1) {
			if cal.IsWorkday(d) {
				t.Errorf("%s: working day, want holiday", d)
			}
			if !base.IsWorkday(d) && d.Weekday() != time.Saturday && d.Weekday() != time.Sunday {
				t.Errorf("%s: base calendar already a holiday", d)
			}
		}
		if !cal.IsWorkday(date(2030, 9, 29)) {
			t.Error("2030-09-29 (Sunday) should be a make-up working day")
		}
		if got := cal.Name(date(2030, 10, 3)); got != "国庆节" {
			t.Errorf("Name = %q", got)
		}
	})
	t.Run("file overrides the library", func(t *testing.T) {
		if cal.IsWorkday(date(2019, 10, 8)) {
			t.Error("2019-10-08 should be a holiday by the fixture's override")
		}
	})
	t.Run("without library only the files count", func(t *testing.T) {
		c, err := NewCalendar(WithoutLibrary())
		if err != nil {
			t.Fatal(err)
		}
		if !c.IsWorkday(date(2019, 10, 1)) || c.Knows(2019) {
			t.Error("without the library 2019-10-01 is a plain Tuesday")
		}
	})
}

func TestNewCalendar_badFile(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"unknown field", "holidays:\n  - {name: x, day: 2030-01-01}\n", "field day not found"},
		{"bad date", "holidays:\n  - {name: x, date: 2030-13-01}\n", "want YYYY-MM-DD"},
		{"date and range", "workdays:\n  - {date: 2030-01-01, from: 2030-01-01, to: 2030-01-02}\n", "not both"},
		{"half a range", "holidays:\n  - {from: 2030-01-01}\n", "both from and to"},
		{"backwards range", "holidays:\n  - {from: 2030-01-05, to: 2030-01-01}\n", "want a run"},
		{"too long a range", "holidays:\n  - {from: 2030-01-01, to: 2030-03-01}\n", "want a run"},
		{"not yaml", "holidays: [\n", "holiday file bad"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewCalendar(WithHolidayData("bad", []byte(tt.data)))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
	t.Run("empty path", func(t *testing.T) {
		if _, err := NewCalendar(WithHolidayFile("")); !errors.Is(err, ErrEmptyHolidayFile) {
			t.Errorf("err = %v, want %v", err, ErrEmptyHolidayFile)
		}
	})
	t.Run("missing file", func(t *testing.T) {
		if _, err := NewCalendar(WithHolidayFile("testdata/nope.yaml")); err == nil {
			t.Error("want an error for a missing file")
		}
	})
}

func mustDate(t testing.TB, s string) knowledge.Date {
	t.Helper()
	d, err := knowledge.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
