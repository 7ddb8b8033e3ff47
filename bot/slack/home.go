package slack

import (
	"context"
	"strings"

	slackapi "github.com/slack-go/slack"

	"dutybot/bot"
	"dutybot/knowledge"
)

// publishHome renders user's App Home from the engine and publishes it.
func (a *Adapter) publishHome(ctx context.Context, user string) {
	lang := a.lang(ctx, user)
	r := renderer{tr: a.tr, lang: lang}
	h, err := a.engine.Home(ctx, user, lang, a.clock.Now())
	var blocks []slackapi.Block
	if err != nil {
		a.log.Error("slack: build app home", "user", user, "err", err)
		blocks = textSections([]string{escape(r.t("slack_home_error", nil))})
	} else {
		blocks = r.home(h)
	}
	view := slackapi.HomeTabViewRequest{Type: slackapi.VTHomeTab, Blocks: slackapi.Blocks{BlockSet: blocks}}
	err = a.retry(ctx, "views.publish", func() error {
		_, err := a.api.PublishViewContext(ctx, slackapi.PublishViewContextRequest{UserID: user, View: view})
		return err
	})
	if err != nil {
		a.log.Error("slack: publish app home", "user", user, "err", err)
	}
}

// home lays out an App Home within Slack's 100 blocks: the user's unit and
// its tasks (as lead, as responsible), then progress by section and by unit.
// When the unit has more tasks than fit, the rest are counted, not shown.
func (r renderer) home(h bot.Home) []slackapi.Block {
	head := []slackapi.Block{slackapi.NewHeaderBlock(plain(clip(r.t("slack_home_title", nil), 150)))}
	var progress []slackapi.Block
	progress = append(progress, slackapi.NewDividerBlock())
	progress = append(progress, r.progress("slack_home_sections", h.Sections)...)
	progress = append(progress, r.progress("slack_home_units", h.Units)...)

	if h.Unit == "" {
		head = append(head, slackapi.NewSectionBlock(mrkdwn(escape(r.t("slack_home_no_unit", nil))), nil, nil))
		return append(head, progress...)
	}
	head = append(head, slackapi.NewSectionBlock(mrkdwn(r.t("slack_home_unit", map[string]any{"Unit": escape(h.Unit)})), nil, nil))
	if line := r.lightCounts(h.Lights); line != "" {
		head = append(head, slackapi.NewContextBlock("", mrkdwn(line)))
	}
	// Two headings and two "more" notes besides the items themselves.
	room := maxHomeBlocks - len(head) - len(progress) - 4
	var mine []slackapi.Block
	for _, part := range []struct {
		id    string
		items []bot.Item
	}{{"slack_home_lead", h.Lead}, {"slack_home_responsible", h.Responsible}} {
		mine = append(mine, slackapi.NewSectionBlock(mrkdwn("*"+escape(r.t(part.id, nil))+"*"), nil, nil))
		if len(part.items) == 0 {
			mine = append(mine, slackapi.NewContextBlock("", mrkdwn(escape(r.t("slack_home_none", nil)))))
			continue
		}
		shown := 0
		for _, it := range part.items {
			if room <= 0 {
				break
			}
			mine = append(mine, r.compactItem(it, h.Lights[bot.TaskRef{Notice: it.Notice, Task: it.Task}], len(h.Notices) > 1))
			room--
			shown++
		}
		if rest := len(part.items) - shown; rest > 0 {
			mine = append(mine, slackapi.NewContextBlock("", mrkdwn(escape(r.t("slack_home_more", map[string]any{"Count": rest, "Unit": h.Unit})))))
		}
	}
	return append(append(head, mine...), progress...)
}

// compactItem is one task on one line and a short quote: Home lists many.
// With several notices the line starts with the task's notice.
func (r renderer) compactItem(it bot.Item, light bot.HomeLight, several bool) slackapi.Block {
	line := ""
	if several {
		line = escape(it.Notice) + "  ·  "
	}
	line += "*" + escape(r.t("slack_label_task", map[string]any{"N": it.Task})) + "*  ·  "
	if light.Text != "" {
		line += lightMarks[light.Light] + escape(light.Text) + "  ·  "
	}
	line +=
		clip(orDash(it.DeadlineText), 200) + "  ·  " + escape(orDash(it.StatusText))
	return slackapi.NewSectionBlock(mrkdwn(line+"\n"+quoteLines(clip(strings.ReplaceAll(it.Content, "\n", " "), 200))), nil, nil)
}

// progress is a heading and one line per section or unit.
func (r renderer) progress(titleID string, ps []bot.Progress) []slackapi.Block {
	if len(ps) == 0 {
		return nil
	}
	lines := make([]string, 0, len(ps))
	for _, p := range ps {
		lines = append(lines, r.t("slack_home_progress_line", map[string]any{
			"Name": p.Name, "Total": p.Total, "Done": p.Done, "Partial": p.Partial, "Overdue": p.Overdue,
		}))
	}
	out := []slackapi.Block{slackapi.NewSectionBlock(mrkdwn("*"+escape(r.t(titleID, nil))+"*"), nil, nil)}
	return append(out, textSections(splitText(strings.Join(lines, "\n"), maxText))...)
}

// lightMarks show a light at a glance, before its name.
var lightMarks = map[knowledge.Light]string{
	knowledge.LightRed: "🔴 ", knowledge.LightYellow: "🟡 ", knowledge.LightGreen: "🟢 ", knowledge.LightNone: "✅ ",
}

// lightCounts is the line that counts the unit's red, yellow and green
// lights, "" when it has none to show.
func (r renderer) lightCounts(ls map[bot.TaskRef]bot.HomeLight) string {
	n := map[knowledge.Light]int{}
	for _, l := range ls {
		n[l.Light]++
	}
	if len(ls) == 0 {
		return ""
	}
	return escape(r.t("slack_home_lights", map[string]any{
		"Red": n[knowledge.LightRed], "Yellow": n[knowledge.LightYellow], "Green": n[knowledge.LightGreen], "None": n[knowledge.LightNone]}))
}
