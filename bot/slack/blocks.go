package slack

import (
	"strconv"
	"strings"
	"unicode/utf8"

	slackapi "github.com/slack-go/slack"

	"dutybot/bot"
	"dutybot/knowledge"
)

// Slack's Block Kit limits that answers must stay inside.
const (
	maxBlocks     = 50   // blocks per message
	maxHomeBlocks = 100  // blocks per Home tab view
	maxText       = 3000 // characters per section text object
	maxField      = 2000 // characters per section field
	maxFallback   = 300  // characters of the notification fallback text we send
)

// escaper escapes the three characters Slack treats as markup. Every text
// that comes from a user or from data (questions, unit names, the engine's
// answers) goes through it, so nobody can make the bot post <!channel>,
// <!here>, <@U…> or a disguised link.
var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func escape(s string) string { return escaper.Replace(s) }

// escapedRuneLen is the length in characters of r once escaped.
func escapedRuneLen(r rune) int {
	switch r {
	case '&':
		return 5
	case '<', '>':
		return 4
	}
	return 1
}

// splitText escapes raw and cuts it into pieces of at most limit characters,
// at the last line break that fits when there is one, never inside an entity.
func splitText(raw string, limit int) []string {
	var out []string
	for raw != "" {
		n, cut, lastNL := 0, len(raw), -1
		for i, r := range raw {
			w := escapedRuneLen(r)
			if n+w > limit {
				cut = i
				if lastNL > 0 {
					cut = lastNL
				}
				break
			}
			n += w
			if r == '\n' {
				lastNL = i + 1
			}
		}
		piece := strings.TrimRight(raw[:cut], "\n")
		if piece != "" {
			out = append(out, escape(piece))
		}
		raw = strings.TrimLeft(raw[cut:], "\n")
	}
	return out
}

// clip escapes raw and shortens it to at most limit characters, ending in an
// ellipsis when it had to cut.
func clip(raw string, limit int) string {
	n := 0
	for i, r := range raw {
		w := escapedRuneLen(r)
		if n+w > limit-1 {
			return escape(raw[:i]) + "…"
		}
		n += w
	}
	return escape(raw)
}

// mrkdwn is a section text object. verbatim stops Slack from turning words
// like @here or #channel into mentions and links on its own.
func mrkdwn(text string) *slackapi.TextBlockObject {
	return slackapi.NewTextBlockObject(slackapi.MarkdownType, text, false, true)
}

func plain(text string) *slackapi.TextBlockObject {
	return slackapi.NewTextBlockObject(slackapi.PlainTextType, text, false, false)
}

// textSections lays out already-escaped mrkdwn pieces, one section each.
func textSections(pieces []string) []slackapi.Block {
	out := make([]slackapi.Block, 0, len(pieces))
	for _, p := range pieces {
		out = append(out, slackapi.NewSectionBlock(mrkdwn(p), nil, nil))
	}
	return out
}

// chunk cuts blocks into messages of at most size blocks each.
func chunk(blocks []slackapi.Block, size int) [][]slackapi.Block {
	var out [][]slackapi.Block
	for len(blocks) > size {
		out = append(out, blocks[:size:size])
		blocks = blocks[size:]
	}
	if len(blocks) > 0 {
		out = append(out, blocks)
	}
	return out
}

// renderer lays out dutybot's answers as Block Kit in one language.
type renderer struct {
	tr   Translator
	lang string
}

func (r renderer) t(id string, data map[string]any) string { return r.tr.T(r.lang, id, data) }

