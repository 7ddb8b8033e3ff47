package dashboard

import (
	"context"
	"reflect"
	"testing"

	"dutybot/knowledge"
)

// TestCache_incremental: after each change the parts the dashboard holds,
// read again only for the tasks the audit entries name, are exactly what
// reading the whole notice gives; so after a bulk change (more entries
// than are applied one by one) and after a liaison change that names no task.
func TestCache_incremental(t *testing.T) {
	st := newTestStore(t)
	ctx := context.Background()
	s, _ := newTestServer(t, st)
	n, _, err := s.state(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	ref := func(k int) knowledge.TaskRef { return knowledge.TaskRef{Notice: n.Number, Number: k} }
	kj := knowledge.Actor{User: "U0KJ", Via: "slack"}
	check := func(what string) {
		t.Helper()
		_, got, err := s.state(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		want, err := st.Parts(ctx, n.Number)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("after %s the dashboard's parts differ from the database's", what)
		}
	}
	steps := []struct {
		what string
		do   func() error
	}{
		{"a liaison named", func() error { return st.ChangeLiaisons(ctx, "科技处", []string{"U0KJ"}, nil, admin) }},
		{"a progress report", func() error { return st.AddReport(ctx, ref(22), "科技处", "进展", false, kj) }},
		{"a claim", func() error { return st.ClaimPart(ctx, ref(22), "科技处", "", kj) }},
		{"an approval", func() error { return st.ReviewPart(ctx, ref(22), "科技处", true, "", admin) }},
		{"a task done for every unit", func() error { return st.SetDone(ctx, ref(1), "", true, admin) }},
		{"two tasks between two pages", func() error {
			if err := st.SetDone(ctx, ref(2), "", true, admin); err != nil {
				return err
			}
			return st.SetDone(ctx, ref(43), "", true, admin)
		}},
		{"a bulk change", func() error {
			for i := 0; i <= maxIncremental; i++ {
				if err := st.SetDone(ctx, ref(3+(i/2)%40), "", i%2 == 0, admin); err != nil {
					return err
				}
			}
			return nil
		}},
	}
	for _, step := range steps {
		if err := step.do(); err != nil {
			t.Fatalf("%s: %v", step.what, err)
		}
		check(step.what)
	}
}
