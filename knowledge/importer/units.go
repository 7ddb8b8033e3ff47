package importer

import (
	_ "embed"
	"fmt"
	"slices"
	"sync"

	"gopkg.in/yaml.v3"

	"dutybot/knowledge"
)

//go:embed units.yaml
var defaultUnitsYAML []byte

// unitEntry is one row of the alias table; Slips are aliases that are
// probably mistakes and earn the task a note.
type unitEntry struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases,omitempty"`
	Group   bool     `yaml:"group,omitempty"`
	Slips   []string `yaml:"slips,omitempty"`
}

type unitTable struct {
	Units []unitEntry `yaml:"units"`
}

// parseUnitTable reads an alias table in the format of units.yaml.
func parseUnitTable(b []byte) ([]unitEntry, error) {
	var t unitTable
	if err := yaml.Unmarshal(b, &t); err != nil {
		return nil, fmt.Errorf("unit table: %w", err)
	}
	for i, u := range t.Units {
		if knowledge.NormalizeName(u.Name) == "" {
			return nil, fmt.Errorf("unit table: entry %d has no name", i+1)
		}
		for _, s := range u.Slips {
			if !slices.Contains(u.Aliases, s) {
				return nil, fmt.Errorf("unit table: %s: slip %s is not one of its aliases", u.Name, s)
			}
		}
	}
	return t.Units, nil
}

// DefaultUnits returns the embedded default alias table (units.yaml) as
// units: canonical names, aliases and group flags. Each call returns a
// fresh copy.
func DefaultUnits() []knowledge.Unit {
	entries := mustDefaultEntries()
	out := make([]knowledge.Unit, len(entries))
	for i, e := range entries {
		out[i] = e.unit()
	}
	return out
}

func (e unitEntry) unit() knowledge.Unit {
	return knowledge.Unit{Name: e.Name, Aliases: slices.Clone(e.Aliases), Group: e.Group}
}

// mustDefaultEntries returns the embedded table, parsed once (it is never
// modified after). It is checked by tests, so a failure here is a build
// defect, not bad input.
var mustDefaultEntries = sync.OnceValue(func() []unitEntry {
	es, err := parseUnitTable(defaultUnitsYAML)
	if err != nil {
		panic(err)
	}
	return es
})
