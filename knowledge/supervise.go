package knowledge

import (
	"context"
	"errors"
	"time"
)

// The supervision loop (督办闭环): a unit's liaison officers (联络员) sign for a
// task (签收), report progress (进展反馈) and problems, and ask to close their
// part (办结申请); the lead unit's liaisons or an administrator review it
// (审核): approve marks it done, reject returns it to work with a reason.

// PartState is where a unit's part of a task is in the loop.
type PartState string

// The states of a part.
const (
	PartOpen     PartState = "open"      // not signed for, or returned after review
	PartSigned   PartState = "signed"    // the unit confirmed it received the task
	PartInReview PartState = "in_review" // the unit asked to close it; reviewers decide
	PartDone     PartState = "done"
)

// Report is one progress report (进展) or problem (问题) of a unit on a task.
type Report struct {
	At      time.Time
	User    string
	Text    string
	Problem bool // a difficulty (问题), which the lead unit and the administrators are told of
}

// Part is one unit's part in one task with its place in the loop: the row of
// the ledger (台账). A unit in both columns of a task has one part, whose role
// is lead; a member of a group unit has a part of its own (Via names the group).
type Part struct {
	Notice    string
	Task      int
	Unit      string
	Role      Role
	Via       string // the group unit through which a member has the part, or ""
	State     PartState
	SignedAt  time.Time // zero when not signed
	SignedBy  string
	ClaimedAt time.Time // zero when not in review (and not done after a review)
	ClaimedBy string
	ClaimNote string
	DoneAt    time.Time // zero when not done
	DoneBy    string
	Progress  *Report // the latest progress report, or nil
	Problem   *Report // the latest problem, or nil
	// Issued is the notice's date, from which an ongoing part's silence counts.
	Issued Date
}

// Errors of the supervision loop that adapters turn into what the user reads.
var (
	ErrPartDone      = errors.New("the part is already done")
	ErrInReview      = errors.New("the part is already in review")
	ErrNotInReview   = errors.New("the part is not in review")
	ErrNoReason      = errors.New("a rejection needs a reason")
	ErrEmptyReport   = errors.New("a report needs text")
	ErrAlreadySigned = errors.New("the part is already signed for")
)

// Supervisor keeps the supervision loop. Every change is audited in the same
// transaction as the change; a refused change changes nothing.
type Supervisor interface {
	// ChangeLiaisons adds and removes liaison officers (user IDs) of a unit
	// (audited liaison.add / liaison.remove, one entry per user).
	ChangeLiaisons(ctx context.Context, unit string, add, remove []string, by Actor) error
	// Liaisons returns every unit's liaison officers by canonical unit name.
	Liaisons(ctx context.Context) (map[string][]string, error)
	// SignPart records that unit received task ref (part.sign).
	SignPart(ctx context.Context, ref TaskRef, unit string, by Actor) error
	// AddReport records progress or a problem on unit's part of task ref
	// (part.progress / part.problem); an unsigned part is signed with it.
	AddReport(ctx context.Context, ref TaskRef, unit, text string, problem bool, by Actor) error
	// ClaimPart puts unit's part of task ref in review with a note (part.claim).
	ClaimPart(ctx context.Context, ref TaskRef, unit, note string, by Actor) error
	// ReviewPart approves (done) or rejects (open again, with a reason) unit's
	// part of task ref in review (part.approve / part.reject).
	ReviewPart(ctx context.Context, ref TaskRef, unit string, approve bool, reason string, by Actor) error
	// Parts returns every part of a notice's tasks, by task and in the
	// table's order, with the latest progress and problem.
	Parts(ctx context.Context, notice string) ([]Part, error)
	// Reports returns the reports on unit's part of task ref, newest first.
	Reports(ctx context.Context, ref TaskRef, unit string) ([]Report, error)
}
