package bot

import (
	"errors"
	"regexp"
	"slices"
	"strings"

	"dutybot/bot/search"
	"dutybot/knowledge"
)

// This file holds the supervision loop's commands (督办闭环): liaisons, 签收,
// 进展, 问题, 申请办结, 同意, 退回 and 台账. Rights come from the liaison list
// only (iam grants nothing); administrators may do everything, except that
// nobody reviews a part as a liaison of the unit that owns it.

// superviseWords maps the loop's English and Chinese command words to their names.
var superviseWords = map[string]string{
	"liaison": "liaison", "liaisons": "liaison", "联络员": "liaison",
	"ack": "ack", "签收": "ack",
	"progress": "progress", "进展": "progress",
	"problem": "problem", "问题": "problem",
	"claim": "claim", "申请办结": "claim",
	"approve": "approve", "同意": "approve",
	"reject": "reject", "退回": "reject",
	"ledger": "ledger", "台账": "ledger",
}

func init() {
	for w, c := range superviseWords {
		commandWords[w] = c
	}
}

// Notification is a message the adapter delivers besides the reply: to the
// channels of Units and, when Admins is set, to the administrators' channel.
// The engine fills Channels with where that is (see address).
type Notification struct {
	Units  []string
	Admins bool
	Text   string
	// Channels are the chat channels it goes to, each once.
	Channels []string
	// Review, when set, asks the readers to review a part (a claim): a
	// rich adapter shows Approve and Reject buttons.
	Review *Review
}

// supError is a refusal of the loop, with the message that says why.
type supError struct {
	id   string
	data map[string]any
}

func (e *supError) Error() string { return "supervision refused: " + e.id }

func refuse(id string, data map[string]any) error { return &supError{id: id, data: data} }

// errUsageOf is a usage error for a command of the loop.
func errUsageOf(usage string) error { return &opError{err: errUsage, arg: usage} }

// supervise runs a command of the loop. handled is false for words that
// only looked like a command (问题 多不多 is a question).
func (r *request) supervise(cmd string, args []string) (Reply, bool, error) {
	switch cmd {
	case "liaison":
		return r.liaison(args)
	case "ledger":
		if len(args) > 0 {
			return Reply{}, false, nil
		}
		rep, err := r.ledgerSummary()
		return rep, true, err
	case "ack", "progress", "problem", "claim":
		return r.act(cmd, args)
	case "approve", "reject":
		return r.review(cmd, args)
	}
	return Reply{}, false, nil
}

var supUsage = map[string]string{
	"ack": msgSupUsageAck, "progress": msgSupUsageProgress, "problem": msgSupUsageProblem,
	"claim": msgSupUsageClaim, "approve": msgSupUsageApprove, "reject": msgSupUsageReject,
}

// taskOf reads the task number of a loop command. ok is false when the
// first word is no number and holds Chinese words: a question, not a command.
func (r *request) taskOf(cmd string, args []string) (*knowledge.Task, bool, error) {
	if len(args) == 0 {
		return nil, true, errUsageOf(supUsage[cmd])
	}
	if !isNumberArg(args[0]) {
		if strings.ContainsFunc(args[0], search.IsHan) {
			return nil, false, nil
		}
		return nil, true, errUsageOf(supUsage[cmd])
	}
	num := numberArg(args[0])
	t := r.snap.cur.Task(num)
	if t == nil {
		return nil, true, &opError{err: knowledge.ErrNotFound, task: num}
	}
	return t, true, nil
}

// loop is what a loop command reads: the task's parts and the liaisons.
type loop struct {
	parts    []knowledge.Part // the task's parts
	liaisons map[string][]string
}

func (r *request) readLoop(t *knowledge.Task) (*loop, error) {
	ps, err := r.e.st.Parts(r.ctx, r.snap.cur.Number)
	if err != nil {
		return nil, err
	}
	ls, err := r.e.st.Liaisons(r.ctx)
	if err != nil {
		return nil, err
	}
	l := &loop{liaisons: ls}
	for _, p := range ps {
		if p.Task == t.Number {
			l.parts = append(l.parts, p)
		}
	}
	return l, nil
}

