// Package console is the terminal adapter of dutybot: it carries lines typed
// in a terminal (or piped in, or given as arguments) to the engine and prints
// the replies, as text for people or as JSON lines for programs.
package console

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"dutybot/bot"
)

// Engine is what the console needs of the conversation engine.
type Engine interface {
	Handle(ctx context.Context, m bot.Message) bot.Reply
}

var _ Engine = (*bot.Engine)(nil)

// Console reads messages and writes the engine's replies.
type Console struct {
	engine      Engine
	out         io.Writer
	user        string
	lang        string
	json        bool
	interactive bool
	prompt      string
	now         func() time.Time
}

// Option configures a Console.
type Option func(*Console) error

// WithUser sets the user ID the messages come from (admin rights follow it).
func WithUser(user string) Option {
	return func(c *Console) error {
		if strings.TrimSpace(user) == "" {
			return errors.New("console: empty user")
		}
		c.user = user
		return nil
	}
}

// WithLang sets the reply language (zh-CN or en).
func WithLang(lang string) Option {
	return func(c *Console) error { c.lang = lang; return nil }
}

// WithJSON makes the console print one JSON object per reply (CONTRACTS §2).
func WithJSON(on bool) Option {
	return func(c *Console) error { c.json = on; return nil }
}

// WithInteractive makes the console greet, prompt and separate answers, for a
// person at a terminal.
func WithInteractive(prompt string) Option {
	return func(c *Console) error { c.interactive, c.prompt = true, prompt; return nil }
}

// WithNow fixes the moment each message is handled at (for --now).
func WithNow(now func() time.Time) Option {
	return func(c *Console) error {
		if now == nil {
			return errors.New("console: nil clock")
		}
		c.now = now
		return nil
	}
}

// New returns a Console writing to out.
func New(engine Engine, out io.Writer, opts ...Option) (*Console, error) {
	if engine == nil || out == nil {
		return nil, errors.New("console: engine and output are required")
	}
	c := &Console{engine: engine, out: out, user: "console", now: time.Now}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// jsonReply is the line format of CONTRACTS §2.
type jsonReply struct {
	Text  string `json:"text"`
	Tasks []int  `json:"tasks"`
}

// Ask hands one message to the engine and writes its reply.
func (c *Console) Ask(ctx context.Context, text string) error {
	r := c.engine.Handle(ctx, bot.Message{
		User: c.user, Via: "console", Text: text, Lang: c.lang, Now: c.now(),
	})
	if c.json {
		tasks := r.Tasks
		if tasks == nil {
			tasks = []int{}
		}
		b, err := json.Marshal(jsonReply{Text: r.Text, Tasks: tasks})
		if err != nil {
			return fmt.Errorf("encode reply: %w", err)
		}
		_, err = fmt.Fprintf(c.out, "%s\n", b)
		return err
	}
	sep := ""
	if c.interactive {
		sep = "\n"
	}
	_, err := fmt.Fprintf(c.out, "%s\n%s", strings.TrimRight(r.Text, "\n"), sep)
	return err
}

// Run answers every line of in until it ends or ctx is cancelled. Blank lines
// are skipped; in interactive mode "exit", "quit" and "退出" end the session.
func (c *Console) Run(ctx context.Context, in io.Reader) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for {
		if c.interactive {
			fmt.Fprint(c.out, c.prompt)
		}
		if !sc.Scan() {
			break
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if c.interactive && isExit(line) {
			return nil
		}
		if err := c.Ask(ctx, line); err != nil {
			return err
		}
	}
	if c.interactive {
		fmt.Fprintln(c.out)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read input: %w", err)
	}
	return nil
}

func isExit(s string) bool {
	switch strings.ToLower(s) {
	case "exit", "quit", "退出", "再见":
		return true
	}
	return false
}
