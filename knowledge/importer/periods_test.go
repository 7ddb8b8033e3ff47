package importer

import (
	"testing"

	"dutybot/knowledge"
)

func TestParsePeriods(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    []knowledge.Period
	}{
		{"working days and yearly (task 6)",
			"全市各级公安机关要在执法决定作出之日起20个工作日内，向社会公布执法机关、执法对象、执法类别、执法结论等信息，行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个工作日内公开，法律、行政法规另有规定的除外。建立行政执法统计年报制度，各级公安机关应当于每年1月20日前公开本机关上年度行政执法总体情况有关数据，并报本级人民政府和上级主管部门。",
			[]knowledge.Period{
				{Text: "20个工作日内", Count: 20, Unit: knowledge.WorkingDays, Clause: "全市各级公安机关要在执法决定作出之日起20个工作日内，向社会公布执法机关、执法对象、执法类别、执法结论等信息"},
				{Text: "7个工作日内", Count: 7, Unit: knowledge.WorkingDays, Clause: "行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个工作日内公开"},
				{Text: "每年1月20日前", Unit: knowledge.Yearly, Month: 1, Day: 20, Clause: "各级公安机关应当于每年1月20日前公开本机关上年度行政执法总体情况有关数据"},
			}},
		{"days, short sentence quoted whole (task 17)",
			"全市各级公安机关应当自行政执法行为终结之日起30日内将行政执法过程中形成的文字和音像记录资料，形成相应案卷。",
			[]knowledge.Period{{Text: "30日内", Count: 30, Unit: knowledge.Days, Clause: "全市各级公安机关应当自行政执法行为终结之日起30日内将行政执法过程中形成的文字和音像记录资料，形成相应案卷"}}},
		{"months (task 2)",
			"编制并公开本机关的服务指南、执法流程图，明确执法事项名称、受理机构、审批机构、受理条件、办理时限等内容，并根据法律法规规章及机构职能变化情况在1个月内进行动态调整。",
			[]knowledge.Period{{Text: "1个月内", Count: 1, Unit: knowledge.Months, Clause: "并根据法律法规规章及机构职能变化情况在1个月内进行动态调整"}}},
		{"chinese numerals", "应当在三十日内答复。", []knowledge.Period{{Text: "三十日内", Count: 30, Unit: knowledge.Days, Clause: "应当在三十日内答复"}}},
		{"full-width digits and 天", "须在１５天以内办结。", []knowledge.Period{{Text: "１５天以内", Count: 15, Unit: knowledge.Days, Clause: "须在１５天以内办结"}}},
		{"weeks count as days", "两周内完成整改。", []knowledge.Period{{Text: "两周内", Count: 14, Unit: knowledge.Days, Clause: "两周内完成整改"}}},
		{"十五个工作日", "收到申请后十五个工作日内作出决定；", []knowledge.Period{{Text: "十五个工作日内", Count: 15, Unit: knowledge.WorkingDays, Clause: "收到申请后十五个工作日内作出决定"}}},
		{"none", "全面推行执法检查“双随机、一公开”制度。", nil},
		{"bad yearly date ignored", "每年13月40日前报送。", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParsePeriods(tt.content)
			if len(got) != len(tt.want) {
				t.Fatalf("ParsePeriods = %+v, want %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("period %d = %+v\nwant %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}
