package bot

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"dutybot/bot/textnorm"
	"dutybot/knowledge"
)

// With several notices in the database a message is read against one of
// them at a time: each notice gets a snapshot of its own, built exactly as
// the snapshot of a database holding that notice alone, so that an answer
// about one notice is the answer it would have been without the others.
// Which notice a message means is settled here, before any answering:
//
//   - it names one by its 文号 (淮公通〔2019〕395号, 〔2019〕395号, 395号) or by
//     words of its title that no other notice's title holds;
//   - otherwise a message about a task by number (第5项, 任务 5, done 5)
//     means the only notice still in force (not archived), and asks which
//     one when there are several;
//   - any other question applies to every notice: it is answered in each,
//     and the answers are grouped by notice, newest issued first.
//
// With one notice none of this runs (snapshot.multi is nil).

// noticeScopes are the per-notice views of several notices.
type noticeScopes struct {
	list []*noticeScope // newest issued first (the later import first on a tie)
}

// noticeScope is one notice with the snapshot that answers about it alone.
type noticeScope struct {
	n    *knowledge.Notice
	snap *snapshot
	// year and num are the 文号's year and number (〔2019〕395号: 2019, "395");
	// prefix is what comes before the year (淮公通).
	prefix, year, num string
	// title is the title's distinctive part: without the issuer and the
	// words every notice's title has (关于, 印发, 的通知); full is the whole
	// title. Both folded and squeezed, as a question's words are compared.
	title, full string
}

// minTitleRunes is the shortest run of a title's words that names a notice:
// two words of Chinese, so that 执法 or 制度 alone name nothing.
const minTitleRunes = 4

var (
	// reNumber splits a 文号 into prefix, year and number.
	reNumber = regexp.MustCompile(`^(.*?)[〔\[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*第?(\d+)\s*号$`)
	// reNumberRef finds a 文号 or its short forms in a message.
	// Digits may be full-width (３９５号), as typed on a Chinese keyboard.
	reNumberRef = regexp.MustCompile(`(?:[〔\[［(（【]\s*([0-9０-９]{4})\s*[〕\]］)）】]\s*)?第?([0-9０-９]{1,5})\s*号`)
	// titleNoise are the words every notice's title holds.
	titleNoise = strings.NewReplacer("关于", "", "印发", "", "的通知", "", "通知", "", "《", "", "》", "",
		"“", "", "”", "", "实施方案", "", "工作方案", "", "相关工作", "")
)

// newNoticeScopes returns the per-notice views, or nil for fewer than two notices.
// memo shares replacers with the snapshot of every notice (replacerMemo).
func newNoticeScopes(ns []*knowledge.Notice, stored []knowledge.Unit, memo replacerMemo) *noticeScopes {
	if len(ns) < 2 {
		return nil
	}
	ms := &noticeScopes{}
	for _, n := range ns {
		sc := &noticeScope{n: n, snap: memo.snapshot([]*knowledge.Notice{n}, stored)}
		if m := reNumber.FindStringSubmatch(textnorm.Fold(n.Number)); m != nil {
			sc.prefix, sc.year, sc.num = m[1], m[2], strings.TrimLeft(m[3], "0")
		}
		title := textnorm.Fold(n.Title)
		if n.Issuer != "" {
			title = strings.Replace(title, textnorm.Fold(n.Issuer), "", 1)
		}
		sc.title, sc.full = textnorm.Squeeze(titleNoise.Replace(title)), textnorm.Squeeze(textnorm.Fold(n.Title))
		ms.list = append(ms.list, sc)
	}
	// newest issued first; SliceStable keeps the later import first on a tie
	for i, j := 0, len(ms.list)-1; i < j; i, j = i+1, j-1 {
		ms.list[i], ms.list[j] = ms.list[j], ms.list[i]
	}
	sort.SliceStable(ms.list, func(i, j int) bool { return ms.list[i].n.Date.After(ms.list[j].n.Date) })
	return ms
}

