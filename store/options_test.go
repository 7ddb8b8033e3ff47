package store

import (
	"errors"
	"path/filepath"
	"testing"
)

// TestOpen_invalidOptions checks that each invalid option is refused with
// its own error value, before any file is created.
func TestOpen_invalidOptions(t *testing.T) {
	tests := []struct {
		name string
		opts []Option
		want error
	}{
		{"nil option", []Option{nil}, ErrNilOption},
		{"nil clock", []Option{WithClock(nil)}, ErrNilClock},
		{"nil logger", []Option{WithLogger(nil)}, ErrNilLogger},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.db")
			db, err := Open(ctx, path, tt.opts...)
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("Open = %v, want %v", err, tt.want)
			}
			if m, _ := filepath.Glob(path + "*"); len(m) > 0 {
				t.Errorf("Open left %v behind", m)
			}
		})
	}
}
