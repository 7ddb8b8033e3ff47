package importer_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dutybot/knowledge"
	"dutybot/knowledge/builtin"
	"dutybot/knowledge/importer"
)

var updateFixtures = flag.Bool("update-fixtures", false, "rewrite testdata/second.* from secondNotice")

// seedLayout is the seed's own table: 制度重点项目 over the section and
// subsection columns, the number in front of the task text.
var seedLayout = layout{headers: []string{"制度重点项目", "制度重点项目", "工作任务", "牵头单位", "责任单位", "进度要求"}, breaks: true, numberAbove: true}

func builtinNotice(t testing.TB) *knowledge.Notice {
	t.Helper()
	n, err := importer.DecodeYAML(builtin.YAML())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// sameTasks compares what `tasks --json` shows of two notices' tasks.
func sameTasks(t *testing.T, got, want []knowledge.Task) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d tasks, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Number != w.Number || g.Section != w.Section || g.Subsection != w.Subsection || g.Content != w.Content ||
			!slices.Equal(g.Lead, w.Lead) || !slices.Equal(g.Responsible, w.Responsible) || g.Deadline != w.Deadline {
			t.Errorf("task %d:\n got  %d %s/%s %q lead %v resp %v %+v\n want %d %s/%s %q lead %v resp %v %+v", w.Number,
				g.Number, g.Section, g.Subsection, g.Content, g.Lead, g.Responsible, g.Deadline,
				w.Number, w.Section, w.Subsection, w.Content, w.Lead, w.Responsible, w.Deadline)
		}
	}
}

func mustRead(t *testing.T, src []byte, want importer.Format, opts ...importer.Option) *importer.Result {
	t.Helper()
	r, err := importer.Read(src, opts...)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if r.Format != want {
		t.Errorf("format %s, want %s", r.Format, want)
	}
	if err := r.Err(); err != nil {
		t.Fatalf("Err: %v", err)
	}
	return r
}

// TestRead_SeedInEveryFormat: the built-in notice's table written as
// .docx, .xlsx and .csv (UTF-8 with BOM, GB18030) imports as the same 43 tasks.
func TestRead_SeedInEveryFormat(t *testing.T) {
	n := builtinNotice(t)
	s := sampleOf(n)
	opts := []importer.Option{importer.WithNumber(n.Number), importer.WithTitle(n.Title), importer.WithIssued(n.Date.String())}
	t.Run("docx", func(t *testing.T) {
		r := mustRead(t, writeDOCX(t, s, seedLayout), importer.FormatDOCX)
		sameTasks(t, r.Notice.Tasks, n.Tasks)
		got := r.Notice
		if got.Number != n.Number || got.Title != n.Title || got.Issuer != n.Issuer || got.Date != n.Date ||
			!slices.Equal(got.Addressees, n.Addressees) || got.TableTitle != n.TableTitle || got.Note != n.Note {
			t.Errorf("header: got %q %q %q %s %v %q %+v", got.Number, got.Title, got.Issuer, got.Date, got.Addressees, got.TableTitle, got.Note)
		}
		if got.Preamble != n.Preamble || len(got.Sections) != len(n.Sections) || !slices.Equal(got.Closing, n.Closing) || len(got.Cites) != len(n.Cites) {
			t.Errorf("body: preamble %q, %d sections, closing %q, %d cites", got.Preamble, len(got.Sections), got.Closing, len(got.Cites))
		}
		if len(r.Warnings) != 0 {
			t.Errorf("warnings: %v", r.Warnings)
		}
	})
	t.Run("xlsx", func(t *testing.T) {
		r := mustRead(t, writeXLSX(t, s, seedLayout), importer.FormatXLSX, opts...)
		sameTasks(t, r.Notice.Tasks, n.Tasks)
		if r.Notice.TableTitle != n.TableTitle || r.Notice.Note != n.Note {
			t.Errorf("table title %q, note %+v", r.Notice.TableTitle, r.Notice.Note)
		}
	})
	for _, gb := range []bool{false, true} {
		t.Run(map[bool]string{false: "csv utf-8", true: "csv gb18030"}[gb], func(t *testing.T) {
			r := mustRead(t, writeCSV(t, s, seedLayout, gb), importer.FormatCSV, opts...)
			sameTasks(t, r.Notice.Tasks, n.Tasks)
			if r.Notice.Number != n.Number || r.Notice.Issuer != n.Issuer || r.Notice.Date != n.Date {
				t.Errorf("flags not applied: %q %q %s", r.Notice.Number, r.Notice.Issuer, r.Notice.Date)
			}
		})
	}
}