func (l *loop) part(unit string) *knowledge.Part {
	for i := range l.parts {
		if l.parts[i].Unit == unit {
			return &l.parts[i]
		}
	}
	return nil
}

func (l *loop) isLiaison(user, unit string) bool { return slices.Contains(l.liaisons[unit], user) }

// mine returns the units with a part in the task that user is a liaison of.
func (l *loop) mine(user string) []string {
	var out []string
	for _, p := range l.parts {
		if l.isLiaison(user, p.Unit) {
			out = append(out, p.Unit)
		}
	}
	return out
}

// actingUnit reads the optional UNIT after N and decides for which unit the
// user acts: the unit named (when the user is its liaison or an
// administrator), or else the one unit with a part in the task that the
// user is a liaison of. It returns the unit and the words after it.
func (r *request) actingUnit(cmd string, t *knowledge.Task, l *loop, rest []string) (string, []string, error) {
	if len(rest) > 0 {
		if u, ok := r.snap.units.resolve(rest[0]); ok {
			if l.part(u) == nil {
				return "", nil, &opError{err: knowledge.ErrNotAssigned, task: t.Number, unit: u}
			}
			if !l.isLiaison(r.msg.User, u) && !r.e.admins[r.msg.User] {
				return "", nil, refuse(msgSupErrNotLiaison, map[string]any{"Unit": u, "N": t.Number})
			}
			return u, rest[1:], nil
		}
	}
	mine := l.mine(r.msg.User)
	switch {
	case len(mine) == 1:
		return mine[0], rest, nil
	case len(mine) > 1:
		return "", nil, refuse(msgSupErrWhichUnit, map[string]any{"Units": strings.Join(mine, "、"), "N": t.Number,
			"Example": strings.Join([]string{cmdWord(r, cmd), itoa(t.Number), mine[0]}, " ")})
	case r.e.admins[r.msg.User]:
		return "", nil, errUsageOf(supUsage[cmd]) // an administrator names the unit
	}
	return "", nil, refuse(msgSupErrNoLiaisonUnit, map[string]any{"N": t.Number})
}

// cmdWord is the word of cmd in the user's language, for examples.
func cmdWord(r *request, cmd string) string {
	zh := map[string]string{"ack": "签收", "progress": "进展", "problem": "问题", "claim": "申请办结"}
	if r.loc.Lang() == "en" {
		return cmd
	}
	return zh[cmd]
}

// act runs ack, progress, problem and claim for the acting unit.
func (r *request) act(cmd string, args []string) (Reply, bool, error) {
	t, ok, err := r.taskOf(cmd, args)
	if !ok || err != nil {
		return Reply{}, ok, err
	}
	l, err := r.readLoop(t)
	if err != nil {
		return Reply{}, true, err
	}
	unit, rest, err := r.actingUnit(cmd, t, l, args[1:])
	if err != nil {
		return Reply{}, true, err
	}
	text := strings.TrimSpace(strings.Join(rest, " "))
	if (cmd == "progress" || cmd == "problem") && text == "" {
		return Reply{}, true, errUsageOf(supUsage[cmd])
	}
	ref := knowledge.TaskRef{Notice: r.snap.cur.Number, Number: t.Number}
	data := map[string]any{"Unit": unit, "N": t.Number, "Text": text, "Lead": strings.Join(t.Lead, "、"), "User": r.msg.User}
	var id string
	var notify []Notification
	switch cmd {
	case "ack":
		err, id = r.e.st.SignPart(r.ctx, ref, unit, r.actor()), msgSupSigned
	case "progress":
		err, id = r.e.st.AddReport(r.ctx, ref, unit, text, false, r.actor()), msgSupProgressed
	case "problem":
		err, id = r.e.st.AddReport(r.ctx, ref, unit, text, true, r.actor()), msgSupProblemed
		notify = []Notification{{Units: t.Lead, Admins: true, Text: r.loc.T(msgSupNotifyProblem, data)}}
	case "claim":
		err, id = r.e.st.ClaimPart(r.ctx, ref, unit, text, r.actor()), msgSupClaimed
		note := ""
		if text != "" {
			note = "：" + text
			if r.loc.Lang() == "en" {
				note = ": " + text
			}
		}
		data["Note"] = note
		notify = []Notification{{Units: t.Lead, Admins: true, Text: r.loc.T(msgSupNotifyClaim, data),
			Review: &Review{Task: t.Number, Unit: unit}}}
	}
	if err != nil {
		return Reply{}, true, r.loopError(err, t.Number, unit, l)
	}
	r.e.log.Info("supervision", "cmd", cmd, "task", t.Number, "unit", unit, "user", r.msg.User)
	return r.loopReply(t, r.loc.T(id, data), notify)
}

