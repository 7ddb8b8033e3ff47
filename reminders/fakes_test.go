package reminders

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"dutybot/knowledge"
)

// fakeLog is an in-memory knowledge.ReminderLog with the semantics the
// store promises: record by key, atomic claims with a lease, marks that
// release the claim. It fails the test on a mark of a reminder not claimed
// by anyone or already sent, which a double delivery would cause.
type fakeLog struct {
	mu       sync.Mutex
	rows     []*fakeRow
	byKey    map[string]*fakeRow
	errs     []string
	runs     map[string]time.Time
	released int
}

type fakeRow struct {
	lr    knowledge.LoggedReminder
	owner string
	until time.Time
}

// newFakeLog returns an empty log: a deployment that has never run.
func newFakeLog() *fakeLog {
	return &fakeLog{byKey: map[string]*fakeRow{}, runs: map[string]time.Time{}}
}

// ranBefore makes the log one of a deployment that last ran at at, so that
// a test's first tick is an ordinary one, not the first run ever.
func (l *fakeLog) ranBefore(at time.Time) *fakeLog {
	l.runs[JobName] = at
	return l
}

var _ DeliveryLog = (*fakeLog)(nil)

func (l *fakeLog) LastRun(_ context.Context, job string) (time.Time, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.runs[job], nil
}

func (l *fakeLog) MarkRun(_ context.Context, job string, at time.Time) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if at.After(l.runs[job]) {
		l.runs[job] = at
	}
	return nil
}

func (l *fakeLog) ReleaseClaims(_ context.Context, owner string, ids []int64) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, id := range ids {
		if id < 1 || int(id) > len(l.rows) {
			return fmt.Errorf("release %d: %w", id, knowledge.ErrNotFound)
		}
		if row := l.rows[id-1]; row.owner == owner && row.lr.State == knowledge.DeliveryPending {
			row.owner, row.until = "", time.Time{}
			l.released++
		}
	}
	return nil
}

func (l *fakeLog) Record(_ context.Context, rs []knowledge.Reminder) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, r := range rs {
		k := r.Key()
		if l.byKey[k] != nil {
			continue
		}
		row := &fakeRow{lr: knowledge.LoggedReminder{ID: int64(len(l.rows) + 1), Reminder: r, State: knowledge.DeliveryPending}}
		l.rows = append(l.rows, row)
		l.byKey[k] = row
		n++
	}
	return n, nil
}

func (l *fakeLog) Claim(_ context.Context, owner string, now time.Time, lease time.Duration, limit int) ([]knowledge.LoggedReminder, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []knowledge.LoggedReminder
	for _, row := range l.rows {
		lr := &row.lr
		if len(out) == limit {
			break
		}
		if lr.State != knowledge.DeliveryPending || lr.Reminder.At.After(now) || lr.NextAttempt.After(now) {
			continue
		}
		if row.owner != "" && row.owner != owner && row.until.After(now) {
			continue
		}
		row.owner, row.until = owner, now.Add(lease)
		out = append(out, *lr)
	}
	slices.SortFunc(out, func(a, b knowledge.LoggedReminder) int { return a.Reminder.At.Compare(b.Reminder.At) })
	return out, nil
}

func (l *fakeLog) row(id int64, what string) (*fakeRow, error) {
	if id < 1 || int(id) > len(l.rows) {
		return nil, fmt.Errorf("%s %d: %w", what, id, knowledge.ErrNotFound)
	}
	row := l.rows[id-1]
	if row.lr.State != knowledge.DeliveryPending {
		l.errs = append(l.errs, fmt.Sprintf("%s of reminder %d in state %s", what, id, row.lr.State))
	}
	return row, nil
}

func (l *fakeLog) MarkSent(_ context.Context, id int64, at time.Time, channel, ts string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	row, err := l.row(id, "mark sent")
	if err != nil {
		return err
	}
	row.lr.State, row.lr.SentAt, row.lr.Channel, row.lr.MessageTS = knowledge.DeliverySent, at, channel, ts
	row.owner = ""
	return nil
}

func (l *fakeLog) MarkFailed(_ context.Context, id int64, at time.Time, errText string, next time.Time) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	row, err := l.row(id, "mark failed")
	if err != nil {
		return err
	}
	row.lr.Attempts++
	row.lr.LastError, row.lr.NextAttempt = errText, next
	row.owner = ""
	return nil
}

func (l *fakeLog) MarkSkipped(_ context.Context, id int64, at time.Time, reason string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	row, err := l.row(id, "mark skipped")
	if err != nil {
		return err
	}
	row.lr.State, row.lr.Reason = knowledge.DeliverySkipped, reason
	row.owner = ""
	return nil
}