// secondNotice is a second notice of the same kind, written as offices
// write it: aliases of units (各县分局, 市局法制支队), units one per line,
// several deadline forms.
var secondNotice = sample{
	number: "淮公通〔2020〕112号", title: "淮南市公安局关于深化公安行政执法规范化建设相关工作的通知",
	issuer: "淮南市公安局", date: "2020年4月10日", addressees: "各县局、各分局、市局各部门：",
	body: []string{
		"为深入推进公安行政执法规范化建设，根据上级要求，结合我市实际，对相关工作任务进行了分解，请认真贯彻执行。",
		"一、提高认识。各单位要把执法规范化建设摆上重要议事日程。",
		"二、压实责任。各牵头单位要加强统筹，各责任单位要按时完成任务。",
		"各单位工作中遇到的问题请及时报告市局法制支队。",
	},
	tableTitle: "淮南市公安机关深化行政执法规范化建设任务分解表",
	note:       "说明：“牵头单位”负责统筹推进；“责任单位”负责具体落实。",
	rows: []sampleRow{
		{"一、健全执法制度体系", "（一）清理执法制度", "1.全面清理现行执法制度文件，形成清理目录。", "市局法制支队", "各行政执法警种、各县分局", "2020年6月底前"},
		{"一、健全执法制度体系", "（一）清理执法制度", "2.对清理出的制度文件，该废止的废止、该修订的修订。", "法制支队", "各行政执法警种、各分县局", "2020年第三季度末"},
		{"一、健全执法制度体系", "（二）完善执法指引", "3.编制常见警情处置执法指引，发放到一线民警。", "法制支队", "指挥中心、各分县局", "2020年9月30日"},
		{"二、强化执法监督管理", "（一）开展执法检查", "4.每季度组织一次执法质量检查，通报检查结果。", "法制支队", "督察支队、各分县局", "长期"},
		{"二、强化执法监督管理", "（一）开展执法检查", "5.对执法检查发现的问题，建立整改台账，限期整改。", "督察支队", "各分县局", "2020年12月31日"},
		{"二、强化执法监督管理", "（二）加强执法培训", "6.组织全警执法资格等级考试培训。", "教育训练处", "法制支队、人事处", "2020年下半年"},
	},
}

// secondLayouts are the second notice's files: a Word table with a 序号
// column Word numbers itself, sections as rows merged across and the table
// continued as a second table; a workbook with 序号, merged heading columns
// and Excel dates; a GB18030 CSV.
var (
	secondDOCX = layout{headers: []string{"序号", "具体任务", "牵头单位", "责任单位", "完成时限"}, numbered: true, autoNumber: true, headingRows: true, splitAt: 4, breaks: true}
	secondXLSX = layout{headers: []string{"序号", "重点工作", "工作任务", "任务内容", "牵头单位", "配合单位", "时间要求"}, numbered: true, dateCells: true, breaks: true}
	secondCSV  = layout{headers: []string{"序号", "工作类别", "子项目", "具体任务", "牵头部门", "责任单位", "进度要求"}, numbered: true}
)

// secondTasks are the tasks the second notice's files must give.
func secondTasks() []knowledge.Task {
	d := func(text, date string) knowledge.Deadline {
		dd, err := knowledge.ParseDate(date)
		if err != nil {
			panic(err)
		}
		return knowledge.Deadline{Text: text, Kind: knowledge.DeadlineDate, Date: dd}
	}
	sec1, sec2 := "健全执法制度体系", "强化执法监督管理"
	return []knowledge.Task{
		{Number: 1, Section: sec1, Subsection: "清理执法制度", Content: "全面清理现行执法制度文件，形成清理目录。", Lead: []string{"法制支队"}, Responsible: []string{"各行政执法警种", "各分县局"}, Deadline: d("2020年6月底前", "2020-06-30")},
		{Number: 2, Section: sec1, Subsection: "清理执法制度", Content: "对清理出的制度文件，该废止的废止、该修订的修订。", Lead: []string{"法制支队"}, Responsible: []string{"各行政执法警种", "各分县局"}, Deadline: d("2020年第三季度末", "2020-09-30")},
		{Number: 3, Section: sec1, Subsection: "完善执法指引", Content: "编制常见警情处置执法指引，发放到一线民警。", Lead: []string{"法制支队"}, Responsible: []string{"指挥中心", "各分县局"}, Deadline: d("2020年9月30日", "2020-09-30")},
		{Number: 4, Section: sec2, Subsection: "开展执法检查", Content: "每季度组织一次执法质量检查，通报检查结果。", Lead: []string{"法制支队"}, Responsible: []string{"督察支队", "各分县局"}, Deadline: knowledge.Deadline{Text: "长期", Kind: knowledge.DeadlineOngoing}},
		{Number: 5, Section: sec2, Subsection: "开展执法检查", Content: "对执法检查发现的问题，建立整改台账，限期整改。", Lead: []string{"督察支队"}, Responsible: []string{"各分县局"}, Deadline: d("2020年12月31日", "2020-12-31")},
		{Number: 6, Section: sec2, Subsection: "加强执法培训", Content: "组织全警执法资格等级考试培训。", Lead: []string{"教育训练处"}, Responsible: []string{"法制支队", "人事处"}, Deadline: d("2020年下半年", "2020-12-31")},
	}
}

