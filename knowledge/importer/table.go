package importer

import (
	"regexp"
	"strings"
)

// item is one cell fragment of the table: a line, or one of the parts of a
// line that holds the fragments of two columns ("处 分县").
type item struct {
	Text      string
	Line      int
	PageStart bool
}

var taskStartRe = regexp.MustCompile(`^(\d{1,3})[.．、]\s*\S`)

// The table's columns come out of the PDF interleaved. Within one row on one
// page the order is always: section chars (vertical, one per line),
// subsection chars, the task's content lines, lead-unit fragments,
// responsible-unit fragments, deadline fragments. A page break restarts that
// order for the part of the row on the next page. A band is such a run: it
// starts at a task's first line ("12.…") or at a page start.
type band struct {
	line      int
	taskStart bool
	items     []item

	pre     []item // heading chars before the content (page bands)
	content []item
	tail    []item // after the content: unit and deadline fragments, heading chars
	// The first k items of tail may be heading chars continuing from the
	// previous page (0 ≤ k ≤ kMax); the last q items are the heading chars
	// that open the next row's section or subsection.
	kMax, q int
}

type row struct {
	number int
	line   int
	bands  []*band
}

// tableItems turns lines into items, splitting a line that holds several
// short fragments separated by spaces.
func tableItems(ls []line) []item {
	var out []item
	for _, l := range ls {
		parts := strings.Fields(l.Text)
		split := len(parts) > 1
		for _, p := range parts {
			split = split && runeLen(p) <= 4
		}
		if !split {
			out = append(out, item{Text: squeezeSpaces(l.Text), Line: l.No, PageStart: l.PageStart})
			continue
		}
		for i, p := range parts {
			out = append(out, item{Text: p, Line: l.No, PageStart: l.PageStart && i == 0})
		}
	}
	return out
}

func taskNumberOf(s string) (int, bool) {
	m := taskStartRe.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	n := atoi(m[1])
	return n, n > 0
}

// isHeadingChar reports an item that can be a char of the vertical section
// or subsection columns: one character, perhaps with 、 or a bracket.
func isHeadingChar(s string) bool {
	if runeLen(s) > 3 || s == "" {
		return false
	}
	core := strings.Map(func(r rune) rune {
		if strings.ContainsRune("（）()、", r) {
			return -1
		}
		return r
	}, s)
	if runeLen(core) > 1 {
		return false
	}
	for _, r := range core {
		if r < 0x80 || strings.ContainsRune("，。；：０１２３４５６７８９", r) {
			return false
		}
	}
	return true
}

// markerAt reports whether items[i:] begins a section ("三" "、") or a
// subsection ("（" "一）"), its numeral and how many items the marker spans.
func markerAt(items []item, i int) (section bool, numeral string, span int) {
	t := items[i].Text
	next := ""
	if i+1 < len(items) {
		next = items[i+1].Text
	}
	if _, ok := chineseNumber(t); ok && next == "、" {
		return true, t, 2
	}
	if n := strings.TrimSuffix(t, "、"); n != t {
		if _, ok := chineseNumber(n); ok {
			return true, n, 1
		}
	}
	if t == "（" || t == "(" {
		n := strings.TrimRight(next, "）)")
		if _, ok := chineseNumber(n); ok && n != next {
			return false, n, 2
		}
	}
	if strings.HasPrefix(t, "（") || strings.HasPrefix(t, "(") {
		n := strings.TrimRight(strings.TrimLeft(t, "（("), "）)")
		if _, ok := chineseNumber(n); ok {
			return false, n, 1
		}
	}
	return false, "", 0
}

func isMarker(items []item, i int) bool { _, _, span := markerAt(items, i); return span > 0 }

// contentLike reports an item that reads as a line of task text rather than
// a fragment of a narrow column: longer than 4 characters, or a short last
// line ending with 。 (链条。).
func contentLike(s string) bool {
	if strings.ContainsAny(s, " \t") {
		return false
	}
	n := runeLen(s)
	return n > 4 || (n >= 2 && strings.HasSuffix(s, "。"))
}

// tableLayout holds the segmented table before rows are resolved.
type tableLayout struct {
	lead  []item // heading chars before the first task
	bands []*band
	rows  []*row
	full  int // printed width of a full content line
}

