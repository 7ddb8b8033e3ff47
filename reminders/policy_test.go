package reminders

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestNewPolicy_defaults(t *testing.T) {
	p := mustPolicy(t)
	if got := p.Before(); !slices.Equal(got, []int{14, 7, 3, 1}) {
		t.Errorf("Before = %v", got)
	}
	if h, m := p.SendTime(); h != 9 || m != 0 {
		t.Errorf("SendTime = %02d:%02d", h, m)
	}
	if _, off := time.Date(2019, 9, 1, 9, 0, 0, 0, p.Location()).Zone(); off != 8*3600 {
		t.Errorf("offset %d, want +08:00", off)
	}
	if p.OverdueEvery() != 7 || !p.WeeklySummary() || p.Calendar() == nil {
		t.Errorf("overdue %d, summary %v, calendar %v", p.OverdueEvery(), p.WeeklySummary(), p.Calendar())
	}
}

func TestNewPolicy_invalid(t *testing.T) {
	tests := []struct {
		name string
		opt  Option
		want error
	}{
		{"zero days before", WithBefore(7, 0), ErrInvalidBefore},
		{"a day twice", WithBefore(3, 3), ErrInvalidBefore},
		{"hour 24", WithSendTime(24, 0), ErrInvalidSendTime},
		{"minute 60", WithSendTime(9, 60), ErrInvalidSendTime},
		{"nil location", WithLocation(nil), ErrNilLocation},
		{"nil calendar", WithCalendar(nil), ErrNilCalendar},
		{"negative overdue", WithOverdueEvery(-1), ErrInvalidOverdueEvery},
		{"notice without number", WithNotice(""), ErrInvalidNoticeOverride},
		{"location per notice", WithNotice("X", WithLocation(time.UTC)), ErrDeploymentOnly},
		{"calendar per notice", WithNotice("X", WithCalendar(&Calendar{})), ErrDeploymentOnly},
		{"bad option per notice", WithNotice("X", WithBefore(-2)), ErrInvalidBefore},
		{"nested notice", WithNotice("X", WithNotice("Y")), ErrInvalidNoticeOverride},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewPolicy(tt.opt)
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	// The error of a per-notice option names the notice.
	if _, err := NewPolicy(WithNotice("X", WithBefore(-2))); err == nil || !strings.Contains(err.Error(), "for notice X") {
		t.Errorf("err = %v, want it to name notice X", err)
	}
}

func TestPolicy_For(t *testing.T) {
	p := mustPolicy(t, WithNotice("N1", WithBefore(2), WithSendTime(8, 30)), WithBefore(10, 5))
	n1 := p.For("N1")
	if got := n1.Before(); !slices.Equal(got, []int{2}) {
		t.Errorf("N1 before = %v, want [2]", got)
	}
	if h, m := n1.SendTime(); h != 8 || m != 30 {
		t.Errorf("N1 send time %02d:%02d", h, m)
	}
	if got := p.For("N2").Before(); !slices.Equal(got, []int{10, 5}) {
		t.Errorf("other notice before = %v, want the deployment's [10 5]", got)
	}
	if n1.Location() != p.Location() || n1.Calendar() != p.Calendar() {
		t.Error("a notice's policy must share location and calendar")
	}
}