// review runs approve and reject.
func (r *request) review(cmd string, args []string) (Reply, bool, error) {
	t, ok, err := r.taskOf(cmd, args)
	if !ok || err != nil {
		return Reply{}, ok, err
	}
	if len(args) < 2 {
		return Reply{}, true, errUsageOf(supUsage[cmd])
	}
	unit, ok := r.snap.units.resolve(args[1])
	if !ok {
		return Reply{}, true, &opError{err: knowledge.ErrUnknownUnit, task: t.Number, unit: args[1]}
	}
	l, err := r.readLoop(t)
	if err != nil {
		return Reply{}, true, err
	}
	p := l.part(unit)
	if p == nil {
		return Reply{}, true, &opError{err: knowledge.ErrNotAssigned, task: t.Number, unit: unit}
	}
	if !r.e.admins[r.msg.User] {
		lead := false
		for _, u := range t.Lead {
			lead = lead || l.isLiaison(r.msg.User, u)
		}
		if !lead {
			return Reply{}, true, refuse(msgSupErrNotReviewer, map[string]any{"N": t.Number, "Lead": strings.Join(t.Lead, "、")})
		}
		// Nobody reviews a part as a liaison of the unit that owns it.
		if slices.Contains(t.Lead, unit) || p.Via != "" && slices.Contains(t.Lead, p.Via) || l.isLiaison(r.msg.User, unit) {
			return Reply{}, true, refuse(msgSupErrOwnPart, map[string]any{"N": t.Number, "Unit": unit})
		}
	}
	reason := strings.TrimSpace(strings.Join(args[2:], " "))
	if cmd == "reject" && reason == "" {
		return Reply{}, true, refuse(msgSupErrNoReason, map[string]any{"N": t.Number, "Unit": unit})
	}
	ref := knowledge.TaskRef{Notice: r.snap.cur.Number, Number: t.Number}
	if err := r.e.st.ReviewPart(r.ctx, ref, unit, cmd == "approve", reason, r.actor()); err != nil {
		return Reply{}, true, r.loopError(err, t.Number, unit, l)
	}
	data := map[string]any{"Unit": unit, "N": t.Number, "Reason": reason, "User": r.msg.User}
	id, note := msgSupApproved, msgSupNotifyApproved
	if cmd == "reject" {
		id, note = msgSupRejected, msgSupNotifyRejected
	}
	delete(r.states, r.snap.cur.Number)
	r.e.log.Info("supervision", "cmd", cmd, "task", t.Number, "unit", unit, "user", r.msg.User)
	return r.loopReply(t, r.loc.T(id, data), []Notification{{Units: []string{unit}, Text: r.loc.T(note, data)}})
}

// loopError turns the store's refusals into what the user reads.
func (r *request) loopError(err error, n int, unit string, l *loop) error {
	data := map[string]any{"N": n, "Unit": unit}
	switch {
	case errors.Is(err, knowledge.ErrPartDone):
		return refuse(msgSupErrPartDone, data)
	case errors.Is(err, knowledge.ErrInReview):
		return refuse(msgSupErrInReview, data)
	case errors.Is(err, knowledge.ErrAlreadySigned):
		return refuse(msgSupErrAlreadySigned, data)
	case errors.Is(err, knowledge.ErrNoReason):
		return refuse(msgSupErrNoReason, data)
	case errors.Is(err, knowledge.ErrNotInReview):
		state := knowledge.PartOpen
		if p := l.part(unit); p != nil {
			data["State"] = r.stateText(*p)
			state = p.State
		}
		if data["State"] == nil {
			data["State"] = r.stateText(knowledge.Part{State: state})
		}
		return refuse(msgSupErrNotInReview, data)
	}
	return &opError{err: err, task: n, unit: unit}
}

