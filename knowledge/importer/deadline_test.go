package importer

import (
	"testing"
	"time"

	"dutybot/knowledge"
)

func TestParseDeadline(t *testing.T) {
	date := func(y int, m time.Month, d int) knowledge.Deadline {
		return knowledge.Deadline{Kind: knowledge.DeadlineDate, Date: knowledge.NewDate(y, m, d)}
	}
	tests := []struct {
		text string
		want knowledge.Deadline
	}{
		{"2019年8月底前", date(2019, 8, 31)},
		{"2019年8月底", date(2019, 8, 31)},
		{"2019年9月18日前", date(2019, 9, 18)},
		{"2019年9月18日", date(2019, 9, 18)},
		{"2019年9月底前", date(2019, 9, 30)},
		{"2019年10月底前", date(2019, 10, 31)},
		{"2019年12月底", date(2019, 12, 31)},
		{"2019年12月底前", date(2019, 12, 31)},
		{"2020年2月底前", date(2020, 2, 29)},
		{"2019年12月", date(2019, 12, 31)},
		{"2019年11月末", date(2019, 11, 30)},
		{"2019年9月上旬", date(2019, 9, 10)},
		{"2019年9月中旬前", date(2019, 9, 20)},
		{"2019年9月下旬", date(2019, 9, 30)},
		{"2019年底", date(2019, 12, 31)},
		{"2019年底前", date(2019, 12, 31)},
		{"2019年年底前", date(2019, 12, 31)},
		{"2019年内", date(2019, 12, 31)},
		{"2019年第三季度末", date(2019, 9, 30)},
		{"2019年一季度", date(2019, 3, 31)},
		{"2019年第4季度末前", date(2019, 12, 31)},
		{"2019年上半年", date(2019, 6, 30)},
		{"2019年下半年", date(2019, 12, 31)},
		{"２０１９年９月１８日前", date(2019, 9, 18)},
		{"2019年8月底前完成", date(2019, 8, 31)},
		{"2019-09-18", date(2019, 9, 18)},
		{"2019.9.18之前", date(2019, 9, 18)},
		{"长期", knowledge.Deadline{Kind: knowledge.DeadlineOngoing}},
		{"长期坚持", knowledge.Deadline{Kind: knowledge.DeadlineOngoing}},
		{"", knowledge.Deadline{Kind: knowledge.DeadlineNone}},
		{"  ", knowledge.Deadline{Kind: knowledge.DeadlineNone}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, err := ParseDeadline(tt.text)
			if err != nil {
				t.Fatalf("ParseDeadline(%q): %v", tt.text, err)
			}
			if got.Kind != tt.want.Kind || got.Date != tt.want.Date {
				t.Errorf("ParseDeadline(%q) = %s %s, want %s %s", tt.text, got.Kind, got.Date, tt.want.Kind, tt.want.Date)
			}
			if tt.want.Kind != knowledge.DeadlineNone && got.Text != tt.text {
				t.Errorf("Text = %q, want the words kept: %q", got.Text, tt.text)
			}
			if err := got.Validate(); err != nil {
				t.Errorf("Validate: %v", err)
			}
		})
	}
}

func TestParseDeadline_Bad(t *testing.T) {
	for _, text := range []string{"8月底前", "2019年13月底", "2019年2月30日", "2019年0月1日", "年8", "2019", "按要求", "2019年第五季度"} {
		t.Run(text, func(t *testing.T) {
			if d, err := ParseDeadline(text); err == nil {
				t.Errorf("ParseDeadline(%q) = %+v, want an error", text, d)
			}
		})
	}
}

func TestIsDeadlineFragment(t *testing.T) {
	for s, want := range map[string]bool{"2019": true, "年8": true, "月底": true, "前": true, "日前": true, "长期": true, "月18": true, "市局": false, "支队、": false, "": false} {
		if got := isDeadlineFragment(s); got != want {
			t.Errorf("isDeadlineFragment(%q) = %v, want %v", s, got, want)
		}
	}
}
