package reminders

import (
	"time"

	"dutybot/knowledge"
)

// PlanEntry is one reminder as `dutybot remind plan --json` prints it
// (docs/cli.md §3).
type PlanEntry struct {
	Notice string `json:"notice"`
	// Task is the task's number; 0 for the weekly summary, which is about no one task.
	Task int    `json:"task"`
	Unit string `json:"unit"`
	// Role is lead or responsible; the weekly summary to the administrators
	// (unit @admin) counts as lead, since it chases.
	Role string `json:"role"`
	Kind string `json:"kind"`
	// At is RFC 3339 with the policy's offset (+08:00).
	At string `json:"at"`
	// Due is the milestone's day, YYYY-MM-DD; null for digests of ongoing duties.
	Due *string `json:"due"`
}

// PlanJSON converts reminders to the JSON rows of docs/cli.md §3, with times in loc.
func PlanJSON(rs []knowledge.Reminder, loc *time.Location) []PlanEntry {
	out := make([]PlanEntry, len(rs))
	for i, r := range rs {
		e := PlanEntry{
			Notice: r.Notice, Task: r.Task, Unit: r.Unit, Role: string(r.Role),
			Kind: string(r.Kind), At: r.At.In(loc).Format(time.RFC3339),
		}
		if !r.Due.IsZero() {
			s := r.Due.String()
			e.Due = &s
		}
		out[i] = e
	}
	return out
}
