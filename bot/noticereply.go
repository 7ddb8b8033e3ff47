package bot

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"dutybot/bot/textnorm"
	"dutybot/knowledge"
)

// errWhichNotice is why a command about a task by number was not done with
// several notices in force and none named: the reply lists them.
var errWhichNotice = errors.New("several notices: name one by its 文号")

// NoticeTasks are the tasks of one notice that a reply is about.
type NoticeTasks struct {
	Notice string `json:"notice"`
	Tasks  []int  `json:"tasks"`
}

// unitCommands are about units and people, the same in every notice: they
// run once, whatever notices there are.
var unitCommands = map[string]bool{"help": true, "bind": true, "members": true, "iam": true, "liaison": true}

// taskCommands take a task number first.
var taskCommands = map[string]bool{"task": true, "status": true, "done": true, "reopen": true,
	"ack": true, "progress": true, "problem": true, "claim": true, "approve": true, "reject": true}

// handleScoped answers r's message in the notice or notices it is about
// (noticescope.go); with one notice it is handle.
func (r *request) handleScoped() (Reply, error) {
	if rep, ok, err := r.noticeCommand(); ok {
		return rep, err
	}
	ms := r.snap.multi
	if ms == nil && r.snap.cur.Archived {
		// the one notice, retired: answered, and said so
		sc := &noticeScope{n: r.snap.cur, snap: r.snap}
		return r.in(sc, r.text), nil
	}
	if ms == nil {
		return r.handle()
	}
	cmd, args, isCmd := parseCommand(r.text)
	if isCmd && unitCommands[cmd] {
		rep, err := r.handle()
		if err == nil && cmd == "help" {
			rep.Text += "\n" + r.loc.T(msgNoticeMulti, map[string]any{"Count": len(ms.list), "Example": shortNumber(ms.list[0].n.Number)})
		}
		return rep, err
	}
	nm := ms.resolve(r.text, isCmd)
	switch {
	case len(nm.scopes) == 1:
		return r.in(nm.scopes[0], nm.rest), nil
	case len(nm.scopes) > 1:
		return r.whichNotice(nm.scopes, isCmd), nil
	}
	if r.aboutTaskNumber(cmd, args, isCmd) {
		if act := ms.active(); len(act) == 1 {
			return r.in(act[0], r.text), nil
		}
		return r.whichNotice(ms.list, isCmd), nil
	}
	if !isCmd {
		// a topic question: only the notices whose tasks match it best (noticerank.go)
		if best := r.topicNotices(ms.list); best != nil {
			return r.acrossNotices(best, true), nil
		}
	}
	return r.acrossNotices(ms.list, !isCmd), nil
}

// aboutTaskNumber reports whether the message names a task by its number,
// which means nothing without a notice.
func (r *request) aboutTaskNumber(cmd string, args []string, isCmd bool) bool {
	if isCmd && taskCommands[cmd] && len(args) > 0 && isNumberArg(args[0]) {
		return true
	}
	q := r.parseText(r.text)
	return len(q.nums) > 0
}

// in answers text about one notice alone, headed by the notice.
func (r *request) in(sc *noticeScope, text string) Reply {
	sub := *r
	sub.snap, sub.text = sc.snap, text
	rep, err := sub.handle()
	if err != nil {
		rep = r.e.errorReply(&sub, err)
	}
	if !rep.brief { // a brief list is written out later, headed then (writeFound)
		rep.Text = sub.noticeHeading(sc.n) + "\n" + rep.Text
	}
	rep.Notices = []NoticeTasks{{Notice: sc.n.Number, Tasks: nonNil(rep.Tasks)}}
	return rep
}

// acrossNotices answers a question in every notice and groups the answers
// that found something, newest notice first. When no notice has an answer,
// the newest notice's reply says so. readOnly says the message changes
// nothing (a question, not a command), so that the notices may be answered
// side by side (inEach).
func (r *request) acrossNotices(list []*noticeScope, readOnly bool) Reply {
	r.shared = newSharedParse(r.snap)
	defer func() { r.shared = nil }()
	var reps []Reply
	if readOnly {
		// lists are counted in every notice first and written out only in
		// the notices shown (writeFound)
		r.brief = true
		reps = r.inEach(list)
		r.brief = false
	} else {
		for _, sc := range list {
			reps = append(reps, r.in(sc, r.text))
		}
	}
	var withTasks, answered []int
	for i, rep := range reps {
		if rep.Err != nil || rep.Kind == "out_of_scope" || rep.Kind == "unknown" {
			continue
		}
		answered = append(answered, i)
		if len(rep.Tasks) > 0 {
			withTasks = append(withTasks, i)
		}
	}
	// 法制支队的任务: the notices that have some; 进度: every notice
	found := withTasks
	if len(found) == 0 {
		found = answered
	}
	if len(found) == 0 {
		return reps[0]
	}
	if readOnly {
		r.writeFound(list, reps, found)
	}
	out := Reply{Kind: reps[found[0]].Kind, Headline: reps[found[0]].Headline, Tasks: []int{}}
	var texts []string
	rest, restTasks := 0, 0
	for k, i := range found {
		rep := reps[i]
		if readOnly && k >= maxNoticesWritten {
			rest, restTasks = rest+1, restTasks+len(rep.Tasks)
		} else {
			texts = append(texts, rep.Text)
			out.Items = append(out.Items, rep.Items...)
		}
		out.Tasks = append(out.Tasks, rep.Tasks...)
		out.Notices = append(out.Notices, rep.Notices...)
		out.Notify = append(out.Notify, rep.Notify...)
		out.Changed = out.Changed || rep.Changed
	}
	if rest > 0 {
		loc := r.loc // in the language the notices answered in
		if r.msg.Lang == "" && looksEnglish(r.text, r.snap.units) {
			loc = r.e.bundle.For("en")
		}
		texts = append(texts, loc.T(msgNoticesMore, map[string]any{"Count": rest, "Tasks": restTasks,
			"Example": shortNumber(list[found[maxNoticesWritten]].n.Number)}))
	}
	// Groups name tasks by number, which several notices share: the
	// combined answer leaves them out and Items keep every task written.
	out.Text = strings.Join(texts, "\n\n")
	return out
}

