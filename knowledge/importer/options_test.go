package importer_test

import (
	"errors"
	"testing"

	"dutybot/knowledge/importer"
)

// TestOptions_invalid checks that each invalid option is refused with its
// own error value, wrapped in ErrOption (a mistake of the caller, not of
// the file), before the file is read.
func TestOptions_invalid(t *testing.T) {
	tests := []struct {
		name string
		opt  importer.Option
		want error
	}{
		{"not a document number", importer.WithNumber("第一号"), importer.ErrInvalidNumber},
		{"empty number", importer.WithNumber(" "), importer.ErrInvalidNumber},
		{"blank title", importer.WithTitle(" \t"), importer.ErrEmptyTitle},
		{"not a date", importer.WithIssued("2019-13-01"), importer.ErrInvalidIssued},
		{"zero tasks", importer.WithTaskCount(0), importer.ErrInvalidTaskCount},
		{"too many tasks", importer.WithTaskCount(1 << 30), importer.ErrInvalidTaskCount},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := importer.Read([]byte("any"), tt.opt)
			if !errors.Is(err, tt.want) || !errors.Is(err, importer.ErrOption) {
				t.Errorf("Read = %v, want %v and %v", err, tt.want, importer.ErrOption)
			}
		})
	}
}