var fixtures = []struct {
	file   string
	format importer.Format
	make   func(t testing.TB) []byte
}{
	{"second.docx", importer.FormatDOCX, func(t testing.TB) []byte { return writeDOCX(t, secondNotice, secondDOCX) }},
	{"second.xlsx", importer.FormatXLSX, func(t testing.TB) []byte { return writeXLSX(t, secondNotice, secondXLSX) }},
	{"second-gb18030.csv", importer.FormatCSV, func(t testing.TB) []byte { return writeCSV(t, secondNotice, secondCSV, true) }},
}

// TestFixtures: the committed files of the second notice import as its six
// tasks, whatever their layout; -update-fixtures rewrites them.
func TestFixtures(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.file, func(t *testing.T) {
			path := filepath.Join("testdata", fx.file)
			if *updateFixtures {
				if err := os.WriteFile(path, fx.make(t), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("read fixture (make it with -update-fixtures): %v", err)
			}
			var opts []importer.Option
			if fx.format != importer.FormatDOCX {
				opts = []importer.Option{importer.WithNumber("淮公通〔2020〕112号"), importer.WithTitle(secondNotice.title), importer.WithIssued("2020-04-10")}
			}
			r := mustRead(t, src, fx.format, opts...)
			sameTasks(t, r.Notice.Tasks, secondTasks())
			n := r.Notice
			if n.Number != "淮公通〔2020〕112号" || n.Title != secondNotice.title || n.Issuer != "淮南市公安局" || n.Date.String() != "2020-04-10" {
				t.Errorf("header %q %q %q %s", n.Number, n.Title, n.Issuer, n.Date)
			}
			if n.TableTitle != secondNotice.tableTitle || n.Note.Lead != "负责统筹推进" {
				t.Errorf("table title %q, note %+v", n.TableTitle, n.Note)
			}
			for _, w := range r.Warnings {
				t.Errorf("warning: %s", w)
			}
		})
	}
}

func TestRead_DocxHeader(t *testing.T) {
	r := mustRead(t, writeDOCX(t, secondNotice, secondDOCX), importer.FormatDOCX)
	n := r.Notice
	if !slices.Equal(n.Addressees, []string{"各县局", "各分局", "市局各部门"}) {
		t.Errorf("addressees %v", n.Addressees)
	}
	if len(n.Sections) != 2 || n.Sections[1].Heading != "压实责任" || len(n.Closing) != 1 {
		t.Errorf("sections %+v closing %q", n.Sections, n.Closing)
	}
	// The flags override what the document states.
	r = mustRead(t, writeDOCX(t, secondNotice, secondDOCX), importer.FormatDOCX, importer.WithNumber("淮公通〔2020〕113号"), importer.WithIssued("2020-04-11"))
	if r.Notice.Number != "淮公通〔2020〕113号" || r.Notice.Date.String() != "2020-04-11" || r.Notice.Title != secondNotice.title {
		t.Errorf("with flags: %q %s %q", r.Notice.Number, r.Notice.Date, r.Notice.Title)
	}
}

