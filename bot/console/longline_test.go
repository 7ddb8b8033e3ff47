package console

import (
	"context"
	"errors"
	"strings"
	"testing"

	"dutybot/bot"
	"dutybot/knowledge"
)

// TestConsole_RunLongLine: a line of any length is handed on as at most
// maxLineBytes bytes, which the engine refuses as too long, and the lines
// after it are still read (before: bufio.Scanner ended the run at 1 MiB).
func TestConsole_RunLongLine(t *testing.T) {
	for _, size := range []int{maxLineBytes - 1, maxLineBytes, maxLineBytes + 1, 1 << 20, 3 << 20} {
		c, e, _ := newTestConsole(t)
		long := strings.Repeat("长", size/len("长")+1)[:size]
		if err := c.Run(context.Background(), strings.NewReader("第1项\n"+long+"\n第2项")); err != nil {
			t.Fatalf("%d-byte line: Run = %v", size, err)
		}
		if len(e.got) != 3 || e.got[0].Text != "第1项" || e.got[2].Text != "第2项" {
			t.Fatalf("%d-byte line: engine got %d messages", size, len(e.got))
		}
		got := e.got[1].Text
		if want := min(size, maxLineBytes); len(got) != want || !strings.HasPrefix(long, got) {
			t.Errorf("%d-byte line: engine got %d bytes, want the first %d", size, len(got), want)
		}
		if size > maxLineBytes && len([]rune(got)) <= bot.MaxMessageRunes {
			t.Errorf("%d-byte line: what the engine got (%d characters) is not over its limit", size, len([]rune(got)))
		}
	}
}

// failingEngine answers with Err set when the message says so.
type failingEngine struct{}

func (failingEngine) Handle(_ context.Context, m bot.Message) bot.Reply {
	switch m.Text {
	case "fail":
		return bot.Reply{Text: "出错了", Err: errors.New("write failed")}
	case "again":
		return bot.Reply{Text: "已是完成状态", Err: knowledge.ErrUnchanged}
	}
	return bot.Reply{Text: "答"}
}

func TestConsole_Failed(t *testing.T) {
	c, err := New(failingEngine{}, &strings.Builder{})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Run(context.Background(), strings.NewReader("问\nfail\nagain\nfail\n")); err != nil {
		t.Fatal(err)
	}
	if failed, asked := c.Failed(); failed != 2 || asked != 4 {
		t.Errorf("Failed() = %d, %d; want 2 of 4 (nothing to change is no failure)", failed, asked)
	}
}
