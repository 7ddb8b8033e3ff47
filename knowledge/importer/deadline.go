package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"dutybot/knowledge"
)

// deadlineSuffixRe strips the words that follow a date without changing it:
// 前, 之前, 以前, 完成, 底前完成, …
var deadlineSuffixRe = regexp.MustCompile(`(之前|以前|前|为止|止)?(完成|办结|落实到位)?$`)

var (
	dayRe     = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})日$`)
	isoDayRe  = regexp.MustCompile(`^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$`)
	monthRe   = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(底|末|份)?$`)
	tenDayRe  = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(上旬|中旬|下旬)(末)?$`)
	yearEndRe = regexp.MustCompile(`^(\d{4})年(年底|年末|底|末|内|年内)$`)
	halfRe    = regexp.MustCompile(`^(\d{4})年(上半年|下半年)(末)?$`)
	quarterRe = regexp.MustCompile(`^(\d{4})年(第)?([一二三四1-4])季度(末|底)?$`)
	ongoingRe = regexp.MustCompile(`^(长期|长期坚持|长期执行|持续|持续推进|常态化|常年)$`)
)

// ParseDeadline reads a 进度要求 cell into a typed deadline, keeping the words.
// The date is the last day allowed:
//
//	""                    → none
//	长期, 长期坚持, 持续      → ongoing
//	2019年9月18日前        → 2019-09-18 (also 2019-09-18, 2019.9.18)
//	2019年8月底(前), 2019年12月 → the month's last day
//	2019年9月上旬/中旬/下旬  → the 10th / 20th / last day
//	2019年底(前), 2019年年底, 2019年内 → 12-31
//	2019年第三季度末, 2019年三季度 → the quarter's last day
//	2019年上半年/下半年     → 06-30 / 12-31
//
// Trailing 前/之前/以前/完成 change nothing; full-width digits are accepted.
// A cell with no year cannot be dated and is an error.
func ParseDeadline(text string) (knowledge.Deadline, error) {
	words := squeezeSpaces(strings.TrimSpace(text))
	if words == "" {
		return knowledge.Deadline{Kind: knowledge.DeadlineNone}, nil
	}
	s := toASCIIDigits(words)
	if ongoingRe.MatchString(s) {
		return knowledge.Deadline{Text: words, Kind: knowledge.DeadlineOngoing}, nil
	}
	core := deadlineSuffixRe.ReplaceAllString(s, "")
	d, err := parseDeadlineDate(core)
	if err != nil {
		return knowledge.Deadline{}, fmt.Errorf("deadline %q: %w", words, err)
	}
	return knowledge.Deadline{Text: words, Kind: knowledge.DeadlineDate, Date: d}, nil
}

func parseDeadlineDate(s string) (knowledge.Date, error) {
	atoi := func(x string) int { n, _ := strconv.Atoi(x); return n }
	checkMonth := func(y, m int) error {
		if y < 1900 || y > 2999 {
			return fmt.Errorf("year %d out of range", y)
		}
		if m < 1 || m > 12 {
			return fmt.Errorf("month %d out of range", m)
		}
		return nil
	}
	if m := dayRe.FindStringSubmatch(s); m != nil {
		return exactDay(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := isoDayRe.FindStringSubmatch(s); m != nil {
		return exactDay(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := monthRe.FindStringSubmatch(s); m != nil {
		y, mo := atoi(m[1]), atoi(m[2])
		if err := checkMonth(y, mo); err != nil {
			return knowledge.Date{}, err
		}
		return knowledge.NewDate(y, time.Month(mo)+1, 0), nil
	}
	if m := tenDayRe.FindStringSubmatch(s); m != nil {
		y, mo := atoi(m[1]), atoi(m[2])
		if err := checkMonth(y, mo); err != nil {
			return knowledge.Date{}, err
		}
		switch m[3] {
		case "上旬":
			return knowledge.NewDate(y, time.Month(mo), 10), nil
		case "中旬":
			return knowledge.NewDate(y, time.Month(mo), 20), nil
		}
		return knowledge.NewDate(y, time.Month(mo)+1, 0), nil
	}
	if m := yearEndRe.FindStringSubmatch(s); m != nil {
		y := atoi(m[1])
		if err := checkMonth(y, 12); err != nil {
			return knowledge.Date{}, err
		}
		return knowledge.NewDate(y, time.December, 31), nil
	}
	if m := halfRe.FindStringSubmatch(s); m != nil {
		y := atoi(m[1])
		if err := checkMonth(y, 12); err != nil {
			return knowledge.Date{}, err
		}
		if m[2] == "上半年" {
			return knowledge.NewDate(y, time.June, 30), nil
		}
		return knowledge.NewDate(y, time.December, 31), nil
	}
	if m := quarterRe.FindStringSubmatch(s); m != nil {
		y := atoi(m[1])
		q := strings.Index("1234", m[3]) + 1
		if q == 0 {
			q, _ = chineseNumber(m[3])
		}
		if err := checkMonth(y, q*3); err != nil {
			return knowledge.Date{}, err
		}
		return knowledge.NewDate(y, time.Month(q*3)+1, 0), nil
	}
	return knowledge.Date{}, fmt.Errorf("not a date form this importer knows (want e.g. 2019年8月底前, 2019年9月18日前, 长期)")
}

func exactDay(y, m, d int) (knowledge.Date, error) {
	if y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 {
		return knowledge.Date{}, fmt.Errorf("no such day %d-%d-%d", y, m, d)
	}
	v := knowledge.NewDate(y, time.Month(m), d)
	if v.Month != time.Month(m) {
		return knowledge.Date{}, fmt.Errorf("no such day %d-%d-%d", y, m, d)
	}
	return v, nil
}

// deadlineChars are the characters a fragment of a 进度要求 cell is made of.
const deadlineChars = "0123456789０１２３４５６７８９年月日底前末旬上中下半季度第一二三四之以内止份"

// isDeadlineFragment reports a line of the deadline column (2019, 年8, 月底, 前, 长期).
func isDeadlineFragment(s string) bool {
	if s == "" {
		return false
	}
	if strings.Contains(s, "长期") || s == "持续" || s == "常态化" {
		return true
	}
	for _, r := range s {
		if !strings.ContainsRune(deadlineChars, r) {
			return false
		}
	}
	return true
}