// TestRead_Warnings: a row with no unit, an unknown unit (with the nearest
// known one), a deadline that is no date; a table file with no 文号.
func TestRead_Warnings(t *testing.T) {
	csv := "\uFEFF序号,工作任务,牵头单位,责任单位,完成时限\n" +
		"1,建立制度。,法制之队,各分县局,2020年6月底前\n" +
		"2,开展培训。,,各分县局,每季度一次\n" +
		"3,宣传报道。,宣传处,各分县局,长期\n"
	r, err := importer.Read([]byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range r.Warnings {
		got = append(got, w.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"row 2 column 3: task 1: unknown unit \"法制之队\"", "did you mean 法制支队?",
		"row 3 column 3: task 2: no lead unit",
		"row 3 column 5: task 2: cannot read the deadline \"每季度一次\"",
		"unknown unit \"宣传处\"", "no document number (文号): give it with --number",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
	if err := r.Err(); err == nil || !strings.Contains(err.Error(), "no lead unit") || !errors.Is(err, knowledge.ErrInvalidNotice) {
		t.Errorf("Err() = %v, want the blocking problems", err)
	}
	if d := r.Notice.Tasks[1].Deadline; d.Kind != knowledge.DeadlineNone || d.Text != "每季度一次" {
		t.Errorf("unreadable deadline kept as %+v", d)
	}
}

// TestRead_BadFiles: each bad file is an error naming the place, wrapping
// ErrInvalidNotice (and the specific cause where there is one).
func TestRead_BadFiles(t *testing.T) {
	docx := writeDOCX(t, secondNotice, secondDOCX)
	noTask := writeCSV(t, secondNotice, layout{headers: []string{"序号", "工作类别", "子项目", "说明", "牵头单位", "责任单位", "进度要求"}, numbered: true}, false)
	tests := []struct {
		name  string
		src   []byte
		cause error
		want  []string
	}{
		{"corrupt zip", append([]byte("PK\x03\x04"), bytes.Repeat([]byte{1}, 100)...), importer.ErrCorruptArchive, []string{"corrupt zip"}},
		{"truncated docx", docx[:len(docx)/2], importer.ErrCorruptArchive, []string{"corrupt"}},
		{"encrypted office file", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")...), importer.ErrPasswordProtected, []string{"password"}},
		{"encrypted zip member", encryptedZip(t), importer.ErrPasswordProtected, []string{"encrypted"}},
		{"zip bomb", zipBomb(t), importer.ErrTooLarge, []string{"word/document.xml", "zip bomb"}},
		{"other zip", zipOf(t, map[string]string{"a.txt": "x"}), nil, []string{"neither"}},
		{"docx without table", zipOf(t, map[string]string{"word/document.xml": `<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>`}), nil, []string{"no table"}},
		{"bad xml", zipOf(t, map[string]string{"word/document.xml": `<w:document xmlns:w="w"><w:body><w:p>`}), importer.ErrCorruptArchive, []string{"word/document.xml"}},
		{"no task column", noTask, nil, []string{"row 2", "no task column", "牵头单位"}},
		{"binary", []byte{0, 1, 2, 3, 0, 0}, nil, []string{"binary"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := importer.Read(tt.src)
			if err == nil {
				t.Fatalf("Read succeeded (%s, %d tasks)", r.Format, len(r.Notice.Tasks))
			}
			if !errors.Is(err, knowledge.ErrInvalidNotice) {
				t.Errorf("%v does not wrap ErrInvalidNotice", err)
			}
			if tt.cause != nil && !errors.Is(err, tt.cause) {
				t.Errorf("%v does not wrap %v", err, tt.cause)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

// encryptedZip is a zip whose member has the encryption flag set.
func encryptedZip(t *testing.T) []byte {
	b := zipOf(t, map[string]string{"word/document.xml": "<x/>"})
	// Set bit 0 of the general-purpose flags in the local and central headers.
	out := bytes.Clone(b)
	for _, sig := range [][]byte{[]byte("PK\x03\x04"), []byte("PK\x01\x02")} {
		i := bytes.Index(out, sig)
		off := 6
		if sig[2] == 1 {
			off = 8
		}
		out[i+off] |= 1
	}
	return out
}

// zipBomb is a .docx whose document.xml unpacks to more than the limit
// from a few hundred kilobytes.
func zipBomb(t *testing.T) []byte {
	var buf bytes.Buffer
	zw := newZipWriter(&buf)
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

// TestRead_CSVForms: heading rows instead of heading columns, units one per
// line, the 说明 row, and Excel's UTF-16 tab-separated "Unicode text".
func TestRead_CSVForms(t *testing.T) {
	r := mustRead(t, []byte("工作任务,牵头单位,责任单位,进度要求\n一、规范公示,,,\n（一）事前公开,,,\n1.公开信息。,市局办公室,\"法制支队\n各县分局\",2019年8月底前\n说明：“牵头单位”负责统筹。\n"),
		importer.FormatCSV, importer.WithNumber("淮公通〔2019〕1号"), importer.WithTitle("关于测试的通知"))
	task := r.Notice.Tasks[0]
	if task.SectionNumeral != "一" || task.Section != "规范公示" || task.Subsection != "事前公开" || task.Content != "公开信息。" ||
		!slices.Equal(task.Responsible, []string{"法制支队", "各分县局"}) || r.Notice.Note.Lead != "负责统筹" {
		t.Errorf("got %+v, note %+v", task, r.Notice.Note)
	}
	u := []byte{0xFF, 0xFE}
	for _, c := range "序号\t工作任务\t牵头单位\t责任单位\t完成时限\r\n1\t建立制度。\t法制支队\t各分县局\t长期\r\n" {
		u = append(u, byte(c), byte(c>>8))
	}
	r = mustRead(t, u, importer.FormatCSV, importer.WithNumber("淮公通〔2019〕1号"), importer.WithTitle("关于测试的通知"))
	if len(r.Notice.Tasks) != 1 || r.Notice.Tasks[0].Deadline.Kind != knowledge.DeadlineOngoing {
		t.Errorf("UTF-16 text: %+v", r.Notice.Tasks)
	}
}