// maxNoticesWritten is how many notices a reply across notices writes out
// in full; the others are counted in one line, and every task is still in
// Tasks and Notices. 250 notices' lists (2,000 lines) are no reply a person
// reads, and writing them cost 60 ms.
const maxNoticesWritten = 5

// writeFound answers again, written out, the first maxNoticesWritten found
// notices of reps, which were answered brief (lists counted, not written).
func (r *request) writeFound(list []*noticeScope, reps []Reply, found []int) {
	for _, i := range found[:min(len(found), maxNoticesWritten)] {
		if reps[i].brief {
			reps[i] = r.in(list[i], r.text)
		}
	}
}

// inEach answers r's text in every notice of list, on as many goroutines
// as there are processors: each notice's answer is its own (its snapshot,
// its state read into a request of its own), so answering them side by side
// gives the replies answering them one after another gives, in list order.
// Only for messages that change nothing: commands that write run in order,
// so that the audit chain records them in order.
func (r *request) inEach(list []*noticeScope) []Reply {
	reps := make([]Reply, len(list))
	workers := min(runtime.GOMAXPROCS(0), len(list))
	if workers <= 1 {
		for i, sc := range list {
			reps[i] = r.in(sc, r.text)
		}
		return reps
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		// a request of its own: the state read once per message is per
		// notice, and a localizer is not shared between goroutines
		w := *r
		w.loc = r.e.bundle.For(r.loc.Lang())
		w.states, w.parts = map[string]map[int][]knowledge.Assignment{}, nil
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(list); i = int(next.Add(1) - 1) {
				reps[i] = w.in(list[i], r.text)
			}
		})
	}
	wg.Wait()
	return reps
}

// whichNotice asks which notice a message means, listing them.
func (r *request) whichNotice(list []*noticeScope, isCmd bool) Reply {
	var b strings.Builder
	b.WriteString(r.loc.T(msgWhichNotice, map[string]any{"Count": len(list), "Example": shortNumber(list[0].n.Number)}))
	for _, sc := range list {
		b.WriteString("\n· " + r.noticeHeading(sc.n))
	}
	rep := Reply{Kind: "which_notice", Text: b.String(), Headline: firstLine(b.String()), Tasks: []int{}}
	if isCmd {
		rep.Err = errWhichNotice
	}
	return rep
}

// noticeHeading names a notice: its 文号 and title, and whether it is archived.
func (r *request) noticeHeading(n *knowledge.Notice) string {
	id := msgNoticeHeading
	if n.Archived {
		id = msgNoticeHeadingArchived
	}
	return r.loc.T(id, map[string]any{"Number": n.Number, "Title": n.Title})
}

// shortNumber is the short form of a 文号 (淮公通〔2019〕395号 → 395号).
func shortNumber(number string) string {
	if m := reNumber.FindStringSubmatch(textnorm.Fold(number)); m != nil {
		return m[3] + "号"
	}
	return number
}

func nonNil(ts []int) []int {
	if ts == nil {
		return []int{}
	}
	return ts
}

// noticesList answers the notices command: every notice, newest first, with
// its tasks and the progress of its units' parts.
func (r *request) noticesList() (Reply, error) {
	list := r.snap.multi
	if list == nil {
		list = &noticeScopes{list: []*noticeScope{{n: r.snap.cur}}}
	}
	var b strings.Builder
	b.WriteString(r.loc.T(msgNoticesHead, map[string]any{"Count": len(list.list)}))
	for i, sc := range list.list {
		n := sc.n
		ps, err := r.e.st.Parts(r.ctx, n.Number)
		if err != nil {
			return Reply{}, fmt.Errorf("progress of %s: %w", n.Number, err)
		}
		done := 0
		for _, p := range ps {
			if p.State == knowledge.PartDone {
				done++
			}
		}
		pct := 0
		if len(ps) > 0 {
			pct = done * 100 / len(ps)
		}
		state := r.loc.T(msgNoticeInForce, nil)
		if n.Archived {
			state = r.loc.T(msgNoticeArchived, nil)
		}
		fmt.Fprintf(&b, "\n%d. %s\n", i+1, r.loc.T(msgNoticeLine, map[string]any{
			"Number": n.Number, "Title": n.Title, "Issued": r.date(n.Date), "Tasks": len(n.Tasks),
			"Done": done, "Parts": len(ps), "Percent": pct, "State": state}))
	}
	text := strings.TrimRight(b.String(), "\n")
	return Reply{Kind: "notices", Text: text, Headline: firstLine(text), Tasks: []int{}}, nil
}
