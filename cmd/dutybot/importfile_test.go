package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The second notice's files, made by the importer's tests (see
// knowledge/importer/tablegen_test.go).
func fixture(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join("..", "..", "knowledge", "importer", "testdata", name)
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
	return p
}

var secondFlags = []string{"--number", "淮公通〔2020〕112号", "--title", "淮南市公安局关于深化公安行政执法规范化建设相关工作的通知", "--issued", "2020-04-10"}

// TestMain_ImportTables: the same table as .docx, .xlsx and GB18030 .csv
// gives the same tasks; --dry-run prints them and writes nothing.
func TestMain_ImportTables(t *testing.T) {
	var outs []string
	for _, name := range []string{"second.docx", "second.xlsx", "second-gb18030.csv"} {
		t.Run(name, func(t *testing.T) {
			tm := newTestMain(t)
			before := tm.mustRun("audit", "--json")
			args := append([]string{"import", "--dry-run"}, secondFlags...)
			dry := tm.mustRun(append(args, fixture(t, name))...)
			for _, want := range []string{"淮公通〔2020〕112号", "（6项任务）", "  6. 2020-12-31", "牵头：教育训练处｜责任：法制支队、人事处", "nothing written (0 warnings)"} {
				if !strings.Contains(dry, want) {
					t.Errorf("dry run lacks %q:\n%s", want, dry)
				}
			}
			if after := tm.mustRun("audit", "--json"); after != before {
				t.Fatalf("--dry-run changed the database")
			}
			if _, errs, code := tm.run("", "tasks", "--json", "--notice", "淮公通〔2020〕112号"); code != 1 || !strings.Contains(errs, "not found") {
				t.Fatalf("after --dry-run, tasks --notice exits %d (%s): want the notice not found", code, errs)
			}
		})
		t.Run(name+" imported", func(t *testing.T) {
			tm := newTestMain(t)
			tm.mustRun(append(append([]string{"import"}, secondFlags...), fixture(t, name))...)
			outs = append(outs, tm.mustRun("tasks", "--json", "--notice", "淮公通〔2020〕112号"))
		})
	}
	if len(outs) == 3 && (outs[0] != outs[1] || outs[1] != outs[2]) {
		t.Errorf("the three formats give different tasks:\ndocx %s\nxlsx %s\ncsv %s", outs[0], outs[1], outs[2])
	}
	if len(outs) > 0 && !strings.Contains(outs[0], `"content": "组织全警执法资格等级考试培训。"`) {
		t.Errorf("tasks --json: %s", outs[0])
	}
}

// TestMain_ImportBadTables: a bad table file exits 1 naming the file and the
// place, and the database and audit log are unchanged; --dry-run of a file
// with problems lists them all and writes nothing.
func TestMain_ImportBadTables(t *testing.T) {
	docx, err := os.ReadFile(fixture(t, "second.docx"))
	if err != nil {
		t.Fatal(err)
	}
	noUnit := "序号,工作任务,牵头单位,责任单位,完成时限\n1,建立制度。,法制支队,各分县局,2020年6月底前\n2,开展培训。,,各分县局,长期\n"
	bad := []struct{ name, file, text, want string }{
		{"corrupt docx", "notice.docx", string(docx[:len(docx)*2/3]), "corrupt"},
		{"zip bomb", "notice.docx", string(bomb(t)), "zip bomb"},
		{"encrypted", "notice.xlsx", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00", "password-protected"},
		{"no task column", "tasks.csv", "序号,牵头单位,责任单位,完成时限\n1,法制支队,各分县局,长期\n", "row 1: no task column"},
		{"row without unit", "tasks.csv", noUnit, "row 3 column 3: task 2: no lead unit"},
	}
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			tm := newTestMain(t)
			tm.refusesImport(b.file, b.text, b.want)
			tm.refusesImport(b.file, b.text, b.file)
		})
	}
	t.Run("dry run lists the problems", func(t *testing.T) {
		tm := newTestMain(t)
		before := tm.mustRun("audit", "--json")
		path := filepath.Join(t.TempDir(), "tasks.csv")
		text := noUnit + "3,宣传报道。,宣传处,各分县局,每季度一次\n"
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		out := tm.mustRun("import", "--dry-run", path)
		for _, want := range []string{"error: row 3 column 3: task 2: no lead unit", `unknown unit "宣传处"`, `cannot read the deadline "每季度一次"`,
			"give it with --number", "cannot be imported as it is"} {
			if !strings.Contains(out, want) {
				t.Errorf("dry run lacks %q:\n%s", want, out)
			}
		}
		if after := tm.mustRun("audit", "--json"); after != before {
			t.Errorf("--dry-run changed the database")
		}
	})
	t.Run("a bad flag is a usage error", func(t *testing.T) {
		tm := newTestMain(t)
		if _, errs, code := tm.run("", "import", "--issued", "2020-13-01", fixture(t, "second.docx")); code != 2 || !strings.Contains(errs, "2020-13-01") {
			t.Errorf("exit %d, stderr %q; want 2 naming the date", code, errs)
		}
	})
}

// bomb is a .docx whose document.xml unpacks to more than the importer allows.
func bomb(t *testing.T) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for range 65 {
		if _, err := w.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
