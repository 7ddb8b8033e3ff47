package main

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// withSecond returns a test program whose database holds the built-in
// notice and the second one, imported from its Word file in one command.
func withSecond(t *testing.T) *testMain {
	t.Helper()
	tm := newTestMain(t)
	tm.mustRun(append(append([]string{"import"}, secondFlags...), fixture(t, "second.docx"))...)
	return tm
}

type noticeChatLine struct {
	Text    string `json:"text"`
	Tasks   []int  `json:"tasks"`
	Notices []struct {
		Notice string `json:"notice"`
		Tasks  []int  `json:"tasks"`
	} `json:"notices"`
}

func (tm *testMain) chatNotices(args ...string) []noticeChatLine {
	tm.t.Helper()
	out := tm.mustRun(append([]string{"chat", "--json", "--now", "2020-05-06"}, args...)...)
	var lines []noticeChatLine
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var c noticeChatLine
		if err := json.Unmarshal([]byte(l), &c); err != nil {
			tm.t.Fatalf("not JSON: %q", l)
		}
		lines = append(lines, c)
	}
	return lines
}

// TestMain_SeveralNotices runs docs/cli.md §2 end to end with two notices:
// the notices command and CLI, questions naming a notice, 第N项 asking which
// one, answers grouped by notice in --json, and a one-notice database whose
// lines carry no "notices" field.
func TestMain_SeveralNotices(t *testing.T) {
	alone := newTestMain(t)
	if out := alone.mustRun("chat", "--json", "第5项"); strings.Contains(out, `"notices"`) {
		t.Errorf("one notice: the line has a notices field: %s", out)
	}
	tm := withSecond(t)
	got := tm.chatNotices("通知", "112号第3项", "第3项", "法制支队牵头的任务")
	if !strings.Contains(got[0].Text, "库中共有2份通知") || strings.Index(got[0].Text, "112号") > strings.Index(got[0].Text, "395号") {
		t.Errorf("通知:\n%s", got[0].Text)
	}
	if len(got[1].Notices) != 1 || got[1].Notices[0].Notice != "淮公通〔2020〕112号" || !reflect.DeepEqual(got[1].Tasks, []int{3}) {
		t.Errorf("112号第3项: %+v", got[1])
	}
	if len(got[2].Tasks) != 0 || !strings.Contains(got[2].Text, "请说明是哪一份") {
		t.Errorf("第3项 with two notices: %+v", got[2])
	}
	if len(got[3].Notices) != 2 || got[3].Notices[0].Notice != "淮公通〔2020〕112号" || got[3].Notices[1].Notice != "淮公通〔2019〕395号" {
		t.Errorf("法制支队牵头的任务: %+v", got[3].Notices)
	}
	// a change by number needs the notice, and exits 1 without one
	if _, _, code := tm.run("", "chat", "--as", "UADM", "done 3"); code != 1 {
		t.Errorf("done 3 with two notices: exit %d, want 1", code)
	}
	var list []noticeJSON
	if err := json.Unmarshal([]byte(tm.mustRun("notices", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	want := []noticeJSON{
		{Notice: "淮公通〔2020〕112号", Title: "淮南市公安局关于深化公安行政执法规范化建设相关工作的通知", Issued: "2020-04-10", Tasks: 6, Parts: 17},
		{Notice: "淮公通〔2019〕395号", Issued: "2019-09-03", Tasks: 43, Parts: 160},
	}
	want[1].Title = list[1].Title
	if !reflect.DeepEqual(list, want) {
		t.Errorf("notices --json:\n got %+v\nwant %+v", list, want)
	}
}

// TestMain_RemindPlanSeveralNotices: with two notices, remind plan keeps each
// reminder with its notice (the second's task 3 is due 2020-09-30, the
// built-in one has no task due then), and archiving the second takes all of
// its reminders out of the plan while the built-in notice's stay.
func TestMain_RemindPlanSeveralNotices(t *testing.T) {
	tm := withSecond(t)
	count := func() map[string]int {
		by := map[string]int{}
		for _, r := range tm.plan("2020-01-01", "2020-12-31") {
			by[r.Notice]++
			if r.Notice == "淮公通〔2020〕112号" && r.Task == 3 && r.Kind == "due" && (r.Due == nil || *r.Due != "2020-09-30") {
				t.Errorf("112号 task 3 due reminder: %+v", r)
			}
		}
		return by
	}
	before := count()
	if before["淮公通〔2020〕112号"] == 0 || before["淮公通〔2019〕395号"] == 0 {
		t.Fatalf("plan before archive: %v, want reminders of both notices", before)
	}
	tm.env["DUTYBOT_ADMINS"] = "UADM"
	tm.mustRun("chat", "--as", "UADM", "归档 淮公通〔2020〕112号")
	after := count()
	if after["淮公通〔2020〕112号"] != 0 || after["淮公通〔2019〕395号"] != before["淮公通〔2019〕395号"] {
		t.Errorf("plan after archiving 112号: %v (before %v): want none of 112号 and all of 395号", after, before)
	}
	var list []noticeJSON
	if err := json.Unmarshal([]byte(tm.mustRun("notices", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if !list[0].Archived || list[1].Archived {
		t.Errorf("notices --json after archive: %+v", list)
	}
	if out := tm.mustRun("audit"); !strings.Contains(out, "notice.archive") {
		t.Errorf("audit lacks the archive:\n%s", out)
	}
	tm.mustRun("chat", "--as", "UADM", "unarchive 112号")
	if again := count(); again["淮公通〔2020〕112号"] != before["淮公通〔2020〕112号"] {
		t.Errorf("plan after unarchive: %v, want %v", again, before)
	}
}

// TestMain_LedgerSeveralNotices: the ledger holds every notice's parts, each
// row naming its notice, and --notice keeps one.
func TestMain_LedgerSeveralNotices(t *testing.T) {
	tm := withSecond(t)
	type row struct {
		Notice string `json:"notice"`
		Task   int    `json:"task"`
	}
	read := func(args ...string) map[string]int {
		var rows []row
		if err := json.Unmarshal([]byte(tm.mustRun(append([]string{"ledger", "--now", "2020-05-06"}, args...)...)), &rows); err != nil {
			t.Fatal(err)
		}
		by := map[string]int{}
		for _, r := range rows {
			by[r.Notice]++
		}
		return by
	}
	if got := read(); got["淮公通〔2019〕395号"] != 160 || got["淮公通〔2020〕112号"] != 17 {
		t.Errorf("ledger: rows by notice %v, want 160 and 17", got)
	}
	if got := read("--notice", "淮公通〔2020〕112号"); len(got) != 1 || got["淮公通〔2020〕112号"] != 17 {
		t.Errorf("ledger --notice 112号: %v", got)
	}
}
