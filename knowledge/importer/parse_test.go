package importer_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"dutybot/knowledge"
	"dutybot/knowledge/importer"
)

func parseSeed(t testing.TB) *knowledge.Notice {
	t.Helper()
	n, err := importer.ParseText(readSeed(t))
	if err != nil {
		t.Fatalf("ParseText(seed): %v", err)
	}
	return n
}

// goldenTask is one hand-reviewed row of testdata/tasks.golden.tsv.
type goldenTask struct {
	number                          int
	secNum, sec, subNum, sub        string
	lead, resp                      []string
	dlText, dlKind, dlDate, content string
}

func readGolden(t *testing.T) []goldenTask {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "tasks.golden.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var out []goldenTask
	for i, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 11 {
			t.Fatalf("tasks.golden.tsv line %d: %d fields", i+1, len(f))
		}
		n, _ := strconv.Atoi(f[0])
		out = append(out, goldenTask{n, f[1], f[2], f[3], f[4], strings.Split(f[5], "、"), strings.Split(f[6], "、"), f[7], f[8], f[9], f[10]})
	}
	return out
}

// TestParseText_Tasks checks every field of all 43 rows against the
// hand-reviewed golden table (written once, checked against notice.txt row
// by row; it has no -update).
func TestParseText_Tasks(t *testing.T) {
	n := parseSeed(t)
	golden := readGolden(t)
	if len(n.Tasks) != 43 || len(golden) != 43 {
		t.Fatalf("got %d tasks, golden has %d; want 43", len(n.Tasks), len(golden))
	}
	for i, g := range golden {
		task := n.Tasks[i]
		t.Run(strconv.Itoa(g.number), func(t *testing.T) {
			check := func(field string, got, want any) {
				t.Helper()
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s = %v, want %v", field, got, want)
				}
			}
			check("number", task.Number, g.number)
			check("section", task.SectionNumeral+"、"+task.Section, g.secNum+"、"+g.sec)
			check("subsection", "（"+task.SubsectionNumeral+"）"+task.Subsection, "（"+g.subNum+"）"+g.sub)
			check("content", task.Content, g.content)
			check("lead", task.Lead, g.lead)
			check("responsible", task.Responsible, g.resp)
			check("deadline text", task.Deadline.Text, g.dlText)
			check("deadline kind", string(task.Deadline.Kind), g.dlKind)
			check("deadline date", task.Deadline.Date.String(), g.dlDate)
		})
	}
}

func TestParseText_Header(t *testing.T) {
	n := parseSeed(t)
	check := func(field string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %v, want %v", field, got, want)
		}
	}
	check("title", n.Title, "淮南市公安局关于贯彻落实行政执法公示制度执法全过程记录制度重大执法决定法制审核制度相关工作的通知")
	check("issuer", n.Issuer, "淮南市公安局")
	check("number", n.Number, "淮公通〔2019〕395号")
	check("date", n.Date.String(), "2019-09-03")
	check("addressees", n.Addressees, []string{"各县局", "各分局", "驻局纪检组", "市局各部门"})
	check("cites", n.Cites, []knowledge.Citation{
		{Title: "安徽省全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度实施方案的通知", Number: "皖政办秘〔2019〕64号"},
		{Title: "安徽省公安厅关于贯彻落实行政执法公示制度执法全过程记录制度重大执法决定法制审核制度相关工作的通知", Number: "皖公通〔2019〕17号"},
		{Title: "淮南市人民政府办公室关于印发全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度实施细则的通知", Number: "淮府办秘〔2019〕50号"},
	})
	if !strings.HasPrefix(n.Preamble, "为全面贯彻落实") || !strings.HasSuffix(n.Preamble, "并提出如下要求：") {
		t.Errorf("preamble = %q", n.Preamble)
	}
	var heads []string
	for _, s := range n.Sections {
		heads = append(heads, s.Numeral+"、"+s.Heading)
	}
	check("sections", heads, []string{"一、加强学习，充分认识“三项制度”建设工作的重要意义", "二、明确任务，全面推进“三项制度”建设工作的贯彻落实", "三、强化保障，确保“三项制度”建设工作收到实效"})
	if len(n.Sections) == 3 {
		check("last paragraph", n.Sections[2].Paragraphs[len(n.Sections[2].Paragraphs)-1], "对工作不力的要及时督促整改，对工作中出现问题造成不良后果的单位及人员要通报批评，严肃问责。")
		check("split on 。", n.Sections[0].Paragraphs[0], "“三项制度”是全面推进依法治国的重要举措，是新时代深化执法规范化建设、建设法治公安的重要抓手。")
	}
	check("closing", n.Closing, []string{"各单位贯彻落实情况及执行中遇到的问题请及时联系市局。", "附件：淮南市公安机关贯彻落实行政执法公示制度执法全过程记录制度重大执法决定法制审核制度任务分解表。"})
	check("table title", n.TableTitle, "淮南市公安机关贯彻落实行政执法公示制度执法全过程记录制度重大执法决定法制审核制度任务分解表")
	check("note lead", n.Note.Lead, "负责该项工作任务的统筹、协调、推进")
	check("note responsible", n.Note.Responsible, "负责具体工作任务的开展")
	var names []string
	for _, u := range n.Units {
		names = append(names, u.Name)
	}
	check("units", names, []string{"市局办公室", "法制支队", "督察支队", "市局行政审批处", "市局政务服务窗口", "科技处", "警务保障处", "人事处", "教育训练处", "指挥中心", "驻局纪检组", "各行政执法警种", "各分县局"})
}

