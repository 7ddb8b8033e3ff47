package slack

import (
	"errors"
	"net/http"
)

// WithHandler serves h on the adapter's HTTP address beside its own
// endpoints: every request they do not take goes to h. serve mounts the
// web dashboard this way, so one address serves the bot and the board.
func WithHandler(h http.Handler) Option {
	return func(a *Adapter) error {
		if h == nil {
			return errors.New("handler is nil")
		}
		a.extra = h
		return nil
	}
}
