package textnorm

import "testing"

func TestMinnan(t *testing.T) {
	for in, want := range map[string]string{
		"若发现有单位该公开的无公开,后续按怎处理?":    "若发现有单位该公开的没公开,后续怎么处理?",
		"责任单位干焦剩各分县局一个的,有佗几项?":     "责任单位只有剩各分县局一个的,有哪几项?",
		"今仔日是9月20号,这个月内底还有佗几项要到期?": "今天是9月20号,这个月里面还有哪几项要到期?",
		"市局办公室毋是牵头的,是佗几项?":         "市局办公室不是牵头的,是哪几项?",
		"阮存的办法有规定无?":               "我们存的办法有没有规定?",
		"毋庸置疑,按时完成":                "不庸置疑,按时完成", // 毋 marks Minnan; 毋庸 reads as 不庸, which changes nothing
		"这个规定有讲究吗":                 "这个规定有讲究吗",  // Mandarin: left as it is
	} {
		if got := minnan.read(in); got != want {
			t.Errorf("minnan(%q) = %q, want %q", in, got, want)
		}
	}
}
