package importer

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Limits on a zip archive (.docx, .xlsx), checked on the bytes actually
// unpacked, not on what the archive claims: a notice's parts are a few
// megabytes at most, so more is a zip bomb or no notice.
const (
	maxZipEntries = 2000
	maxPartSize   = 64 << 20  // one member
	maxUnzipSize  = 200 << 20 // all members
)

var (
	zipMagic = []byte("PK\x03\x04")
	// cfbMagic opens an OLE2 compound file: an encrypted .docx/.xlsx (Office
	// wraps those in one), or an old binary .doc/.xls.
	cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	// encryptedPackage is the stream name of an encrypted OOXML file, in UTF-16LE.
	encryptedPackage = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")
)

// Detect tells a notice file's format by its content: a zip archive holding
// word/document.xml or xl/workbook.xml, the YAML notice file, a CSV table
// (a header row of the table's words), or else raw text.
func Detect(src []byte) (Format, error) {
	switch {
	case bytes.HasPrefix(src, cfbMagic):
		if bytes.Contains(src, encryptedPackage) {
			return "", &TableError{Msg: "a password-protected Office document: save an unprotected copy and import that", Err: ErrPasswordProtected}
		}
		return "", &TableError{Msg: "an old binary Word or Excel file (.doc/.xls): save it as .docx or .xlsx and import that"}
	case bytes.HasPrefix(src, zipMagic) || bytes.HasPrefix(src, []byte("PK\x05\x06")):
		zr, err := openZip(src)
		if err != nil {
			return "", err
		}
		for _, f := range zr.File {
			switch f.Name {
			case "word/document.xml":
				return FormatDOCX, nil
			case "xl/workbook.xml":
				return FormatXLSX, nil
			}
		}
		return "", &TableError{Msg: "a zip archive that is neither a Word .docx nor an Excel .xlsx"}
	}
	if bytes.IndexByte(src, 0) >= 0 && !hasUTF16BOM(src) {
		return "", &TableError{Msg: "a binary file, not a notice (want .docx, .xlsx, .csv, the YAML notice file or text)"}
	}
	text := decodeText(src)
	if IsYAML([]byte(text)) {
		return FormatYAML, nil
	}
	if looksLikeCSV(text) {
		return FormatCSV, nil
	}
	return FormatText, nil
}

// openZip opens an archive and checks it against the limits and for
// encryption before any part is read.
func openZip(src []byte) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, &TableError{Msg: fmt.Sprintf("a corrupt zip archive: %v", err), Err: ErrCorruptArchive}
	}
	if len(zr.File) > maxZipEntries {
		return nil, &TableError{Msg: fmt.Sprintf("the archive has %d members (at most %d)", len(zr.File), maxZipEntries), Err: ErrTooLarge}
	}
	var total uint64
	for _, f := range zr.File {
		if f.Flags&0x1 != 0 {
			return nil, &TableError{Msg: fmt.Sprintf("archive member %s is encrypted (password-protected): save an unprotected copy and import that", f.Name), Err: ErrPasswordProtected}
		}
		total += f.UncompressedSize64
		if f.UncompressedSize64 > maxPartSize || total > maxUnzipSize {
			return nil, zipTooLarge(f.Name)
		}
	}
	return zr, nil
}

func zipTooLarge(name string) error {
	return &TableError{Msg: fmt.Sprintf("archive member %s unpacks to more than %d MiB (a zip bomb?)", name, maxPartSize>>20), Err: ErrTooLarge}
}

// readPart unpacks one member of an archive, counting the bytes really
// unpacked against the limits (a header may lie about sizes). budget is
// what the archive may still unpack; it is decreased.
func readPart(f *zip.File, budget *int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, &TableError{Msg: fmt.Sprintf("archive member %s: %v", f.Name, err), Err: ErrCorruptArchive}
	}
	defer rc.Close()
	limit := min(int64(maxPartSize), *budget)
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, &TableError{Msg: fmt.Sprintf("archive member %s: %v", f.Name, err), Err: ErrCorruptArchive}
	}
	if int64(len(b)) > limit {
		return nil, zipTooLarge(f.Name)
	}
	*budget -= int64(len(b))
	return b, nil
}

// checkUnpacked unpacks every member once, so that a member whose header
// understates its size is caught before a library reads the archive.
func checkUnpacked(zr *zip.Reader) error {
	budget := int64(maxUnzipSize)
	for _, f := range zr.File {
		if _, err := readPart(f, &budget); err != nil {
			return err
		}
	}
	return nil
}

func hasUTF16BOM(src []byte) bool {
	return bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF})
}

// decodeText returns src as UTF-8 text: UTF-8 with or without a BOM,
// UTF-16 with a BOM (Excel's "Unicode text"), or else GB18030 (Excel and
// Notepad on Chinese Windows), whichever decodes cleanly.
func decodeText(src []byte) string {
	if hasUTF16BOM(src) {
		if s, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(src); err == nil {
			return strings.TrimPrefix(string(s), "\uFEFF")
		}
	}
	if utf8.Valid(src) {
		return strings.TrimPrefix(string(src), "\uFEFF")
	}
	if s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(src); err == nil && utf8.Valid(s) && !bytes.ContainsRune(s, utf8.RuneError) {
		return string(s)
	}
	return strings.ToValidUTF8(string(src), "\uFFFD")
}

// csvDelimiters are tried in order: comma, then tab (Excel's text export), then semicolon.
var csvDelimiters = []rune{',', '\t', ';'}

// splitCSV parses text as delimited records with the delimiter that
// yields a header row of the task table's words; ok is false when none does.
func splitCSV(text string) (records [][]string, lines []int, ok bool) {
	hw := mustHeaderWords()
	for _, d := range csvDelimiters {
		if !strings.ContainsRune(text, d) {
			continue
		}
		r := csv.NewReader(strings.NewReader(text))
		r.Comma, r.FieldsPerRecord, r.LazyQuotes = d, -1, true
		records, lines = nil, nil
		for {
			rec, err := r.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				records = nil
				break
			}
			line, _ := r.FieldPos(0)
			records, lines = append(records, rec), append(lines, line)
		}
		for i := 0; i < len(records) && i < maxHeaderSearch; i++ {
			roles := map[role]bool{}
			for _, f := range records[i] {
				if ro, _ := hw.match(f); ro != roleNone {
					roles[ro] = true
				}
			}
			if len(roles) >= 2 && (roles[roleContent] || roles[roleLead] || roles[roleResponsible]) {
				return records, lines, true
			}
		}
	}
	return nil, nil, false
}

// looksLikeCSV reports text shaped as a delimited table with a header row
// of the task table's words.
func looksLikeCSV(text string) bool {
	_, _, ok := splitCSV(text)
	return ok
}