// TestParseText_Notes checks the judgement calls the data records.
func TestParseText_Notes(t *testing.T) {
	n := parseSeed(t)
	for _, num := range []int{11, 20, 21} {
		note := n.Task(num).Note
		if !strings.Contains(note, "督察支队") || !strings.Contains(note, "第4、28、38项") {
			t.Errorf("task %d note = %q, want the 督察支队 decision with tasks 4, 28, 38", num, note)
		}
	}
	for num, want := range map[int]string{14: "教育训练科", 29: "。。", 30: "没有句号", 40: "为空"} {
		if note := n.Task(num).Note; !strings.Contains(note, want) {
			t.Errorf("task %d note = %q, want it to mention %q", num, note, want)
		}
	}
	noted := 0
	for _, task := range n.Tasks {
		if task.Note != "" {
			noted++
		}
	}
	if noted != 7 {
		t.Errorf("%d tasks carry notes, want 7 (11, 14, 20, 21, 29, 30, 40)", noted)
	}
}

func TestParseText_Periods(t *testing.T) {
	n := parseSeed(t)
	got := map[int][]string{}
	for _, task := range n.Tasks {
		for _, p := range task.Periods {
			got[task.Number] = append(got[task.Number], p.Text)
		}
	}
	want := map[int][]string{2: {"1个月内"}, 6: {"20个工作日内", "7个工作日内", "每年1月20日前"}, 17: {"30日内"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("periods = %v, want %v", got, want)
	}
}

// TestParseText_OtherNotice feeds variants of the layout the alias table
// does not fully cover: unknown units still split and join the units list.
func TestParseText_OtherNotice(t *testing.T) {
	src := string(readSeed(t))
	src = strings.ReplaceAll(src, "督察", "治安")
	src = strings.Replace(src, "\n指挥\n", "\n情报\n", 1)
	n, err := importer.ParseText([]byte(src))
	if err != nil {
		t.Fatalf("ParseText: %v", err)
	}
	if got := n.Task(4).Responsible; !reflect.DeepEqual(got, []string{"治安支队", "各行政执法警种", "各分县局"}) {
		t.Errorf("task 4 responsible = %v", got)
	}
	if got := n.Task(37).Responsible; !reflect.DeepEqual(got, []string{"科技处", "警务保障处", "情报中心"}) {
		t.Errorf("task 37 responsible = %v", got)
	}
	dir := knowledge.NewDirectory(n.Units)
	for _, u := range []string{"治安支队", "情报中心"} {
		if _, ok := dir.Resolve(u); !ok {
			t.Errorf("unknown unit %s is not in the notice's units", u)
		}
	}
	if !strings.Contains(n.Task(11).Note, "治安支队") {
		t.Errorf("task 11 note = %q, want the ambiguity named", n.Task(11).Note)
	}
}

func TestParseText_Bad(t *testing.T) {
	seed := readSeed(t)
	lines := strings.Split(string(seed), "\n")
	cut := func(n int) []byte { return []byte(strings.Join(lines[:n], "\n")) }
	// Task 3 without its unit cells (lines 272-290 of the seed).
	noUnits := strings.Join(append(append([]string{}, lines[:271]...), lines[290:]...), "\n")
	tests := []struct {
		name string
		src  []byte
		want []string // substrings of the error
	}{
		{"empty", nil, []string{"empty"}},
		{"not a notice", []byte("hello\nworld\n"), []string{"line 1", "not a notice"}},
		{"no table", cut(102), []string{"no task table"}},
		{"truncated mid-row", cut(1300), []string{"task 25", "truncated"}},
		{"truncated in a page band", cut(1200), []string{"task 23", "truncated"}},
		{"task without units", []byte(noUnits), []string{"line 270", "task 3", "no lead unit"}},
		{"task numbers jump", []byte(strings.Replace(string(seed), "\n13.全市", "\n14.全市", 1)), []string{"task 14", "jump"}},
		{"cut before the last task's units", cut(2088), []string{"line 2087", "task 43", "truncated"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := importer.ParseText(tt.src)
			if err == nil {
				t.Fatalf("ParseText succeeded with %d tasks, want an error", len(n.Tasks))
			}
			if !errors.Is(err, knowledge.ErrInvalidNotice) {
				t.Errorf("error %v does not wrap ErrInvalidNotice", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
	if !strings.Contains(lines[271], "市局") || !strings.Contains(lines[289], "县局") {
		t.Fatal("the no-units fixture does not cut task 3's unit cells")
	}
}

func TestParse_Detects(t *testing.T) {
	seed := readSeed(t)
	fromText, err := importer.Parse(seed)
	if err != nil {
		t.Fatal(err)
	}
	y, err := importer.EncodeYAML(fromText)
	if err != nil {
		t.Fatal(err)
	}
	if !importer.IsYAML(y) || importer.IsYAML(seed) {
		t.Fatal("IsYAML does not tell the forms apart")
	}
	fromYAML, err := importer.Parse(y)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromText, fromYAML) {
		t.Error("Parse(YAML) differs from Parse(text)")
	}
	dir := t.TempDir()
	for name, b := range map[string][]byte{"n.txt": seed, "n.yaml": y} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		n, err := importer.Load(p)
		if err != nil || len(n.Tasks) != 43 {
			t.Errorf("Load(%s) = %v", name, err)
		}
	}
	if _, err := importer.Load(filepath.Join(dir, "missing.yaml")); err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Errorf("Load(missing) = %v, want an error naming the file", err)
	}
	bad := filepath.Join(dir, "bad.yaml")
	_ = os.WriteFile(bad, bytes.Replace(y, []byte("number: 12\n"), []byte("number: 99\n"), 1), 0o644)
	if _, err := importer.Load(bad); err == nil || !strings.Contains(err.Error(), "bad.yaml") || !strings.Contains(err.Error(), "task 99") {
		t.Errorf("Load(bad) = %v", err)
	}
}

func BenchmarkParseText(b *testing.B) {
	src := readSeed(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := importer.ParseText(src); err != nil {
			b.Fatal(err)
		}
	}
}

// TestParseText_Small checks the three-task cut of the seed that seeds the fuzzer.
func TestParseText_Small(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "small.txt"))
	if err != nil {
		t.Fatal(err)
	}
	n, err := importer.ParseText(src)
	if err != nil {
		t.Fatalf("ParseText(small.txt): %v", err)
	}
	if len(n.Tasks) != 3 || n.Tasks[2].Subsection != "规范事中公示" || n.Tasks[1].Deadline.Date.String() != "2019-09-18" {
		t.Errorf("small.txt parsed as %+v", n.Tasks)
	}
}
