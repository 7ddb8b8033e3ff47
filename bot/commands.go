package bot

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"dutybot/bot/search"
	"dutybot/bot/textnorm"
	"dutybot/knowledge"
)

// errUsage is returned when a command's arguments do not parse; the opError's
// arg names the usage message.
var errUsage = errors.New("bad command arguments")

// errBadChannel is returned for a bind whose channel is not a Slack channel.
var errBadChannel = errors.New("not a Slack channel")

// commandWords maps each command's English and Chinese word to its name (docs/cli.md §2).
var commandWords = map[string]string{
	"help": "help", "帮助": "help", "?": "help", "？": "help",
	"task": "task", "任务": "task",
	"unit": "unit", "单位": "unit",
	"due": "due", "到期": "due",
	"overdue": "overdue", "逾期": "overdue",
	"status": "status", "进度": "status",
	"done": "done", "完成": "done",
	"reopen": "reopen", "重开": "reopen",
	"bind": "bind", "绑定": "bind",
	"members": "members", "成员": "members",
	"iam": "iam", "我是": "iam",
}

// parseCommand splits a message into a command and its arguments when its
// first word is a command word: "任务 22" is a command, "任务22的期限" a question.
func parseCommand(text string) (string, []string, bool) {
	fields := strings.Fields(strings.TrimPrefix(strings.TrimSpace(text), "/"))
	if len(fields) == 0 {
		return "", nil, false
	}
	if cmd, ok := commandWords[strings.ToLower(textnorm.Fold(fields[0]))]; ok {
		return cmd, fields[1:], true
	}
	// 我是法制支队; not 我是科技部门的，选存储方案时…: a question that introduces its asker
	if rest, ok := strings.CutPrefix(fields[0], "我是"); ok && len(fields) == 1 && rest != "" &&
		utf8.RuneCountInString(rest) <= maxUnitRunes && !strings.ContainsFunc(rest, unicode.IsPunct) {
		return "iam", []string{rest}, true // 我是法制支队
	}
	return "", nil, false
}

// maxUnitRunes is the longest unit name 我是 can take without a space.
const maxUnitRunes = 16

// command runs a command. handled is false when the words only looked like a
// command and are better answered as a question (进度 alone is a command,
// "完成情况" never reaches here, "任务 22 的期限" falls through).
func (r *request) command(cmd string, args []string) (Reply, bool, error) {
	switch cmd {
	case "help":
		return r.help(), true, nil
	case "task":
		if badShape(args) {
			return Reply{}, true, &opError{err: errUsage, arg: msgUsageTask}
		}
		if len(args) != 1 || !isNumberArg(args[0]) {
			return Reply{}, false, nil // 任务 22 的期限: a question
		}
		rep, err := r.answerTasks(&query{nums: []int{numberArg(args[0])}})
		return rep, true, err
	case "unit":
		if len(args) == 0 {
			return Reply{}, true, &opError{err: errUsage, arg: msgUsageUnit}
		}
		name := strings.Join(args, "")
		u, ok := r.snap.units.resolve(name)
		if !ok {
			return Reply{}, true, &opError{err: knowledge.ErrUnknownUnit, unit: name}
		}
		rep, err := r.answerList(&query{units: []string{u}, role: roleAny})
		return rep, true, err
	case "due", "overdue":
		if len(args) > 0 {
			return Reply{}, false, nil
		}
		q := &query{late: cmd == "overdue"}
		if cmd == "due" {
			end := r.today.AddDays(soonDays)
			if eom := r.today.EndOfMonth(); eom.After(end) {
				end = eom
			}
			q.when, q.status = &window{From: r.today, To: end, Shape: shapeSpan}, statusOpen
		}
		rep, err := r.answerList(q)
		return rep, true, err
	case "status":
		if len(args) == 0 {
			rep, err := r.overview()
			return rep, true, err
		}
		n, err := strconv.Atoi(textnorm.Fold(args[0]))
		if err != nil || len(args) > 1 {
			return Reply{}, false, nil
		}
		rep, err := r.taskParts(n)
		return rep, true, err
	case "done", "reopen":
		return r.setDone(cmd, args)
	case "bind":
		return r.bind(args)
	case "members":
		return r.members(args)
	case "iam":
		return r.iam(args)
	case "dashboard":
		return r.dashboard(args) // dashboard.go
	}
	return r.supervise(cmd, args) // supervise.go
}

func (r *request) actor() knowledge.Actor {
	via := r.msg.Via
	if via == "" {
		via = "console"
	}
	return knowledge.Actor{User: r.msg.User, Via: via, Channel: r.msg.Channel, Team: r.msg.Team}
}

