package console

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"dutybot/bot"
)

// echoEngine answers every message with its own text, citing task 7 when the
// text mentions it, and records what it was asked.
type echoEngine struct{ got []bot.Message }

func (e *echoEngine) Handle(_ context.Context, m bot.Message) bot.Reply {
	e.got = append(e.got, m)
	r := bot.Reply{Text: "答：" + m.Text}
	if strings.Contains(m.Text, "7") {
		r.Tasks = []int{7}
	}
	return r
}

func newTestConsole(t *testing.T, opts ...Option) (*Console, *echoEngine, *bytes.Buffer) {
	t.Helper()
	e := &echoEngine{}
	var out bytes.Buffer
	c, err := New(e, &out, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c, e, &out
}

func TestConsole_Run(t *testing.T) {
	fixed := time.Date(2019, 9, 20, 12, 0, 0, 0, time.UTC)
	t.Run("json: one object per non-blank line, tasks never null", func(t *testing.T) {
		c, e, out := newTestConsole(t, WithJSON(true), WithUser("U1"), WithNow(func() time.Time { return fixed }))
		if err := c.Run(context.Background(), strings.NewReader("任务7\n\n  \nhelp\n")); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		if len(lines) != 2 {
			t.Fatalf("got %d lines, want 2:\n%s", len(lines), out)
		}
		var first, second map[string]any
		if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(lines[1]), &second); err != nil {
			t.Fatal(err)
		}
		if first["text"] != "答：任务7" || len(first["tasks"].([]any)) != 1 {
			t.Errorf("first line %v", first)
		}
		if tasks, ok := second["tasks"].([]any); !ok || len(tasks) != 0 {
			t.Errorf("second line tasks %v, want []", second["tasks"])
		}
		if e.got[0].User != "U1" || e.got[0].Via != "console" || !e.got[0].Now.Equal(fixed) {
			t.Errorf("message carried %+v", e.got[0])
		}
	})
	t.Run("interactive: prompt, and exit ends the session", func(t *testing.T) {
		c, e, out := newTestConsole(t, WithInteractive("> "))
		if err := c.Run(context.Background(), strings.NewReader("第1项\nexit\n第2项\n")); err != nil {
			t.Fatal(err)
		}
		if len(e.got) != 1 {
			t.Errorf("engine got %d messages after exit, want 1", len(e.got))
		}
		if !strings.HasPrefix(out.String(), "> 答：第1项") {
			t.Errorf("output %q", out)
		}
	})
	t.Run("cancelled context stops reading", func(t *testing.T) {
		c, _, _ := newTestConsole(t)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if err := c.Run(ctx, strings.NewReader("第1项\n")); err == nil {
			t.Error("Run on a cancelled context returned nil")
		}
	})
}

func TestNew_invalid(t *testing.T) {
	if _, err := New(nil, &bytes.Buffer{}); err == nil {
		t.Error("New with no engine succeeded")
	}
	for _, tt := range []struct {
		name string
		opt  Option
		want error
	}{
		{"blank user", WithUser(" "), ErrEmptyUser},
		{"nil clock", WithNow(nil), ErrNilClock},
	} {
		if _, err := New(&echoEngine{}, &bytes.Buffer{}, tt.opt); !errors.Is(err, tt.want) {
			t.Errorf("%s: New = %v, want %v", tt.name, err, tt.want)
		}
	}
}
