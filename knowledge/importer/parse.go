package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"dutybot/knowledge"
)

var (
	attachHeadRe = regexp.MustCompile(`^附件\s*\d*$`)
	noteRe       = regexp.MustCompile(`^(说明|注)\s*[：:]`)
	noteLeadRe   = regexp.MustCompile(`[“"]?牵头单位[”"]?([^；;。]*)`)
	noteRespRe   = regexp.MustCompile(`[“"]?责任单位[”"]?([^；;。]*)`)
)

// ParseText parses the raw text that a PDF extractor makes of a notice with a
// task-decomposition table (the layout of 淮公通〔2019〕395号: the table's
// columns interleaved line by line, cells broken across lines and pages,
// page furniture in between) into the whole model, units split with the
// embedded alias table. The table must end with its closing note (说明),
// and nothing but the note and the document's imprint (抄送, 印发) may follow
// it; without a note, WithTaskCount must say how many tasks it has. Errors
// name the line and task and wrap knowledge.ErrInvalidNotice; no input makes
// it panic.
func ParseText(src []byte, opts ...Option) (*knowledge.Notice, error) {
	o, err := newOptions(opts)
	if err != nil {
		return nil, err
	}
	if err := checkSize(int64(len(src))); err != nil {
		return nil, err
	}
	return parseText(src, mustDefaultEntries(), o)
}

func parseText(src []byte, entries []unitEntry, o options) (*knowledge.Notice, error) {
	ls := splitLines(src)
	if len(ls) == 0 {
		return nil, errAt(0, 0, "empty input")
	}
	h, err := parseHeader(ls)
	if err != nil {
		return nil, err
	}
	n := h.n
	rest := ls[h.tableFrom:]
	for len(rest) > 0 && attachHeadRe.MatchString(rest[0].Text) {
		rest = rest[1:]
	}
	if len(rest) == 0 {
		return nil, errAt(ls[len(ls)-1].No, 0, "no task table after the signature (truncated?)")
	}
	// Table title: the lines up to one ending with 表 (at most four), stopping
	// at the one-char lines of the table's header.
	var title []string
	for len(rest) > 0 && len(title) < 4 && runeLen(rest[0].Text) > 2 {
		title = append(title, rest[0].Text)
		rest = rest[1:]
		if strings.HasSuffix(title[len(title)-1], "表") {
			break
		}
	}
	n.TableTitle = joinCJK(title...)
	tableEnd := len(rest)
	for i, l := range rest {
		if noteRe.MatchString(l.Text) {
			tableEnd = i
			break
		}
	}
	note, after := splitNote(rest[tableEnd:])
	if len(after) > 0 {
		return nil, errAt(after[0].No, 0, "text after the table's closing 说明 (“%s”): a file holds one notice, and the 说明 under its table ends it", clip(after[0].Text))
	}
	n.Note = parseNote(note)
	items := tableItems(rest[:tableEnd])
	body := 0
	for body < len(items) {
		if isMarker(items, body) {
			break
		}
		if k, ok := taskNumberOf(items[body].Text); ok && k == 1 {
			break
		}
		body++
	}
	var head strings.Builder
	for _, it := range items[:body] {
		head.WriteString(it.Text)
	}
	if hs := head.String(); !strings.Contains(hs, "牵头") || !strings.Contains(hs, "责任") {
		line := ls[len(ls)-1].No
		if len(rest) > 0 {
			line = rest[0].No
		}
		return nil, errAt(line, 0, "no task table: no header naming 牵头单位 and 责任单位 after the signature")
	}
	lay, err := segment(items[body:])
	if err != nil {
		return nil, err
	}
	lx := newLexicon(entries)
	s := &solver{lx: lx, memo: map[string]tokenized{}}
	res := make([]resolved, len(lay.rows))
	for i, r := range lay.rows {
		res[i] = s.resolve(r)
	}

	// Rebuild the heading columns in reading order.
	hs := newHeadings()
	if len(lay.lead) > 0 {
		hs.run(lay.lead)
	}
	type at struct{ sec, sub int }
	starts := make([]at, len(lay.rows))
	for i, r := range lay.rows {
		sec, sub := hs.current()
		starts[i] = at{sec, sub}
		// The row's own bands may continue the heading cells it sits under.
		for bi, b := range r.bands {
			c := res[i].choice[bi]
			runA := append(slices.Clone(b.pre), b.tail[:c.k]...)
			runB := b.tail[len(b.tail)-c.q:]
			if len(b.tail)-c.q == c.k && len(b.pre) == 0 { // nothing between: one run
				hs.run(append(runA, runB...))
				continue
			}
			if len(runA) > 0 {
				hs.run(runA)
			}
			if len(runB) > 0 {
				hs.run(runB)
			}
		}
	}

	if tableEnd == len(rest) {
		if err := checkComplete(lay, res); err != nil {
			return nil, err
		}
		if o.taskCount == 0 {
			last := lay.rows[len(lay.rows)-1]
			return nil, &ParseError{Line: ls[len(ls)-1].No, Task: last.number, Err: ErrUnterminated,
				Msg: fmt.Sprintf("the table has no closing 说明 after task %d: the file may be cut short", last.number)}
		}
	}

	used := map[string]bool{}
	var unknown []string
	for i, r := range lay.rows {
		t, err := buildTask(r, res[i], hs, starts[i].sec, starts[i].sub)
		if err != nil {
			return nil, err
		}
		for _, tok := range append(slices.Clone(res[i].lead), res[i].resp...) {
			c := knowledge.NormalizeName(tok.Canon)
			if c == "" || used[c] {
				continue
			}
			used[c] = true
			if !tok.Known {
				unknown = append(unknown, c)
			}
		}
		n.Tasks = append(n.Tasks, t)
	}
	addRivalNotes(&n, res)
	for _, e := range entries {
		if used[e.Name] {
			n.Units = append(n.Units, e.unit())
		}
	}
	for _, u := range unknown {
		n.Units = append(n.Units, knowledge.Unit{Name: u})
	}
	if err := Validate(&n); err != nil {
		return nil, err
	}
	if err := o.checkCount(&n, ls[len(ls)-1].No); err != nil {
		return nil, err
	}
	return &n, nil
}

