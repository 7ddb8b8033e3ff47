// Package builtin holds the notice dutybot ships with, 淮公通〔2019〕395号 of
// the Huainan public security bureau, as the reviewed YAML data file that a
// fresh database is loaded from.
package builtin

import (
	_ "embed"
	"fmt"
	"slices"

	"dutybot/knowledge"
	"dutybot/knowledge/importer"
)

// FileName is the name of the embedded notice file.
const FileName = "huainan-2019-395.yaml"

//go:embed huainan-2019-395.yaml
var noticeYAML []byte

// Notice returns a fresh copy of the built-in notice, decoded and validated
// from the embedded file; callers may modify it freely.
func Notice() (*knowledge.Notice, error) {
	n, err := importer.DecodeYAML(noticeYAML)
	if err != nil {
		return nil, fmt.Errorf("built-in notice %s: %w", FileName, err)
	}
	return n, nil
}

// YAML returns a copy of the embedded notice file, e.g. for an administrator
// to start editing from.
func YAML() []byte { return slices.Clone(noticeYAML) }
