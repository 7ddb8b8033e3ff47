package importer

import (
	"reflect"
	"strings"
	"testing"
)

func TestDefaultUnits(t *testing.T) {
	units := DefaultUnits()
	if len(units) == 0 {
		t.Fatal("empty default table")
	}
	units[0].Aliases = append(units[0].Aliases, "changed")
	if again := DefaultUnits(); reflect.DeepEqual(again[0].Aliases, units[0].Aliases) {
		t.Error("DefaultUnits shares its slices with callers")
	}
}

// TestLexicon_Aliases covers every alias that docs/cli.md §1 and issue 2 name.
func TestLexicon_Aliases(t *testing.T) {
	lx := newLexicon(mustDefaultEntries())
	tests := map[string]string{
		"各分县局": "各分县局", "各县分局": "各分县局", "分县局": "各分县局", "县分局": "各分县局", "各县、分局": "各分县局",
		"各行政执法警种": "各行政执法警种", "局各行政执法警种": "各行政执法警种", "各执法警种": "各行政执法警种", "执法警种": "各行政执法警种",
		"行政审批处": "市局行政审批处", "市局行政审批处": "市局行政审批处",
		"办公室": "市局办公室", "市局办公室": "市局办公室",
		"教育训练科": "教育训练处", "教育训练处": "教育训练处",
		"政务服务窗口": "市局政务服务窗口", "市局政务服务窗口": "市局政务服务窗口",
		"法制支队": "法制支队", "法治支队": "法制支队", "督察支队": "督察支队", "科技处": "科技处", "人事处": "人事处",
		"警务保障处": "警务保障处", "驻局纪检组": "驻局纪检组", "指挥中心": "指挥中心",
	}
	for alias, want := range tests {
		t.Run(alias, func(t *testing.T) {
			toks, cost := lx.tokenize([]rune(alias), nil)
			if cost != 0 || len(toks) != 1 || toks[0].Canon != want || !toks[0].Known {
				t.Errorf("tokenize(%q) = %+v (cost %d), want one known %s", alias, toks, cost, want)
			}
		})
	}
	for _, slip := range []string{"教育训练科", "法治支队"} {
		if toks, _ := lx.tokenize([]rune(slip), nil); !toks[0].Slip {
			t.Errorf("%s is not flagged as a slip", slip)
		}
	}
	for _, e := range mustDefaultEntries() {
		for _, g := range []string{"各分县局", "各行政执法警种"} {
			if e.Name == g && !e.Group {
				t.Errorf("%s is not a group", g)
			}
		}
	}
}

func TestLexicon_Tokenize(t *testing.T) {
	lx := newLexicon(mustDefaultEntries())
	tests := []struct {
		name  string
		cell  string
		joins []int
		want  []string
		cost  int
	}{
		{"separated", "法制支队、局各行政执法警种、各分县局", nil, []string{"法制支队", "各行政执法警种", "各分县局"}, 0},
		{"comma", "各行政执法警种，各县、分局", nil, []string{"各行政执法警种", "各分县局"}, 0},
		{"longest alias wins", "市局行政审批处", nil, []string{"市局行政审批处"}, 0},
		{"missing separator costs", "督察支队各分县局", nil, []string{"督察支队", "各分县局"}, costNoSeparator},
		{"missing separator at a page join is free", "市局办公室、各行政执法警种各分县局", []int{len([]rune("市局办公室、各行政执法警种"))}, []string{"市局办公室", "各行政执法警种", "各分县局"}, 0},
		{"unknown unit by suffix", "治安支队、各分县局", nil, []string{"治安支队", "各分县局"}, costUnknownUnit},
		{"unknown units run together", "网安支队出入境管理处", nil, []string{"网安支队", "出入境管理处"}, 2*costUnknownUnit + costNoSeparator},
		{"unknown never swallows known", "治安支队各分县局", nil, []string{"治安支队", "各分县局"}, costUnknownUnit + costNoSeparator},
		{"junk is kept", "请核对", nil, []string{"请核对"}, costGarbage + 3},
		{"trailing separator", "各县分局，", nil, []string{"各分县局"}, 0},
		{"empty", "", nil, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			joins := map[int]bool{}
			for _, j := range tt.joins {
				joins[j] = true
			}
			toks, cost := lx.tokenize([]rune(tt.cell), joins)
			if got := canonNames(toks); !reflect.DeepEqual(got, tt.want) || cost != tt.cost {
				t.Errorf("tokenize(%q) = %v cost %d, want %v cost %d", tt.cell, got, cost, tt.want, tt.cost)
			}
		})
	}
}

func TestParseUnitTable_Bad(t *testing.T) {
	for name, src := range map[string]string{
		"not yaml":      "units: [",
		"no name":       "units:\n  - aliases: [x]\n",
		"slip no alias": "units:\n  - name: 甲处\n    slips: [乙处]\n",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := parseUnitTable([]byte(src)); err == nil {
				t.Error("want an error")
			}
		})
	}
}

func TestChineseNumber(t *testing.T) {
	for s, want := range map[string]int{"一": 1, "十": 10, "十五": 15, "二十": 20, "三十": 30, "九十九": 99, "两": 2} {
		if got, ok := chineseNumber(s); !ok || got != want {
			t.Errorf("chineseNumber(%q) = %d %v, want %d", s, got, ok, want)
		}
		if !strings.HasPrefix(chineseNumeral(want), "") {
			t.Fail()
		}
	}
	for _, s := range []string{"", "甲", "一一", "十十十十十"} {
		if n, ok := chineseNumber(s); ok {
			t.Errorf("chineseNumber(%q) = %d, want not ok", s, n)
		}
	}
}
