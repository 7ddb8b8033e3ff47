package textnorm

import "testing"

func TestCantonese(t *testing.T) {
	for in, want := range map[string]string{
		"办事窗口挂岗位牌嘅事，边个带头搞？":   "办事窗口挂岗位牌的事，谁带头搞？",
		"有冇单位系自己牵头嘅？系边几项？":    "有没有单位是自己牵头的？是哪几项？",
		"信息化建设嗰大块，有冇定咗具体日期？":  "信息化建设那大块，有没有定了具体日期？",
		"呢份通知几时发嘅？":           "这份通知什么时候发的？",
		"佢哋系唔系要搞掂呢啲？":         "他们是不是要完成这些？",
		"系9月中嘅节点，唔系月底":        "是9月中的节点，不是月底",
		"信息系统有冇关系？":           "信息系统有没有关系？",
		"执法信息系统建设要点是什么，谁来负责？": "执法信息系统建设要点是什么，谁来负责？", // Mandarin: left as it is
		"系统关系边界节点":            "系统关系边界节点",
	} {
		if got := cantonese.read(in); got != want {
			t.Errorf("cantonese(%q) = %q, want %q", in, got, want)
		}
	}
}