// parseTaskArgs reads "N [UNIT]" for done and reopen.
func (r *request) parseTaskArgs(args []string, usage string) (*knowledge.Task, string, error) {
	if len(args) == 0 {
		return nil, "", &opError{err: errUsage, arg: usage}
	}
	num, err := strconv.Atoi(strings.TrimPrefix(strings.TrimSuffix(textnorm.Fold(args[0]), "项"), "第"))
	if err != nil {
		return nil, "", &opError{err: errUsage, arg: usage}
	}
	t := r.snap.cur.Task(num)
	if t == nil {
		return nil, "", &opError{err: knowledge.ErrNotFound, task: num}
	}
	unit := ""
	if len(args) > 1 {
		name := strings.Join(args[1:], "")
		u, ok := r.snap.units.resolve(name)
		if !ok {
			return nil, "", &opError{err: knowledge.ErrUnknownUnit, task: num, unit: name}
		}
		// A member unit (凤台县局 of 各分县局) has a part of its own in
		// every task of its group: the store keeps it.
		if l, rs := plays(t, r.snap.units.names(u)); !l && !rs {
			return nil, "", &opError{err: knowledge.ErrNotAssigned, task: num, unit: u}
		}
		unit = u
	}
	return t, unit, nil
}

// setDone marks a task, or one unit's part of it, done or not done.
func (r *request) setDone(cmd string, args []string) (Reply, bool, error) {
	usage := msgUsageDone
	if cmd == "reopen" {
		usage = msgUsageReopen
	}
	if badShape(args) {
		return Reply{}, true, &opError{err: errUsage, arg: usage}
	}
	if cmd == "done" && !isNumberArg(args[0]) {
		return Reply{}, false, nil // "完成 情况" reads as a question, not a command
	}
	if !r.e.admins[r.msg.User] {
		return Reply{}, true, errRefused
	}
	t, unit, err := r.parseTaskArgs(args, usage)
	if err != nil {
		return Reply{}, true, err
	}
	n := r.snap.cur
	if err := r.e.st.SetDone(r.ctx, knowledge.TaskRef{Notice: n.Number, Number: t.Number}, unit, cmd == "done", r.actor()); err != nil {
		return Reply{}, true, &opError{err: err, task: t.Number, unit: unit}
	}
	delete(r.states, n.Number) // read the new state back, and the new lights
	delete(r.parts, n.Number)
	it, err := r.item(n, t, "")
	if err != nil {
		return Reply{}, true, err
	}
	id := map[string]string{"done": msgDoneTask, "reopen": msgReopenTask}[cmd]
	if unit != "" {
		id = map[string]string{"done": msgDoneUnit, "reopen": msgReopenUnit}[cmd]
	}
	head := r.loc.T(id, map[string]any{"N": t.Number, "Unit": unit, "Status": r.statusText(it)})
	r.e.log.Info("task state changed", "cmd", cmd, "task", t.Number, "unit", unit, "user", r.msg.User, "status", it.Status)
	return Reply{Kind: "command", Changed: true, Headline: head, Text: head + "\n\n" + r.detail(it, t, false),
		Tasks: []int{t.Number}, Items: []Item{it}}, true, nil
}

func isNumberArg(s string) bool {
	_, err := strconv.Atoi(strings.TrimPrefix(strings.TrimSuffix(textnorm.Fold(s), "项"), "第"))
	return err == nil
}

// numberArg reads a task number argument (22, ２２, 第22项, 第二十二项); 0 when there is none.
func numberArg(s string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(strings.TrimSuffix(textnorm.Fold(s), "项"), "第"))
	return n
}

// badShape reports whether a command that takes a task number got nothing,
// or one argument that is neither a number nor words of a question (done abc,
// 任务 x1). Such a message is a command typed wrong, and gets the usage;
// 完成 情况怎么样 and 任务 有哪些 hold Chinese words and are read as questions.
func badShape(args []string) bool {
	if len(args) == 0 {
		return true
	}
	if len(args) > 1 || isNumberArg(args[0]) {
		return false
	}
	for _, c := range args[0] {
		if search.IsHan(c) || c == '?' || c == '？' {
			return false
		}
	}
	return true
}

var reChannel = regexp.MustCompile(`^(?:<#([CGD][A-Z0-9]{2,})(?:\|[^>]*)?>|#?([CGD][A-Z0-9]{2,}))$`)

// parseChannel reads a Slack channel as Slack sends it (<#C123|name>) or as typed (C123).
func parseChannel(s string) (string, bool) {
	m := reChannel.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", false
	}
	return m[1] + m[2], true
}

