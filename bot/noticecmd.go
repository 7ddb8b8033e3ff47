package bot

import (
	"errors"
	"fmt"
	"strings"

	"dutybot/bot/textnorm"
	"dutybot/knowledge"
)

// noticeWords are the words of the notices command (docs/cli.md §2). It
// takes no argument: 通知 followed by words is a question about the notice.
var noticeWords = map[string]bool{"notices": true, "通知": true, "通知列表": true}

// archiveWords are the words of archive and unarchive; true archives.
var archiveWords = map[string]bool{"archive": true, "归档": true, "unarchive": false, "恢复": false}

// noticeCommand runs the commands about the notices themselves: notices /
// 通知 lists them, archive / 归档 文号 retires one and unarchive / 恢复 文号
// puts it back. ok is false for any other message: 归档 时限 is a question.
func (r *request) noticeCommand() (Reply, bool, error) {
	f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(r.text), "/"))
	if len(f) == 0 {
		return Reply{}, false, nil
	}
	word := strings.ToLower(textnorm.Fold(f[0]))
	if len(f) == 1 && noticeWords[word] {
		rep, err := r.noticesList()
		return rep, true, err
	}
	archive, isArchive := archiveWords[word]
	if !isArchive || len(f) == 1 {
		return Reply{}, false, nil
	}
	arg := strings.Join(f[1:], "")
	m := reNumberRef.FindStringSubmatch(arg)
	if m == nil {
		return Reply{}, false, nil
	}
	n := findNotice(r.snap.notices, m[1], m[2])
	if n == nil {
		text := r.loc.T(msgErrNoSuchNotice, map[string]any{"Arg": arg})
		return Reply{Kind: "refused", Text: text, Headline: text, Tasks: []int{}, Err: knowledge.ErrNotFound}, true, nil
	}
	if !r.e.IsAdmin(r.msg.User) {
		text := r.loc.T(msgErrArchiveRefused, nil)
		return Reply{Kind: "refused", Text: text, Headline: text, Tasks: []int{}, Err: errRefused}, true, nil
	}
	err := r.e.st.ArchiveNotice(r.ctx, n.Number, archive, r.actor())
	switch {
	case errors.Is(err, knowledge.ErrUnchanged):
		text := r.loc.T(msgErrArchiveUnchanged, map[string]any{"Number": n.Number})
		return Reply{Kind: "command", Text: text, Headline: text, Tasks: []int{}, Err: err}, true, nil
	case err != nil:
		return Reply{}, true, fmt.Errorf("archive: %w", err)
	}
	// The snapshot says which notices are archived: read them again.
	if err := r.e.Load(r.ctx); err != nil {
		return Reply{}, true, err
	}
	id := msgArchiveOK
	if !archive {
		id = msgUnarchiveOK
	}
	text := r.loc.T(id, map[string]any{"Number": n.Number})
	return Reply{Kind: "command", Changed: true, Text: text, Headline: text, Tasks: []int{}}, true, nil
}

// findNotice returns the notice whose 文号 has number num (and year, when
// given), when exactly one has; the short form 395号 names a notice only
// while no other shares its number.
func findNotice(ns []*knowledge.Notice, year, num string) *knowledge.Notice {
	year, num = textnorm.Fold(year), strings.TrimLeft(textnorm.Fold(num), "0")
	var hit *knowledge.Notice
	for _, n := range ns {
		m := reNumber.FindStringSubmatch(textnorm.Fold(n.Number))
		if m == nil || strings.TrimLeft(m[3], "0") != num || (year != "" && m[2] != year) {
			continue
		}
		if hit != nil {
			return nil
		}
		hit = n
	}
	return hit
}
