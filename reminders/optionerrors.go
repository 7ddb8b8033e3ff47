package reminders

import "errors"

// Errors of invalid options, returned (wrapped, with the bad value) by
// NewDispatcher, NewPolicy, NewCalendar and NewScheduler; test them with
// errors.Is. A wiring mistake fails at start, not at the first tick.
var (
	// ErrNilClock is WithClock(nil) or WithSchedulerClock(nil).
	ErrNilClock = errors.New("nil clock")
	// ErrNilLogger is WithLogger(nil) or WithSchedulerLogger(nil).
	ErrNilLogger = errors.New("nil logger")
	// ErrNilTranslator is WithTranslator(nil).
	ErrNilTranslator = errors.New("nil translator")
	// ErrNilJitter is WithJitter(nil).
	ErrNilJitter = errors.New("nil jitter")
	// ErrNilAuditHead is WithAuditHead(nil).
	ErrNilAuditHead = errors.New("nil audit head function")
	// ErrNilLocker is WithLocker(nil).
	ErrNilLocker = errors.New("nil locker")
	// ErrNilObserver is OnTick(nil).
	ErrNilObserver = errors.New("nil tick observer")
	// ErrNilLocation is WithLocation(nil).
	ErrNilLocation = errors.New("nil location")
	// ErrNilCalendar is WithCalendar(nil).
	ErrNilCalendar = errors.New("nil calendar")

	// ErrEmptyOwner is WithOwner("").
	ErrEmptyOwner = errors.New("empty owner")
	// ErrEmptyLanguage is WithLanguage(""), or WithUnitLanguage with an
	// empty unit or language.
	ErrEmptyLanguage = errors.New("empty language")
	// ErrEmptyHolidayFile is WithHolidayFile("").
	ErrEmptyHolidayFile = errors.New("holiday file: empty path")

	// ErrInvalidChannelGap is a negative WithChannelGap.
	ErrInvalidChannelGap = errors.New("invalid channel gap (want 0 or more)")
	// ErrInvalidLease is a WithLease under a second.
	ErrInvalidLease = errors.New("invalid lease (want at least 1s)")
	// ErrInvalidLookback is a WithLookback under an hour.
	ErrInvalidLookback = errors.New("invalid lookback (want at least 1h)")
	// ErrInvalidLateAfter is a WithLateAfter of 0 or less.
	ErrInvalidLateAfter = errors.New("invalid late-after (want more than 0)")
	// ErrInvalidBackoff is a WithBackoff whose base is not positive or whose
	// ceiling is below its base.
	ErrInvalidBackoff = errors.New("invalid backoff (want 0 < base <= ceiling)")
	// ErrInvalidRetryWait is a negative WithRetryWait, or one longer than
	// half the claim lease (the claim would lapse while the run waits).
	ErrInvalidRetryWait = errors.New("invalid retry wait (want 0 to half the claim lease)")
	// ErrInvalidBatch is a WithBatch under 1.
	ErrInvalidBatch = errors.New("invalid batch (want at least 1)")
	// ErrInvalidParallel is a WithParallel under 1.
	ErrInvalidParallel = errors.New("invalid parallel (want at least 1)")
	// ErrInvalidEvery is an Every under a second.
	ErrInvalidEvery = errors.New("invalid tick interval (want at least 1s)")

	// ErrInvalidBefore is a WithBefore day outside 1 to 366, or given twice.
	ErrInvalidBefore = errors.New("invalid days before (want 1 to 366, each once)")
	// ErrInvalidSendTime is a WithSendTime outside 00:00 to 23:59.
	ErrInvalidSendTime = errors.New("invalid send time (want 00:00 to 23:59)")
	// ErrInvalidOverdueEvery is a WithOverdueEvery outside 0 (off) to 366.
	ErrInvalidOverdueEvery = errors.New("invalid overdue interval (want 0 (off) to 366 days)")
	// ErrDeploymentOnly is WithLocation or WithCalendar inside WithNotice:
	// they are deployment settings, not per notice.
	ErrDeploymentOnly = errors.New("a deployment setting, not per notice")
	// ErrInvalidNoticeOverride is a WithNotice with an empty number, or
	// nested in another WithNotice.
	ErrInvalidNoticeOverride = errors.New("invalid notice override (want a notice number, not nested)")
)