// checkComplete guards a table that has no closing note (说明) against
// truncation: its last row must be whole, with its text finished, a deadline
// and units that read cleanly.
func checkComplete(lay *tableLayout, res []resolved) error {
	i := len(lay.rows) - 1
	r, rd := lay.rows[i], res[i]
	var last item
	open := false
	for _, b := range r.bands {
		for _, it := range b.content {
			last, open = it, lay.isFull(it.Text) && !strings.HasSuffix(it.Text, "。")
		}
		for _, it := range b.items {
			last = it
		}
	}
	if open || rd.deadline == "" || rd.cost > 0 {
		return errAt(last.Line, r.number, "the table ends in the middle of this task and has no closing 说明 (truncated?)")
	}
	return nil
}

var taskPrefixRe = regexp.MustCompile(`^\d{1,3}[.．、]\s*`)

func buildTask(r *row, rd resolved, hs *headings, sec, sub int) (knowledge.Task, error) {
	t := knowledge.Task{Number: r.number}
	if sec >= 0 {
		t.SectionNumeral = hs.sections[sec].numeral
		t.Section = hs.sections[sec].text.String()
	}
	if sub >= 0 {
		t.SubsectionNumeral = hs.subs[sub].numeral
		t.Subsection = hs.subs[sub].text.String()
	}
	var parts []string
	for _, b := range r.bands {
		for _, it := range b.content {
			parts = append(parts, it.Text)
		}
	}
	t.Content = taskPrefixRe.ReplaceAllString(joinCJK(parts...), "")
	if t.Content == "" {
		return t, errAt(r.line, r.number, "no task text")
	}
	t.Lead, t.Responsible = canonNames(rd.lead), canonNames(rd.resp)
	if len(t.Lead) == 0 {
		return t, errAt(r.line, r.number, "no lead unit")
	}
	if len(t.Responsible) == 0 {
		return t, errAt(r.line, r.number, "no responsible unit")
	}
	dl, err := ParseDeadline(rd.deadline)
	if err != nil {
		return t, errAt(rd.deadlineLine, r.number, "%v", err)
	}
	t.Deadline = dl
	t.Periods = ParsePeriods(t.Content)

	var notes []string
	for _, tok := range append(slices.Clone(rd.lead), rd.resp...) {
		if tok.Slip {
			notes = append(notes, fmt.Sprintf("原文写作“%s”，按%s计（同一单位）。", tok.Text, tok.Canon))
		}
		if tok.Junk {
			notes = append(notes, fmt.Sprintf("“%s”不是可识别的单位名称，原样保留，请核对。", tok.Text))
		}
	}
	if strings.Contains(t.Content, "。。") {
		notes = append(notes, "原文句末有重复的“。。”，按原文保留。")
	}
	if !strings.HasSuffix(t.Content, "。") && !strings.HasSuffix(t.Content, "。”") {
		notes = append(notes, "原文任务内容末尾没有句号，按原文保留。")
	}
	if dl.Kind == knowledge.DeadlineNone {
		notes = append(notes, "表中该项进度要求栏为空。")
	}
	t.Note = strings.Join(notes, "")
	return t, nil
}

