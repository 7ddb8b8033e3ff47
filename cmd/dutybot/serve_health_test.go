package main

import (
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"
)

// TestMain_ServeReadOnlyDatabase runs serve on a real SQLite file it cannot
// write: /healthz must say not ready, since every change would fail.
func TestMain_ServeReadOnlyDatabase(t *testing.T) {
	_, apiURL := newSlackStandIn(t)
	tm := newTestMain(t)
	tm.env["SLACK_BOT_TOKEN"] = "xoxb-test-token"
	tm.env["SLACK_SIGNING_SECRET"] = "health-test-secret"
	tm.env["SLACK_API_URL"] = apiURL
	tm.env["DUTYBOT_ADMINS"] = "UADMIN"
	tm.mustRun("tasks") // creates the database, then closes it
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(tm.db + side); err == nil {
			t.Fatalf("%s%s left behind by a clean close", tm.db, side)
		}
	}
	makeReadOnly(t, tm.db)

	b := startServe(t, tm, serveOpts{})
	b.waitHealth(http.StatusServiceUnavailable) // and it stays so:
	resp, err := http.Get(b.base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), "database") {
		t.Errorf("/healthz on a read-only database = %d %q, want 503 naming the database", resp.StatusCode, body)
	}
	// A signed request cannot even be recorded against replay: it is
	// refused with 503 (Slack retries), not answered as if it had worked.
	if code, body := b.send(signSlash("health-test-secret", "UADMIN", "done 2", time.Now())); code != http.StatusServiceUnavailable {
		t.Errorf("done 2 on the read-only database: %d %s, want 503", code, body)
	}
	if err := b.stop(); err != nil {
		t.Errorf("serve: %v", err)
	}
	if !strings.Contains(b.logs.String(), "not writable") {
		t.Errorf("the log does not say the database is not writable:\n%s", b.logs.String())
	}
}
