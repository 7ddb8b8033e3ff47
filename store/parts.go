package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"gorm.io/gorm"

	"dutybot/knowledge"
)

// partKey3 is a part of a notice's task by task number and unit.
type partKey3 struct {
	task int
	unit int64
}

// Parts returns every part of a notice's tasks (the ledger's rows) by task
// number and then in the table's order (leads first, each group's members
// right after it). A unit in both columns of a task has one part, whose
// role is lead and which is done when both its rows are. Each part carries
// its latest progress report and its latest problem.
func (db *DB) Parts(ctx context.Context, notice string) ([]knowledge.Part, error) {
	return db.parts(ctx, notice, nil)
}

// parts is Parts, of the tasks numbered tasks only when tasks is not nil.
func (db *DB) parts(ctx context.Context, notice string, tasks []int) ([]knowledge.Part, error) {
	var out []knowledge.Part
	only := func(q *gorm.DB, col string) *gorm.DB {
		if tasks == nil {
			return q
		}
		return q.Where(col+" IN ?", tasks)
	}
	err := db.read(ctx, func(tx *gorm.DB) error {
		var n noticeRow
		if err := tx.Select("id", "date").Where("number = ?", notice).First(&n).Error; err != nil {
			if err == gorm.ErrRecordNotFound {
				return fmt.Errorf("notice %s: %w", notice, knowledge.ErrNotFound)
			}
			return fmt.Errorf("find notice %s: %w", notice, err)
		}
		issued, _ := knowledge.ParseDate(n.Date)
		rows, err := only(tx.Table("assignments a").
			Select("t.number, a.unit_id, u.name, COALESCE(g.name, ''), a.role, a.done, a.done_at, a.done_by").
			Joins("JOIN tasks t ON t.id = a.task_id").
			Joins("JOIN units u ON u.id = a.unit_id").
			Joins("LEFT JOIN units g ON g.id = a.via_unit_id").
			Where("t.notice_id = ?", n.ID), "t.number").
			Order("t.number, a.position, a.sub").Rows()
		if err != nil {
			return fmt.Errorf("read parts: %w", err)
		}
		defer rows.Close()
		index := map[partKey3]int{}
		for rows.Next() {
			var p knowledge.Part
			var unitID int64
			var role string
			var done bool
			var doneAt sql.NullTime
			if err := rows.Scan(&p.Task, &unitID, &p.Unit, &p.Via, &role, &done, &doneAt, &p.DoneBy); err != nil {
				return fmt.Errorf("read parts: %w", err)
			}
			p.Notice, p.Role, p.Issued = notice, knowledge.Role(role), issued
			if done {
				p.State = knowledge.PartDone
				if doneAt.Valid {
					p.DoneAt = doneAt.Time.UTC()
				}
			}
			k := partKey3{p.Task, unitID}
			i, seen := index[k]
			if !seen {
				index[k] = len(out)
				out = append(out, p)
				continue
			}
			q := &out[i] // the unit's second row: lead wins, done needs both
			if p.Role == knowledge.RoleLead {
				q.Role = knowledge.RoleLead
			}
			switch {
			case p.State != knowledge.PartDone:
				q.State, q.DoneAt, q.DoneBy = "", time.Time{}, ""
			case q.State == knowledge.PartDone && p.DoneAt.After(q.DoneAt):
				q.DoneAt, q.DoneBy = p.DoneAt, p.DoneBy
			}
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read parts: %w", err)
		}
		var states []partStateRow
		if err := only(tx.Where("notice_id = ?", n.ID), "task").Find(&states).Error; err != nil {
			return fmt.Errorf("read part states: %w", err)
		}
		for _, s := range states {
			i, ok := index[partKey3{s.Task, s.UnitID}]
			if !ok {
				continue // the unit lost its part in a re-import; the state waits
			}
			p := &out[i]
			p.SignedAt, p.SignedBy = timeOf(s.SignedAt), s.SignedBy
			p.ClaimedAt, p.ClaimedBy, p.ClaimNote = timeOf(s.ClaimedAt), s.ClaimedBy, s.ClaimNote
			if p.State != knowledge.PartDone {
				p.State = partState(false, s.State)
			}
		}
		var reports []reportRow
		if err := only(tx.Where("notice_id = ?", n.ID), "task").Order("at DESC, id DESC").Find(&reports).Error; err != nil {
			return fmt.Errorf("read reports: %w", err)
		}
		for _, r := range reports {
			i, ok := index[partKey3{r.Task, r.UnitID}]
			if !ok {
				continue
			}
			rep := &knowledge.Report{At: r.At.UTC(), User: r.UserID, Text: r.Text, Problem: r.Problem}
			p := &out[i]
			if r.Problem && p.Problem == nil {
				p.Problem = rep
			} else if !r.Problem && p.Progress == nil {
				p.Progress = rep
			}
		}
		for i := range out {
			if out[i].State == "" {
				out[i].State = knowledge.PartOpen
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("parts of %s: %w", notice, err)
	}
	return out, nil
}
