package bot

import (
	"slices"
	"testing"

	"dutybot/bot/textnorm"
	"dutybot/knowledge"
)

func TestUnitIndex_near(t *testing.T) {
	units := []knowledge.Unit{{Name: "科技处"}, {Name: "教育训练处"}, {Name: "市局行政审批处"}, {Name: "法制支队"}, {Name: "督察支队"}, {Name: "各分县局", Group: true}}
	ui := newUnitIndex(units, textnorm.MatchForm("全面推行行政处罚决定公开|法制审核"), nil)
	for _, tc := range []struct{ text, mention, unit string }{
		{"科技信息处牵头的任务有哪些", "科技信息处", "科技处"},
		{"教育培训科牵头的任务有哪些", "教育培训科", "教育训练处"},
		{"法制大队要配合哪些", "法制大队", "法制支队"},
		{"行政处罚决定多少个工作日内公开", "", ""}, // 行政处罚: words of the notice
		{"县交警大队违停抄牌的罚款标准", "", ""},  // no unit of the notice is like it
		{"管装备的那个处负责哪些", "", ""},     // described, not named
	} {
		m, u := ui.near(tc.text)
		if m != tc.mention || u != tc.unit {
			t.Errorf("near(%q) = %q, %q; want %q, %q", tc.text, m, u, tc.mention, tc.unit)
		}
	}
}

// TestUnitIndex_findInitials: pinyin initials name a unit only where no other
// Latin letter touches them (feedbackjob holds kj).
func TestUnitIndex_findInitials(t *testing.T) {
	e, _ := newTestEngine(t)
	ui := e.snap.Load().units
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"kj牵头的列一下", []string{"科技处"}},
		{"fz牵头dc配合的有哪些", []string{"法制支队", "督察支队"}},
		{"jb和kj都沾边的", []string{"警务保障处", "科技处"}},
		{"feedbackjob是什么", nil},
		// an office named a department (部门), by its name or nickname
		{"警保部门牵头之事项", []string{"警务保障处"}},
		{"市局行政审批部门所涉及之条目", []string{"市局行政审批处"}},
		{"科信部门与教培部门", []string{"科技处", "教育训练处"}},
		// another body's office is not the bureau's
		{"是否依据了市政府办公室的文件", nil},
		{"dcpower供电", nil},
	} {
		got, _, _ := ui.find(textnorm.MatchForm(tc.text))
		if !slices.Equal(got, tc.want) {
			t.Errorf("find(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
