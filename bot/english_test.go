package bot

import "testing"

func TestMarkEnglish(t *testing.T) {
	phrases := map[string]bool{"videorecording": true, "videorecordings": true, "bodyworncamera": true,
		"training": true, "trainingoffice": true, "legalreview": true, "review": true}
	cases := []struct{ in, want string }{
		// a plural never eats the next word's first letter
		{"the video recordings system", "the |videorecordings| system"},
		{"the body-worn camera video recording system", "the |bodyworncamera| |videorecording| system"},
		// whole words only: training officers is no trainingoffice
		{"training officers", "|training| officers"},
		{"training office", "|trainingoffice|"},
		// the longest phrase from each word, left to right
		{"legal review of cases", "|legalreview| of cases"},
		// a comma ends a phrase
		{"legal, review", "legal, |review|"},
		{"reviews", "|reviews|"},
		{"法制审核的时限", "法制审核的时限"},
	}
	for _, tc := range cases {
		if got := markEnglish(tc.in, phrases); got != tc.want {
			t.Errorf("markEnglish(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
