package store

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"

	"dutybot/knowledge"
)

func TestDB_SetDone(t *testing.T) {
	number := fixtureNotice().Number
	ref := func(n int) knowledge.TaskRef { return knowledge.TaskRef{Notice: number, Number: n} }
	// The steps run in order on one database: each starts from the last's state.
	steps := []struct {
		name       string
		ref        knowledge.TaskRef
		unit       string
		done       bool
		wantErr    error
		wantStatus knowledge.Status
		wantAudit  int // entries added
	}{
		{"unknown notice", knowledge.TaskRef{Notice: "无此文", Number: 1}, "法制支队", true, knowledge.ErrNotFound, "", 0},
		{"unknown task", ref(99), "法制支队", true, knowledge.ErrNotFound, "", 0},
		{"unknown unit", ref(1), "公安部", true, knowledge.ErrUnknownUnit, knowledge.StatusOpen, 0},
		{"unit not in task", ref(1), "人事处", true, knowledge.ErrNotAssigned, knowledge.StatusOpen, 0},
		{"lead by alias", ref(1), "市局法制支队", true, nil, knowledge.StatusPartial, 1},
		{"again", ref(1), "法制支队", true, knowledge.ErrUnchanged, knowledge.StatusPartial, 0},
		{"whole task", ref(1), "", true, nil, knowledge.StatusDone, 3}, // 各分县局 and its two members
		{"whole task again", ref(1), "", true, knowledge.ErrUnchanged, knowledge.StatusDone, 0},
		{"reopen by alias", ref(1), " 各县分局、", false, nil, knowledge.StatusPartial, 3},
		{"both roles", ref(2), "办公室", true, nil, knowledge.StatusPartial, 1},
		{"reopen whole task", ref(2), "", false, nil, knowledge.StatusOpen, 1},
		{"reopen open", ref(3), "", false, knowledge.ErrUnchanged, knowledge.StatusOpen, 0},
	}
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		mustImport(t, db, fixtureNotice())
		for _, s := range steps {
			t.Run(s.name, func(t *testing.T) {
				before, _ := db.Audit(ctx)
				err := db.SetDone(ctx, s.ref, s.unit, s.done, admin)
				if !errors.Is(err, s.wantErr) || (err == nil) != (s.wantErr == nil) {
					t.Fatalf("SetDone = %v, want %v", err, s.wantErr)
				}
				if s.wantStatus != "" {
					if got := taskStatus(t, db, number, s.ref.Number); got != s.wantStatus {
						t.Errorf("status = %s, want %s", got, s.wantStatus)
					}
				}
				after, _ := db.Audit(ctx)
				if len(after)-len(before) != s.wantAudit {
					t.Errorf("%d audit entries added, want %d", len(after)-len(before), s.wantAudit)
				}
			})
		}
		t.Run("state and history", func(t *testing.T) {
			as, _ := db.Assignments(ctx, number)
			for _, a := range as {
				switch {
				case a.Task == 1 && a.Unit == "法制支队":
					if !a.Done || a.DoneBy != admin.User || !a.DoneAt.Equal(testStart) {
						t.Errorf("task 1 法制支队 = %+v, want done by %s at %v", a, admin.User, testStart)
					}
				case a.Done:
					t.Errorf("%+v done, want open", a)
				}
			}
			audit, _ := db.Audit(ctx)
			var got []string
			for _, e := range audit[1:] {
				got = append(got, fmt.Sprintf("%s %d %s %s→%s %s/%s", e.Action, e.Task, e.Unit, e.Before, e.After, e.Actor.User, e.Actor.Via))
			}
			want := []string{
				"unit.members 0 各分县局 →寿县公安局、凤台县公安局 U0ADMIN/cli", // the notice's members, set by the import
				"task.done 1 法制支队 open→done U0ADMIN/cli",
				"task.done 1 各分县局 open→done U0ADMIN/cli",
				"task.done 1 寿县公安局 open→done U0ADMIN/cli",
				"task.done 1 凤台县公安局 open→done U0ADMIN/cli",
				"task.reopen 1 各分县局 done→open U0ADMIN/cli",
				"task.reopen 1 寿县公安局 done→open U0ADMIN/cli",
				"task.reopen 1 凤台县公安局 done→open U0ADMIN/cli",
				"task.done 2 市局办公室 open→done U0ADMIN/cli",
				"task.reopen 2 市局办公室 done→open U0ADMIN/cli",
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("audit =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			mustVerify(t, db)
		})
	})
}