// loopReply answers a change of the loop with its headline and the task's
// parts as they are now.
func (r *request) loopReply(t *knowledge.Task, head string, notify []Notification) (Reply, bool, error) {
	block, err := r.partsBlock(t)
	if err != nil {
		return Reply{}, true, err
	}
	delete(r.states, r.snap.cur.Number) // the card's status and light as they are now
	delete(r.parts, r.snap.cur.Number)
	it, err := r.item(r.snap.cur, t, "")
	if err != nil {
		return Reply{}, true, err
	}
	// The change is made: a failure to read the bindings loses the
	// notifications, not the reply.
	if notify, err = r.address(notify); err != nil {
		r.e.log.Error("notifications not addressed", "task", t.Number, "err", err)
	}
	return Reply{Kind: "command", Changed: true, Headline: head, Text: head + "\n\n" + block,
		Tasks: []int{t.Number}, Items: []Item{it}, Notify: notify}, true, nil
}

var reUser = regexp.MustCompile(`^(-?)(?:<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>|@?([UW][A-Z0-9]{2,}))$`)
var reMention = regexp.MustCompile(`^<[@!][^>]*>$`)

// liaison lists, adds (USER) and removes (-USER) a unit's liaisons. Users
// are read from the message as written, since mentions are markup that the
// engine strips from the text it reads.
func (r *request) liaison(args []string) (Reply, bool, error) {
	if len(args) == 0 {
		return Reply{}, true, errUsageOf(msgSupUsageLiaison)
	}
	u, ok := r.snap.units.resolve(args[0])
	if !ok {
		return Reply{}, true, &opError{err: knowledge.ErrUnknownUnit, unit: args[0]}
	}
	raw := strings.Fields(r.msg.Text)
	for len(raw) > 0 && reMention.MatchString(raw[0]) { // a mention of the bot before the command
		raw = raw[1:]
	}
	var users []string
	if len(raw) > 2 {
		users = raw[2:]
	}
	list := func(ls map[string][]string) string {
		if len(ls[u]) == 0 {
			return r.loc.T(msgSupNobody, nil)
		}
		var out []string
		for _, id := range ls[u] {
			out = append(out, "<@"+id+">")
		}
		return strings.Join(out, "、")
	}
	if len(users) == 0 {
		ls, err := r.e.st.Liaisons(r.ctx)
		if err != nil {
			return Reply{}, true, err
		}
		id := msgSupLiaisonList
		if len(ls[u]) == 0 {
			id = msgSupLiaisonNone
		}
		text := r.loc.T(id, map[string]any{"Unit": u, "Users": list(ls)})
		return Reply{Kind: "command", Headline: text, Text: text, Tasks: []int{}}, true, nil
	}
	if !r.e.admins[r.msg.User] {
		return Reply{}, true, refuse(msgSupErrAdminLiaison, nil)
	}
	var add, remove []string
	for _, w := range users {
		m := reUser.FindStringSubmatch(w)
		if m == nil {
			return Reply{}, true, refuse(msgSupErrBadUser, map[string]any{"Arg": w})
		}
		if m[1] == "-" {
			remove = append(remove, m[2]+m[3])
		} else {
			add = append(add, m[2]+m[3])
		}
	}
	err := r.e.st.ChangeLiaisons(r.ctx, u, add, remove, r.actor())
	ls, lerr := r.e.st.Liaisons(r.ctx)
	if lerr != nil {
		return Reply{}, true, lerr
	}
	if errors.Is(err, knowledge.ErrUnchanged) {
		return Reply{}, true, refuse(msgSupLiaisonUnchanged, map[string]any{"Unit": u, "Users": list(ls)})
	}
	if err != nil {
		return Reply{}, true, &opError{err: err, unit: u}
	}
	text := r.loc.T(msgSupLiaisonChanged, map[string]any{"Unit": u, "Users": list(ls)})
	return Reply{Kind: "command", Changed: true, Headline: text, Text: text, Tasks: []int{}}, true, nil
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	if neg {
		b = append([]byte{'-'}, b...)
	}
	return string(b)
}
