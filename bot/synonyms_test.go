package bot

import (
	"testing"

	"dutybot/bot/textnorm"
	"dutybot/knowledge"
)

func TestNewSynonyms(t *testing.T) {
	corpus := textnorm.MatchForm("自行政执法行为终结之日起30日内形成相应案卷。执法结束后公示。")
	syn := newSynonyms(corpus)
	for in, want := range map[string]string{
		"行为完结后立卷":  "行为终结后形成相应案卷", // words the corpus lacks become its words
		"执法结束后":    "执法结束后",       // 结束 is the corpus's own word: kept
		"多少天内":     "多少日内",
		"身份证丢了怎么办": "身份证丢了怎么办", // nothing to do with the groups
	} {
		if got := syn.Replace(in); got != want {
			t.Errorf("Replace(%q) = %q, want %q", in, got, want)
		}
	}
	if got := newSynonyms("").Replace("立卷"); got != "立卷" {
		t.Errorf("empty corpus rewrote 立卷 to %q", got)
	}
}

func TestNewReplacer_slips(t *testing.T) {
	corpus := textnorm.MatchForm("岗位信息公示牌。全面推行双随机一公开。公式化的")
	slips := newReplacer(builtinLexicon.slips, corpus)
	for in, want := range map[string]string{
		"岗位信息公事牌": "岗位信息公示牌",
		"双随即一公开":  "双随机一公开",
		"公式":      "公式", // the corpus writes 公式: a real word, kept
		"你好":      "你好",
	} {
		if got := slips.Replace(in); got != want {
			t.Errorf("Replace(%q) = %q, want %q", in, got, want)
		}
	}
}

// A colloquial form that ends as its notice word begins (被撤, 撤销) must not
// double the word's tail where the question writes it in full.
func TestNewReplacer_overlap(t *testing.T) {
	rep := newReplacer([][]string{{"撤销", "被撤", "撤了"}}, textnorm.MatchForm("执法决定被依法撤销的，要及时撤下"))
	for in, want := range map[string]string{
		"后来被撤了":   "后来撤销了",
		"后来复议被撤销": "后来复议撤销",
		"决定被撤":    "决定撤销",
	} {
		if got := rep.Replace(in); got != want {
			t.Errorf("Replace(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseLexicon(t *testing.T) {
	t.Run("builtin", func(t *testing.T) {
		lx, err := parseLexicon(lexiconText)
		if err != nil {
			t.Fatal(err)
		}
		if len(lx.synonyms) == 0 || len(lx.slips) == 0 || len(lx.units) == 0 || len(lx.offtopic) == 0 {
			t.Errorf("a section is empty: %d synonyms, %d slips, %d units, %d offtopic",
				len(lx.synonyms), len(lx.slips), len(lx.units), len(lx.offtopic))
		}
	})
	t.Run("folds words", func(t *testing.T) {
		lx, err := parseLexicon("[synonyms]\n电子邮件 Email  # comment\n[offtopic]\n天气 下雨\n")
		if err != nil {
			t.Fatal(err)
		}
		if got := lx.synonyms[0][1]; got != "email" {
			t.Errorf("word = %q, want email", got)
		}
		if len(lx.offtopic) != 2 {
			t.Errorf("offtopic = %v, want two phrases", lx.offtopic)
		}
	})
	t.Run("keep", func(t *testing.T) {
		lx, err := parseLexicon("[keep]\n自己 手机\n一起\n")
		if err != nil {
			t.Fatal(err)
		}
		if !lx.keep["自己"] || !lx.keep["一起"] || len(lx.keep) != 3 {
			t.Errorf("keep = %v, want 自己 手机 一起", lx.keep)
		}
		// the builtin [keep] words are never rewritten by the thesaurus
		if rewritable("手机") || rewritable("自己") || !rewritable("公示") {
			t.Error("rewritable does not read the builtin [keep] section")
		}
	})
	for name, text := range map[string]string{
		"no section":      "终结 结束\n",
		"unknown section": "[words]\n终结 结束\n",
		"unclosed":        "[synonyms\n终结 结束\n",
		"lone word":       "[slips]\n公示\n",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := parseLexicon(text); err == nil {
				t.Errorf("parseLexicon(%q) = nil error", text)
			}
		})
	}
}

func TestEnglishDates(t *testing.T) {
	for in, want := range map[string]string{
		"tasks due in december 2019": "tasks due in  2019年12月 ",
		"due by 31 dec 2019":         "due by  2019年12月31日 ",
		"due september 18, 2019":     "due  2019年9月18日 ",
		"what may i ask":             "what may i ask",
		"tasks due may 3":            "tasks due  5月3日 ",
		"due before october":         "due before  9月底 ",
		"prior to january 2020":      "prior to  2019年12月底 ",
		"before the end of october":  "before 10月底  ",
	} {
		if got := englishDates(in); got != want {
			t.Errorf("englishDates(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWindow_within(t *testing.T) {
	dec := month(2019, 12)
	y := year(2019)
	open := window{From: knowledge.NewDate(2019, 10, 1), Shape: shapeSpan}
	cases := []struct {
		name string
		w, o window
		want bool
	}{
		{"month in year", dec, y, true},
		{"year in month", y, dec, false},
		{"same", dec, dec, true},
		{"open end", open, y, false},
		{"in open end", dec, open, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.w.within(c.o); got != c.want {
				t.Errorf("within = %v, want %v", got, c.want)
			}
		})
	}
}

func TestCommonRun(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"谁执法谁公示", "按照谁执法谁公示的原则", 6},
		{"abc", "xyz", 0},
		{"", "abc", 0},
		{"执法公示", "执法x公示", 2},
	} {
		if got := commonRun([]rune(c.a), []rune(c.b)); got != c.want {
			t.Errorf("commonRun(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
