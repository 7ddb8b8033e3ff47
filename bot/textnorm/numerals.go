package textnorm

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

const cnDigits = "零〇一二两三四五六七八九十百"

func isCNNumeral(r rune) bool { return strings.ContainsRune(cnDigits, r) }

// Numerals turns a run of Chinese numerals into digits where it counts or
// orders something: after 第/任务/近/未来, or before 项/条/号/个/天/日/月/年/周.
// Elsewhere (一公开, 一盘棋, 统一) the characters are words and stay.
func Numerals(s string) string {
	rs := []rune(s)
	var out []rune
	for i := 0; i < len(rs); {
		if !isCNNumeral(rs[i]) {
			out = append(out, rs[i])
			i++
			continue
		}
		j := i
		for j < len(rs) && isCNNumeral(rs[j]) {
			j++
		}
		run := rs[i:j]
		before := string(out[max(0, len(out)-2):])
		after := string(rs[j:min(len(rs), j+1)])
		v, ok := cnNumber(run)
		counts := strings.HasSuffix(before, "第") || strings.HasSuffix(before, "任务") ||
			strings.HasSuffix(before, "近") || strings.HasSuffix(before, "未来") ||
			(after != "" && strings.Contains("项条号个天日月年周次", after)) || spanStart(rs, j) || dayOfMonth(out)
		if ok && counts && !(len(run) == 1 && run[0] == '百') && !numeralWord(rs, i, j) && !ordinalWord(before, run) {
			if n := len(out); n > 0 && out[n-1] >= '0' && out[n-1] <= '9' {
				out = append(out, ' ') // 7、8、9三个月: the 9 and the 3 are two numbers
			}
			out = append(out, []rune(strconv.Itoa(v))...)
		} else {
			out = append(out, run...)
		}
		i = j
	}
	return string(out)
}

// dayOfMonth reports whether out ends with a month in digits (11月), so that
// the numerals after it are its day even without 日 or 号 (今天11月十五).
func dayOfMonth(out []rune) bool {
	n := len(out)
	return n >= 2 && out[n-1] == '月' && out[n-2] >= '0' && out[n-2] <= '9'
}

// spanStart reports whether rs[j:] goes on to the other end of a span of
// counted things: 七到九月, 三至五项 (the first numeral counts as the second does).
func spanStart(rs []rune, j int) bool {
	if j >= len(rs) || (rs[j] != '到' && rs[j] != '至') {
		return false
	}
	k := j + 1
	for k < len(rs) && isCNNumeral(rs[k]) {
		k++
	}
	return k > j+1 && k < len(rs) && strings.ContainsRune("项条号天日月年周", rs[k])
}

// numeralWords are words that start with a numeral but count nothing
// (任务一共有几项 is not task 1).
var numeralWords = []string{"一共", "一览", "一下", "一起", "一样", "一直", "一定", "一般", "一些", "一切", "一并", "一律", "一旦", "一体", "一览表", "两者"}

// numeralWord reports whether the one-character numeral run rs[i:j] begins a numeralWords word.
func numeralWord(rs []rune, i, j int) bool {
	if j-i != 1 || j >= len(rs) {
		return false
	}
	next := string(rs[i : j+1])
	for _, w := range numeralWords {
		if strings.HasPrefix(w, next) {
			return true
		}
	}
	return false
}

// ordinalPrefixes end words whose 一 orders or singles out, not counts:
// 下一个 (the next), 上一项, 同一条, 每一项, 唯一一个, 逐一, 另一个, 那一条, 的一个; and 最后一天.
const ordinalPrefixes = "下上同每唯逐单另那这该某的" // 最近的一个截止时间: an article

// ordinalWord reports whether a lone 一 after before is part of such a word.
func ordinalWord(before string, run []rune) bool {
	if len(run) != 1 || run[0] != '一' || before == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune(ordinalPrefixes, last) || strings.HasSuffix(before, "最后")
}

// cnNumber reads 三十八 (38), 十 (10), 一百零五 (105) or digit by digit 二〇一九 (2019).
func cnNumber(rs []rune) (int, bool) {
	digit := func(r rune) int {
		switch r {
		case '零', '〇':
			return 0
		case '一':
			return 1
		case '二', '两':
			return 2
		case '三':
			return 3
		case '四':
			return 4
		case '五':
			return 5
		case '六':
			return 6
		case '七':
			return 7
		case '八':
			return 8
		case '九':
			return 9
		}
		return -1
	}
	positional := false
	for _, r := range rs {
		if r == '十' || r == '百' {
			positional = true
		}
	}
	if !positional {
		v := 0
		for _, r := range rs {
			d := digit(r)
			if d < 0 {
				return 0, false
			}
			v = v*10 + d
		}
		return v, true
	}
	total, cur := 0, 0
	for _, r := range rs {
		switch r {
		case '百':
			if cur == 0 {
				cur = 1
			}
			total += cur * 100
			cur = 0
		case '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur = 0
		default:
			cur = digit(r)
		}
	}
	return total + cur, true
}