func (l *fakeLog) Reminders(_ context.Context, state knowledge.DeliveryState) ([]knowledge.LoggedReminder, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []knowledge.LoggedReminder
	for _, row := range l.rows {
		if state == "" || row.lr.State == state {
			out = append(out, row.lr)
		}
	}
	slices.SortStableFunc(out, func(a, b knowledge.LoggedReminder) int { return a.Reminder.At.Compare(b.Reminder.At) })
	return out, nil
}

// checkClean fails t if a reminder was marked twice.
func (l *fakeLog) checkClean(t *testing.T) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, e := range l.errs {
		t.Error(e)
	}
}

// fakeLeases is an in-memory knowledge.Leases.
type fakeLeases struct {
	mu     sync.Mutex
	owner  map[string]string
	until  map[string]time.Time
	denied int
}

func newFakeLeases() *fakeLeases {
	return &fakeLeases{owner: map[string]string{}, until: map[string]time.Time{}}
}

var _ knowledge.Leases = (*fakeLeases)(nil)

func (f *fakeLeases) Acquire(_ context.Context, key, owner string, now time.Time, ttl time.Duration) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if o := f.owner[key]; o != "" && o != owner && f.until[key].After(now) {
		f.denied++
		return false, nil
	}
	f.owner[key], f.until[key] = owner, now.Add(ttl)
	return true, nil
}

func (f *fakeLeases) Release(_ context.Context, key, owner string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.owner[key] == owner {
		delete(f.owner, key)
	}
	return nil
}

// fakeSource is a Source over one notice whose completion state tests change.
type fakeSource struct {
	mu     sync.Mutex
	n      *knowledge.Notice
	assign []knowledge.Assignment
}

var _ Source = (*fakeSource)(nil)

func newFakeSource(n *knowledge.Notice) *fakeSource {
	s := &fakeSource{n: n}
	for _, t := range n.Tasks {
		s.assign = append(s.assign, t.Units()...)
	}
	return s
}

func (s *fakeSource) Notices(context.Context) ([]*knowledge.Notice, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := *s.n
	n.Units = slices.Clone(s.n.Units)
	return []*knowledge.Notice{&n}, nil
}

func (s *fakeSource) Assignments(_ context.Context, number string) ([]knowledge.Assignment, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if number != s.n.Number {
		return nil, nil
	}
	return slices.Clone(s.assign), nil
}

// setDone marks unit's part of task done ("" for every unit) at at.
func (s *fakeSource) setDone(t *testing.T, task int, unit string, at time.Time) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	found := false
	for i := range s.assign {
		a := &s.assign[i]
		if a.Task == task && (unit == "" || a.Unit == unit) {
			a.Done, a.DoneAt, a.DoneBy = true, at, "U-TEST"
			found = true
		}
	}
	if !found {
		t.Fatalf("set done: task %d has no unit %q", task, unit)
	}
}

// bind binds unit to channel.
func (s *fakeSource) bind(unit, channel string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	units := slices.Clone(s.n.Units)
	for i := range units {
		if units[i].Name == unit {
			units[i].Channel = channel
		}
	}
	n := *s.n
	n.Units = units
	s.n = &n
}

// fakeSender records deliveries; fail decides, by call number (from 1),
// whether a call fails and how.
type fakeSender struct {
	mu    sync.Mutex
	now   func() time.Time
	fail  func(call int, d Delivery) error
	calls int
	sent  []sentMessage
}

type sentMessage struct {
	at time.Time
	d  Delivery
}

var _ Sender = (*fakeSender)(nil)

func (s *fakeSender) Send(_ context.Context, d Delivery) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	if s.fail != nil {
		if err := s.fail(s.calls, d); err != nil {
			return "", err
		}
	}
	var at time.Time
	if s.now != nil {
		at = s.now()
	}
	s.sent = append(s.sent, sentMessage{at, d})
	return fmt.Sprintf("1570000000.%06d", len(s.sent)), nil
}

func (s *fakeSender) messages() []sentMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.sent)
}

// rateLimited is Slack's 429 with Retry-After.
type rateLimited struct{ after time.Duration }

func (e rateLimited) Error() string {
	return fmt.Sprintf("slack: rate limited, retry after %v", e.after)
}
func (e rateLimited) RetryAfter() time.Duration { return e.after }

var errServer = errors.New("slack: 500 internal server error")

// loadNotice reads a notice fixture from testdata.
func loadNotice(t testing.TB, name string) *knowledge.Notice {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var n knowledge.Notice
	if err := yaml.Unmarshal(b, &n); err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return &n
}

// at returns the instant y-m-d h:mi in Shanghai.
func at(y int, m time.Month, d, h, mi int) time.Time {
	return time.Date(y, m, d, h, mi, 0, 0, Shanghai())
}

// date is knowledge.NewDate, shorter.
func date(y int, m time.Month, d int) knowledge.Date { return knowledge.NewDate(y, m, d) }

// mustPolicy returns NewPolicy(opts...) or stops the test.
func mustPolicy(t testing.TB, opts ...Option) *Policy {
	t.Helper()
	p, err := NewPolicy(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
