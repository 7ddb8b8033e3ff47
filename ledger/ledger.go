// Package ledger makes the supervision ledger (台账): one row per task × unit
// part with its state, light, signature, latest progress, claim and
// completion, written as JSON, CSV or an XLSX workbook. The JSON and CSV
// shapes are the outside interface described in the README.
package ledger

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"dutybot/knowledge"
)

// Row is one part of the ledger, its fields in the order of the JSON.
type Row struct {
	Notice    string    `json:"notice"`
	Task      int       `json:"task"`
	Unit      string    `json:"unit"`
	Role      string    `json:"role"`
	Deadline  *string   `json:"deadline"`
	State     string    `json:"state"`
	Light     string    `json:"light"`
	SignedAt  *string   `json:"signed_at"`
	Progress  *Progress `json:"progress"`
	ClaimedAt *string   `json:"claimed_at"`
	DoneAt    *string   `json:"done_at"`
	DoneBy    *string   `json:"done_by"`

	deadline knowledge.Deadline // for the workbook's 长期
}

// Progress is a part's latest progress report.
type Progress struct {
	At   string `json:"at"`
	User string `json:"user"`
	Text string `json:"text"`
}

// Rows builds the ledger of notice n on day today: parts as the store
// returns them (by task, in the table's order), lights counted on cal's
// working days, times written RFC 3339 in loc.
func Rows(n *knowledge.Notice, parts []knowledge.Part, today knowledge.Date, cal knowledge.Workdays, loc *time.Location) []Row {
	stamp := func(t time.Time) *string {
		if t.IsZero() {
			return nil
		}
		s := t.In(loc).Format(time.RFC3339)
		return &s
	}
	out := make([]Row, 0, len(parts))
	for _, p := range parts {
		t := n.Task(p.Task)
		if t == nil {
			continue
		}
		r := Row{Notice: n.Number, Task: p.Task, Unit: p.Unit, Role: string(p.Role), State: string(p.State),
			Light:    string(knowledge.PartLight(p, t.Deadline, today, cal, loc)),
			SignedAt: stamp(p.SignedAt), ClaimedAt: stamp(p.ClaimedAt), DoneAt: stamp(p.DoneAt), deadline: t.Deadline}
		if t.Deadline.Kind == knowledge.DeadlineDate {
			d := t.Deadline.Date.String()
			r.Deadline = &d
		}
		if p.Progress != nil {
			r.Progress = &Progress{At: *stamp(p.Progress.At), User: p.Progress.User, Text: p.Progress.Text}
		}
		if p.State == knowledge.PartDone && p.DoneBy != "" {
			by := p.DoneBy
			r.DoneBy = &by
		}
		out = append(out, r)
	}
	return out
}

// WriteJSON writes the rows as one JSON array, one object per line.
func WriteJSON(w io.Writer, rows []Row) error {
	if _, err := io.WriteString(w, "["); err != nil {
		return err
	}
	for i, r := range rows {
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		sep := ",\n"
		if i == 0 {
			sep = "\n"
		}
		if _, err := fmt.Fprintf(w, "%s%s", sep, b); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "\n]\n")
	return err
}

// csvHeader names the CSV columns: the JSON's fields, progress spread over three.
var csvHeader = []string{"notice", "task", "unit", "role", "deadline", "state", "light", "signed_at",
	"progress_at", "progress_user", "progress_text", "claimed_at", "done_at", "done_by"}

// WriteCSV writes the rows as CSV with a header row; null is an empty cell.
func WriteCSV(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(r.cells()); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func (r Row) cells() []string {
	s := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	var pa, pu, pt string
	if r.Progress != nil {
		pa, pu, pt = r.Progress.At, r.Progress.User, r.Progress.Text
	}
	return []string{r.Notice, strconv.Itoa(r.Task), r.Unit, r.Role, s(r.Deadline), r.State, r.Light, s(r.SignedAt),
		pa, pu, pt, s(r.ClaimedAt), s(r.DoneAt), s(r.DoneBy)}
}
