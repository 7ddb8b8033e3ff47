package bot

import (
	"regexp"

	"dutybot/knowledge"
)

// reLight asks for the tasks showing a light: 哪些任务亮红灯, 我们单位有几个黄灯,
// which tasks have a red light.
var reLight = regexp.MustCompile(`(红|黄|绿)灯|亮(红|黄|绿)|(red|yellow|green)lights?|lightis(red|yellow|green)`)

// parseLight reads the light a question asks for, or "" for none.
func parseLight(f string) knowledge.Light {
	m := reLight.FindStringSubmatch(f)
	if m == nil {
		return ""
	}
	switch m[1] + m[2] + m[3] + m[4] {
	case "红", "red":
		return knowledge.LightRed
	case "黄", "yellow":
		return knowledge.LightYellow
	}
	return knowledge.LightGreen
}

// taskLight is a task's light today: the worst light of its parts, or of
// the parts of names (the asked-about units and their groups) when given.
func (r *request) taskLight(n *knowledge.Notice, t *knowledge.Task, names []string) (knowledge.Light, error) {
	ps, ok := r.parts[n.Number]
	if !ok {
		var err error
		if ps, err = r.e.st.Parts(r.ctx, n.Number); err != nil {
			return "", err
		}
		if r.parts == nil {
			r.parts = map[string][]knowledge.Part{}
		}
		r.parts[n.Number] = ps
	}
	worst := knowledge.LightNone
	for _, p := range ps {
		if p.Task != t.Number || len(names) > 0 && !containsName(names, p.Unit) {
			continue
		}
		worst = knowledge.Worse(worst, r.light(p, t))
	}
	return worst, nil
}

// loop puts into it the task's light (its worst part's) and the newest
// progress any unit reported on it (issue 10 items 3 and 5), rendered once
// in the reply's language: the text answer's 督办 line (loopLine) and the
// adapters' cards both show these. They stay empty when the parts cannot be
// read (the answer goes without them: logged).
func (r *request) loop(it *Item, n *knowledge.Notice, t *knowledge.Task) {
	light, err := r.taskLight(n, t, nil)
	if err != nil {
		r.e.log.Error("task answer without its light", "task", t.Number, "err", err)
		return
	}
	it.Light, it.LightText = light, r.lightText(light)
	var latest *knowledge.Report
	unit := ""
	for _, p := range r.parts[n.Number] {
		if p.Task == t.Number && p.Progress != nil && (latest == nil || p.Progress.At.After(latest.At)) {
			latest, unit = p.Progress, p.Unit
		}
	}
	if latest != nil {
		it.Progress = r.loc.T(msgSupTaskProgress, map[string]any{"Unit": unit,
			"Date": knowledge.DateOf(latest.At.In(r.e.loc)).String(), "Text": latest.Text})
	}
}

// loopLine is a task answer's line of the supervision loop, from what loop
// put into it: "" for a task done with no report, a light unknown, or when
// the answer says it part by part (noLoopLine).
func (r *request) loopLine(it Item) string {
	switch {
	case r.noLoopLine || it.Light == "":
		return ""
	case it.Progress != "":
		return r.loc.T(msgSupTaskLoopProgress, map[string]any{"Light": it.LightText, "Progress": it.Progress})
	case it.Light == knowledge.LightNone:
		return ""
	}
	return r.loc.T(msgSupTaskLoop, map[string]any{"Light": it.LightText})
}

// latestProgress is the newest progress report on the parts of names in
// task t, or nil; it reads the parts taskLight read.
func (r *request) latestProgress(n *knowledge.Notice, t *knowledge.Task, names []string) *knowledge.Report {
	var latest *knowledge.Report
	for _, p := range r.parts[n.Number] {
		if p.Task != t.Number || !containsName(names, p.Unit) || p.Progress == nil {
			continue
		}
		if latest == nil || p.Progress.At.After(latest.At) {
			latest = p.Progress
		}
	}
	return latest
}

func containsName(names []string, unit string) bool {
	for _, n := range names {
		if n == unit {
			return true
		}
	}
	return false
}
