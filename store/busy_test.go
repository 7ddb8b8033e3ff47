package store

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/glebarez/go-sqlite" // raw connections that hold a lock
)

// TestRetryBusy takes a real SQLITE_BUSY: one connection holds an exclusive
// lock, another with no busy timeout is refused at once. retryBusy waits
// the lock out, and gives up with a clear error when it outlasts the bound.
func TestRetryBusy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "busy.db")
	open := func() *sql.DB {
		d, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(0)")
		if err != nil {
			t.Fatal(err)
		}
		d.SetMaxOpenConns(1)
		t.Cleanup(func() { d.Close() })
		return d
	}
	holder, other := open(), open()
	if _, err := holder.Exec("CREATE TABLE t (x INTEGER)"); err != nil {
		t.Fatal(err)
	}
	lock := func() *sql.Conn {
		c, err := holder.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
			t.Fatal(err)
		}
		return c
	}
	unlock := func(c *sql.Conn) {
		c.ExecContext(ctx, "COMMIT")
		c.Close()
	}
	write := func() error { _, err := other.Exec("INSERT INTO t VALUES (1)"); return err }
	db := &DB{engine: SQLite, logger: slog.New(slog.DiscardHandler)}

	c := lock()
	err := write()
	if !isBusy(err) {
		t.Fatalf("write under an exclusive lock = %v, want SQLITE_BUSY", err)
	}
	if isBusy(errors.New("database is locked")) || isBusy(nil) {
		t.Error("isBusy takes what is not SQLite's error for busy")
	}
	t.Run("waits the lock out", func(t *testing.T) {
		released := make(chan struct{})
		go func() {
			time.Sleep(100 * time.Millisecond)
			unlock(c)
			close(released)
		}()
		if err := db.retryBusy(ctx, "write", 10*time.Second, write); err != nil {
			t.Fatalf("retryBusy = %v", err)
		}
		<-released
	})
	t.Run("gives up after the bound", func(t *testing.T) {
		c := lock()
		defer unlock(c)
		err := db.retryBusy(ctx, "write", 50*time.Millisecond, write)
		if !isBusy(err) {
			t.Fatalf("retryBusy = %v, want the busy error", err)
		}
	})
	t.Run("stops when the context ends", func(t *testing.T) {
		c := lock()
		defer unlock(c)
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if err := db.retryBusy(cctx, "write", 10*time.Second, write); !errors.Is(err, context.Canceled) {
			t.Fatalf("retryBusy = %v, want context.Canceled", err)
		}
	})
}

// TestDB_ImportIfEmpty: several openers race on one fresh database; one
// imports, the others find the notice there.
func TestDB_ImportIfEmpty(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		const n = 4
		loaded := make(chan bool, n)
		errs := make(chan error, n)
		for range n {
			go func() {
				db, err := Open(ctx, dsn)
				if err != nil {
					errs <- err
					return
				}
				defer db.Close()
				ok, err := db.ImportIfEmpty(ctx, fixtureNotice(), admin)
				loaded <- ok
				errs <- err
			}()
		}
		count := 0
		for range n {
			if err := <-errs; err != nil {
				t.Fatal(err)
			}
			if <-loaded {
				count++
			}
		}
		if count != 1 {
			t.Errorf("%d openers imported, want 1", count)
		}
		db := MustOpenDB(t, dsn)
		audit, _ := db.Audit(ctx)
		imports := 0
		for _, e := range audit {
			if e.Action == ActionImport {
				imports++
			}
		}
		if imports != 1 {
			t.Errorf("%d notice.import entries, want 1", imports)
		}
		if ok, err := db.ImportIfEmpty(ctx, fixtureNotice(), admin); ok || err != nil {
			t.Errorf("ImportIfEmpty on a loaded database = %t, %v; want false, nil", ok, err)
		}
		mustVerify(t, db)
	})
}
