package textnorm

import "testing"

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"第３８项":                    "第38项",
		"第三十八项":                   "第38项",
		"任务二十二":                   "任务22",
		"任务一共有几项":                 "任务一共有几项",
		"任务三十五谁负责":                "任务35谁负责",
		"第十项":                     "第10项",
		"ＴＡＳＫ　７":                  "task 7",
		"啥时候到期":                   "什么时候到期",
		"啥时间都没写":                  "什么时间都没写",
		"每年卡在几号前头":                "每年卡在几号前",
		"啥时限也没写":                  "什么时限也没写",
		"咋办":                      "怎么办",
		"压根儿没咱分县局事儿的":             "压根没咱分县局事的",
		"下一拨儿到期的":                 "下一拨到期的",
		"儿童和女儿的事儿":                "儿童和女儿的事",
		"法治支队牵头":                  "法制支队牵头",
		"双随机、一公开":                 "双随机、一公开",
		"三项制度":                    "3项制度",
		"第一责任人":                   "第1责任人",
		"两个工作日":                   "2个工作日",
		"统一规范":                    "统一规范",
		"二〇一九年十二月":                "2019年12月",
		"task twenty-three":       "task 23",
		"Task Number Nine":        "task 9",
		"item #forty one":         "task 41",
		"which one is due":        "which one is due",
		"number seventeen":        "number 17",
		"no one leads task eight": "no one leads task 8",
		"第四季度（10—12月）":            "第4季度(10-12月)",
		"9～10月":                   "9-10月",
		"第三季到期的":                  "第3季度到期的",
		"due no later than 9/18?": "due no later than 9月18日?",
		"2019/9/18":               "2019/9/18",
		"h2 2019 items":           "下半年 2019 items",
		"第4季":                     "第4季度",
		"一年四季都要干":                 "1年四季都要干",
		"第三季节":                    "第3季节",
		"审核的那个单子挂哪":               "审核的单子挂哪",
		"10月底前的那个是什么":             "10月底前的那个是什么",
		"管装备的那个处":                 "管装备的那个处",
		"what exactly are they":   "what are they",
		"这件事——先放一放":               "这件事——先放一放",
		// traditional characters, common and rare (OpenCC's table)
		"法制支隊牽頭的工作": "法制支队牵头的工作",
		"執勤受傷殘疾":    "执勤受伤残疾",
		"錄音錄影，抽籤決定": "录音录影,抽签决定",
		"乾淨":        "干净",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNumerals_ordinalWords keeps 一 where it orders or singles out rather
// than counts: 下一个 is "the next", not one of something.
func TestNumerals_ordinalWords(t *testing.T) {
	cases := map[string]string{
		"下一个要到期的任务":  "下一个要到期的任务",
		"除了办公室另一个是谁": "除了办公室另一个是谁",
		"某个月最后一天":    "某个月最后一天",
		"第一个任务":      "第1个任务",
		"一个月内":       "1个月内",
	}
	for in, want := range cases {
		if got := Numerals(in); got != want {
			t.Errorf("Numerals(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNumerals_spans(t *testing.T) {
	for in, want := range map[string]string{"七到九月": "7到9月", "三至五项": "3至5项", "七到九": "七到九", "一到": "一到"} {
		if got := Numerals(in); got != want {
			t.Errorf("Numerals(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestShouldButNot(t *testing.T) {
	for in, want := range map[string]string{
		"该挂的没挂,咋整":      "应挂而不挂,咋整",
		"该挂网的处罚决定一直没挂":  "应挂而不挂",
		"应该公开却一直拖着不公开的": "应公开而不公开的",
		"该亮的东西没亮出去":     "应亮而不亮出去",
		// a negation in another clause, or none at all, leaves the text as it is
		"该公开的公开了,没问题": "该公开的公开了,没问题",
		"该项任务没有期限":    "该项任务没有期限",
	} {
		if got := ShouldButNot(in); got != want {
			t.Errorf("ShouldButNot(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFold_WrittenFrames(t *testing.T) {
	for in, want := range map[string]string{
		"对于本通知的正式文号而言,其具体的表述是什么?": "本通知的正式文号,其具体的表述是什么?",
		"各行政执法警种没有被涉及的是哪几项?":      "各行政执法警种没有涉及的是哪几项?",
		"由法制支队牵头的并且有着具体完成日期的任务":   "由法制支队牵头的并且有具体完成日期的任务",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
