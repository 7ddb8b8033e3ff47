package slack

import (
	"errors"
	"net/http"
)

// ErrNilHandler is WithHandler(nil).
var ErrNilHandler = errors.New("nil handler")

// WithHandler serves h on the adapter's HTTP address beside its own
// endpoints: every request they do not take goes to h. serve mounts the
// web dashboard this way, so one address serves the bot and the board.
func WithHandler(h http.Handler) Option {
	return func(a *Adapter) error {
		if h == nil {
			return ErrNilHandler
		}
		a.extra = h
		return nil
	}
}
