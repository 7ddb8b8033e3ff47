// Package store is dutybot's durable state over GORM: SQLite (pure Go, the
// default, one file) or PostgreSQL (shared by several replicas). It keeps its
// own row structs and converts to and from the knowledge types; every change
// of state is written with a hash-chained audit entry in the same transaction.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/glebarez/sqlite"
	"github.com/jonboulle/clockwork"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"dutybot/knowledge"
)

// Engine names the database behind a DB.
type Engine string

// The supported engines.
const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// sqliteBusyTimeout is how long a writer waits for another process's write
// transaction before giving up; generous, because audited writes are short.
const sqliteBusyTimeout = 10 * time.Second

// DB is dutybot's database. It implements knowledge.Store,
// knowledge.ReminderLog and knowledge.Leases and is safe for concurrent use.
type DB struct {
	engine Engine
	// w takes every write. On SQLite it is a single connection whose
	// transactions BEGIN IMMEDIATE, so writers queue instead of failing
	// with SQLITE_BUSY half-way; on PostgreSQL w and r are the same pool.
	w *gorm.DB
	// r serves reads; on SQLite a pool of query_only connections that read
	// concurrently with the writer thanks to WAL.
	r      *gorm.DB
	clock  clockwork.Clock
	logger *slog.Logger
	// lastSweep is when (Unix seconds) FirstUse last deleted expired
	// signatures.
	lastSweep atomic.Int64
}

var (
	_ knowledge.Store       = (*DB)(nil)
	_ knowledge.ReminderLog = (*DB)(nil)
	_ knowledge.Leases      = (*DB)(nil)
)

// Open opens (creating if need be) the database named by dsn and brings its
// schema up to date. dsn is a postgres:// or postgresql:// URL, or else the
// path of an SQLite file. A file that is not an SQLite database, and a
// database whose schema is newer than this binary (knowledge.ErrSchemaTooNew),
// are refused without being modified.
func Open(ctx context.Context, dsn string, opts ...Option) (*DB, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		if o == nil {
			return nil, ErrNilOption
		}
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	db := &DB{clock: cfg.clock, logger: cfg.logger}
	var err error
	if isPostgres(dsn) {
		err = db.openPostgres(ctx, dsn)
	} else {
		err = db.openSQLite(ctx, dsn)
	}
	if err != nil {
		return nil, err
	}
	if err := db.retryBusy(ctx, "migrate", sqliteBusyTimeout, func() error { return db.migrate(ctx) }); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Engine reports which database the DB runs on.
func (db *DB) Engine() Engine { return db.engine }

func (db *DB) gormConfig() *gorm.Config {
	return &gorm.Config{
		Logger:                 &gormLogger{log: db.logger},
		NowFunc:                func() time.Time { return utc(db.clock.Now()) },
		DisableAutomaticPing:   true,
		SkipDefaultTransaction: true, // every write here runs in an explicit transaction
	}
}

func (db *DB) openPostgres(ctx context.Context, dsn string) error {
	db.engine = Postgres
	g, err := gorm.Open(postgres.Open(dsn), db.gormConfig())
	if err != nil {
		return fmt.Errorf("open postgres %s: %w", redact(dsn), err)
	}
	sqlDB, err := g.DB()
	if err != nil {
		return fmt.Errorf("open postgres %s: %w", redact(dsn), err)
	}
	sqlDB.SetMaxOpenConns(10)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	if err := sqlDB.PingContext(ctx); err != nil {
		sqlDB.Close()
		return fmt.Errorf("open postgres %s: %w", redact(dsn), err)
	}
	db.w, db.r = g, g
	return nil
}

// redact hides a password in a URL for error messages and logs.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "(unparsable postgres URL)"
	}
	return u.Redacted()
}

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// checkSQLiteFile refuses a path that exists but is not an SQLite database,
// before the driver gets a chance to touch it (or create -wal files by it).
// A missing or empty file is fine: SQLite makes a new database there.
func checkSQLiteFile(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if st.IsDir() {
		return errors.New("is a directory")
	}
	head := make([]byte, len(sqliteMagic))
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF) {
		return nil
	}
	if err != nil || !bytes.Equal(head, sqliteMagic) {
		return errors.New("not an SQLite database")
	}
	return nil
}

