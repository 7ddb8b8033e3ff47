package slack

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestSeenSet_FirstTime(t *testing.T) {
	t0 := testNow
	t.Run("a retry within the ttl is a duplicate", func(t *testing.T) {
		s := newSeenSet(10, time.Hour)
		if !s.firstTime("Ev1", t0) {
			t.Fatal("first delivery reported as seen")
		}
		if s.firstTime("Ev1", t0.Add(59*time.Minute)) {
			t.Fatal("retry reported as new")
		}
	})
	t.Run("forgotten after the ttl", func(t *testing.T) {
		s := newSeenSet(10, time.Hour)
		s.firstTime("Ev1", t0)
		if !s.firstTime("Ev1", t0.Add(time.Hour)) {
			t.Fatal("still remembered after the ttl")
		}
	})
	t.Run("bounded by capacity, oldest forgotten first", func(t *testing.T) {
		s := newSeenSet(3, time.Hour)
		for i := range 5 {
			s.firstTime(fmt.Sprint("Ev", i), t0)
		}
		if s.len() != 3 {
			t.Fatalf("len = %d, want 3", s.len())
		}
		if !s.firstTime("Ev0", t0) {
			t.Fatal("oldest not forgotten")
		}
		if s.firstTime("Ev4", t0) {
			t.Fatal("newest forgotten")
		}
	})
	t.Run("concurrent deliveries of one event: exactly one wins", func(t *testing.T) {
		s := newSeenSet(100, time.Hour)
		var wins atomic.Int32
		var wg sync.WaitGroup
		for range 50 {
			wg.Go(func() {
				if s.firstTime("Ev9", t0) {
					wins.Add(1)
				}
			})
		}
		wg.Wait()
		if wins.Load() != 1 {
			t.Fatalf("%d deliveries answered, want 1", wins.Load())
		}
	})
}

func TestLangOf(t *testing.T) {
	for _, tt := range []struct{ locale, def, want string }{
		{"zh-CN", langEN, langZH}, {"zh-TW", langEN, langZH}, {"en-US", langZH, langEN},
		{"en-GB", langZH, langEN}, {"ja-JP", langZH, langZH}, {"ja-JP", langEN, langEN}, {"", langZH, langZH},
	} {
		if got := langOf(tt.locale, tt.def); got != tt.want {
			t.Errorf("langOf(%q, %q) = %q, want %q", tt.locale, tt.def, got, tt.want)
		}
	}
}

func TestIncomingText(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"mention stripped", "<@UBOT> 第7项任务是什么？", "第7项任务是什么？"},
		{"mention with label", "<@UBOT|dutybot>  task 7", "task 7"},
		{"other user kept as ID", "<@UBOT> iam 法制支队 <@U123>", "iam 法制支队 U123"},
		{"channel reference", "bind 法制支队 <#C0123ABC|fazhi>", "bind 法制支队 C0123ABC"},
		{"bare channel", "bind 法制支队 <#C0123ABC>", "bind 法制支队 C0123ABC"},
		{"special mention loses its markup", "<!channel> 你好", "!channel 你好"},
		{"link keeps its label", "看 <https://example.com|这里>", "看 这里"},
		{"entities unescaped", "A &amp; B &lt;!here&gt;", "A & B <!here>"},
		{"only a mention", "<@UBOT>", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := incomingText(tt.in, "UBOT"); got != tt.want {
				t.Fatalf("incomingText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzIncomingText(f *testing.F) {
	f.Add("<@UBOT> bind 法制支队 <#C0123|fazhi> &amp; <https://x|y>", "UBOT")
	f.Add("<<@UBOT>>", "UBOT")
	f.Add("&lt;@UBOT&gt;", "UBOT")
	f.Fuzz(func(t *testing.T, s, bot string) {
		got := incomingText(s, bot)
		if got != strings.TrimSpace(got) || strings.Contains(got, "  ") {
			t.Fatalf("incomingText(%q) = %q: not normalised", s, got)
		}
	})
}
