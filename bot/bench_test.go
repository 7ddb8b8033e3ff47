package bot

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"dutybot/bot/textnorm"
	"dutybot/knowledge"
)

// benchQuestions are one question of each kind.
var benchQuestions = []struct{ kind, q string }{
	{"task", "第三十八项由谁牵头？"},
	{"fact", "行政许可决定信息几天内公开？"},
	{"who", "电子指纹的应用由哪个部门牵头？"},
	{"unit", "警务保障处参与哪些任务？"},
	{"deadline", "2019年12月底前到期的任务有哪些"},
	{"relative", "已逾期的任务有哪些？"},
	{"combo", "法制支队牵头、2019年10月底前要完成的任务"},
	{"status", "哪些任务还没完成？"},
	{"notice", "通知的主送单位有哪些？"},
	{"out_of_scope", "身份证丢了怎么补办？"},
	{"command", "task 22"},
}

// BenchmarkEngine_Handle measures one question of each kind on the built-in
// notice: "sqlite" end to end over a real SQLite store (the state is read for
// every question), "engine" the engine's own work, with the state read from memory.
func BenchmarkEngine_Handle(b *testing.B) {
	e, st := newTestEngine(b)
	mem, err := New(&memState{Store: st}, WithBundle(e.bundle))
	if err != nil {
		b.Fatal(err)
	}
	if err := mem.Load(context.Background()); err != nil {
		b.Fatal(err)
	}
	now := day(b, "2019-09-20")
	for _, eng := range []struct {
		name string
		e    *Engine
	}{{"engine", mem}, {"sqlite", e}} {
		for _, c := range benchQuestions {
			b.Run(eng.name+"/"+c.kind, func(b *testing.B) {
				for b.Loop() {
					eng.e.Handle(context.Background(), Message{User: "U1", Text: c.q, Now: now})
				}
			})
		}
	}
}

// memState serves Assignments and Parts from memory after the first read, so
// that a benchmark measures the engine and not the database.
type memState struct {
	knowledge.Store
	mu    sync.Mutex
	cache map[string][]knowledge.Assignment
	parts map[string][]knowledge.Part
}

func (m *memState) Assignments(ctx context.Context, notice string) ([]knowledge.Assignment, error) {
	return readOnce(m, &m.cache, notice, func() ([]knowledge.Assignment, error) { return m.Store.Assignments(ctx, notice) })
}

func (m *memState) Parts(ctx context.Context, notice string) ([]knowledge.Part, error) {
	return readOnce(m, &m.parts, notice, func() ([]knowledge.Part, error) { return m.Store.Parts(ctx, notice) })
}

// readOnce returns the notice's entry of *cache, reading it from the store
// the first time.
func readOnce[T any](m *memState, cache *map[string]T, notice string, read func() (T, error)) (T, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := (*cache)[notice]; ok {
		return v, nil
	}
	v, err := read()
	if err != nil {
		return v, err
	}
	if *cache == nil {
		*cache = map[string]T{}
	}
	(*cache)[notice] = v
	return v, nil
}

// BenchmarkEngine_Handle_10000Tasks measures questions over 250 notices of 40
// tasks each (10,000 tasks), made from the built-in notice with every notice's
// text varied so that the index is not 250 copies of one.
func BenchmarkEngine_Handle_10000Tasks(b *testing.B) {
	st := newStore(b, syntheticNotices(b, 250, 40)...)
	e, err := New(&memState{Store: st})
	if err != nil {
		b.Fatal(err)
	}
	if err := e.Load(context.Background()); err != nil {
		b.Fatal(err)
	}
	now := day(b, "2019-09-20")
	for _, c := range benchQuestions {
		b.Run(c.kind, func(b *testing.B) {
			for b.Loop() {
				e.Handle(context.Background(), Message{User: "U1", Text: c.q, Now: now})
			}
		})
	}
}

// BenchmarkEngine_Load measures building the index of 10,000 tasks (startup cost).
func BenchmarkEngine_Load(b *testing.B) {
	st := newStore(b, syntheticNotices(b, 250, 40)...)
	e, err := New(st)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := e.Load(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// syntheticNotices derives n notices of size tasks each from the built-in one:
// each task takes a built-in task's text with its sentences rotated and a
// notice-specific word added, and the units and deadlines of another.
func syntheticNotices(tb testing.TB, n, size int) []*knowledge.Notice {
	tb.Helper()
	base := huainan(tb)
	words := []string{"治安管理", "交通管理", "出入境", "网络安全", "消防监督", "禁毒", "经侦", "刑侦", "户政", "反恐"}
	var out []*knowledge.Notice
	for i := range n {
		nt := *base
		nt.Number = fmt.Sprintf("淮公通〔%d〕%d号", 2019+i/100, 400+i)
		nt.Tasks = nil
		for j := range size {
			src := base.Tasks[(i+j)%len(base.Tasks)]
			other := base.Tasks[(i*7+j*3)%len(base.Tasks)]
			ss := textnorm.Sentences(src.Content)
			k := (i + j) % len(ss)
			content := strings.Join(append(ss[k:], ss[:k]...), "。") + "。加强" + words[(i+j)%len(words)] + "工作。"
			nt.Tasks = append(nt.Tasks, knowledge.Task{Number: j + 1, Section: src.Section, SectionNumeral: src.SectionNumeral,
				Subsection: src.Subsection, SubsectionNumeral: src.SubsectionNumeral, Content: content,
				Lead: other.Lead, Responsible: other.Responsible, Deadline: other.Deadline})
		}
		out = append(out, &nt)
	}
	return out
}

// BenchmarkStore_Assignments is the store read every answer about tasks makes,
// to tell the engine's own work from the database's.
func BenchmarkStore_Assignments(b *testing.B) {
	_, st := newTestEngine(b)
	for b.Loop() {
		if _, err := st.Assignments(context.Background(), "淮公通〔2019〕395号"); err != nil {
			b.Fatal(err)
		}
	}
}
