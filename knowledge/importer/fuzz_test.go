package importer_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dutybot/knowledge"
	"dutybot/knowledge/importer"
)

// FuzzParseText: no input panics, every failure is an ErrInvalidNotice, and
// every success is a valid notice that survives the YAML round trip.
func FuzzParseText(f *testing.F) {
	// A three-task cut of the seed (testdata/small.txt) keeps each run fast
	// under coverage instrumentation; the whole seed is covered by the tests.
	small, err := os.ReadFile(filepath.Join("testdata", "small.txt"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(small)
	lines := strings.Split(string(small), "\n")
	for _, n := range []int{10, 40, 120, 150, 200, len(lines) - 4} {
		f.Add([]byte(strings.Join(lines[:min(n, len(lines))], "\n")))
	}
	f.Add([]byte("淮南市公安局关于\n淮公通〔2019〕1号\n各县局：\n正文。\n淮南市公安局\n2019年9月3日\n附件\n分解表\n牵头单位责任单位\n1.任务。\n市局\n长期\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		n, err := importer.ParseText(src)
		if err != nil {
			if !errors.Is(err, knowledge.ErrInvalidNotice) {
				t.Fatalf("error %v does not wrap ErrInvalidNotice", err)
			}
			return
		}
		if err := importer.Validate(n); err != nil {
			t.Fatalf("ParseText returned an invalid notice: %v", err)
		}
		y, err := importer.EncodeYAML(n)
		if err != nil {
			t.Fatalf("EncodeYAML: %v", err)
		}
		if _, err := importer.DecodeYAML(y); err != nil {
			t.Fatalf("DecodeYAML(EncodeYAML(n)): %v\n%s", err, y)
		}
	})
}

// FuzzDecodeYAML: no file panics the decoder.
func FuzzDecodeYAML(f *testing.F) {
	n, err := importer.ParseText(readSeed(f))
	if err != nil {
		f.Fatal(err)
	}
	y, _ := importer.EncodeYAML(n)
	f.Add(y)
	f.Add([]byte("number: x\ntasks: [{number: 1}]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		if _, err := importer.DecodeYAML(src); err != nil && !errors.Is(err, knowledge.ErrInvalidNotice) {
			t.Fatalf("error %v does not wrap ErrInvalidNotice", err)
		}
	})
}

// FuzzParseDeadline: a deadline that parses is consistent.
func FuzzParseDeadline(f *testing.F) {
	for _, s := range []string{"2019年8月底前", "2019年9月18日前", "长期", "", "2019年第三季度末"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := importer.ParseDeadline(s)
		if err == nil {
			if verr := d.Validate(); verr != nil {
				t.Fatalf("ParseDeadline(%q) = %+v: %v", s, d, verr)
			}
		}
		_ = importer.ParsePeriods(s)
	})
}
