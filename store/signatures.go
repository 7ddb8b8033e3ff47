package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	gormlogger "gorm.io/gorm/logger"
)

// createSeenSignatures is migration 4: the Slack request signatures already
// accepted, each kept until the request would be refused as stale anyway.
// Explicit statements with IF NOT EXISTS, as in migration 3, so that
// replaying the step is harmless. Expiry is Unix seconds: Slack's
// timestamps are whole seconds, and an integer compares the same way on
// both engines.
func createSeenSignatures(tx *gorm.DB) error {
	for _, stmt := range []string{
		`CREATE TABLE IF NOT EXISTS seen_signatures (signature VARCHAR(100) PRIMARY KEY, expires_at BIGINT NOT NULL)`,
		// The sweep deletes by expiry: keep it an index range.
		`CREATE INDEX IF NOT EXISTS idx_seen_signatures_expires_at ON seen_signatures (expires_at)`,
	} {
		if err := tx.Exec(stmt).Error; err != nil {
			return fmt.Errorf("create seen_signatures: %w", err)
		}
	}
	return nil
}

// maxSignatureLen bounds a stored signature: Slack's v0 signature is 64 hex
// digits after "v0=".
const maxSignatureLen = 100

// writeProbeKey is the row the write probe rewrites; it is not a hex MAC, so
// it cannot collide with a signature.
const writeProbeKey = "dutybot-write-probe"

// FirstUse records signature (of a Slack request) as used until expires and
// reports whether this call was the first to record it, across every
// replica that shares the database: the INSERT ... ON CONFLICT DO NOTHING is
// the check and the record in one statement, so of concurrent callers (a
// request replayed to two replicas at once) exactly one gets true.
// Signatures that expired are deleted every few seconds, which bounds the
// table by the requests of one window.
func (db *DB) FirstUse(ctx context.Context, signature string, now, expires time.Time) (bool, error) {
	switch {
	case signature == "" || len(signature) > maxSignatureLen:
		return false, fmt.Errorf("first use of a signature: need 1 to %d bytes, got %d", maxSignatureLen, len(signature))
	case signature == writeProbeKey:
		return false, errors.New("first use of a signature: the write probe's key is not a signature")
	case expires.Before(now):
		return false, fmt.Errorf("first use of a signature: expiry %s is before now %s", expires, now)
	}
	w := db.w.WithContext(ctx)
	if last := db.lastSweep.Load(); now.Unix()-last >= sweepEvery || now.Unix() < last {
		// An expired row left a little longer does no harm: its request
		// is refused as stale before this check.
		if err := w.Exec(`DELETE FROM seen_signatures WHERE expires_at < ?`, now.Unix()).Error; err != nil {
			return false, fmt.Errorf("forget signatures expired before %s: %w", now.UTC().Format(time.RFC3339), err)
		}
		db.lastSweep.Store(now.Unix())
	}
	res := w.Exec(`INSERT INTO seen_signatures (signature, expires_at) VALUES (?, ?) ON CONFLICT (signature) DO NOTHING`,
		signature, expires.Unix())
	if res.Error != nil {
		return false, fmt.Errorf("record signature as used: %w", res.Error)
	}
	return res.RowsAffected == 1, nil
}

// sweepEvery is how often (seconds) FirstUse deletes expired signatures: a
// range delete per request would double the writes for nothing.
const sweepEvery = 10

// ProbeWrite proves that the database takes writes now: it commits one
// small row (the probe's own, in seen_signatures, expiring at once so the
// next sweep removes it). A read-only file, a full disk, a PostgreSQL
// standby or a read-only transaction default all fail here, as every real
// write would.
func (db *DB) ProbeWrite(ctx context.Context, now time.Time) error {
	// The caller reports a failure (once, not at every probe): keep the
	// statement logger out of it.
	quiet := db.w.Session(&gorm.Session{Logger: gormlogger.Discard})
	err := quiet.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return tx.Exec(`INSERT INTO seen_signatures (signature, expires_at) VALUES (?, ?)
			ON CONFLICT (signature) DO UPDATE SET expires_at = excluded.expires_at`, writeProbeKey, now.Unix()).Error
	})
	if err != nil {
		return fmt.Errorf("write probe on %s database: %w", db.engine, err)
	}
	return nil
}
