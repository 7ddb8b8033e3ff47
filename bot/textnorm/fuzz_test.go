package textnorm

import (
	"testing"
	"unicode/utf8"
)

// FuzzFold feeds arbitrary text through the rewrites every question takes:
// none may panic, and valid UTF-8 stays valid.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"第二十三项", "该挂的没挂", "task twenty-three", "9～10月", "十一长假前", "应该", "该"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip()
		}
		for name, out := range map[string]string{"Fold": Fold(s), "ShouldButNot": ShouldButNot(s), "MatchForm": MatchForm(s)} {
			if !utf8.ValidString(out) {
				t.Errorf("%s(%q) = %q: not valid UTF-8", name, s, out)
			}
		}
	})
}
