package importer_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"dutybot/knowledge"
	"dutybot/knowledge/importer"
)

// checkRead is the property every reader keeps: no panic, every failure
// an ErrInvalidNotice, and a notice that may be imported is valid and
// survives the YAML round trip.
func checkRead(t *testing.T, src []byte) {
	r, err := importer.Read(src, importer.WithNumber("淮公通〔2020〕1号"), importer.WithTitle("关于测试的通知"))
	if err != nil {
		if !errors.Is(err, knowledge.ErrInvalidNotice) {
			t.Fatalf("error %v does not wrap ErrInvalidNotice", err)
		}
		return
	}
	if r.Err() != nil {
		return
	}
	if err := importer.Validate(r.Notice); err != nil {
		t.Fatalf("an importable notice is invalid: %v", err)
	}
	y, err := importer.EncodeYAML(r.Notice)
	if err != nil {
		t.Fatalf("EncodeYAML: %v", err)
	}
	if _, err := importer.DecodeYAML(y); err != nil {
		t.Fatalf("DecodeYAML(EncodeYAML(n)): %v\n%s", err, y)
	}
}

func readFixture(f *testing.F, name string) []byte {
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		f.Fatal(err)
	}
	return b
}

// FuzzReadCSV fuzzes the CSV reader (and detection) with text.
func FuzzReadCSV(f *testing.F) {
	f.Add(readFixture(f, "second-gb18030.csv"))
	f.Add(writeCSV(f, secondNotice, secondCSV, false))
	f.Add([]byte("序号,工作任务,牵头单位,责任单位,完成时限\n1,建立制度。,法制支队,各分县局,2020年6月底前\n2,开展培训。,,各分县局,每季度\n"))
	f.Add([]byte("工作任务\t牵头单位\t责任单位\n一、总体\t\t\n任务。\t法制支队\t各分县局\n说明：无\n"))
	f.Fuzz(func(t *testing.T, src []byte) { checkRead(t, src) })
}

// FuzzReadDOCX fuzzes the Word reader with word/document.xml (zipped by
// the target, so that mutations reach the XML rather than break the zip).
func FuzzReadDOCX(f *testing.F) {
	zr, err := zip.NewReader(bytes.NewReader(readFixture(f, "second.docx")), int64(len(readFixture(f, "second.docx"))))
	if err != nil {
		f.Fatal(err)
	}
	var numbering []byte
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			f.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		switch zf.Name {
		case "word/document.xml":
			f.Add(b)
		case "word/numbering.xml":
			numbering = b
		}
	}
	f.Add([]byte(`<w:document xmlns:w="w"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>工作任务</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>牵头单位</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:tcPr><w:vMerge/><w:gridSpan w:val="3"/></w:tcPr><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>任务</w:t><w:br/></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, b := range map[string][]byte{"word/document.xml": doc, "word/numbering.xml": numbering} {
			w, err := zw.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			w.Write(b)
		}
		zw.Close()
		checkRead(t, buf.Bytes())
	})
}

// FuzzReadXLSX fuzzes the workbook path with whole files (the zip and
// excelize included).
func FuzzReadXLSX(f *testing.F) {
	f.Add(readFixture(f, "second.xlsx"))
	f.Fuzz(func(t *testing.T, src []byte) { checkRead(t, src) })
}