// addRivalNotes explains, in the task's note, each truly ambiguous row: the
// lead and responsible cells run together with no separator and two
// readings fit the units equally well. The parser took the smaller lead
// cell; the note names the unit in question and the tasks that write it
// unambiguously as responsible.
func addRivalNotes(n *knowledge.Notice, res []resolved) {
	for i, rd := range res {
		if len(rd.rivals) == 0 {
			continue
		}
		t := &n.Tasks[i]
		var moved []string
		for _, rv := range rd.rivals {
			for _, u := range rv[0] {
				if !slices.Contains(t.Lead, u) && slices.Contains(t.Responsible, u) && !slices.Contains(moved, u) {
					moved = append(moved, u)
				}
			}
		}
		if len(moved) == 0 {
			continue
		}
		var refs []string
		for j, other := range n.Tasks {
			if j == i || len(res[j].rivals) > 0 {
				continue
			}
			for _, u := range moved {
				if slices.Contains(other.Responsible, u) && !slices.Contains(other.Lead, u) {
					refs = append(refs, strconv.Itoa(other.Number))
					break
				}
			}
		}
		u := strings.Join(moved, "、")
		note := fmt.Sprintf("版面有歧义：牵头单位与责任单位两栏连在一起、中间没有分隔，%s既可读作牵头单位，也可读作责任单位；按较小的牵头单位读，%s列为责任单位", u, u)
		if len(refs) > 0 {
			note += fmt.Sprintf("（与第%s项%s作责任单位一致）", strings.Join(refs, "、"), u)
		}
		t.Note = note + "。" + t.Note
	}
}

var (
	// notePointRe starts a numbered point of a note: 2. or （二） or 二、.
	notePointRe = regexp.MustCompile(`^([0-9０-９]+[.．、]|[（(][0-9一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)`)
	// imprintRe is a line of a document's imprint (版记), which may close the
	// file after the table: who gets copies, who printed it and when.
	imprintRe = regexp.MustCompile(`^抄送[：:]|^主题词[：:]|印发$|印发[（(]共?\d+份[）)]$`)
)

// splitNote cuts the lines from the table's 说明 on into the note and what
// follows it. The note is one paragraph, or several numbered points, each
// running to a line that ends a sentence (。) and is shorter than a full
// line; after it only the imprint may follow (dropped). Anything else is
// returned in after: it is not part of this notice.
func splitNote(ls []line) (note, after []line) {
	full := 0
	i := 0
	for i < len(ls) {
		l := ls[i]
		full = max(full, width(l.Text))
		note = append(note, l)
		i++
		ends := strings.HasSuffix(strings.TrimRight(l.Text, "”’」）)"), "。")
		if !ends || (width(l.Text) >= full-3 && len(note) > 1) {
			continue // the paragraph goes on
		}
		// The paragraph has ended: the next line may open another point.
		for i < len(ls) && imprintRe.MatchString(ls[i].Text) {
			i++
		}
		if i < len(ls) && !notePointRe.MatchString(ls[i].Text) {
			return note, ls[i:]
		}
	}
	return note, nil
}

// parseNote reads the table's 说明.
func parseNote(ls []line) knowledge.TableNote {
	var parts []string
	for _, l := range ls {
		parts = append(parts, l.Text)
	}
	text := joinCJK(parts...)
	note := knowledge.TableNote{Text: text}
	if m := noteLeadRe.FindStringSubmatch(text); m != nil {
		note.Lead = strings.TrimSpace(m[1])
	}
	if m := noteRespRe.FindStringSubmatch(text); m != nil {
		note.Responsible = strings.TrimSpace(m[1])
	}
	return note
}
