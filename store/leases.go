package store

import (
	"context"
	"fmt"
	"time"
)

// Acquire takes or renews the lease key for owner until now+ttl, and
// returns false when another owner holds a live lease. One upsert does it,
// so two replicas racing for a free or expired lease cannot both win: the
// loser's INSERT meets the winner's row and its conditional UPDATE finds the
// lease live and held by someone else.
func (db *DB) Acquire(ctx context.Context, key, owner string, now time.Time, ttl time.Duration) (bool, error) {
	if key == "" || owner == "" || ttl <= 0 {
		return false, fmt.Errorf("acquire lease: need a key, an owner and a positive ttl (got %q, %q, %v)", key, owner, ttl)
	}
	now = utc(now)
	res := db.w.WithContext(ctx).Exec(
		`INSERT INTO leases (lease_key, owner, expires_at) VALUES (?, ?, ?)
		 ON CONFLICT (lease_key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
		 WHERE leases.owner = excluded.owner OR leases.expires_at <= ?`,
		key, owner, utc(now.Add(ttl)), now)
	if res.Error != nil {
		return false, fmt.Errorf("acquire lease %s for %s: %w", key, owner, res.Error)
	}
	return res.RowsAffected == 1, nil
}

// Release gives up owner's lease on key; releasing a lease one does not
// hold is not an error (it may have expired and passed to another).
func (db *DB) Release(ctx context.Context, key, owner string) error {
	err := db.w.WithContext(ctx).Exec(`DELETE FROM leases WHERE lease_key = ? AND owner = ?`, key, owner).Error
	if err != nil {
		return fmt.Errorf("release lease %s for %s: %w", key, owner, err)
	}
	return nil
}
