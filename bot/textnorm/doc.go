// Package textnorm puts questions and the notices' text in the form they are
// matched in: half-width and lower case, Chinese numerals that count as
// digits, spoken words as the notices write them (Fold), punctuation dropped
// (Squeeze, MatchForm), and text split into sentences and clauses. It knows
// nothing of a chat request, of units or of dates.
package textnorm