// checkSQLiteDir makes sure the database's directory exists and takes new
// files: SQLite creates the database there, and its -wal and -shm files next
// to an existing one. Without this check the driver fails with
// "unable to open database file: out of memory (14)".
func checkSQLiteDir(path string) error {
	verb := "open"
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		verb = "create"
	}
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("%s database %s: directory %s does not exist", verb, path, dir)
	case err != nil:
		return fmt.Errorf("%s database %s: directory %s: %w", verb, path, dir, err)
	case !st.IsDir():
		return fmt.Errorf("%s database %s: %s is not a directory", verb, path, dir)
	}
	probe, err := os.CreateTemp(dir, ".dutybot-probe-*")
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("%s database %s: directory %s is not writable: %w", verb, path, dir, err)
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

// sqliteDSN builds the driver's DSN. The driver runs each _pragma on every new
// connection and silently ignores other spellings, so TestOpen_pragmas checks
// that each one took effect. busy_timeout comes first so that switching to
// WAL waits for a concurrent opener instead of failing.
func sqliteDSN(path string, writer bool) string {
	q := []string{
		fmt.Sprintf("_pragma=busy_timeout(%d)", sqliteBusyTimeout.Milliseconds()),
		"_pragma=journal_mode(WAL)",
		"_pragma=synchronous(FULL)",
		"_pragma=foreign_keys(1)",
	}
	if writer {
		q = append(q, "_txlock=immediate")
	} else {
		q = append(q, "_pragma=query_only(1)")
	}
	return path + "?" + strings.Join(q, "&")
}

func (db *DB) openSQLite(ctx context.Context, path string) error {
	db.engine = SQLite
	if path == "" {
		return errors.New("open sqlite: empty database path")
	}
	if strings.ContainsAny(path, "?#") || strings.HasPrefix(path, "file:") {
		return fmt.Errorf("open sqlite %q: the path must be a plain file name (no file: prefix, '?' or '#')", path)
	}
	if err := checkSQLiteDir(path); err != nil {
		return err
	}
	if err := checkSQLiteFile(path); err != nil {
		return fmt.Errorf("open sqlite %s: %w", path, err)
	}
	// Connecting runs the pragmas, the switch to WAL among them, which on
	// a file another process is setting up can be refused at once.
	return db.retryBusy(ctx, "open sqlite "+path, sqliteBusyTimeout, func() error { return db.connectSQLite(ctx, path) })
}

// connectSQLite opens the writer and the readers, closing what it opened
// when it fails.
func (db *DB) connectSQLite(ctx context.Context, path string) error {
	w, err := gorm.Open(sqlite.Open(sqliteDSN(path, true)), db.gormConfig())
	if err != nil {
		return fmt.Errorf("open sqlite %s: %w", path, err)
	}
	wdb, _ := w.DB()
	wdb.SetMaxOpenConns(1)
	wdb.SetMaxIdleConns(1)
	wdb.SetConnMaxIdleTime(0)
	wdb.SetConnMaxLifetime(0)
	if err := wdb.PingContext(ctx); err != nil {
		wdb.Close()
		return fmt.Errorf("open sqlite %s: %w", path, err)
	}
	r, err := gorm.Open(sqlite.Open(sqliteDSN(path, false)), db.gormConfig())
	if err != nil {
		wdb.Close()
		return fmt.Errorf("open sqlite %s: %w", path, err)
	}
	rdb, _ := r.DB()
	rdb.SetMaxOpenConns(4)
	db.w, db.r = w, r
	return nil
}

// Close releases the database.
func (db *DB) Close() error {
	var errs []error
	for _, g := range []*gorm.DB{db.r, db.w} {
		if g == nil {
			continue
		}
		sqlDB, err := g.DB()
		if err == nil {
			err = sqlDB.Close()
		}
		errs = append(errs, err)
		if db.r == db.w {
			break
		}
	}
	return errors.Join(errs...)
}

// utc normalises a time for storage: UTC (so that SQLite's text timestamps
// sort in time order) to the microsecond (PostgreSQL's precision).
func utc(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// now is the store's clock reading, normalised for storage.
func (db *DB) now() time.Time { return utc(db.clock.Now()) }

// read runs fn in a read transaction, so that reads spanning several tables
// see one snapshot: REPEATABLE READ on PostgreSQL, a deferred transaction on
// an SQLite reader (the driver accepts no transaction options).
func (db *DB) read(ctx context.Context, fn func(tx *gorm.DB) error) error {
	var opts []*sql.TxOptions
	if db.engine == Postgres {
		opts = append(opts, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	}
	return db.r.WithContext(ctx).Transaction(fn, opts...)
}