// reply renders an engine reply as one or more messages' blocks, each within
// Slack's limits: the direct answer first, then every cited task.
func (r renderer) reply(rep bot.Reply) [][]slackapi.Block {
	if len(rep.Items) == 0 {
		pieces := splitText(rep.Text, maxText)
		if len(pieces) == 0 {
			pieces = []string{escape(r.t("slack_error", nil))}
		}
		return chunk(textSections(pieces), maxBlocks)
	}
	head := rep.Headline
	if head == "" {
		head, _, _ = strings.Cut(rep.Text, "\n")
	}
	blocks := textSections(splitText(head, maxText))
	blocks = append(blocks, slackapi.NewDividerBlock())
	byTask := make(map[int]bot.Item, len(rep.Items))
	for _, it := range rep.Items {
		byTask[it.Task] = it
	}
	shown := map[int]bool{}
	for _, g := range rep.Groups {
		blocks = append(blocks, slackapi.NewSectionBlock(mrkdwn("*"+clip(g.Title, maxText-2)+"*"), nil, nil))
		for _, n := range g.Tasks {
			if it, ok := byTask[n]; ok {
				blocks = append(blocks, r.item(it))
				shown[n] = true
			}
		}
	}
	for _, it := range rep.Items {
		if !shown[it.Task] {
			blocks = append(blocks, r.item(it))
		}
	}
	return chunk(blocks, maxBlocks)
}

// item renders one cited task: number and place in the notice, the quoted
// clause, then units, deadline and status (with the task's light) as fields.
func (r renderer) item(it bot.Item) slackapi.Block {
	head := "*" + escape(r.t("slack_label_task", map[string]any{"N": it.Task})) + "*"
	if where := joinNonEmpty(" › ", it.Section, it.Subsection); where != "" {
		head += "  _" + clip(where, 300) + "_"
	}
	quote := it.Quote
	if quote == "" {
		quote = it.Content
	}
	budget := maxText - utf8.RuneCountInString(head) - 1 - 2*(strings.Count(quote, "\n")+1)
	text := head + "\n" + quoteLines(clip(quote, budget))
	fields := []*slackapi.TextBlockObject{
		r.field("slack_label_lead", r.units(it.Lead)),
		r.field("slack_label_responsible", r.units(it.Responsible)),
		r.field("slack_label_deadline", orDash(it.DeadlineText)),
		r.field("slack_label_status", status(it)),
	}
	return slackapi.NewSectionBlock(mrkdwn(text), fields, nil)
}

// maxProgress is how much of the newest progress report a card shows: the
// report is free text, and the card's fields stand side by side.
const maxProgress = 200

// status is a card's status field, raw: the engine's status with the task's
// light beside it, marked as App Home marks it, and the newest progress
// report under them. A done task shows no light: its status says done.
func status(it bot.Item) string {
	s := orDash(it.StatusText)
	if it.LightText != "" && it.Light != knowledge.LightNone {
		s += "  ·  " + lightMarks[it.Light] + it.LightText
	}
	if it.Progress != "" {
		p := []rune(strings.Join(strings.Fields(it.Progress), " "))
		if len(p) > maxProgress {
			p = append(p[:maxProgress-1], '…')
		}
		s += "\n" + string(p)
	}
	return s
}

// field is one labelled section field; value is raw and escaped here.
func (r renderer) field(labelID, value string) *slackapi.TextBlockObject {
	label := "*" + escape(r.t(labelID, nil)) + "*\n"
	return mrkdwn(label + clip(value, maxField-utf8.RuneCountInString(label)))
}

func (r renderer) units(names []string) string {
	if len(names) == 0 {
		return "—"
	}
	return strings.Join(names, r.t("slack_list_sep", nil))
}

// orDash shows a fact the engine rendered, or a dash where it gave none.
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// fallback is the plain notification text sent along with blocks.
func fallback(rep bot.Reply) string {
	s := rep.Headline
	if s == "" {
		s = rep.Text
	}
	return clip(s, maxFallback)
}

// quoteLines marks every line of an already-escaped text as a quotation. A
// bare ">" is safe: without "<" it cannot open a mention or a link.
func quoteLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = "> " + l
	}
	return strings.Join(lines, "\n")
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

func itoa(n int) string { return strconv.Itoa(n) }
