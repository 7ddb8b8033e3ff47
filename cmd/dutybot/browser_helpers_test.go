package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The browser tests' helpers: a headless Chromium, a serve on loopback.

// chromium finds a Chromium to drive, or skips the test saying how to get
// one (.ci/run installs Debian's chromium when it is missing).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium here: the browser tests need one (apt-get install chromium; .ci/run installs it)")
	return ""
}

// newBrowser starts a headless Chromium with a fresh profile and no
// network of its own, and returns a context for chromedp actions.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "zh-CN"), chromedp.Flag("accept-lang", "zh-CN"), // the officers' language, whatever the machine's
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1600, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTime(); cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

// serveAt runs `dutybot serve --http ADDR --now DAY` with no Slack
// variables (the dashboard alone) on tm's database until the test ends.
func serveAt(t *testing.T, tm *testMain, addr, day string) *lockedBuffer {
	t.Helper()
	logs := newLockedBuffer()
	ctx, cancel := context.WithCancel(context.Background())
	m := NewMain()
	m.Stdin, m.Stdout, m.Stderr = strings.NewReader(""), io.Discard, logs
	m.Logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: m.LogLevel}))
	m.Getenv = func(k string) string {
		if k == "DUTYBOT_DB" {
			return tm.db
		}
		return tm.env[k]
	}
	done := make(chan error, 1)
	go func() {
		err := m.Run(ctx, []string{"serve", "--http", addr, "--now", day})
		if cerr := m.Close(); err == nil {
			err = cerr
		}
		done <- err
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
		if t.Failed() {
			t.Logf("serve log:\n%s", logs.String())
		}
	})
	deadline := time.Now().Add(15 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return logs
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not answer /healthz: %v\n%s", err, logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// loaded waits until the page a navigation brought has been parsed whole.
var loaded = chromedp.Poll[chromedp.Void](`document.readyState === 'complete' && !!document.querySelector('h1')`)

// settle waits for the page a navigation brought. The browser may still
// be swapping the old page's JavaScript context for the new one's when the
// navigation's response is in, and a query sent to the old one is refused
// ("Cannot find context"): that is asked again, a bounded number of times.
func settle(t *testing.T, ctx context.Context) {
	t.Helper()
	for i := 0; ; i++ {
		err := chromedp.Do(ctx, loaded)
		if err == nil {
			return
		}
		if i == 50 || !strings.Contains(err.Error(), "Cannot find context") {
			t.Fatalf("waiting for the page: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// act runs actions that load a page (a submit, a click on a link) and
// waits for the response. A node found while the previous page was still
// being swapped in may be gone when it is acted on ("No node with given
// id"): the actions are run again, a bounded number of times; they only
// load a page, so running them twice loads the same one.
func act(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	for i := 0; ; i++ {
		_, err := chromedp.RunResponse(ctx, actions...)
		if err == nil {
			return
		}
		if i == 5 || !strings.Contains(err.Error(), "No node with given id") {
			t.Fatal(err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
