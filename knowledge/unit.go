package knowledge

import (
	"sort"
	"strings"
)

// Unit is an office that the table names, under its canonical name.
type Unit struct {
	// Name is the canonical name, e.g. 各分县局.
	Name string `yaml:"name"`
	// Aliases are the other ways the notice or users write it (各县分局, 分县局, 县分局, …).
	Aliases []string `yaml:"aliases,omitempty"`
	// Group is true for a unit that stands for several (各分县局, 各行政执法警种).
	Group bool `yaml:"group,omitempty"`
	// Members are the member units of a group, when configured.
	Members []string `yaml:"members,omitempty"`
	// Channel is the Slack channel ID bound to the unit for reminders ("" for none).
	Channel string `yaml:"channel,omitempty"`
}

// Directory resolves the names people write to canonical unit names.
// It is built from data (a notice's units), never from code.
type Directory struct {
	units  map[string]*Unit  // canonical name → unit
	lookup map[string]string // normalised alias or name → canonical name
}

// NewDirectory builds a Directory over units. Later units' aliases do not
// override earlier ones.
func NewDirectory(units []Unit) *Directory {
	d := &Directory{units: map[string]*Unit{}, lookup: map[string]string{}}
	for i := range units {
		u := units[i]
		if _, ok := d.units[u.Name]; ok {
			continue
		}
		d.units[u.Name] = &u
		for _, k := range append([]string{u.Name}, u.Aliases...) {
			k = NormalizeName(k)
			if _, ok := d.lookup[k]; !ok && k != "" {
				d.lookup[k] = u.Name
			}
		}
	}
	return d
}

// NormalizeName folds the ways a unit name varies in writing that never
// change its meaning: spaces and a trailing 、，.
func NormalizeName(s string) string {
	s = strings.Join(strings.Fields(s), "")
	return strings.TrimRight(s, "、，,；;。")
}

// Resolve returns the canonical name for a name or alias.
func (d *Directory) Resolve(name string) (string, bool) {
	c, ok := d.lookup[NormalizeName(name)]
	return c, ok
}

// Unit returns the unit with canonical name, or nil.
func (d *Directory) Unit(name string) *Unit { return d.units[name] }

// Units returns all units, sorted by canonical name.
func (d *Directory) Units() []Unit {
	out := make([]Unit, 0, len(d.units))
	for _, u := range d.units {
		out = append(out, *u)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
