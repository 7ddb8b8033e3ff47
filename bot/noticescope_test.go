package bot

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"dutybot/knowledge"
	"dutybot/knowledge/importer"
	"dutybot/store"
)

// secondNumber is the 文号 of the second notice, a table of the same kind
// written in Word by the importer's tests (knowledge/importer/testdata).
const secondNumber = "淮公通〔2020〕112号"

// secondNotice reads the second notice from its Word file.
func secondNotice(t testing.TB) *knowledge.Notice {
	t.Helper()
	res, err := importer.ReadFile(filepath.Join("..", "knowledge", "importer", "testdata", "second.docx"),
		importer.WithNumber(secondNumber), importer.WithTitle("淮南市公安局关于深化公安行政执法规范化建设相关工作的通知"),
		importer.WithIssued("2020-04-10"))
	if err != nil {
		t.Fatal(err)
	}
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	return res.Notice
}

// newTwoNoticeEngine returns an engine over the built-in notice and the second one.
func newTwoNoticeEngine(t testing.TB) (*Engine, *store.DB) {
	t.Helper()
	st := newStore(t, huainan(t), secondNotice(t))
	e, err := New(st, WithAdmins(admin))
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	return e, st
}

func askIn(t testing.TB, e *Engine, user, text string) Reply {
	t.Helper()
	return e.Handle(context.Background(), Message{User: user, Text: text, Now: day(t, "2020-05-06")})
}

// TestNoticeScope_twoNotices: a question names a notice by its 文号 (whole
// or short) or by words of its title, or applies to every notice, grouped
// newest first; 第N项 with no notice asks which one.
func TestNoticeScope_twoNotices(t *testing.T) {
	e, _ := newTwoNoticeEngine(t)
	cases := []struct {
		q        string
		notices  []NoticeTasks
		kind     string
		contains []string
	}{
		{"淮公通〔2019〕395号第5项", []NoticeTasks{{"淮公通〔2019〕395号", []int{5}}}, "", []string{"【淮公通〔2019〕395号】"}},
		{"395号第5项是什么", []NoticeTasks{{"淮公通〔2019〕395号", []int{5}}}, "", nil},
		{"112号的第3项", []NoticeTasks{{secondNumber, []int{3}}}, "", []string{"编制常见警情处置执法指引"}},
		{"〔2020〕112号第6项谁牵头", []NoticeTasks{{secondNumber, []int{6}}}, "", []string{"教育训练处"}},
		{"深化公安行政执法规范化建设那份通知的第2项", []NoticeTasks{{secondNumber, []int{2}}}, "", nil},
		{"任务 5", nil, "which_notice", []string{"淮公通〔2019〕395号", secondNumber}},
		{"第5项是什么", nil, "which_notice", []string{"112号第1项"}},
		{"督察支队牵头的任务", []NoticeTasks{{secondNumber, []int{5}}}, "", nil},
		{"通知", nil, "notices", []string{"库中共有2份通知", "6项任务", "43项任务", "执行中"}},
	}
	for _, c := range cases {
		rep := askIn(t, e, "UOTHER", c.q)
		if c.kind != "" && rep.Kind != c.kind {
			t.Errorf("%q: kind %q, want %q\n%s", c.q, rep.Kind, c.kind, rep.Text)
		}
		if c.notices != nil && !reflect.DeepEqual(rep.Notices, c.notices) {
			t.Errorf("%q: notices %+v, want %+v\n%s", c.q, rep.Notices, c.notices, rep.Text)
		}
		for _, w := range c.contains {
			if !strings.Contains(rep.Text, w) {
				t.Errorf("%q: reply lacks %q:\n%s", c.q, w, rep.Text)
			}
		}
	}
	// 法制支队 leads tasks in both: grouped by notice, the newer first
	rep := askIn(t, e, "UOTHER", "法制支队牵头的任务有哪些")
	if len(rep.Notices) != 2 || rep.Notices[0].Notice != secondNumber || rep.Notices[1].Notice != "淮公通〔2019〕395号" {
		t.Fatalf("法制支队牵头的任务: notices %+v\n%s", rep.Notices, rep.Text)
	}
	if i, j := strings.Index(rep.Text, "【"+secondNumber), strings.Index(rep.Text, "【淮公通〔2019〕395号"); i < 0 || j < i {
		t.Errorf("groups out of order:\n%s", rep.Text)
	}
	// the notices list, newest first
	list := askIn(t, e, "UOTHER", "notices").Text
	if i, j := strings.Index(list, secondNumber), strings.Index(list, "淮公通〔2019〕395号"); i < 0 || j < i {
		t.Errorf("notices not newest first:\n%s", list)
	}
}