// active returns the notices not archived, newest first.
func (ms *noticeScopes) active() []*noticeScope {
	var out []*noticeScope
	for _, sc := range ms.list {
		if !sc.n.Archived {
			out = append(out, sc)
		}
	}
	return out
}

// named is what a message says about which notice it means.
type named struct {
	scopes []*noticeScope // the notices it names: none, one, or several when a short 文号 fits several
	rest   string         // the message without the 文号 it named
}

// resolve finds the notices text names: by 文号 first, then by title words.
// forCommand drops a 文号 from the text; in a question it becomes 这份通知, so
// that 395号是谁发的 still asks about a notice.
// The message keeps its own characters (user IDs, channel links): only
// the 文号 found is replaced.
func (ms *noticeScopes) resolve(text string, forCommand bool) named {
	for _, m := range reNumberRef.FindAllStringSubmatchIndex(text, -1) {
		year, num := "", strings.TrimLeft(textnorm.Fold(text[m[4]:m[5]]), "0")
		if m[2] >= 0 {
			year = textnorm.Fold(text[m[2]:m[3]])
		}
		start := m[0]
		if year == "" && start > 0 {
			// 9月3号, 3号前: a day of a month, not a 文号
			if r, _ := utf8.DecodeLastRuneInString(text[:start]); r == '月' || r == '日' || (r >= '0' && r <= '9') {
				continue
			}
		}
		var hits []*noticeScope
		for _, sc := range ms.list {
			if sc.num == num && (year == "" || year == sc.year) {
				hits = append(hits, sc)
			}
		}
		if len(hits) == 0 {
			continue
		}
		if year != "" && len(hits) == 1 && hits[0].prefix != "" && strings.HasSuffix(text[:start], hits[0].prefix) {
			start -= len(hits[0].prefix)
		}
		end := m[1]
		with := "这份通知"
		if forCommand {
			with = " "
		} else if strings.HasPrefix(text[end:], "通知") || strings.HasPrefix(text[end:], "文") {
			with = "这份"
		}
		return named{scopes: hits, rest: strings.TrimSpace(text[:start] + with + text[end:])}
	}
	if sc := ms.byTitle(textnorm.Fold(text)); sc != nil {
		return named{scopes: []*noticeScope{sc}, rest: text}
	}
	return named{rest: text}
}

// byTitle returns the notice whose title shares the longest run of words
// with text, when that run is at least minTitleRunes long, no other
// notice's title holds it, and no other notice shares as long a run.
func (ms *noticeScopes) byTitle(text string) *noticeScope {
	q := []rune(textnorm.Squeeze(text))
	var best *noticeScope
	bestLen, tie := 0, false
	for _, sc := range ms.list {
		l := 0
		for i := range q {
			for j := i + max(minTitleRunes, l+1); j <= len(q); j++ {
				w := string(q[i:j])
				if !strings.Contains(sc.title, w) {
					break
				}
				if !ms.otherTitleHas(sc, w) {
					l = j - i
				}
			}
		}
		switch {
		case l > bestLen:
			best, bestLen, tie = sc, l, false
		case l == bestLen && l > 0:
			tie = true
		}
	}
	if tie || bestLen < minTitleRunes {
		return nil
	}
	return best
}

func (ms *noticeScopes) otherTitleHas(sc *noticeScope, w string) bool {
	for _, o := range ms.list {
		if o != sc && strings.Contains(o.full, w) {
			return true
		}
	}
	return false
}

// homeNotice is a notice App Home shows, with what its lines are prefixed by.
type homeNotice struct {
	n      *knowledge.Notice
	prefix string
}

// homeNotices are the notices App Home shows: the one notice as before; of
// several, those in force, newest first, each line named with its short
// 文号 (112号 法制支队) so that the same unit in two notices stays apart.
func homeNotices(s *snapshot) []homeNotice {
	if s.multi == nil {
		return []homeNotice{{n: s.cur}}
	}
	var out []homeNotice
	for _, sc := range s.multi.active() {
		out = append(out, homeNotice{n: sc.n, prefix: shortNumber(sc.n.Number) + " "})
	}
	return out
}
