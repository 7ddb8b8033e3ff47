package textnorm

import "strings"

// MatchForm is how a notice's text is indexed: folded, and with the
// punctuation inside a phrase (谁执法、谁公示) removed so that bigrams run on.
func MatchForm(s string) string { return Squeeze(Fold(s)) }

// Sentences splits text into sentences at 。；！？ keeping the marks out.
func Sentences(text string) []string {
	var out []string
	for _, s := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("。；;！？!?\n", r) }) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Clauses splits a sentence at ，, and 、is kept inside.
func Clauses(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("，,。；;：:", r) })
}
