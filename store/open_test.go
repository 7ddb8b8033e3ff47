package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"dutybot/knowledge"
)

func TestOpen_pragmas(t *testing.T) {
	db := MustOpenDB(t, freshDSN(t, SQLite))
	want := map[string]string{"journal_mode": "wal", "busy_timeout": "10000", "foreign_keys": "1", "synchronous": "2"}
	check := func(t *testing.T, name string, wantQueryOnly string) {
		g := db.w
		if name == "reader" {
			g = db.r
		}
		sqlDB, _ := g.DB()
		// Hold two reader connections at once so that the check covers more
		// than the first connection of the pool.
		n := 1
		if name == "reader" {
			n = 2
		}
		for i := 0; i < n; i++ {
			conn, err := sqlDB.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			for p, v := range want {
				var got string
				if err := conn.QueryRowContext(ctx, "PRAGMA "+p).Scan(&got); err != nil {
					t.Fatalf("PRAGMA %s: %v", p, err)
				}
				if strings.ToLower(got) != v {
					t.Errorf("%s conn %d: PRAGMA %s = %s, want %s", name, i, p, got, v)
				}
			}
			var qo string
			if err := conn.QueryRowContext(ctx, "PRAGMA query_only").Scan(&qo); err != nil {
				t.Fatal(err)
			}
			if qo != wantQueryOnly {
				t.Errorf("%s: query_only = %s, want %s", name, qo, wantQueryOnly)
			}
		}
	}
	t.Run("writer", func(t *testing.T) { check(t, "writer", "0") })
	t.Run("reader", func(t *testing.T) { check(t, "reader", "1") })
	t.Run("foreign keys enforced", func(t *testing.T) {
		err := db.w.Exec("INSERT INTO assignments (task_id, unit_id, role, position, done, done_by) VALUES (999, 999, 'lead', 0, false, '')").Error
		if err == nil {
			t.Fatal("insert of an assignment of no task succeeded")
		}
	})
	t.Run("writes refused on reader", func(t *testing.T) {
		if err := db.r.Exec("DELETE FROM leases").Error; err == nil {
			t.Fatal("reader connection accepted a write")
		}
	})
}

func TestOpen_badInput(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	content := []byte("this is not a database, it is somebody's notes\n")
	if err := os.WriteFile(text, content, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		dsn  string
		opts []Option
		want string
	}{
		{"not a database", text, nil, "not an SQLite database"},
		{"directory", dir, nil, "is a directory"},
		{"missing directory", filepath.Join(dir, "no", "such", "dir", "x.db"), nil, "does not exist"},
		{"empty path", "", nil, "empty database path"},
		{"query in path", filepath.Join(dir, "x.db?mode=ro"), nil, "plain file name"},
		{"nil clock", filepath.Join(dir, "y.db"), []Option{WithClock(nil)}, "nil clock"},
		{"nil logger", filepath.Join(dir, "y.db"), []Option{WithLogger(nil)}, "nil logger"},
		{"postgres refused", "postgres://postgres@127.0.0.1:1/test?sslmode=disable&connect_timeout=2", nil, "open postgres"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := Open(ctx, tt.dsn, tt.opts...)
			if err == nil {
				db.Close()
				t.Fatalf("Open(%q) succeeded", tt.dsn)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Open(%q) = %v, want an error saying %q", tt.dsn, err, tt.want)
			}
		})
	}
	if got, _ := os.ReadFile(text); string(got) != string(content) {
		t.Errorf("the text file was modified: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"notes.txt"}) {
		t.Errorf("Open left files behind: %v", names)
	}
}

