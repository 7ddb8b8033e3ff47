package store

import (
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// table is one table read as text, without the store: its columns and its
// rows, each row its values joined by " | ", sorted.
type table struct {
	cols []string
	rows []string
}

// readTables reads every table of the database at dsn through database/sql,
// so that what a migration did can be compared with what was there before.
// With only, it reads those tables and columns alone (a table or column
// missing is an error: it was lost).
func readTables(t *testing.T, e Engine, dsn string, only map[string]table) map[string]table {
	t.Helper()
	driver, list, columns := "sqlite", `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
		`SELECT name FROM pragma_table_info(?) ORDER BY cid`
	if e == Postgres {
		driver, list, columns = "pgx", `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
			`SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var names []string
	if only == nil {
		names = strings.Split(queryColumn(t, db, list), "\n")
	} else {
		for name := range only {
			names = append(names, name)
		}
	}
	out := map[string]table{}
	for _, name := range names {
		cols := strings.Split(queryColumn(t, db, columns, name), "\n")
		if only != nil {
			cols = only[name].cols
		}
		quoted := make([]string, len(cols))
		for i, c := range cols {
			quoted[i] = `"` + c + `"`
		}
		out[name] = table{cols: cols, rows: queryRows(t, db, `SELECT `+strings.Join(quoted, ", ")+` FROM "`+name+`"`)}
	}
	return out
}

// queryColumn returns the first column of query's rows, sorted, one a line
// (so a table's columns read in name order: the same before and after).
func queryColumn(t *testing.T, db *sql.DB, query string, args ...any) string {
	t.Helper()
	rows := queryRows(t, db, query, args...)
	return strings.Join(rows, "\n")
}

// queryRows returns query's rows as text, sorted: NULL, times in UTC RFC
// 3339 with nanoseconds, bytes as text, anything else as fmt prints it.
func queryRows(t *testing.T, db *sql.DB, query string, args ...any) []string {
	t.Helper()
	rows, err := db.Query(query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		texts := make([]string, len(vals))
		for i, v := range vals {
			switch v := v.(type) {
			case nil:
				texts[i] = "NULL"
			case time.Time:
				texts[i] = v.UTC().Format(time.RFC3339Nano)
			case []byte:
				texts[i] = string(v)
			default:
				texts[i] = fmt.Sprint(v)
			}
		}
		out = append(out, strings.Join(texts, " | "))
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	slices.Sort(out)
	return out
}

// sameTables reports every row of before that after no longer holds as it
// was. schema_versions only grows; every other table must be as it was.
func sameTables(t *testing.T, before, after map[string]table) {
	t.Helper()
	for name, b := range before {
		a := after[name]
		if name == "schema_versions" {
			a.rows = slices.DeleteFunc(slices.Clone(a.rows), func(r string) bool { return !slices.Contains(b.rows, r) })
		}
		if !slices.Equal(a.rows, b.rows) {
			t.Errorf("table %s (%s) changed in the upgrade:\nbefore %q\n after %q", name, strings.Join(b.cols, ", "), b.rows, a.rows)
		}
	}
}
