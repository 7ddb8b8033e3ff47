package ledger

import (
	"testing"

	"dutybot/i18n"
)

func TestMessageIDs_existInEveryLanguage(t *testing.T) {
	b, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"zh-CN", "en"} {
		for _, id := range MessageIDs() {
			if !b.Has(lang, id) {
				t.Errorf("%s: message %s is missing", lang, id)
			}
		}
	}
}

func TestSheetName(t *testing.T) {
	for in, want := range map[string]string{"法制支队": "法制支队", "a/b:c[d]": "a_b_c_d_", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二": "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"} {
		if got := sheetName(in); got != want {
			t.Errorf("sheetName(%q) = %q, want %q", in, got, want)
		}
	}
}
