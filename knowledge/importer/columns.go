package importer

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed headers.yaml
var defaultHeadersYAML []byte

// role is what a column of a task table holds.
type role int

const (
	roleNone role = iota
	roleNumber
	roleSection
	roleSubsection
	roleContent
	roleLead
	roleResponsible
	roleDeadline
)

// roleKeys are the keys of headers.yaml, by role.
var roleKeys = map[string]role{
	"number": roleNumber, "section": roleSection, "subsection": roleSubsection, "content": roleContent,
	"lead": roleLead, "responsible": roleResponsible, "deadline": roleDeadline,
}

// headerWords are the words of headers.yaml: for each role, its words, most
// specific first.
type headerWords map[role][]string

// parseHeaderWords reads a table of header words in the format of headers.yaml.
func parseHeaderWords(b []byte) (headerWords, error) {
	var f struct {
		Columns map[string][]string `yaml:"columns"`
	}
	if err := yaml.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("header words: %w", err)
	}
	hw := headerWords{}
	for k, words := range f.Columns {
		r, ok := roleKeys[k]
		if !ok {
			return nil, fmt.Errorf("header words: unknown column %q", k)
		}
		for _, w := range words {
			if w = headerKey(w); w == "" {
				return nil, fmt.Errorf("header words: %s: an empty word", k)
			}
			hw[r] = append(hw[r], w)
		}
	}
	for _, need := range []role{roleContent, roleLead, roleResponsible, roleDeadline} {
		if len(hw[need]) == 0 {
			return nil, fmt.Errorf("header words: no words for a required column")
		}
	}
	return hw, nil
}

// mustHeaderWords is the embedded headers.yaml, parsed once; tests check it,
// so a failure is a build defect.
var mustHeaderWords = sync.OnceValue(func() headerWords {
	hw, err := parseHeaderWords(defaultHeadersYAML)
	if err != nil {
		panic(err)
	}
	return hw
})

// headerKey folds a header cell for matching: no spaces or line breaks,
// full-width letters and digits as ASCII.
func headerKey(s string) string {
	return toASCIIDigits(strings.Join(strings.Fields(s), ""))
}

// maxContainsLen is the longest header cell that may name a column by
// containing one of its words rather than being one.
const maxContainsLen = 10

// match returns the role a header cell names and how well: 1000 minus the
// word's rank for the cell being the word, the contained word's length for
// a short cell containing it, and roleNone, 0 for no header cell.
func (hw headerWords) match(cell string) (role, int) {
	k := headerKey(cell)
	if k == "" {
		return roleNone, 0
	}
	for r := roleNumber; r <= roleDeadline; r++ {
		for i, w := range hw[r] {
			if k == w {
				return r, 1000 - i
			}
		}
	}
	if runeLen(k) > maxContainsLen {
		return roleNone, 0
	}
	best, score := roleNone, 0
	for r := roleNumber; r <= roleDeadline; r++ {
		for _, w := range hw[r] {
			if strings.Contains(k, w) && runeLen(w) > score {
				best, score = r, runeLen(w)
			}
		}
	}
	return best, score
}

// exact reports whether a cell is one of the header words (a second header
// row must be made of them).
func (hw headerWords) exact(cell string) (role, bool) {
	r, score := hw.match(cell)
	return r, score > maxContainsLen
}

// columns is where a table keeps each kind of cell (-1: absent).
type columns struct {
	header            int // index of the last header row
	number            int
	section, sub      int
	content, deadline int
	lead, resp        []int
}

// assign turns the roles of a header row's cells into columns. Two columns
// that read as the task text make the left one a heading column; two
// heading columns side by side are the section and the subsection.
func assign(roles []role, scores []int) columns {
	c := columns{number: -1, section: -1, sub: -1, content: -1, deadline: -1}
	for i, r := range roles {
		if r == roleContent && (c.content < 0 || scores[i] > scores[c.content]) {
			c.content = i
		}
	}
	var heads []int
	for i, r := range roles {
		switch r {
		case roleNumber:
			if c.number < 0 {
				c.number = i
			}
		case roleSection:
			heads = append(heads, i)
		case roleSubsection:
			if c.sub < 0 {
				c.sub = i
			}
		case roleContent:
			if i < c.content {
				heads = append(heads, i)
			}
		case roleLead:
			c.lead = append(c.lead, i)
		case roleResponsible:
			c.resp = append(c.resp, i)
		case roleDeadline:
			if c.deadline < 0 {
				c.deadline = i
			}
		}
	}
	if len(heads) > 0 {
		c.section = heads[0]
	}
	if len(heads) > 1 && c.sub < 0 {
		c.sub = heads[1]
	}
	return c
}
