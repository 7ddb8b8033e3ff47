package bot

import (
	"context"
	"testing"
)

// TestTopicNotices: over many notices, a question about one topic is
// answered in the few notices that match it best, a filter question in every
// notice that has tasks for it, and an out-of-scope one is refused once.
func TestTopicNotices(t *testing.T) {
	ctx := context.Background()
	st := newStore(t, append(syntheticNotices(t, 12, 20), huainan(t))...)
	e, err := New(st)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Load(ctx); err != nil {
		t.Fatal(err)
	}
	ask := func(q string) Reply {
		return e.Handle(ctx, Message{User: "U1", Text: q, Now: day(t, "2019-09-20")})
	}
	// the built-in notice holds task 6's sentence whole; the synthetic ones rotate it
	rep := ask("行政许可、行政处罚的执法决定信息要在多少个工作日内公开？")
	if n := len(rep.Notices); n == 0 || n > maxTopicNotices {
		t.Fatalf("topic question answered in %d notices, want 1..%d:\n%s", n, maxTopicNotices, rep.Text)
	}
	// a unit's tasks are in every notice that gives it some
	rep = ask("法制支队牵头的任务有哪些")
	if n := len(rep.Notices); n < 10 {
		t.Errorf("unit question answered in %d notices, want every notice with such tasks (≥10)", n)
	}
	rep = ask("身份证丢了怎么补办？")
	if rep.Kind != "out_of_scope" || len(rep.Tasks) != 0 {
		t.Errorf("out-of-scope question: kind %q tasks %v", rep.Kind, rep.Tasks)
	}
}
