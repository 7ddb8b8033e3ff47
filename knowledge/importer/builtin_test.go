package importer_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"dutybot/knowledge/builtin"
	"dutybot/knowledge/importer"
)

var update = flag.Bool("update", false, "regenerate ../builtin/"+builtin.FileName+" from testdata/notice.txt")

// builtinPath is the shipped notice file, in the builtin package.
var builtinPath = filepath.Join("..", "builtin", builtin.FileName)

func readSeed(t testing.TB) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "notice.txt"))
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	return src
}

// TestParseText_Builtin proves that the shipped file is exactly what the
// parser makes of the seed text: a change to either shows up here.
func TestParseText_Builtin(t *testing.T) {
	n, err := importer.ParseText(readSeed(t))
	if err != nil {
		t.Fatalf("ParseText: %v", err)
	}
	got, err := importer.EncodeYAML(n)
	if err != nil {
		t.Fatalf("EncodeYAML: %v", err)
	}
	if *update {
		if err := os.WriteFile(builtinPath, got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", builtinPath)
	}
	want, err := os.ReadFile(builtinPath)
	if err != nil {
		t.Fatalf("read shipped file: %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("ParseText(testdata/notice.txt) differs from %s (run go test -update after reviewing):\n%s", builtinPath, firstDiff(got, want))
	}
	if !bytes.Equal(builtin.YAML(), want) {
		t.Errorf("builtin.YAML() is not the file on disk (rebuild?)")
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(got, want []byte) string {
	g, w := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl []byte
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if !bytes.Equal(gl, wl) {
			return "line " + itoa(i+1) + ":\n  got:  " + string(gl) + "\n  want: " + string(wl)
		}
	}
	return "(same lines, different bytes)"
}

func itoa(n int) string { return strconv.Itoa(n) }
