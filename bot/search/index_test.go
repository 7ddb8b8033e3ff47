package search

import "testing"

func TestIndex_foreign(t *testing.T) {
	texts := []string{"法制支队牵头落实", "各级公安机关"}
	ix := New(make([]Doc, len(texts)), texts, []string{"", ""})
	for _, c := range []struct {
		segs []string
		want bool
	}{
		{[]string{"队长"}, true},   // a word no document holds
		{[]string{"楼"}, true},    // a lone character no document holds
		{[]string{"干"}, false},   // a function character
		{[]string{"落实"}, false},  // held
		{[]string{"要落实"}, false}, // 要落 joins 要 to a held word
		{nil, false},
	} {
		if got := ix.Foreign(c.segs); got != c.want {
			t.Errorf("foreign(%q) = %v, want %v", c.segs, got, c.want)
		}
	}
}

// TestIndex_terms_functionChars checks that a join such as 要形 (要 + 形成)
// is dropped when no document holds it, and kept when one does.
func TestIndex_terms_functionChars(t *testing.T) {
	texts := []string{"形成相应案卷", "重要意义"}
	ix := New(make([]Doc, len(texts)), texts, []string{"", ""})
	got := ix.Terms([]string{"要形成案卷"})
	for _, g := range got.Grams {
		if g == "要形" {
			t.Errorf("join 要形 kept: %v", got.Grams)
		}
	}
	got = ix.Terms([]string{"重要"})
	if len(got.Grams) != 1 || got.Grams[0] != "重要" {
		t.Errorf("重要 = %v, want the word kept", got.Grams)
	}
}

// TestIndex_Search ranks the document holding the question's rare words
// first, reports the share of the question's weight it holds, and keeps
// only the documents keep accepts.
func TestIndex_Search(t *testing.T) {
	forms := []string{"执法记录资料30日内归档", "执法决定7个工作日内公开", "加强执法队伍建设"}
	docs := []Doc{{Kind: Task}, {Kind: Task}, {Kind: Section}}
	ix := New(docs, forms, []string{"严格记录归档", "", ""})
	q := ix.Terms([]string{"记录资料", "归档"})
	hits := ix.Search(q, nil)
	if len(hits) == 0 || hits[0].Doc != 0 {
		t.Fatalf("hits %+v, want document 0 first", hits)
	}
	if hits[0].Coverage < 0.99 || hits[0].Matched <= 0 {
		t.Errorf("coverage %.2f matched %.2f, want the whole question held", hits[0].Coverage, hits[0].Matched)
	}
	if got := ix.Search(q, func(d *Doc) bool { return d.Kind == Section }); len(got) != 0 {
		t.Errorf("keep: hits %+v, want none (no section holds the words)", got)
	}
	if ix.Foreign([]string{"归档"}) || !ix.Holds("归档") || ix.Holds("队长") {
		t.Error("Holds/Foreign disagree with the documents")
	}
	if w := q.Overlap("执法决定公开"); w != 0 {
		t.Errorf("Overlap with a text holding none of the words = %v", w)
	}
}