// bind binds a unit's reminders to a Slack channel.
func (r *request) bind(args []string) (Reply, bool, error) {
	if !r.e.admins[r.msg.User] {
		return Reply{}, true, errRefused
	}
	if len(args) < 2 {
		return Reply{}, true, &opError{err: errUsage, arg: msgUsageBind}
	}
	name := strings.Join(args[:len(args)-1], "")
	u, ok := r.snap.units.resolve(name)
	if !ok {
		return Reply{}, true, &opError{err: knowledge.ErrUnknownUnit, unit: name}
	}
	ch, ok := parseChannel(args[len(args)-1])
	if !ok {
		return Reply{}, true, &opError{err: errBadChannel, arg: args[len(args)-1], unit: u}
	}
	if err := r.e.st.BindChannel(r.ctx, u, ch, r.actor()); err != nil {
		return Reply{}, true, &opError{err: err, unit: u}
	}
	head := r.loc.T(msgBindOK, map[string]any{"Unit": u, "Channel": ch})
	return Reply{Kind: "command", Changed: true, Headline: head, Text: head, Tasks: []int{}}, true, nil
}

// members gives a group unit (各分县局) its member units, so that reminders
// to the group reach each member in its own channel. Members may be written
// as separate words or joined by 、 or ，; new names become units.
func (r *request) members(args []string) (Reply, bool, error) {
	if !r.e.admins[r.msg.User] {
		return Reply{}, true, errRefused
	}
	if len(args) < 2 {
		return Reply{}, true, &opError{err: errUsage, arg: msgUsageMembers}
	}
	u, ok := r.snap.units.resolve(args[0])
	if !ok {
		return Reply{}, true, &opError{err: knowledge.ErrUnknownUnit, unit: args[0]}
	}
	if unit := r.snap.units.dir.Unit(u); unit == nil || !unit.Group {
		return Reply{}, true, &opError{err: errNotGroup, unit: u}
	}
	var ms []string
	for _, a := range args[1:] {
		ms = append(ms, strings.FieldsFunc(a, func(c rune) bool { return c == '、' || c == '，' || c == ',' })...)
	}
	if err := r.e.st.SetMembers(r.ctx, u, ms, r.actor()); err != nil {
		return Reply{}, true, &opError{err: err, unit: u}
	}
	// New member units must resolve at once (bind 潘集分局 …).
	if err := r.e.Load(r.ctx); err != nil {
		return Reply{}, true, err
	}
	head := r.loc.T(msgMembersOK, map[string]any{"Unit": u, "Members": strings.Join(ms, "、"), "Count": len(ms)})
	return Reply{Kind: "command", Changed: true, Headline: head, Text: head, Tasks: []int{}}, true, nil
}

// iam records the asker's own unit; anyone may say who they are.
func (r *request) iam(args []string) (Reply, bool, error) {
	if len(args) == 0 {
		return Reply{}, true, &opError{err: errUsage, arg: msgUsageIam}
	}
	name := strings.TrimSuffix(strings.Join(args, ""), "的")
	u, ok := r.snap.units.resolve(name)
	if !ok {
		return Reply{}, true, &opError{err: knowledge.ErrUnknownUnit, unit: name}
	}
	if err := r.e.st.SetUserUnit(r.ctx, r.msg.User, u, r.actor()); err != nil {
		return Reply{}, true, &opError{err: err, unit: u}
	}
	head := r.loc.T(msgIamOK, map[string]any{"Unit": u})
	return Reply{Kind: "command", Changed: true, Headline: head, Text: head, Tasks: []int{}}, true, nil
}

// taskParts answers "进度 N": each unit's part of task N.
func (r *request) taskParts(num int) (Reply, error) {
	n := r.snap.cur
	t := n.Task(num)
	if t == nil {
		return Reply{}, &opError{err: knowledge.ErrNotFound, task: num}
	}
	it, err := r.item(n, t, "")
	if err != nil {
		return Reply{}, err
	}
	// Each unit's part with its state in the supervision loop, its light
	// and its latest progress (supervise_view.go).
	block, err := r.partsBlock(t)
	if err != nil {
		return Reply{}, err
	}
	head := r.loc.T(msgAnsStatus, map[string]any{"N": t.Number, "Status": r.statusText(it)})
	r.noLoopLine = true // the block above says it, part by part
	text := head + "\n" + block + "\n\n" + r.detail(it, t, false)
	return Reply{Kind: "status", Headline: head, Text: text, Tasks: []int{t.Number}, Items: []Item{it}}, nil
}

// help lists what can be asked and the commands.
func (r *request) help() Reply {
	text := r.loc.T(msgHelp, map[string]any{"Notice": r.snap.cur.Number, "Count": len(r.snap.cur.Tasks)}) +
		"\n" + r.loc.T(msgSupHelp, nil)
	if r.e.dashboard != nil {
		text += "\n" + r.loc.T(msgDashHelp, nil)
	}
	return Reply{Kind: "help", Text: text, Headline: firstLine(text), Tasks: []int{}}
}
