package reminders

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"dutybot/knowledge"
	"dutybot/ledger"
)

// This file holds what the weekly 通报 says of the supervision loop: a
// ranking of units by their parts (done on time, done late, overdue, in
// review, not signed; the worst first), the parts with a red light, and the
// week's ledger as an XLSX workbook attached to the message.

// rankMax and redMax bound the lines of the ranking and the red parts the
// 通报 lists; the workbook holds them all.
const (
	rankMax = 20
	redMax  = 30
)

// unitRank counts one unit's parts.
type unitRank struct {
	unit                                             string
	onTime, late, overdue, inReview, unsigned, total int
}

// worse orders units worst first: the most parts overdue, then the most
// not signed, then the most done late, then the fewest done on time.
func worse(a, b unitRank) int {
	return cmp.Or(cmp.Compare(b.overdue, a.overdue), cmp.Compare(b.unsigned, a.unsigned), cmp.Compare(b.late, a.late),
		cmp.Compare(a.onTime, b.onTime), strings.Compare(a.unit, b.unit))
}

// rank counts each unit's parts of n on today.
func rank(n *knowledge.Notice, parts []knowledge.Part, today knowledge.Date, loc func(knowledge.Part) knowledge.Date) []unitRank {
	by := map[string]*unitRank{}
	var order []string
	for _, p := range parts {
		t := n.Task(p.Task)
		if t == nil {
			continue
		}
		r := by[p.Unit]
		if r == nil {
			r = &unitRank{unit: p.Unit}
			by[p.Unit] = r
			order = append(order, p.Unit)
		}
		r.total++
		dated := t.Deadline.Kind == knowledge.DeadlineDate
		switch {
		case p.State == knowledge.PartDone && dated && loc(p).After(t.Deadline.Date):
			r.late++
		case p.State == knowledge.PartDone:
			r.onTime++
		case dated && today.After(t.Deadline.Date):
			r.overdue++
		}
		switch {
		case p.State == knowledge.PartInReview:
			r.inReview++
		case unsigned(p):
			r.unsigned++
		}
	}
	out := make([]unitRank, 0, len(order))
	for _, u := range order {
		out = append(out, *by[u])
	}
	slices.SortFunc(out, worse)
	return out
}

// loopSummary writes the ranking and the red parts of n for the 通报, and
// the week's ledger: ok is false when the source keeps no parts.
func (d *Dispatcher) loopSummary(st *state, lang string, n *knowledge.Notice, today knowledge.Date) (string, *Attachment, bool) {
	parts, ok := st.parts[n.Number]
	if !ok {
		return "", nil, false
	}
	loc := d.policy.loc
	doneDay := func(p knowledge.Part) knowledge.Date { return knowledge.DateOf(p.DoneAt.In(loc)) }
	w := &writer{tr: d.tr, lang: lang}
	ranks := rank(n, parts, today, doneDay)
	if len(ranks) > 0 {
		w.line("reminders_rank_header", map[string]any{"Count": len(ranks)})
		for i, r := range ranks {
			if i == rankMax {
				w.line("reminders_rank_more", map[string]any{"Count": len(ranks) - rankMax})
				break
			}
			w.line("reminders_rank_unit", map[string]any{"Place": i + 1, "Unit": r.unit, "Total": r.total, "OnTime": r.onTime,
				"Late": r.late, "Overdue": r.overdue, "InReview": r.inReview, "Unsigned": r.unsigned})
		}
	}
	var cal knowledge.Workdays
	if c := d.policy.Calendar(); c != nil {
		cal = c
	}
	var red []string
	for _, p := range parts {
		if t := n.Task(p.Task); t != nil && knowledge.PartLight(p, t.Deadline, today, cal, loc) == knowledge.LightRed {
			red = append(red, d.tr.T(lang, "reminders_red_part", map[string]any{"Task": p.Task, "Unit": p.Unit}))
		}
	}
	if total := len(red); total > 0 {
		more := ""
		if len(red) > redMax {
			more = d.tr.T(lang, "reminders_red_more", map[string]any{"Count": len(red) - redMax})
			red = red[:redMax]
		}
		w.line("reminders_red_header", map[string]any{"Count": total, "List": strings.Join(red, d.tr.T(lang, "reminders_summary_sep", nil)), "More": more})
	} else {
		w.line("reminders_red_none", nil)
	}
	return strings.TrimRight(w.b.String(), "\n"), d.ledgerFile(lang, n, parts, today, cal), true
}

// ledgerFile is the ledger of n as an XLSX workbook in lang, or nil when
// the messages are not the bot's bundle (they write the headers) or the
// workbook cannot be made (the 通报 goes without it: logged).
func (d *Dispatcher) ledgerFile(lang string, n *knowledge.Notice, parts []knowledge.Part, today knowledge.Date, cal knowledge.Workdays) *Attachment {
	bt, ok := d.tr.(bundleTranslator)
	if !ok {
		return nil
	}
	var buf bytes.Buffer
	if err := ledger.WriteXLSX(&buf, ledger.Rows(n, parts, today, cal, d.policy.loc), bt.b.For(lang)); err != nil {
		d.logger.Error("weekly ledger not attached", "notice", n.Number, "err", err)
		return nil
	}
	return &Attachment{
		Name:  d.tr.T(lang, "reminders_ledger_file", map[string]any{"Date": today.String()}),
		Title: d.tr.T(lang, "reminders_ledger_title", map[string]any{"Notice": n.Number, "Date": today.String()}),
		Data:  buf.Bytes(),
	}
}

// Attachment is a file that goes with a message (the weekly ledger).
type Attachment struct {
	Name, Title string
	Data        []byte
}