// snapshot describes a database's tables and the rows that matter, to show
// that a refused Open changed nothing.
func snapshot(t *testing.T, dsn string) string {
	t.Helper()
	if !isPostgres(dsn) {
		b, err := os.ReadFile(dsn)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	admin, _, _ := postgresAdmin()
	schema := dsn[strings.Index(dsn, "search_path=")+len("search_path="):]
	rows, err := admin.Query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, schema)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		out = append(out, s)
	}
	sort.Strings(out)
	var versions, audits int
	admin.QueryRow(`SELECT count(*), max(version) FROM `+schema+`.schema_versions`).Scan(new(int), &versions)
	admin.QueryRow(`SELECT count(*) FROM ` + schema + `.audit_log`).Scan(&audits)
	return fmt.Sprintf("%s|version %d|%d audit entries", strings.Join(out, ","), versions, audits)
}

func TestOpen_schemaTooNew(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		mustImport(t, db, fixtureNotice())
		if err := db.w.Exec("INSERT INTO schema_versions (version, applied_at) VALUES (?, ?)", SchemaVersion()+1, db.now()).Error; err != nil {
			t.Fatal(err)
		}
		db.Close()
		before := snapshot(t, dsn)
		db2, err := Open(ctx, dsn)
		if err == nil {
			db2.Close()
			t.Fatal("Open of a newer schema succeeded")
		}
		if !errors.Is(err, knowledge.ErrSchemaTooNew) {
			t.Fatalf("Open = %v, want ErrSchemaTooNew", err)
		}
		if after := snapshot(t, dsn); after != before {
			t.Error("the refused database was modified")
		}
	})
}

func TestOpen_migrations(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		t.Run("concurrently", func(t *testing.T) {
			var wg sync.WaitGroup
			errs := make([]error, 4)
			for i := range errs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					db, err := Open(ctx, dsn)
					if err == nil {
						err = db.Close()
					}
					errs[i] = err
				}()
			}
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Errorf("Open %d: %v", i, err)
				}
			}
		})
		t.Run("twice", func(t *testing.T) {
			for range 2 {
				db := MustOpenDB(t, dsn)
				var n int64
				if err := db.r.Model(&schemaVersionRow{}).Count(&n).Error; err != nil {
					t.Fatal(err)
				}
				if n != int64(len(migrations)) {
					t.Errorf("%d schema versions recorded, want %d", n, len(migrations))
				}
				var heads int64
				db.r.Model(&auditHeadRow{}).Count(&heads)
				if heads != 1 {
					t.Errorf("%d audit heads, want 1", heads)
				}
				db.Close()
			}
		})
	})
}

// TestOpen_unwritableDirectory checks that a database in a directory that
// is missing or takes no files is refused with a message naming the
// directory, not SQLite's "out of memory (14)", and that nothing is created.
func TestOpen_unwritableDirectory(t *testing.T) {
	base := t.TempDir()
	readOnly := filepath.Join(base, "ro")
	if err := os.Mkdir(readOnly, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(readOnly, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(readOnly, 0o755) })
	tests := []struct {
		name, path, want string
		needsPermissions bool
	}{
		{"missing directory", filepath.Join(base, "nope", "x.db"), "create database " + filepath.Join(base, "nope", "x.db") + ": directory " + filepath.Join(base, "nope") + " does not exist", false},
		{"read-only directory", filepath.Join(readOnly, "x.db"), "create database " + filepath.Join(readOnly, "x.db") + ": directory " + readOnly + " is not writable: permission denied", true},
		{"directory is a file", filepath.Join(base, "file", "x.db"), "is not a directory", false},
	}
	if err := os.WriteFile(filepath.Join(base, "file"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.needsPermissions {
				// Root writes anywhere: probe whether permissions hold here.
				probe := filepath.Join(readOnly, "probe")
				if err := os.WriteFile(probe, nil, 0o600); err == nil {
					os.Remove(probe)
					t.Skip("directory permissions are not enforced for this user (root?)")
				}
			}
			db, err := Open(ctx, tt.path)
			if err == nil {
				db.Close()
				t.Fatalf("Open(%s) succeeded", tt.path)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Open(%s) = %q, want it to say %q", tt.path, err, tt.want)
			}
			if _, err := os.Stat(tt.path); err == nil {
				t.Errorf("%s exists after a failed Open", tt.path)
			}
		})
	}
}