// TestNoticeScope_commandsPerNotice: done N needs a notice when there are
// several, and changes only the notice named.
func TestNoticeScope_commandsPerNotice(t *testing.T) {
	e, st := newTwoNoticeEngine(t)
	ctx := context.Background()
	if rep := askIn(t, e, admin, "done 5"); rep.Kind != "which_notice" || rep.Err == nil || rep.Changed {
		t.Fatalf("done 5 with two notices: kind %q err %v changed %v\n%s", rep.Kind, rep.Err, rep.Changed, rep.Text)
	}
	if rep := askIn(t, e, admin, "done 112号 5"); rep.Err != nil || !rep.Changed {
		t.Fatalf("done 112号 5: %v\n%s", rep.Err, rep.Text)
	}
	for number, want := range map[string]bool{secondNumber: true, "淮公通〔2019〕395号": false} {
		as, err := st.Assignments(ctx, number)
		if err != nil {
			t.Fatal(err)
		}
		done := false
		for _, a := range as {
			if a.Task == 5 && a.Done {
				done = true
			}
		}
		if done != want {
			t.Errorf("%s task 5 done = %v, want %v", number, done, want)
		}
	}
}

// TestNoticeScope_sameAnswersWhenNamed: every dev question asked about the
// built-in notice by its 文号, with a second notice loaded, names the tasks
// it names with the built-in notice alone.
func TestNoticeScope_sameAnswersWhenNamed(t *testing.T) {
	one, _ := newTestEngine(t)
	two, _ := newTwoNoticeEngine(t)
	ms := two.snap.Load().multi
	var own *noticeScope
	for _, sc := range ms.list {
		if sc.n.Number == "淮公通〔2019〕395号" {
			own = sc
		}
	}
	for _, c := range readCases(t, "testdata/dev.jsonl") {
		now := day(t, "2019-09-20")
		if c.Now != nil {
			now = day(t, *c.Now)
		}
		m := Message{User: "UOTHER", Text: c.Q, Now: now}
		want := one.Handle(context.Background(), m)
		r := &request{e: two, ctx: context.Background(), msg: m, loc: two.bundle.For(""), text: c.Q,
			today: knowledge.DateOf(now.In(two.loc)), snap: two.snap.Load(), states: map[string]map[int][]knowledge.Assignment{}}
		got := r.in(own, c.Q)
		if !reflect.DeepEqual(nonNil(got.Tasks), nonNil(want.Tasks)) || !strings.HasSuffix(got.Text, want.Text) {
			t.Errorf("%q: tasks %v, alone %v\n%s\n---\n%s", c.Q, got.Tasks, want.Tasks, got.Text, want.Text)
		}
	}
}

func TestNoticeMessages_existInEveryLanguage(t *testing.T) {
	e, _ := newTestEngine(t)
	for _, lang := range []string{"zh-CN", "en"} {
		for _, id := range noticeMessageIDs {
			if !e.bundle.Has(lang, id) {
				t.Errorf("%s: message %s is missing", lang, id)
			}
		}
	}
}

