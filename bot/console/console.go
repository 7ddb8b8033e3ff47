// Package console is the terminal adapter of dutybot: it carries lines typed
// in a terminal (or piped in, or given as arguments) to the engine and prints
// the replies, as text for people or as JSON lines for programs.
package console

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"dutybot/bot"
	"dutybot/knowledge"
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
	asked       int // messages handed to the engine
	failed      int // of them, those whose reply reports a failure
}

// Errors of invalid options, returned by New; test them with errors.Is.
var (
	// ErrEmptyUser is a WithUser that is empty or only spaces.
	ErrEmptyUser = errors.New("console: empty user")
	// ErrNilClock is WithNow(nil).
	ErrNilClock = errors.New("console: nil clock")
)

// Option configures a Console.
type Option func(*Console) error

// WithUser sets the user ID the messages come from (admin rights follow it).
func WithUser(user string) Option {
	return func(c *Console) error {
		if strings.TrimSpace(user) == "" {
			return ErrEmptyUser
		}
		c.user = user
		return nil
	}
}

// WithLang sets the reply language (zh-CN or en).
func WithLang(lang string) Option {
	return func(c *Console) error { c.lang = lang; return nil }
}

// WithJSON makes the console print one JSON object per reply (docs/cli.md §2).
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
			return ErrNilClock
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

// jsonReply is the line format of docs/cli.md §2.
type jsonReply struct {
	Text  string `json:"text"`
	Tasks []int  `json:"tasks"`
	// Notices splits Tasks by notice when the database holds several;
	// absent with one, so that the line is as docs/cli.md §2 shows it.
	Notices []bot.NoticeTasks `json:"notices,omitempty"`
}

// Ask hands one message to the engine and writes its reply. It fails only
// when the reply cannot be written; a reply that says the message failed (a
// change refused or not saved, a message too long) is counted in Failed.
func (c *Console) Ask(ctx context.Context, text string) error {
	r := c.engine.Handle(ctx, bot.Message{
		User: c.user, Via: "console", Text: text, Lang: c.lang, Now: c.now(),
	})
	c.asked++
	if r.Err != nil && !errors.Is(r.Err, knowledge.ErrUnchanged) {
		c.failed++
	}
	if c.json {
		tasks := r.Tasks
		if tasks == nil {
			tasks = []int{}
		}
		b, err := json.Marshal(jsonReply{Text: r.Text, Tasks: tasks, Notices: r.Notices})
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

// Failed reports how many of the messages asked so far failed, and how
// many were asked: a command refused, invalid or not saved, a message too
// long, the bot failing. A change that finds its state already there
// (done twice) did not fail.
func (c *Console) Failed() (failed, asked int) { return c.failed, c.asked }

// maxLineBytes is as much of an input line as the console reads: UTF-8
// takes at most 4 bytes a character, so that many bytes hold more than
// bot.MaxMessageRunes characters, and the engine answers the line with its
// too-long error. The rest of the line is skipped unread into memory.
const maxLineBytes = 4*bot.MaxMessageRunes + 4

// Run answers every line of in until it ends or ctx is cancelled. Blank lines
// are skipped; in interactive mode "exit", "quit" and "退出" end the session.
// A line too long to be a message is answered with an error, and the lines
// after it still are answered.
func (c *Console) Run(ctx context.Context, in io.Reader) error {
	br := bufio.NewReaderSize(in, 64*1024)
	for {
		if c.interactive {
			fmt.Fprint(c.out, c.prompt)
		}
		raw, err := readLine(br, maxLineBytes)
		if len(raw) == 0 && err != nil {
			if c.interactive {
				fmt.Fprintln(c.out)
			}
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("read input: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		line := strings.TrimSpace(string(raw))
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
}

// readLine reads up to and without the next newline, keeping at most max
// bytes of it and discarding the rest. err is io.EOF after the last line.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	for {
		frag, err := br.ReadSlice('\n')
		if keep := max - len(line); keep > 0 {
			line = append(line, frag[:min(keep, len(frag))]...)
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err != nil:
			return line, err
		}
		return bytes.TrimSuffix(line, []byte("\n")), nil
	}
}

func isExit(s string) bool {
	switch strings.ToLower(s) {
	case "exit", "quit", "退出", "再见":
		return true
	}
	return false
}