// segment cuts the table's items into bands and rows and classifies each
// band's items as heading chars, content or fragments (the fragments'
// exact extent is decided later, per row, by unit and deadline fit).
func segment(items []item) (*tableLayout, error) {
	t := &tableLayout{full: fullWidth(items)}
	want := 1
	var cur *band
	for _, it := range items {
		n, isTask := taskNumberOf(it.Text)
		isTask = isTask && n == want && contentLike(it.Text)
		if !isTask && n > want && n <= want+5 && contentLike(it.Text) && width(it.Text) >= t.full-3 {
			return nil, errAt(it.Line, n, "task numbers jump from %d to %d", want-1, n)
		}
		if cur == nil || isTask || it.PageStart {
			cur = &band{line: it.Line, taskStart: isTask}
			t.bands = append(t.bands, cur)
			if isTask {
				t.rows = append(t.rows, &row{number: n, line: it.Line})
				want++
			}
			if len(t.rows) > 0 {
				r := t.rows[len(t.rows)-1]
				r.bands = append(r.bands, cur)
			}
		}
		cur.items = append(cur.items, it)
	}
	if len(t.rows) == 0 {
		line := 0
		if len(items) > 0 {
			line = items[0].Line
		}
		return nil, errAt(line, 0, "no tasks: the table has no row starting with 1.")
	}
	// Bands before task 1 hold only the first heading chars.
	for _, b := range t.bands {
		if b.taskStart {
			break
		}
		for _, it := range b.items {
			if !isHeadingChar(it.Text) {
				return nil, errAt(it.Line, 0, "unexpected text %q before task 1", it.Text)
			}
		}
		t.lead = append(t.lead, b.items...)
	}
	for _, r := range t.rows {
		open := false // the row's text may continue on the next page
		for bi, b := range r.bands {
			open = t.classify(b, open)
			nextIsTask := bi == len(r.bands)-1 && r != t.rows[len(t.rows)-1]
			b.bounds(nextIsTask)
		}
	}
	return t, nil
}

// fullWidth is the printed width of a full line of the content column: the
// most common width among long items (the widest lines are those whose
// punctuation the typesetter squeezed, so the maximum would be too wide).
func fullWidth(items []item) int {
	count := map[int]int{}
	best := 0
	for _, it := range items {
		w := width(it.Text)
		if w <= 20 {
			continue
		}
		count[w]++
		if count[w] > count[best] || (count[w] == count[best] && w > best) {
			best = w
		}
	}
	return best
}

// isFull reports a content line that fills the column, so that the text
// goes on in the next line: within a character and a half of a full line.
func (t *tableLayout) isFull(s string) bool { return width(s) >= t.full-3 }

// classify splits a band into heading chars, content lines and the rest;
// open says whether the row's text runs on from the previous band.
func (t *tableLayout) classify(b *band, open bool) bool {
	items := b.items
	i := 0
	if !b.taskStart {
		for i < len(items) && isHeadingChar(items[i].Text) {
			i++
		}
		if open && i < len(items) && contentLike(items[i].Text) {
			b.pre = items[:i]
		} else {
			i = 0
			open = false
		}
	}
	if b.taskStart || open {
		b.content = append(b.content, items[i])
		open = t.isFull(items[i].Text)
		i++
		for i < len(items) && open && contentLike(items[i].Text) {
			b.content = append(b.content, items[i])
			open = t.isFull(items[i].Text)
			i++
		}
	}
	// Fragments may follow on this page and the text still run on to the
	// next (tasks 12, 23, 25, 27): open stays as the last content line left it.
	b.tail = items[i:]
	return open
}

// bounds works out how many of the tail's first items may be heading chars
// continuing from the previous page, and how many of its last items open the
// next row's heading cells. Heading cells are top-aligned, so the chars of a
// new cell start with its marker (三、 or （一）) right above the row's first
// line; chars with no marker before a task's first line belong to this row.
func (b *band) bounds(nextIsTask bool) {
	tail := b.tail
	if len(b.content) == 0 {
		for b.kMax < len(tail) && isHeadingChar(tail[b.kMax].Text) {
			b.kMax++
		}
	}
	if !nextIsTask {
		return
	}
	start := len(tail)
	for start > 0 && isHeadingChar(tail[start-1].Text) {
		start--
	}
	for m := start; m < len(tail); m++ {
		if isMarker(tail, m) {
			b.q = len(tail) - m
			b.kMax = min(b.kMax, m)
			return
		}
	}
}
