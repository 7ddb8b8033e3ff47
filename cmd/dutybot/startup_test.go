package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the admin connection that makes a schema per round
)

// binary builds dutybot once per test binary, for tests that need real
// processes (two replicas starting at the same moment).
var binary struct {
	once sync.Once
	path string
	err  error
}

func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary: not in -short mode")
	}
	binary.once.Do(func() {
		dir, err := os.MkdirTemp("", "dutybot-bin-")
		if err != nil {
			binary.err = err
			return
		}
		binary.path = filepath.Join(dir, "dutybot")
		if runtime.GOOS == "windows" {
			binary.path += ".exe"
		}
		cmd := exec.Command("go", "build", "-o", binary.path, ".")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			binary.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binary.err != nil {
		t.Fatal(binary.err)
	}
	return binary.path
}

// procResult is what one process did.
type procResult struct {
	code           int
	stdout, stderr string
}

// startTogether starts n processes of the binary with args at the same
// moment (each is started before any is waited for) and waits for all.
func startTogether(t *testing.T, bin string, n int, env []string, args ...string) []procResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmds := make([]*exec.Cmd, n)
	outs := make([]*bytes.Buffer, n)
	errs := make([]*bytes.Buffer, n)
	for i := range cmds {
		cmds[i] = exec.CommandContext(ctx, bin, args...)
		cmds[i].Env = append(os.Environ(), env...)
		outs[i], errs[i] = new(bytes.Buffer), new(bytes.Buffer)
		cmds[i].Stdout, cmds[i].Stderr = outs[i], errs[i]
	}
	for _, c := range cmds {
		if err := c.Start(); err != nil {
			t.Fatalf("start %s: %v", bin, err)
		}
	}
	res := make([]procResult, n)
	for i, c := range cmds {
		err := c.Wait()
		res[i] = procResult{code: c.ProcessState.ExitCode(), stdout: outs[i].String(), stderr: errs[i].String()}
		if err != nil && res[i].code == 0 {
			res[i].code = -1
		}
	}
	return res
}

// freshPostgresDSN returns a postgres:// URL of a new, empty schema on the
// test server ($DUTYBOT_TEST_POSTGRES), dropped after the test, or skips.
func freshPostgresDSN(t *testing.T) string {
	t.Helper()
	base := os.Getenv("DUTYBOT_TEST_POSTGRES")
	if base == "" {
		base = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	admin, err := sql.Open("pgx", base)
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		err = admin.PingContext(ctx)
		cancel()
	}
	if err != nil {
		t.Skipf("PostgreSQL unreachable (%v): skipping the PostgreSQL half (set $DUTYBOT_TEST_POSTGRES; .ci/run starts a server)", err)
	}
	t.Cleanup(func() { admin.Close() })
	b := make([]byte, 6)
	rand.Read(b)
	schema := "dutybot_cmd_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// TestStartup_twoProcessesOnAFreshDatabase starts two real dutybot
// processes at the same moment on a fresh database, as two replicas do:
// both must exit 0, and the built-in notice must be stored once, with one
// import entry in the audit log. Several rounds, each on a new database,
// because the race is won or lost by timing.
func TestStartup_twoProcessesOnAFreshDatabase(t *testing.T) {
	bin := buildBinary(t)
	const rounds = 6
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			for round := range rounds {
				var dsn string
				if engine == "sqlite" {
					dsn = filepath.Join(t.TempDir(), "dutybot.db")
				} else {
					dsn = freshPostgresDSN(t)
				}
				env := []string{"DUTYBOT_DB=" + dsn, "DUTYBOT_LOG_LEVEL=warn"}
				for i, r := range startTogether(t, bin, 2, env, "tasks", "--json") {
					if r.code != 0 {
						t.Fatalf("round %d, process %d: exit %d\nstderr: %s", round, i, r.code, r.stderr)
					}
					var tasks []taskJSON
					if err := json.Unmarshal([]byte(r.stdout), &tasks); err != nil || len(tasks) != 43 {
						t.Fatalf("round %d, process %d: %d tasks (%v), want the built-in 43", round, i, len(tasks), err)
					}
				}
				out, err := exec.Command(bin, "audit", "--json", "--verify", "--db", dsn).Output()
				if err != nil {
					t.Fatalf("round %d: audit --verify: %v", round, err)
				}
				var entries []auditJSON
				if err := json.Unmarshal(out, &entries); err != nil {
					t.Fatalf("round %d: audit --json: %v\n%s", round, err, out)
				}
				imports := 0
				for _, e := range entries {
					if e.Action == "notice.import" {
						imports++
					}
				}
				if imports != 1 {
					t.Fatalf("round %d: %d notice.import entries, want 1:\n%s", round, imports, out)
				}
				if n := strings.Count(string(out), `"notice": "淮公通〔2019〕395号"`); n == 0 {
					t.Fatalf("round %d: the import entry does not name the built-in notice", round)
				}
			}
		})
	}
}