// TestNoticeScope_archive: archive 文号 is for administrators, marks the
// notice's answers archived, leaves 第N项 to the notice still in force, and
// unarchive puts it back; each change once.
func TestNoticeScope_archive(t *testing.T) {
	e, st := newTwoNoticeEngine(t)
	if rep := askIn(t, e, "UOTHER", "归档 112号"); rep.Kind != "refused" || rep.Changed {
		t.Fatalf("archive by a non-administrator: %+v", rep)
	}
	if rep := askIn(t, e, admin, "archive 999号"); rep.Err == nil || !strings.Contains(rep.Text, "999号") {
		t.Fatalf("archive of an unknown notice: %+v", rep)
	}
	if rep := askIn(t, e, admin, "归档 时限"); rep.Kind == "refused" || rep.Kind == "command" {
		t.Fatalf("归档 时限 is a question, got %q\n%s", rep.Kind, rep.Text)
	}
	if rep := askIn(t, e, admin, "归档 淮公通〔2020〕112号"); !rep.Changed || rep.Err != nil {
		t.Fatalf("archive: %+v", rep)
	}
	if rep := askIn(t, e, admin, "archive 112号"); rep.Changed || rep.Err == nil {
		t.Fatalf("archive twice: %+v", rep)
	}
	if list := askIn(t, e, "UOTHER", "通知").Text; !strings.Contains(list, "已归档") {
		t.Errorf("notices after archive:\n%s", list)
	}
	if rep := askIn(t, e, "UOTHER", "112号第3项"); !strings.Contains(rep.Text, "已归档") || len(rep.Tasks) != 1 || rep.Tasks[0] != 3 {
		t.Errorf("an archived notice's answer: %v\n%s", rep.Tasks, rep.Text)
	}
	// 第N项 now means the one notice in force
	if rep := askIn(t, e, "UOTHER", "第3项"); len(rep.Notices) != 1 || rep.Notices[0].Notice != "淮公通〔2019〕395号" {
		t.Errorf("第3项 with one notice in force: %+v\n%s", rep.Notices, rep.Text)
	}
	if rep := askIn(t, e, admin, "恢复 112号"); !rep.Changed {
		t.Fatalf("unarchive: %+v", rep)
	}
	entries, err := st.Audit(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, a := range entries {
		if a.Notice == secondNumber && strings.HasPrefix(a.Action, "notice.") && a.Action != "notice.import" {
			actions = append(actions, a.Action+" by "+a.Actor.User)
		}
	}
	if want := []string{"notice.archive by " + admin, "notice.unarchive by " + admin}; !reflect.DeepEqual(actions, want) {
		t.Errorf("audit: %v, want %v", actions, want)
	}
	if rep := askIn(t, e, "UOTHER", "第3项"); rep.Kind != "which_notice" {
		t.Errorf("第3项 after unarchive: %q", rep.Kind)
	}
}

// TestNoticeScope_homeAndLiaisons: App Home of a 法制支队 officer lists the
// tasks of both notices, each item with its notice and the progress lines
// named by 文号; once archived, the second notice leaves Home. A liaison of a
// unit acts for it in every notice (docs/cli.md §2), on the notice named.
func TestNoticeScope_homeAndLiaisons(t *testing.T) {
	e, st := newTwoNoticeEngine(t)
	ctx := context.Background()
	if rep := askIn(t, e, "U0FZ01", "iam 法制支队"); rep.Err != nil {
		t.Fatal(rep.Text)
	}
	h, err := e.Home(ctx, "U0FZ01", "", day(t, "2020-05-06"))
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]int{}
	for _, it := range h.Lead {
		by[it.Notice]++
	}
	if !reflect.DeepEqual(h.Notices, []string{secondNumber, "淮公通〔2019〕395号"}) || by[secondNumber] != 4 || by["淮公通〔2019〕395号"] != 20 {
		t.Errorf("home: notices %v, lead items by notice %v", h.Notices, by)
	}
	if len(h.Units) == 0 || !strings.HasPrefix(h.Units[0].Name, "112号 ") || !strings.HasPrefix(h.Sections[len(h.Sections)-1].Name, "395号 ") {
		t.Errorf("home progress not named by notice: %+v / %+v", h.Units[:1], h.Sections)
	}
	if rep := askIn(t, e, admin, "liaison 法制支队 U0FZ01"); rep.Err != nil || !rep.Changed {
		t.Fatal(rep.Text)
	}
	if rep := askIn(t, e, "U0FZ01", "ack 112号 1"); rep.Err != nil || !rep.Changed {
		t.Fatalf("ack 112号 1 by 法制支队's liaison: %+v", rep)
	}
	if rep := askIn(t, e, "U0FZ01", "签收 395号 2"); rep.Err != nil || !rep.Changed {
		t.Fatalf("签收 395号 2 by 法制支队's liaison: %+v", rep)
	}
	for _, c := range []struct {
		notice string
		task   int
		want   knowledge.PartState
	}{{secondNumber, 1, knowledge.PartSigned}, {"淮公通〔2019〕395号", 1, knowledge.PartOpen}, {"淮公通〔2019〕395号", 2, knowledge.PartSigned}, {secondNumber, 2, knowledge.PartOpen}} {
		ps, err := st.Parts(ctx, c.notice)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			if p.Task == c.task && p.Unit == "法制支队" && p.State != c.want {
				t.Errorf("%s task %d 法制支队: %s, want %s", c.notice, c.task, p.State, c.want)
			}
		}
	}
	askIn(t, e, admin, "archive 112号")
	if h, _ := e.Home(ctx, "U0FZ01", "", day(t, "2020-05-06")); !reflect.DeepEqual(h.Notices, []string{"淮公通〔2019〕395号"}) {
		t.Errorf("home after archiving 112号: %v", h.Notices)
	}
}
