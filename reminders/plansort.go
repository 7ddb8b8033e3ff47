package reminders

import (
	"slices"

	"dutybot/knowledge"
)

// dense places reminders by the minute of the window they go out in.
type dense struct {
	base    int64 // Unix seconds of the window's start
	next    []int // per minute: the count, then the next free place
	counted bool
	out     []knowledge.Reminder
}

// maxDenseMinutes bounds the per-minute table of a plan (3 years); longer
// windows sort in a map.
const maxDenseMinutes = 3 * 366 * 24 * 60

// chunkSize is how many reminders a chunk holds: plans over very long
// windows fill chunks rather than grow one slice.
const chunkSize = 1 << 13

// chunks is a list of reminders in fixed-size pieces.
type chunks struct {
	list [][]knowledge.Reminder
	n    int
}

func (c *chunks) add(r knowledge.Reminder) {
	if len(c.list) == 0 || len(c.list[len(c.list)-1]) == chunkSize {
		c.list = append(c.list, make([]knowledge.Reminder, 0, chunkSize))
	}
	last := &c.list[len(c.list)-1]
	*last = append(*last, r)
	c.n++
}

// sortSparse returns the reminders ordered by At, counting per time.
func (c *chunks) sortSparse() []knowledge.Reminder {
	counts := map[int64]int{}
	for _, ch := range c.list {
		for i := range ch {
			counts[ch[i].At.UnixNano()]++
		}
	}
	times := make([]int64, 0, len(counts))
	for t := range counts {
		times = append(times, t)
	}
	slices.Sort(times)
	next := make(map[int64]int, len(times))
	off := 0
	for _, t := range times {
		next[t] = off
		off += counts[t]
	}
	out := make([]knowledge.Reminder, c.n)
	for _, ch := range c.list {
		for i := range ch {
			t := ch[i].At.UnixNano()
			out[next[t]] = ch[i]
			next[t]++
		}
	}
	return out
}