func TestDB_SetDone_concurrent(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		n := bigNotice(30)
		mustImport(t, db, n)
		var wg sync.WaitGroup
		errs := make(chan error, 100)
		// Every task but the first by its own goroutine: none may be lost.
		for i := 2; i <= 30; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs <- db.SetDone(ctx, knowledge.TaskRef{Notice: n.Number, Number: i}, "", true, admin)
			}()
		}
		// Ten goroutines race to mark the same part: exactly one may win.
		var wins, unchanged int
		var mu sync.Mutex
		for range 10 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				err := db.SetDone(ctx, knowledge.TaskRef{Notice: n.Number, Number: 1}, n.Tasks[0].Lead[0], true, admin)
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil:
					wins++
				case errors.Is(err, knowledge.ErrUnchanged):
					unchanged++
				default:
					errs <- err
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Error(err)
			}
		}
		if wins != 1 || unchanged != 9 {
			t.Errorf("racing SetDone: %d won, %d unchanged; want 1 and 9", wins, unchanged)
		}
		for i := 2; i <= 30; i++ {
			if s := taskStatus(t, db, n.Number, i); s != knowledge.StatusDone {
				t.Errorf("task %d %s, want done", i, s)
			}
		}
		audit, _ := db.Audit(ctx)
		if want := 1 + 29*2 + 1; len(audit) != want {
			t.Errorf("%d audit entries, want %d", len(audit), want)
		}
		mustVerify(t, db)
	})
}

// TestHelperProcess is not a test: TestDB_SetDone_twoProcesses runs the test
// binary again with it, as a second dutybot process on the same database.
func TestHelperProcess(t *testing.T) {
	dsn := os.Getenv("DUTYBOT_STORE_HELPER_DSN")
	if dsn == "" {
		t.Skip("helper process for TestDB_SetDone_twoProcesses")
	}
	db := MustOpenDB(t, dsn)
	notice := os.Getenv("DUTYBOT_STORE_HELPER_NOTICE")
	who := knowledge.Actor{User: os.Getenv("DUTYBOT_STORE_HELPER_USER"), Via: "cli"}
	var ok, unchanged int
	for _, f := range strings.Split(os.Getenv("DUTYBOT_STORE_HELPER_TASKS"), ",") {
		n, _ := strconv.Atoi(f)
		err := db.SetDone(ctx, knowledge.TaskRef{Notice: notice, Number: n}, "", true, who)
		switch {
		case err == nil:
			ok++
		case errors.Is(err, knowledge.ErrUnchanged):
			unchanged++
		default:
			t.Fatalf("SetDone %d: %v", n, err)
		}
	}
	fmt.Printf("RESULT ok=%d unchanged=%d\n", ok, unchanged)
}

func TestDB_SetDone_twoProcesses(t *testing.T) {
	if os.Getenv("DUTYBOT_STORE_HELPER_DSN") != "" {
		t.Skip("inside a helper process")
	}
	forEachEngine(t, func(t *testing.T, dsn string) {
		db := MustOpenDB(t, dsn)
		n := bigNotice(40)
		mustImport(t, db, n)
		// Process A takes tasks 1..30, process B 11..40: 11..30 are contested.
		lists := [][]int{seq(1, 30), seq(11, 40)}
		var wg sync.WaitGroup
		outs := make([]string, 2)
		for i, tasks := range lists {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
				cmd.Env = append(os.Environ(),
					"DUTYBOT_STORE_HELPER_DSN="+dsn,
					"DUTYBOT_STORE_HELPER_NOTICE="+n.Number,
					"DUTYBOT_STORE_HELPER_USER=proc"+strconv.Itoa(i),
					"DUTYBOT_STORE_HELPER_TASKS="+strings.Trim(strings.Join(strings.Fields(fmt.Sprint(tasks)), ","), "[]"))
				out, err := cmd.CombinedOutput()
				if err != nil {
					t.Errorf("helper %d: %v\n%s", i, err, out)
				}
				outs[i] = string(out)
			}()
		}
		wg.Wait()
		var ok, unchanged int
		for _, out := range outs {
			i := strings.Index(out, "RESULT ")
			if i < 0 {
				t.Fatalf("helper printed no result:\n%s", out)
			}
			var a, b int
			fmt.Sscanf(out[i:], "RESULT ok=%d unchanged=%d", &a, &b)
			ok, unchanged = ok+a, unchanged+b
		}
		if ok != 40 || unchanged != 20 {
			t.Errorf("processes changed %d tasks and found %d unchanged; want 40 and 20", ok, unchanged)
		}
		for i := 1; i <= 40; i++ {
			if s := taskStatus(t, db, n.Number, i); s != knowledge.StatusDone {
				t.Errorf("task %d %s, want done", i, s)
			}
		}
		audit, _ := db.Audit(ctx)
		if want := 1 + 40*2; len(audit) != want {
			t.Errorf("%d audit entries, want %d", len(audit), want)
		}
		mustVerify(t, db)
	})
}

func seq(from, to int) []int {
	var out []int
	for i := from; i <= to; i++ {
		out = append(out, i)
	}
	return out
}
