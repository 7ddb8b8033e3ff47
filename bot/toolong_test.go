package bot

import (
	"context"
	"errors"
	"strings"
	"testing"

	"dutybot/knowledge"
)

// TestEngine_Handle_tooLong: a message of up to MaxMessageRunes characters
// (Slack's own limit) is read; a longer one is answered with an error,
// changes nothing, and carries the error for the adapter.
func TestEngine_Handle_tooLong(t *testing.T) {
	e, st := newTestEngine(t)
	// Padding with spaces counts toward the limit but costs the engine
	// nothing to read past, so the test stays fast under -race.
	pad := func(s string, runes int) string { return s + strings.Repeat(" ", runes-len([]rune(s))) }
	t.Run("at the limit", func(t *testing.T) {
		rep := send(t, e, admin, pad("第1项任务的内容是什么？", MaxMessageRunes))
		if rep.Err != nil || len(rep.Tasks) == 0 || rep.Tasks[0] != 1 {
			t.Errorf("a message of %d characters: kind %s, tasks %v, err %v", MaxMessageRunes, rep.Kind, rep.Tasks, rep.Err)
		}
	})
	for _, lang := range []string{"zh-CN", "en"} {
		t.Run("over the limit, "+lang, func(t *testing.T) {
			before := auditLen(t, st)
			rep := e.Handle(context.Background(), Message{User: admin, Via: "console", Lang: lang,
				Text: pad("done 1 ", MaxMessageRunes+1), Now: day(t, "2019-09-20")})
			if !errors.Is(rep.Err, errTooLong) || rep.Kind != "too_long" || rep.Changed || len(rep.Tasks) != 0 {
				t.Fatalf("kind %s, err %v, changed %v", rep.Kind, rep.Err, rep.Changed)
			}
			if !strings.Contains(rep.Text, "40,000") {
				t.Errorf("reply %q does not name the limit", rep.Text)
			}
			if auditLen(t, st) != before || statusOf(t, st, 1) != knowledge.StatusOpen {
				t.Error("a refused message changed the state")
			}
		})
	}
	t.Run("errors reach the adapter", func(t *testing.T) {
		if rep := send(t, e, "UNOBODY", "done 2"); !errors.Is(rep.Err, errRefused) {
			t.Errorf("refused done: Err = %v", rep.Err)
		}
		if rep := send(t, e, admin, "done 2"); rep.Err != nil || !rep.Changed {
			t.Errorf("done 2: Err = %v, changed %v", rep.Err, rep.Changed)
		}
		if rep := send(t, e, admin, "done 2"); !errors.Is(rep.Err, knowledge.ErrUnchanged) {
			t.Errorf("done 2 again: Err = %v, want ErrUnchanged", rep.Err)
		}
		if rep := send(t, e, admin, "第2项任务的内容是什么？"); rep.Err != nil {
			t.Errorf("a question: Err = %v", rep.Err)
		}
	})
}

// BenchmarkHandle_longMessage is the cost of a 1 MiB message: refused
// unread (before the limit it was read, in about 3.5 s).
func BenchmarkHandle_longMessage(b *testing.B) {
	e, _ := newTestEngine(b)
	text := strings.Repeat("第1项任务的内容是什么？", (1<<20)/len("第1项任务的内容是什么？"))
	ctx := context.Background()
	for b.Loop() {
		if rep := e.Handle(ctx, Message{User: admin, Via: "console", Text: text}); rep.Kind != "too_long" {
			b.Fatal(rep.Kind)
		}
	}
}
