package bot

import (
	"errors"
	"strconv"
	"unicode/utf8"

	"dutybot/knowledge"
)

// errNoNotice is returned when the store holds no notice to answer from.
var errNoNotice = errors.New("no notice loaded")

// errNotGroup is returned when members are given to a unit that is not a
// group unit (各分县局, 各行政执法警种).
var errNotGroup = errors.New("not a group unit")

// MaxMessageRunes is the longest message the engine reads, in characters:
// Slack's own limit on a message's text. A longer one (only the console can
// send one) is answered with an error, unread.
const MaxMessageRunes = 40_000

// errTooLong is a message longer than MaxMessageRunes.
var errTooLong = errors.New("message too long")

// tooLong reports a text of more than MaxMessageRunes characters.
func tooLong(s string) bool {
	return len(s) > MaxMessageRunes && utf8.RuneCountInString(s) > MaxMessageRunes
}

// thousands writes n with a comma every three digits (40,000).
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// errRefused is returned when a user who is not an administrator asks to change state.
var errRefused = errors.New("not an administrator")

// opError carries what the user was doing when an error happened, so that
// errorReply can say it in the user's words (task 5, unit 法制支队, …).
type opError struct {
	err  error
	task int
	unit string
	arg  string
}

func (o *opError) Error() string { return o.err.Error() }
func (o *opError) Unwrap() error { return o.err }

// errorReply is the one place where an error becomes what the user reads.
// Errors of the domain (unknown task, unit with no part, nothing changed,
// refusal) say what to do instead; anything else is logged and the user is
// told that the bot failed, without internals.
func (e *Engine) errorReply(r *request, err error) Reply {
	var se *supError
	if errors.As(err, &se) { // a refusal of the supervision loop says its own reason
		text := r.loc.T(se.id, se.data)
		return Reply{Text: text, Headline: text, Kind: "refused", Tasks: []int{}, Err: err}
	}
	var op *opError
	data := map[string]any{}
	if errors.As(err, &op) {
		data["N"], data["Unit"], data["Arg"] = op.task, op.unit, op.arg
	}
	if r.snap != nil && r.snap.cur != nil {
		data["Count"], data["Notice"] = len(r.snap.cur.Tasks), r.snap.cur.Number
	}
	loc := r.loc
	id, kind := "", "unknown"
	switch {
	case errors.Is(err, errRefused):
		id, kind = msgErrRefused, "refused"
	case errors.Is(err, errUsage):
		id = msgErrUsage
		data["Usage"] = loc.T(op.arg, nil)
	case errors.Is(err, knowledge.ErrNotFound):
		id = msgErrNoTask
	case errors.Is(err, knowledge.ErrUnknownUnit):
		id = msgErrNoUnit
	case errors.Is(err, knowledge.ErrNotAssigned):
		id = msgErrNotAssigned
	case errors.Is(err, knowledge.ErrUnchanged) && (op == nil || op.task == 0):
		id = msgErrUnchangedUnit
	case errors.Is(err, knowledge.ErrUnchanged):
		id = msgErrUnchanged
	case errors.Is(err, errNotGroup):
		id = msgErrNotGroup
	case errors.Is(err, errBadChannel):
		id = msgErrBadChannel
	case errors.Is(err, errNoNotice):
		id = msgErrNoNotice
	case errors.Is(err, errTooLong):
		id, kind = msgErrTooLong, "too_long"
		data["Max"] = thousands(MaxMessageRunes)
	default:
		e.log.Error("answer failed", "user", r.msg.User, "text", r.msg.Text, "err", err)
		id = msgErrInternal
	}
	text := loc.T(id, data)
	return Reply{Text: text, Headline: text, Kind: kind, Tasks: []int{}, Err: err}
}
