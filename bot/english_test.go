package bot

import (
	"testing"

	"dutybot/bot/textnorm"
)

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

func TestOffTopic_fencedPhrases(t *testing.T) {
	e, _ := newTestEngine(t)
	r := &request{e: e, snap: e.snap.Load()}
	for q, want := range map[string]bool{
		"do officers have to show their police id card when doing inspections?": false, // a phrase of the notice's terms holds idcard
		"how do i apply for a driving licence?":                                 true,  // licence alone is a notice term
		"i lost my id card":                                                     true,
		"执法人员要出示警官证吗":                                                           false,
		"身份证丢了怎么补办":                                                             true,
	} {
		if got := r.offTopic(&query{asking: textnorm.Fold(q)}); got != want {
			t.Errorf("offTopic(%q) = %v, want %v", q, got, want)
		}
	}
}

// Only the phrases markEnglish fenced reach the substring rewriting of words:
// "exam" inside "example", "app" inside "happens" must not become notice terms.
func TestLatinPhrasesOnly(t *testing.T) {
	phrases := map[string]bool{"exam": true, "legalreviewers": true}
	for in, want := range map[string]string{
		"for|example|, which |exam|":        "||||, | |exam|",
		"what|happens| to |legalreviewers|": "|||| | |legalreviewers|",
		"执法app公开":                           "执法|公开",
		"30日内|exams|":                       "30日内|exams|",
		"没有英文":                              "没有英文",
	} {
		if got := latinPhrasesOnly(in, phrases); got != want {
			t.Errorf("latinPhrasesOnly(%q) = %q, want %q", in, got, want)
		}
	}
}
