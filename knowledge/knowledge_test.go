package knowledge

import (
	"testing"
	"time"
)

func TestDate(t *testing.T) {
	d := NewDate(2019, 9, 30)
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"String", d.String(), "2019-09-30"},
		{"Chinese", d.Chinese(), "2019年9月30日"},
		{"zero String", Date{}.String(), ""},
		{"AddDays across a month", d.AddDays(1), NewDate(2019, 10, 1)},
		{"AddDays backwards across a year", NewDate(2020, 1, 1).AddDays(-1), NewDate(2019, 12, 31)},
		{"NewDate normalises day 0", NewDate(2019, 9, 0), NewDate(2019, 8, 31)},
		{"EndOfMonth February leap year", NewDate(2020, 2, 3).EndOfMonth(), NewDate(2020, 2, 29)},
		{"Weekday", d.Weekday(), time.Monday},
		{"DaysUntil", NewDate(2019, 9, 16).DaysUntil(d), 14},
		{"DaysUntil negative", d.DaysUntil(NewDate(2019, 9, 16)), -14},
		{"Before", NewDate(2019, 8, 31).Before(d), true},
		{"After", NewDate(2019, 8, 31).After(d), false},
		{"Compare equal", d.Compare(NewDate(2019, 9, 30)), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestDate_UnmarshalText(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		wantErr bool
	}{
		{"2019-09-18", NewDate(2019, 9, 18), false},
		{"", Date{}, false},
		{"2019-9-18", Date{}, true},
		{"2019-02-30", Date{}, true},
		{"2019年9月18日", Date{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var d Date
			err := d.UnmarshalText([]byte(tt.in))
			if (err != nil) != tt.wantErr || d != tt.want {
				t.Errorf("UnmarshalText(%q) = %v, %v; want %v, error %v", tt.in, d, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestDeadline_Validate(t *testing.T) {
	tests := []struct {
		name    string
		d       Deadline
		wantErr bool
	}{
		{"date", Deadline{Text: "2019年8月底前", Kind: DeadlineDate, Date: NewDate(2019, 8, 31)}, false},
		{"ongoing", Deadline{Text: "长期", Kind: DeadlineOngoing}, false},
		{"none", Deadline{Kind: DeadlineNone}, false},
		{"date without a date", Deadline{Text: "2019年8月底前", Kind: DeadlineDate}, true},
		{"ongoing with a date", Deadline{Text: "长期", Kind: DeadlineOngoing, Date: NewDate(2019, 8, 31)}, true},
		{"unknown kind", Deadline{Text: "尽快", Kind: "soon"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.d.Validate(); (err != nil) != tt.wantErr {
				t.Errorf("Validate() = %v, want error %v", err, tt.wantErr)
			}
		})
	}
}

func TestDirectory(t *testing.T) {
	dir := NewDirectory([]Unit{
		{Name: "各分县局", Aliases: []string{"各县分局", "分县局", "各县、分局"}, Group: true},
		{Name: "市局行政审批处", Aliases: []string{"行政审批处"}},
		{Name: "法制支队", Aliases: []string{"法治支队"}},
		{Name: "法制支队", Aliases: []string{"被忽略"}}, // a duplicate does not override
	})
	resolve := []struct{ in, want string }{
		{"各县、分局", "各分县局"},
		{" 分县局 ", "各分县局"},
		{"行政审批处、", "市局行政审批处"},
		{"法治支队", "法制支队"},
	}
	for _, tt := range resolve {
		t.Run("Resolve "+tt.in, func(t *testing.T) {
			if got, ok := dir.Resolve(tt.in); !ok || got != tt.want {
				t.Errorf("Resolve(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
	t.Run("Resolve unknown", func(t *testing.T) {
		if got, ok := dir.Resolve("被忽略"); ok {
			t.Errorf("an alias of a duplicate unit resolved to %q", got)
		}
	})
	t.Run("Units sorted, duplicates dropped", func(t *testing.T) {
		if n := len(dir.Units()); n != 3 {
			t.Errorf("%d units, want 3", n)
		}
	})
}

func TestTask_Has(t *testing.T) {
	task := Task{Number: 8, Lead: []string{"市局办公室"}, Responsible: []string{"市局办公室", "各分县局"}}
	tests := []struct {
		unit string
		role Role
		want bool
	}{
		{"市局办公室", RoleLead, true},
		{"市局办公室", RoleResponsible, true},
		{"各分县局", RoleLead, false},
		{"各分县局", RoleResponsible, true},
		{"人事处", RoleResponsible, false},
	}
	for _, tt := range tests {
		if got := task.Has(tt.unit, tt.role); got != tt.want {
			t.Errorf("Has(%s, %s) = %v, want %v", tt.unit, tt.role, got, tt.want)
		}
	}
	if n := len(task.Units()); n != 3 {
		t.Errorf("Units() has %d assignments, want 3", n)
	}
}

func TestDeriveStatus(t *testing.T) {
	open, done := Assignment{}, Assignment{Done: true}
	tests := []struct {
		name string
		as   []Assignment
		want Status
	}{
		{"no assignments", nil, StatusOpen},
		{"none done", []Assignment{open, open}, StatusOpen},
		{"some done", []Assignment{done, open}, StatusPartial},
		{"all done", []Assignment{done, done}, StatusDone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DeriveStatus(tt.as); got != tt.want {
				t.Errorf("DeriveStatus = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestReminder_Key(t *testing.T) {
	at := time.Date(2019, 9, 23, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	r := Reminder{Notice: "N", Task: 25, Unit: "法制支队", Role: RoleLead, Kind: KindBefore, At: at, Due: NewDate(2019, 9, 30)}
	if got, want := r.Key(), "N|25|法制支队|lead|before|2019-09-23T01:00:00Z|2019-09-30"; got != want {
		t.Errorf("Key = %q, want %q", got, want)
	}
	same := r
	same.At = at.UTC() // the same instant in another zone is the same reminder
	if same.Key() != r.Key() {
		t.Error("Key depends on the time zone of At")
	}
	if other := (Reminder{Task: -3}); other.Key() == (Reminder{Task: 3}).Key() {
		t.Error("Key does not tell task -3 from 3")
	}
}
