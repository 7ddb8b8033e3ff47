package bot

import (
	"strings"
	"testing"

	"dutybot/bot/textnorm"
)

// TestUnitPick checks which units a question picks by their task counts,
// over the built-in notice: the answer names them before the full list.
func TestUnitPick(t *testing.T) {
	e, _ := newTestEngine(t)
	cases := []struct {
		q, head string
	}{
		{"哪个单位牵头的任务最多", "法制支队（牵头单位，20项）"},
		{"表里有个处总共就牵头了一项，是哪个处？", "人事处（牵头单位，1项）"},
		{"哪个单位的任务最多", "各分县局"},
		{"Which unit leads the most tasks?", "法制支队 (Lead units, 20 tasks)"},
	}
	for _, tc := range cases {
		rep := send(t, e, "U1", tc.q)
		if !strings.HasPrefix(rep.Text, tc.head) {
			t.Errorf("%s:\n%s\nwant it to start with %s", tc.q, rep.Text, tc.head)
		}
	}
	// no count word: the plain list of units, nothing picked
	if p, ok := parseUnitPick(textnorm.Squeeze(textnorm.Fold("哪个单位牵头第3项"))); ok {
		t.Errorf("picked %+v from a question with no count", p)
	}
}
