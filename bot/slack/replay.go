package slack

import (
	"context"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// replayMargin keeps a signature past its request's window by a little, so
// that a replica whose clock runs behind the others' still finds it.
const replayMargin = time.Minute

// replayMemory is how many signatures one process remembers by itself,
// about ten minutes of requests at a hundred a second; the shared log (the
// database) has no such bound.
const replayMemory = 50000

// ReplayLog is a record of the signatures of Slack requests already
// accepted, shared by every replica (the store implements it), so that a
// correctly signed request replayed within its five-minute window, to this
// replica or another, is refused.
type ReplayLog interface {
	// FirstUse records signature as used until expires and reports whether
	// this call was the first to record it, across all replicas.
	FirstUse(ctx context.Context, signature string, now, expires time.Time) (bool, error)
}

// Errors of the replay check; both refuse the request.
var (
	errReplayed    = errors.New("request was already received (replayed)")
	errReplayCheck = errors.New("cannot check whether the request is a replay")
)

// firstUse reports whether a request, whose signature has just verified, is
// seen for the first time: by this process's memory first (cheap, and the
// whole check without a shared log), then by the shared log. A log that
// fails refuses the request: accepting it would let a replay through while
// the database is down, and Slack retries what it gets a 5xx for.
func (a *Adapter) firstUse(ctx context.Context, h http.Header, now time.Time) error {
	sig, ts, ok := signatureKey(h)
	if !ok {
		return errReplayCheck // cannot happen after verifyRequest passed
	}
	if !a.signatures.firstTime(sig, now) {
		return errReplayed
	}
	if a.replays == nil {
		return nil
	}
	expires := time.Unix(ts, 0).Add(maxSkew + replayMargin)
	first, err := a.replays.FirstUse(ctx, sig, now, expires)
	if err != nil {
		a.log.Error("slack: replay log unavailable, request refused", "err", err)
		return errReplayCheck
	}
	if !first {
		return errReplayed
	}
	return nil
}

// signatureKey returns a verified request's signature in one spelling
// (lower-case hex of the MAC: hex decoding takes upper case too, so a
// replay must not get through by changing the case) and its timestamp.
func signatureKey(h http.Header) (string, int64, bool) {
	mac, err := hex.DecodeString(strings.TrimPrefix(h.Get("X-Slack-Signature"), "v0="))
	if err != nil || len(mac) == 0 {
		return "", 0, false
	}
	ts, err := strconv.ParseInt(h.Get("X-Slack-Request-Timestamp"), 10, 64)
	if err != nil {
		return "", 0, false
	}
	return hex.EncodeToString(mac), ts, true
}
