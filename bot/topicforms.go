package bot

import (
	"fmt"
	"regexp"
	"strings"

	"dutybot/bot/textnorm"
)

// topicForm is an everyday construction for what a notice writes as one
// term, read as that term before the synonyms (a word list cannot hold it:
// the words come in any order with anything between). Each is a kind of
// saying, not a sentence: 被人改了或者删了, 偷偷给删了改了, 怕人删了又改 all
// say 防删改. They are the lexicon's [forms].
type topicForm struct {
	term string         // the notice's term, in match form
	re   *regexp.Regexp // the ways of saying it
}

// parseForm reads a [forms] line: the term, then after white space a regular
// expression (RE2) for the ways of saying it, written as the question is read
// (digits half-width: 头1个 beside 头一个).
func parseForm(line string) (topicForm, error) {
	k := strings.IndexAny(line, " \t")
	if k < 0 {
		return topicForm{}, fmt.Errorf("a [forms] line needs a term and a pattern: %q", line)
	}
	re, err := regexp.Compile(strings.TrimSpace(line[k:]))
	if err != nil {
		return topicForm{}, fmt.Errorf("[forms] pattern for %s: %w", line[:k], err)
	}
	term := textnorm.MatchForm(line[:k])
	if re.MatchString("") {
		return topicForm{}, fmt.Errorf("[forms] pattern for %s matches the empty string: it would rewrite every question", term)
	}
	return topicForm{term: term, re: re}, nil
}

// topicForms are the forms that apply to a corpus (the notices' tasks in match
// form): only those whose term the corpus holds, as with synonym groups, so a
// notice that never writes 防删改 keeps 被人改了删了 as asked.
type topicForms []topicForm

// formsIn keeps the forms of all whose term corpus holds.
func formsIn(all []topicForm, corpus string) topicForms {
	var out topicForms
	for _, f := range all {
		if strings.Contains(corpus, f.term) {
			out = append(out, f)
		}
	}
	return out
}

// read rewrites every form in text as its term.
func (fs topicForms) read(text string) string {
	for _, f := range fs {
		text = f.re.ReplaceAllLiteralString(text, f.term)
	}
	return text
}
