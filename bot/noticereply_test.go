package bot

import (
	"context"
	"fmt"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"dutybot/knowledge"
)

// multiNoticeQuestions are questions answered in every notice (no notice
// named, no task number), of each kind, in both languages.
var multiNoticeQuestions = []string{
	"督察支队牵头的任务", "法制支队的任务", "警务保障处参与哪些任务？", "哪些任务还没完成？", "已逾期的任务有哪些？",
	"2019年12月底前到期的任务有哪些", "法制支队牵头、2019年10月底前要完成的任务", "通知的主送单位有哪些？",
	"行政许可决定信息几天内公开？", "电子指纹的应用由哪个部门牵头？", "身份证丢了怎么补办？", "进度", "任务有哪些",
	"执法指引谁负责", "which tasks are overdue?", "what does the 法制支队 lead?", "这个月到期的", "一共有多少项任务",
}

// TestNoticeReply_sideBySide: answering a question in several notices side
// by side, with the replacers of one Load shared among their snapshots,
// gives the reply answering them one after another with replacers of their
// own gives (the way every notice was answered before): over the dev set,
// the labelled questions and questions about several notices, with eight
// notices loaded.
func TestNoticeReply_sideBySide(t *testing.T) {
	ctx := context.Background()
	st := newStore(t, append([]*knowledge.Notice{huainan(t), secondNotice(t)}, syntheticNotices(t, 6, 12)...)...)
	e, err := New(st, WithAdmins(admin))
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Load(ctx); err != nil {
		t.Fatal(err)
	}
	stored, err := st.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// the notices as answered before: a snapshot each, built alone
	var before []*noticeScope
	for _, sc := range e.snap.Load().multi.list {
		own := *sc
		own.snap = newSnapshot([]*knowledge.Notice{sc.n}, stored)
		before = append(before, &own)
	}
	var qs []string
	for _, f := range []string{"testdata/dev.jsonl", "testdata/questions.jsonl"} {
		for _, c := range readCases(t, f) {
			qs = append(qs, c.Q)
		}
	}
	qs = append(qs, multiNoticeQuestions...)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	across := 0
	for _, q := range qs {
		m := Message{User: "UOTHER", Text: q, Now: day(t, "2019-11-20")}
		runtime.GOMAXPROCS(4) // side by side, even on one processor
		got := e.Handle(ctx, m)
		runtime.GOMAXPROCS(1) // one after another
		r := &request{e: e, ctx: ctx, msg: m, loc: e.bundle.For(""), text: q, today: knowledge.DateOf(m.Now.In(e.loc)),
			snap: e.snap.Load(), states: map[string]map[int][]knowledge.Assignment{}}
		cmd, args, isCmd := parseCommand(q)
		if nm := r.snap.multi.resolve(q, isCmd); len(nm.scopes) > 0 || r.aboutTaskNumber(cmd, args, isCmd) || isCmd {
			continue // answered in one notice, or asks which
		}
		across++
		list := before
		if best := r.topicNotices(before); best != nil {
			list = best // a topic question: the notices that match it best (noticerank.go)
		}
		want := r.acrossNotices(list, true)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: side by side\n%s\n--- one after another\n%s", q, got.Text, want.Text)
		}
	}
	if across < len(multiNoticeQuestions) {
		t.Fatalf("only %d questions were answered across notices", across)
	}
}

// TestNoticeReply_sharedParse: a question answered across notices is parsed
// once for them all (sharedParse) and its lists counted before the first
// maxNoticesWritten are written (writeFound); each notice still gets the
// tasks it gets when it is asked alone and parses the question itself.
func TestNoticeReply_sharedParse(t *testing.T) {
	ctx := context.Background()
	st := newStore(t, append([]*knowledge.Notice{huainan(t), secondNotice(t)}, syntheticNotices(t, 6, 12)...)...)
	e, err := New(st)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Load(ctx); err != nil {
		t.Fatal(err)
	}
	var qs []string
	for _, c := range readCases(t, "testdata/dev.jsonl") {
		qs = append(qs, c.Q)
	}
	qs = append(qs, multiNoticeQuestions...)
	capped := 0
	for _, q := range qs {
		m := Message{User: "UOTHER", Text: q, Now: day(t, "2019-11-20")}
		got := e.Handle(ctx, m)
		if len(got.Notices) < 2 {
			continue // answered in one notice, or in none
		}
		r := &request{e: e, ctx: ctx, msg: m, loc: e.bundle.For(""), text: q, today: knowledge.DateOf(m.Now.In(e.loc)),
			snap: e.snap.Load(), states: map[string]map[int][]knowledge.Assignment{}}
		for _, nt := range got.Notices {
			var sc *noticeScope
			for _, s := range r.snap.multi.list {
				if s.n.Number == nt.Notice {
					sc = s
				}
			}
			alone := r.in(sc, q) // r.shared is nil: the notice parses the question itself
			if !reflect.DeepEqual(nonNil(alone.Tasks), nonNil(nt.Tasks)) {
				t.Errorf("%q in %s: across notices %v, alone %v", q, nt.Notice, nt.Tasks, alone.Tasks)
			}
		}
		if _, _, isCmd := parseCommand(q); isCmd {
			continue // a command is done in every notice and says so in each
		}
		written := len(regexp.MustCompile(`(?m)^(【|\[)淮公通`).FindAllString(got.Text, -1))
		more := fmt.Sprintf("另有%d份通知", len(got.Notices)-maxNoticesWritten)
		if looksEnglish(q, r.snap.units) {
			more = fmt.Sprintf("%d more notice(s)", len(got.Notices)-maxNoticesWritten)
		}
		if len(got.Notices) > maxNoticesWritten {
			capped++
			if written != maxNoticesWritten || !strings.Contains(got.Text, more) {
				t.Errorf("%q: %d notices answer it, %d written out:\n%s", q, len(got.Notices), written, got.Text)
			}
		} else if written != len(got.Notices) {
			t.Errorf("%q: %d notices answer it, %d written out", q, len(got.Notices), written)
		}
	}
	if capped == 0 {
		t.Fatal("no question was answered in more than maxNoticesWritten notices")
	}
}
