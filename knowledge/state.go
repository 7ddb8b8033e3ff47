package knowledge

import (
	"context"
	"errors"
	"time"
)

// Role is the part a unit plays in a task.
type Role string

// The two roles of the table.
const (
	// RoleLead is 牵头单位: coordinates and pushes the task.
	RoleLead Role = "lead"
	// RoleResponsible is 责任单位: does the work.
	RoleResponsible Role = "responsible"
)

// Status is the state of a task, derived from its assignments.
type Status string

// The states of a task.
const (
	StatusOpen    Status = "open"
	StatusPartial Status = "partial"
	StatusDone    Status = "done"
)

// TaskRef names a task of a notice.
type TaskRef struct {
	Notice string // the notice's document number
	Number int
}

// Assignment is one unit's part in one task, with its completion state.
type Assignment struct {
	Task   int
	Unit   string
	Role   Role
	Done   bool
	DoneAt time.Time // zero when not done
	DoneBy string    // user ID of who marked it done
	// State is the part's place in the supervision loop (done when Done);
	// "" from a source that keeps no loop reads as open or done.
	State PartState
}

// DeriveStatus computes a task's status from its assignments: done when every
// one is done, partial when some are, open otherwise.
func DeriveStatus(as []Assignment) Status {
	done := 0
	for _, a := range as {
		if a.Done {
			done++
		}
	}
	switch {
	case len(as) > 0 && done == len(as):
		return StatusDone
	case done > 0:
		return StatusPartial
	}
	return StatusOpen
}

// Actor is who asked for a change of state, through what, and where: the
// audit log records all of it with the change.
type Actor struct {
	User string // user ID (Slack user ID, or the OS user for the command line)
	Via  string // slack, console or cli
	// Channel is the chat channel the change was asked in (a Slack channel
	// ID); "" outside a chat.
	Channel string
	// Team is the chat workspace the change was asked in (a Slack team
	// ID); "" outside Slack.
	Team string
}

// AuditEntry is one change of state in the audit log.
type AuditEntry struct {
	Seq    int64
	At     time.Time
	Actor  Actor
	Action string // e.g. task.done, task.reopen, unit.bind, notice.import, user.iam
	Notice string
	Task   int // 0 when the change is not about a task
	Unit   string
	Role   string // the unit's roles the change applies to (lead, responsible, "lead,responsible"); "" for all of them
	Before string
	After  string
	Hash   string // hex SHA-256 over the previous entry's hash and this entry's fields
	Prev   string
}

// Errors that adapters turn into what the user reads.
var (
	ErrNotFound      = errors.New("not found")
	ErrUnknownUnit   = errors.New("unknown unit")
	ErrNotAssigned   = errors.New("unit has no part in the task")
	ErrUnchanged     = errors.New("nothing to change")
	ErrSchemaTooNew  = errors.New("database schema is newer than this binary")
	ErrInvalidNotice = errors.New("invalid notice")
)

// Store is dutybot's durable state. The store package implements it over
// SQLite and PostgreSQL; every state change is audited in the same transaction.
type Store interface {
	Supervisor
	// ImportNotice stores n (replacing a notice with the same number, keeping
	// completion state of assignments that still exist) in one transaction.
	// It refuses, changing nothing, an import that would remove tasks or
	// lose completion state: a notice file cut short looks just like that.
	ImportNotice(ctx context.Context, n *Notice, by Actor) error
	// ArchiveNotice retires a notice (archived true: its reminders stop, its
	// history and answers stay) or puts it back in force (false). It returns
	// ErrNotFound for an unknown notice, ErrUnchanged when it is already so.
	ArchiveNotice(ctx context.Context, number string, archived bool, by Actor) error
	// Notices returns every stored notice with its units and tasks, oldest import first.
	Notices(ctx context.Context) ([]*Notice, error)
	// Assignments returns the state of every task×unit×role of a notice.
	Assignments(ctx context.Context, notice string) ([]Assignment, error)
	// SetDone marks a unit's part of a task done (or not done, with done=false);
	// unit "" means every unit of the task. It returns ErrNotFound for an
	// unknown task, ErrNotAssigned for a unit with no part, ErrUnchanged when
	// nothing changes.
	SetDone(ctx context.Context, ref TaskRef, unit string, done bool, by Actor) error
	// BindChannel binds a unit to a Slack channel for its reminders.
	BindChannel(ctx context.Context, unit, channel string, by Actor) error
	// Units returns every unit known: those of the notices, with their
	// aliases from every notice, and units added later as members of a
	// group; each with its channel and members.
	Units(ctx context.Context) ([]Unit, error)
	// SetMembers sets the member units of a group unit; members not known
	// yet become units of their own (so that a channel can be bound to each).
	SetMembers(ctx context.Context, unit string, members []string, by Actor) error
	// SetUserUnit records which unit a user belongs to (iam).
	SetUserUnit(ctx context.Context, user, unit string, by Actor) error
	// UserUnit returns the unit a user belongs to, or "".
	UserUnit(ctx context.Context, user string) (string, error)
	// Audit returns the audit log, oldest first.
	Audit(ctx context.Context) ([]AuditEntry, error)
	// VerifyAudit recomputes the hash chain and replays it against the
	// stored state; it returns the first bad entry's sequence number (or the
	// entry a state difference contradicts) with the reason, or 0 and nil
	// when both hold.
	VerifyAudit(ctx context.Context) (int64, error)
	// Close releases the database.
	Close() error
}
