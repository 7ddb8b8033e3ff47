package bot

import (
	"context"
	"strings"
	"testing"
)

func TestMessages_existInEveryLanguage(t *testing.T) {
	e, _ := newTestEngine(t)
	for _, lang := range []string{"zh-CN", "en"} {
		for _, id := range messageIDs {
			if !e.bundle.Has(lang, id) {
				t.Errorf("%s: message %s is missing", lang, id)
			}
		}
	}
}

// TestMessages_everyAnswerLocalized answers every kind of question and
// command in both languages and checks that no sentence was missing.
func TestMessages_everyAnswerLocalized(t *testing.T) {
	e, _ := newTestEngine(t)
	var texts []string
	for _, f := range []string{"testdata/dev.jsonl", "testdata/questions.jsonl"} {
		for _, c := range readCases(t, f) {
			texts = append(texts, c.Q)
		}
	}
	texts = append(texts, "help", "done 22 科技处", "done 22", "reopen 22", "reopen 22", "done 99", "done 22 火星办", "done 22 人事处",
		"bind 法制支队 C0FZ", "bind 法制支队 nowhere", "bind 法制支队", "iam 科技处", "我们单位的任务", "进度 22", "status", "due", "overdue", "",
		"2019年9月18日之前的所有任务", "2019年9月以后到期的任务", "2019年9月到10月到期的任务", "2019年第3项")
	for _, lang := range []string{"zh-CN", "en"} {
		for _, user := range []string{admin, "UOTHER"} {
			for _, text := range texts {
				rep := e.Handle(context.Background(), Message{User: user, Text: text, Lang: lang, Now: day(t, "2019-09-20")})
				if strings.TrimSpace(rep.Text) == "" {
					t.Errorf("%s %q: empty reply", lang, text)
				}
				if strings.Contains(rep.Text, "<no value>") || strings.Contains(rep.Text, "%!") {
					t.Errorf("%s %q: template gap in %q", lang, text, rep.Text)
				}
			}
		}
	}
	if m := e.bundle.Missing(); len(m) > 0 {
		t.Errorf("messages used but not defined: %v", m)
	}
}
