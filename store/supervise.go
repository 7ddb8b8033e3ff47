package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"dutybot/knowledge"
)

// The audit actions of the supervision loop. Before and after hold the
// part's state; a text that goes with a change (a claim's note, a
// rejection's reason) follows the state after ": ".
const (
	ActionLiaisonAdd    = "liaison.add"
	ActionLiaisonRemove = "liaison.remove"
	ActionSign          = "part.sign"
	ActionProgress      = "part.progress"
	ActionProblem       = "part.problem"
	ActionClaim         = "part.claim"
	ActionApprove       = "part.approve"
	ActionReject        = "part.reject"
)

// partState is a part's state from its done flag and its part_states row's
// state ("" when it has none).
func partState(done bool, state string) knowledge.PartState {
	switch {
	case done:
		return knowledge.PartDone
	case state == "":
		return knowledge.PartOpen
	}
	return knowledge.PartState(state)
}

// withText appends a note to a state for the audit log.
func withText(state knowledge.PartState, text string) string {
	if text == "" {
		return string(state)
	}
	return string(state) + ": " + text
}

// ChangeLiaisons adds and removes liaison officers of a unit (canonical name
// or alias), one audit entry per user added (liaison.add, after the user)
// or removed (liaison.remove, before the user). Adding a liaison already
// there or removing one who is not changes nothing; when nothing changes at
// all the error wraps knowledge.ErrUnchanged.
func (db *DB) ChangeLiaisons(ctx context.Context, unit string, add, remove []string, by knowledge.Actor) error {
	err := db.audited(ctx, by, func(tx *gorm.DB, c *chain) error {
		_, canon, id, err := loadUnit(tx, unit)
		if err != nil {
			return err
		}
		var have []string
		if err := tx.Model(&liaisonRow{}).Where("unit_id = ?", id).Pluck("user_id", &have).Error; err != nil {
			return fmt.Errorf("read liaisons: %w", err)
		}
		for _, u := range remove {
			if u = strings.TrimSpace(u); u == "" || !slices.Contains(have, u) {
				continue
			}
			if err := tx.Where("unit_id = ? AND user_id = ?", id, u).Delete(&liaisonRow{}).Error; err != nil {
				return fmt.Errorf("remove liaison %s: %w", u, err)
			}
			have = slices.DeleteFunc(have, func(h string) bool { return h == u })
			c.add(change{Action: ActionLiaisonRemove, Unit: canon, Before: u})
		}
		for _, u := range add {
			if u = strings.TrimSpace(u); u == "" || slices.Contains(have, u) {
				continue
			}
			if len(u) > 200 {
				return fmt.Errorf("liaison %q: a user ID is at most 200 bytes", u)
			}
			if err := tx.Create(&liaisonRow{UnitID: id, UserID: u, AddedAt: c.now, AddedBy: by.User}).Error; err != nil {
				return fmt.Errorf("add liaison %s: %w", u, err)
			}
			have = append(have, u)
			c.add(change{Action: ActionLiaisonAdd, Unit: canon, After: u})
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("change liaisons of %q: %w", unit, err)
	}
	return nil
}

// Liaisons returns every unit's liaison officers by canonical unit name,
// each list in the order they were named.
func (db *DB) Liaisons(ctx context.Context) (map[string][]string, error) {
	var rows []struct {
		Name   string
		UserID string
	}
	err := db.r.WithContext(ctx).Table("liaisons l").Select("u.name, l.user_id").
		Joins("JOIN units u ON u.id = l.unit_id").Order("u.name, l.added_at, l.user_id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("read liaisons: %w", err)
	}
	out := map[string][]string{}
	for _, r := range rows {
		out[r.Name] = append(out[r.Name], r.UserID)
	}
	return out, nil
}

// partAt is one unit's part of one task, read inside a write transaction.
type partAt struct {
	noticeID int64
	task     int
	unit     string
	unitID   int64
	units    *unitSet
	rows     []*assignmentRow // every part of the task
	own      []*assignmentRow // the unit's rows (two when it is lead and responsible)
	st       partStateRow
	stored   bool // st is a stored row
}

// locatePart finds unit's part of task ref. Errors: knowledge.ErrNotFound
// (notice or task), knowledge.ErrUnknownUnit, knowledge.ErrNotAssigned.
func locatePart(tx *gorm.DB, ref knowledge.TaskRef, unit string) (*partAt, error) {
	nid, err := noticeID(tx, ref.Notice)
	if err != nil {
		return nil, err
	}
	var task taskRow
	err = tx.Select("id").Where("notice_id = ? AND number = ?", nid, ref.Number).First(&task).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("task %d of %s: %w", ref.Number, ref.Notice, knowledge.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("find task: %w", err)
	}
	units, canon, uid, err := loadUnit(tx, unit)
	if err != nil {
		return nil, err
	}
	p := &partAt{noticeID: nid, task: ref.Number, unit: canon, unitID: uid, units: units}
	if err := tx.Where("task_id = ?", task.ID).Order("position, sub").Find(&p.rows).Error; err != nil {
		return nil, fmt.Errorf("read assignments: %w", err)
	}
	for _, r := range p.rows {
		if r.UnitID == uid {
			p.own = append(p.own, r)
		}
	}
	if len(p.own) == 0 {
		return nil, fmt.Errorf("%s in task %d: %w", canon, ref.Number, knowledge.ErrNotAssigned)
	}
	err = tx.Where("notice_id = ? AND task = ? AND unit_id = ?", nid, ref.Number, uid).First(&p.st).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		p.st = partStateRow{NoticeID: nid, Task: ref.Number, UnitID: uid, State: string(knowledge.PartOpen)}
	case err != nil:
		return nil, fmt.Errorf("read part state: %w", err)
	default:
		p.stored = true
	}
	return p, nil
}

func (p *partAt) done() bool {
	for _, r := range p.own {
		if !r.Done {
			return false
		}
	}
	return true
}

func (p *partAt) state() knowledge.PartState { return partState(p.done(), p.st.State) }

// save writes the part's state row.
func (p *partAt) save(tx *gorm.DB) error {
	var err error
	if p.stored {
		err = tx.Select("*").Where("notice_id = ? AND task = ? AND unit_id = ?", p.noticeID, p.task, p.unitID).Updates(&p.st).Error
	} else {
		err = tx.Create(&p.st).Error
		p.stored = err == nil
	}
	if err != nil {
		return fmt.Errorf("save part state: %w", err)
	}
	return nil
}

// sign signs for an unsigned part in memory and audits it; it reports
// whether it did.
func (p *partAt) sign(c *chain, ref knowledge.TaskRef, user string) bool {
	if p.st.SignedAt != nil {
		return false
	}
	at := c.now
	p.st.SignedAt, p.st.SignedBy = &at, user
	before := p.state()
	if p.st.State == string(knowledge.PartOpen) {
		p.st.State = string(knowledge.PartSigned)
	}
	c.add(change{Action: ActionSign, Notice: ref.Notice, Task: ref.Number, Unit: p.unit, Before: string(before), After: string(p.state())})
	return true
}

// supervise runs fn on unit's part of task ref in an audited transaction and
// wraps its error with what was asked.
func (db *DB) supervise(ctx context.Context, what string, ref knowledge.TaskRef, unit string, by knowledge.Actor, fn func(tx *gorm.DB, c *chain, p *partAt) error) error {
	err := db.audited(ctx, by, func(tx *gorm.DB, c *chain) error {
		p, err := locatePart(tx, ref, unit)
		if err != nil {
			return err
		}
		return fn(tx, c, p)
	})
	if err != nil {
		return fmt.Errorf("%s task %d of %s for %q: %w", what, ref.Number, ref.Notice, unit, err)
	}
	return nil
}

// SignPart records that unit received task ref (签收), audited as part.sign.
// Errors: knowledge.ErrPartDone, knowledge.ErrAlreadySigned, and those of
// locating the part.
func (db *DB) SignPart(ctx context.Context, ref knowledge.TaskRef, unit string, by knowledge.Actor) error {
	return db.supervise(ctx, "sign for", ref, unit, by, func(tx *gorm.DB, c *chain, p *partAt) error {
		if p.done() {
			return knowledge.ErrPartDone
		}
		if !p.sign(c, ref, by.User) {
			return knowledge.ErrAlreadySigned
		}
		return p.save(tx)
	})
}

// AddReport records a progress report (part.progress) or a problem
// (part.problem) on unit's part of task ref, the text in the audit entry's
// after. A part not signed for yet is signed with it: reporting on a task
// shows it was received. Errors: knowledge.ErrEmptyReport,
// knowledge.ErrPartDone, and those of locating the part.
func (db *DB) AddReport(ctx context.Context, ref knowledge.TaskRef, unit, text string, problem bool, by knowledge.Actor) error {
	text = strings.TrimSpace(text)
	what := "report progress on"
	if problem {
		what = "report a problem on"
	}
	return db.supervise(ctx, what, ref, unit, by, func(tx *gorm.DB, c *chain, p *partAt) error {
		if text == "" {
			return knowledge.ErrEmptyReport
		}
		if p.done() {
			return knowledge.ErrPartDone
		}
		if p.sign(c, ref, by.User) {
			if err := p.save(tx); err != nil {
				return err
			}
		}
		r := reportRow{NoticeID: p.noticeID, Task: p.task, UnitID: p.unitID, At: c.now, UserID: by.User, Text: text, Problem: problem}
		if err := tx.Create(&r).Error; err != nil {
			return fmt.Errorf("save report: %w", err)
		}
		action := ActionProgress
		if problem {
			action = ActionProblem
		}
		c.add(change{Action: action, Notice: ref.Notice, Task: ref.Number, Unit: p.unit, After: text})
		return nil
	})
}

// ClaimPart puts unit's part of task ref in review (办结申请) with an optional
// note, audited as part.claim (signing it first when it was not). Errors:
// knowledge.ErrPartDone, knowledge.ErrInReview, and those of locating the part.
func (db *DB) ClaimPart(ctx context.Context, ref knowledge.TaskRef, unit, note string, by knowledge.Actor) error {
	note = strings.TrimSpace(note)
	return db.supervise(ctx, "claim", ref, unit, by, func(tx *gorm.DB, c *chain, p *partAt) error {
		switch p.state() {
		case knowledge.PartDone:
			return knowledge.ErrPartDone
		case knowledge.PartInReview:
			return knowledge.ErrInReview
		}
		p.sign(c, ref, by.User)
		before := p.state()
		at := c.now
		p.st.State, p.st.ClaimedAt, p.st.ClaimedBy, p.st.ClaimNote = string(knowledge.PartInReview), &at, by.User, note
		if err := p.save(tx); err != nil {
			return err
		}
		c.add(change{Action: ActionClaim, Notice: ref.Notice, Task: ref.Number, Unit: p.unit,
			Before: string(before), After: withText(knowledge.PartInReview, note)})
		return nil
	})
}

// ReviewPart decides on unit's part of task ref in review (审核): approve marks
// it done (part.approve; a group's members' parts follow, and a group whose
// members are all done is done too, as task.done entries); reject returns
// it to open with the reason (part.reject), keeping its signature. Each
// decision is kept in part_reviews. The store does not judge who may
// review: the bot does. Errors: knowledge.ErrNoReason, knowledge.ErrPartDone,
// knowledge.ErrNotInReview, and those of locating the part.
func (db *DB) ReviewPart(ctx context.Context, ref knowledge.TaskRef, unit string, approve bool, reason string, by knowledge.Actor) error {
	reason = strings.TrimSpace(reason)
	what := "reject"
	if approve {
		what = "approve"
	}
	return db.supervise(ctx, what, ref, unit, by, func(tx *gorm.DB, c *chain, p *partAt) error {
		if !approve && reason == "" {
			return knowledge.ErrNoReason
		}
		switch p.state() {
		case knowledge.PartDone:
			return knowledge.ErrPartDone
		case knowledge.PartInReview:
		default:
			return knowledge.ErrNotInReview
		}
		rv := reviewRow{NoticeID: p.noticeID, Task: p.task, UnitID: p.unitID, At: c.now, UserID: by.User, Approved: approve, Reason: reason}
		if err := tx.Create(&rv).Error; err != nil {
			return fmt.Errorf("save review: %w", err)
		}
		if !approve {
			p.st.State, p.st.ClaimedAt, p.st.ClaimedBy, p.st.ClaimNote = string(knowledge.PartOpen), nil, "", ""
			if err := p.save(tx); err != nil {
				return err
			}
			c.add(change{Action: ActionReject, Notice: ref.Notice, Task: ref.Number, Unit: p.unit,
				Before: string(knowledge.PartInReview), After: withText(knowledge.PartOpen, reason)})
			return nil
		}
		members := memberSet(p.units)
		changed, err := applyDone(tx, p.noticeID, p.task, p.rows, partsOf(p.rows, p.unitID, members), members, true, c.now, by.User)
		if err != nil {
			return err
		}
		c.add(change{Action: ActionApprove, Notice: ref.Notice, Task: ref.Number, Unit: p.unit,
			Before: string(knowledge.PartInReview), After: string(knowledge.PartDone)})
		seen := map[int64]bool{p.unitID: true}
		for _, r := range changed {
			if !seen[r.UnitID] {
				seen[r.UnitID] = true
				c.add(doneChange(ref.Notice, ref.Number, p.units.byID[r.UnitID].Name, r.Done))
			}
		}
		return nil
	})
}

// Reports returns the reports on unit's part of task ref, newest first.
func (db *DB) Reports(ctx context.Context, ref knowledge.TaskRef, unit string) ([]knowledge.Report, error) {
	var rows []reportRow
	err := db.read(ctx, func(tx *gorm.DB) error {
		nid, err := noticeID(tx, ref.Notice)
		if err != nil {
			return err
		}
		_, _, uid, err := loadUnit(tx, unit)
		if err != nil {
			return err
		}
		return tx.Where("notice_id = ? AND task = ? AND unit_id = ?", nid, ref.Number, uid).
			Order("at DESC, id DESC").Find(&rows).Error
	})
	if err != nil {
		return nil, fmt.Errorf("reports on task %d of %s by %q: %w", ref.Number, ref.Notice, unit, err)
	}
	out := make([]knowledge.Report, len(rows))
	for i, r := range rows {
		out[i] = knowledge.Report{At: r.At.UTC(), User: r.UserID, Text: r.Text, Problem: r.Problem}
	}
	return out, nil
}

func timeOf(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}
