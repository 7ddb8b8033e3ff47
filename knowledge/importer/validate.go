package importer

import (
	"fmt"
	"strings"

	"dutybot/knowledge"
)

// Validate checks a notice as a whole: it has a number, a title and tasks
// numbered 1..N in order; every task has text, at least one lead and one
// responsible unit, all naming units of the notice; units and aliases are
// not defined twice; every deadline is consistent (and, when its words read
// as a date, says that date); no field is beyond its limit (limits.go). The
// error lists every problem and wraps knowledge.ErrInvalidNotice.
func Validate(n *knowledge.Notice) error {
	return validate(n, sourceLines{})
}

// sourceLines says where a notice's parts were read from, so that problems
// name the line: the line of each task's entry and of each top-level key.
// The zero value knows no lines.
type sourceLines struct {
	tasks []int
	keys  map[string]int
}

// task is the line of the i-th task (0 when unknown).
func (s sourceLines) task(i int) int {
	if i < len(s.tasks) {
		return s.tasks[i]
	}
	return 0
}

// key is the line of a top-level key (0 when unknown).
func (s sourceLines) key(k string) int { return s.keys[k] }

// maxProblems is how many problems an error lists: a file that is not a
// notice at all would otherwise give one per task.
const maxProblems = 20

// validate reports problems; lines says where each part was read.
func validate(n *knowledge.Notice, lines sourceLines) error {
	var probs []error
	add := func(line, task int, format string, args ...any) {
		probs = append(probs, errAt(line, task, format, args...))
	}
	if n == nil {
		return errAt(0, 0, "no notice")
	}
	if strings.TrimSpace(n.Number) == "" {
		add(0, 0, "no document number")
	}
	if strings.TrimSpace(n.Title) == "" {
		add(0, 0, "no title")
	}
	if len(n.Tasks) == 0 {
		add(0, 0, "no tasks")
	}
	limits{add: add}.notice(n, lines)
	names := map[string]string{} // normalised name or alias → unit
	for _, u := range n.Units {
		for _, a := range append([]string{u.Name}, u.Aliases...) {
			k := knowledge.NormalizeName(a)
			if k == "" {
				add(0, 0, "unit %q: empty name or alias", u.Name)
				continue
			}
			if prev, ok := names[k]; ok && prev != u.Name {
				add(0, 0, "unit %q: %q already names unit %q", u.Name, a, prev)
				continue
			}
			if prev, ok := names[k]; ok && prev == u.Name && a == u.Name {
				add(0, 0, "unit %q is listed twice", u.Name)
			}
			names[k] = u.Name
		}
	}
	dir := knowledge.NewDirectory(n.Units)
	for i, t := range n.Tasks {
		if len(probs) > maxProblems {
			break
		}
		line := lines.task(i)
		if t.Number != i+1 {
			add(line, t.Number, "task numbers must run 1..N in order: found %d where %d belongs", t.Number, i+1)
		}
		if strings.TrimSpace(t.Content) == "" {
			add(line, t.Number, "no task text")
		}
		if len(t.Lead) == 0 {
			add(line, t.Number, "no lead unit")
		}
		if len(t.Responsible) == 0 {
			add(line, t.Number, "no responsible unit")
		}
		for _, u := range append(append([]string{}, t.Lead...), t.Responsible...) {
			if c, ok := dir.Resolve(u); !ok {
				add(line, t.Number, "unit %q is not in the notice's units list", u)
			} else if c != u {
				add(line, t.Number, "unit %q: write its canonical name %q", u, c)
			}
		}
		if err := t.Deadline.Validate(); err != nil {
			add(line, t.Number, "%v", err)
		} else if err := deadlineAgrees(t.Deadline); err != nil {
			add(line, t.Number, "%v", err)
		}
	}
	if len(probs) == 0 {
		return nil
	}
	if len(probs) == 1 {
		return probs[0]
	}
	var msgs []string
	for _, p := range probs[:min(len(probs), maxProblems)] {
		msgs = append(msgs, p.Error())
	}
	if len(probs) > maxProblems {
		return fmt.Errorf("%w: more than %d problems, the first: %s", knowledge.ErrInvalidNotice, maxProblems, strings.Join(msgs, "; "))
	}
	return fmt.Errorf("%w: %d problems: %s", knowledge.ErrInvalidNotice, len(probs), strings.Join(msgs, "; "))
}

// deadlineAgrees checks that a deadline's words, when they read as a
// deadline, mean what its kind and date say.
func deadlineAgrees(d knowledge.Deadline) error {
	p, err := ParseDeadline(d.Text)
	if err != nil {
		return nil // free wording: the kind and date stand on their own
	}
	if p.Kind != d.Kind || p.Date != d.Date {
		want := string(p.Kind)
		if p.Kind == knowledge.DeadlineDate {
			want = p.Date.String()
		}
		got := string(d.Kind)
		if d.Kind == knowledge.DeadlineDate {
			got = d.Date.String()
		}
		return fmt.Errorf("deadline %q means %s but the file says %s", d.Text, want, got)
	}
	return nil
}
