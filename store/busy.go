package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/glebarez/go-sqlite"
)

// SQLite's busy timeout makes a writer wait for another process's write
// lock, but not in every case: a lock needed while a fresh file is being
// set up (its switch to WAL, its first schema) can be refused at once with
// SQLITE_BUSY, which is how two replicas starting together on a new
// database failed. The start-up steps, each one transaction that is
// harmless to run again, are therefore retried while SQLite says busy.

// sqliteBusy is SQLite's primary result code for a lock held by another
// connection; extended codes (SQLITE_BUSY_RECOVERY, _SNAPSHOT, _TIMEOUT)
// keep it in their low byte.
const sqliteBusy = 5

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqliteBusy
}

// retryBusy runs step until it returns something other than SQLITE_BUSY,
// waiting a little longer each time, for up to total in all (on
// PostgreSQL, where locks wait by themselves, it runs step once). The waits
// are real time whatever the store's clock: a fake clock stamps entries in
// tests, it does not hold locks.
func (db *DB) retryBusy(ctx context.Context, what string, total time.Duration, step func() error) error {
	if db.engine != SQLite {
		return step()
	}
	wait, waited := 20*time.Millisecond, time.Duration(0)
	for attempt := 1; ; attempt++ {
		err := step()
		if !isBusy(err) {
			return err
		}
		if waited+wait > total {
			return fmt.Errorf("%s: the database stayed locked for %v (%d attempts): %w", what, waited, attempt, err)
		}
		db.logger.Debug("database busy, retrying", "step", what, "attempt", attempt, "wait", wait)
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return errors.Join(err, ctx.Err())
		case <-timer.C:
		}
		waited += wait
		wait = min(2*wait, time.Second)
	}
}
