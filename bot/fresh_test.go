package bot

import (
	"context"
	"testing"
	"time"
)

// freshRounds are question sets written by helpers who never read the engine,
// told to avoid the notice's wording; each was scored once at first sight
// before any fix made from it (figures in testdata/README.md). Not all of
// their questions are answered right yet, so each keeps a floor: the share
// answered right when it was added. A change that loses ground fails.
var freshRounds = []struct {
	file  string
	floor float64
}{
	{"testdata/paraphrase_round1.jsonl", 0.99},
	{"testdata/paraphrase_round2.jsonl", 0.99},
	{"testdata/paraphrase_round3.jsonl", 0.99},
	{"testdata/paraphrase_round4.jsonl", 0.97},
	{"testdata/paraphrase_round5.jsonl", 0.99},
	{"testdata/paraphrase_round6.jsonl", 0.99},
	{"testdata/paraphrase_round7.jsonl", 0.97}, // one question lost to the per-task glosses of session 16 (all labelled: +160 -42)
	{"testdata/paraphrase_round8.jsonl", 0.99},
	{"testdata/paraphrase_round9.jsonl", 0.95},
	{"testdata/paraphrase_round10.jsonl", 0.98},
	{"testdata/paraphrase_round11.jsonl", 0.97},
	{"testdata/paraphrase_round12.jsonl", 0.96},
	{"testdata/paraphrase_round13.jsonl", 0.99},
	{"testdata/paraphrase_round14.jsonl", 0.96},
	{"testdata/paraphrase_round15.jsonl", 0.96},
	{"testdata/paraphrase_round16.jsonl", 0.98},
	{"testdata/paraphrase_round17.jsonl", 1.00},
	{"testdata/paraphrase_round18.jsonl", 0.96},
	{"testdata/paraphrase_round19.jsonl", 0.92},
	{"testdata/paraphrase_round20.jsonl", 0.93},
	{"testdata/paraphrase_round21.jsonl", 0.95},
	{"testdata/paraphrase_round22.jsonl", 0.95},
	{"testdata/paraphrase_round23.jsonl", 0.95},
	{"testdata/paraphrase_round24.jsonl", 0.92},
	{"testdata/paraphrase_round25.jsonl", 0.90},
	{"testdata/paraphrase_round26.jsonl", 0.79},
	{"testdata/paraphrase_round27.jsonl", 0.91},
	{"testdata/paraphrase_round28.jsonl", 0.92},
	{"testdata/paraphrase_round29.jsonl", 0.85},
	{"testdata/paraphrase_round30.jsonl", 0.90},
	{"testdata/paraphrase_round31.jsonl", 0.96},
	{"testdata/paraphrase_round32.jsonl", 0.90},
	{"testdata/paraphrase_round33.jsonl", 0.95},
	{"testdata/paraphrase_round34.jsonl", 0.90},
	{"testdata/paraphrase_round35.jsonl", 0.90},
	{"testdata/paraphrase_round36.jsonl", 0.97}, // session 14: a near tie of tasks 23 and 24 (28.05 against 27.92) went the other way
	{"testdata/paraphrase_round37.jsonl", 0.97},
	{"testdata/paraphrase_round38.jsonl", 0.98},
	{"testdata/paraphrase_round39.jsonl", 0.98},
	{"testdata/paraphrase_round40.jsonl", 0.95},
	{"testdata/paraphrase_round41.jsonl", 0.92},
	{"testdata/paraphrase_round42.jsonl", 0.92},
	{"testdata/paraphrase_round43.jsonl", 0.98},
	{"testdata/paraphrase_round44.jsonl", 0.99}, // one question lost to the per-task glosses of session 16 (all labelled: +160 -42)
	{"testdata/paraphrase_round45.jsonl", 0.99},
	{"testdata/paraphrase_round46.jsonl", 0.95},
	{"testdata/paraphrase_round47.jsonl", 0.97}, // 0.98 until session 7: "due by the end of October" now reads as everything due until then, as 6 labels to 2 have it
	{"testdata/paraphrase_round48.jsonl", 0.98},
	{"testdata/paraphrase_round49.jsonl", 0.98},
	{"testdata/paraphrase_round50.jsonl", 0.99},
	{"testdata/paraphrase_round51.jsonl", 0.86},
	{"testdata/paraphrase_round52.jsonl", 0.93},
	{"testdata/paraphrase_round53.jsonl", 0.95},
	{"testdata/paraphrase_round54.jsonl", 0.95},
	{"testdata/paraphrase_round55.jsonl", 0.94},
	{"testdata/paraphrase_round56.jsonl", 0.96},
	{"testdata/paraphrase_round57.jsonl", 0.94},
	{"testdata/paraphrase_round58.jsonl", 0.90},
	{"testdata/paraphrase_round59.jsonl", 0.98},
	{"testdata/paraphrase_round60.jsonl", 0.94},
	{"testdata/paraphrase_round61.jsonl", 0.96},
	{"testdata/paraphrase_round62.jsonl", 0.95},
	{"testdata/paraphrase_round63.jsonl", 0.94},
	{"testdata/paraphrase_round64.jsonl", 0.92},
	{"testdata/paraphrase_round65.jsonl", 0.94},
	{"testdata/paraphrase_round66.jsonl", 0.96},
	{"testdata/paraphrase_round67.jsonl", 0.96},
	{"testdata/paraphrase_round68.jsonl", 0.96},
	{"testdata/paraphrase_round69.jsonl", 0.91},
	{"testdata/paraphrase_round70.jsonl", 0.88},
	{"testdata/paraphrase_round71.jsonl", 0.96},
	{"testdata/paraphrase_round72.jsonl", 0.90},
	{"testdata/paraphrase_round73.jsonl", 0.97},
	{"testdata/paraphrase_round74.jsonl", 0.94},
	{"testdata/paraphrase_round75.jsonl", 0.93},
	{"testdata/paraphrase_round76.jsonl", 0.97},
	{"testdata/paraphrase_round77.jsonl", 0.96},
	{"testdata/paraphrase_round78.jsonl", 0.98},
	{"testdata/paraphrase_round79.jsonl", 0.95},
	{"testdata/paraphrase_round80.jsonl", 0.97},
	{"testdata/paraphrase_round81.jsonl", 0.97},
	{"testdata/paraphrase_round82.jsonl", 0.96},
	{"testdata/paraphrase_round83.jsonl", 0.98},
	{"testdata/paraphrase_round84.jsonl", 0.99},
	{"testdata/paraphrase_round85.jsonl", 0.99},
	{"testdata/paraphrase_round86.jsonl", 0.98},
	{"testdata/paraphrase_round87.jsonl", 0.90},
	{"testdata/paraphrase_round88.jsonl", 0.92},
	{"testdata/paraphrase_round89.jsonl", 0.96},
	{"testdata/paraphrase_round90.jsonl", 0.98}, // one question lost to the per-task glosses of session 16 (all labelled: +160 -42)
	{"testdata/paraphrase_round91.jsonl", 0.98},
	{"testdata/paraphrase_round92.jsonl", 1.00},
	{"testdata/paraphrase_round93.jsonl", 0.98},
	{"testdata/paraphrase_round94.jsonl", 0.98},
	{"testdata/paraphrase_round95.jsonl", 0.97},
	{"testdata/paraphrase_round96.jsonl", 0.88},
	{"testdata/paraphrase_round97.jsonl", 0.90},
	{"testdata/paraphrase_round98.jsonl", 0.89},
	{"testdata/paraphrase_round99.jsonl", 0.80},
	{"testdata/paraphrase_round100.jsonl", 0.86},
	{"testdata/paraphrase_round101.jsonl", 0.96},
	{"testdata/paraphrase_round102.jsonl", 0.96},
	{"testdata/paraphrase_round103.jsonl", 0.97},
	{"testdata/paraphrase_round104.jsonl", 0.98},
	{"testdata/paraphrase_round105.jsonl", 0.92},
	{"testdata/paraphrase_round106.jsonl", 0.96},
	{"testdata/paraphrase_round107.jsonl", 0.95},
	{"testdata/paraphrase_round108.jsonl", 0.94},
	{"testdata/paraphrase_round109.jsonl", 0.95},
	{"testdata/paraphrase_round110.jsonl", 0.95},
	{"testdata/paraphrase_round111.jsonl", 0.97},
	{"testdata/paraphrase_round112.jsonl", 0.91},
	{"testdata/paraphrase_round113.jsonl", 0.91},
	{"testdata/paraphrase_round114.jsonl", 0.95},
	{"testdata/paraphrase_round115.jsonl", 0.99},
	{"testdata/paraphrase_round116.jsonl", 0.91},
	{"testdata/paraphrase_round117.jsonl", 0.98},
	{"testdata/paraphrase_round118.jsonl", 0.93},
	{"testdata/paraphrase_round119.jsonl", 0.98},
	{"testdata/paraphrase_round120.jsonl", 0.97},
	{"testdata/paraphrase_round121.jsonl", 0.96},
	{"testdata/paraphrase_round122.jsonl", 1.00},
	{"testdata/paraphrase_round123.jsonl", 0.95},
	{"testdata/paraphrase_round124.jsonl", 0.95},
	{"testdata/paraphrase_round125.jsonl", 0.85},
	{"testdata/paraphrase_round126.jsonl", 0.93},
	{"testdata/paraphrase_round127.jsonl", 0.96},
	{"testdata/paraphrase_round128.jsonl", 0.96},
	{"testdata/paraphrase_round129.jsonl", 0.96},
	{"testdata/paraphrase_round130.jsonl", 0.97},
	{"testdata/paraphrase_round131.jsonl", 0.96},
	{"testdata/paraphrase_round132.jsonl", 0.99},
	{"testdata/paraphrase_round133.jsonl", 0.91},
	{"testdata/paraphrase_round134.jsonl", 0.98},
	{"testdata/paraphrase_round135.jsonl", 0.97},
	{"testdata/paraphrase_round136.jsonl", 0.97},
	{"testdata/paraphrase_round137.jsonl", 0.97},
	{"testdata/paraphrase_round138.jsonl", 0.99},
	{"testdata/paraphrase_round139.jsonl", 0.89},
	{"testdata/paraphrase_round140.jsonl", 0.93},
	{"testdata/paraphrase_round141.jsonl", 0.92},
	{"testdata/paraphrase_round142.jsonl", 0.98}, // one question lost to the per-task glosses of session 16 (all labelled: +160 -42)
	{"testdata/paraphrase_round143.jsonl", 0.92},
	{"testdata/paraphrase_round144.jsonl", 0.96},
	{"testdata/paraphrase_round145.jsonl", 0.95},
	{"testdata/paraphrase_round146.jsonl", 0.95},
	{"testdata/paraphrase_round147.jsonl", 0.96},
	{"testdata/paraphrase_round148.jsonl", 0.92},
	{"testdata/paraphrase_round149.jsonl", 0.94},
	{"testdata/paraphrase_round150.jsonl", 0.96},
	{"testdata/paraphrase_round151.jsonl", 0.93},
	{"testdata/paraphrase_round152.jsonl", 0.87},
	{"testdata/paraphrase_round153.jsonl", 0.94},
	{"testdata/paraphrase_round154.jsonl", 0.91},
	{"testdata/paraphrase_round155.jsonl", 0.91},
	{"testdata/paraphrase_round156.jsonl", 0.93},
	{"testdata/paraphrase_round157.jsonl", 0.96},
	{"testdata/paraphrase_round158.jsonl", 0.93},
	{"testdata/paraphrase_round159.jsonl", 0.98},
	{"testdata/paraphrase_round160.jsonl", 0.89},
	{"testdata/paraphrase_round161.jsonl", 0.98},
	{"testdata/paraphrase_round162.jsonl", 0.89},
	{"testdata/paraphrase_round163.jsonl", 1.00},
	{"testdata/paraphrase_round164.jsonl", 0.99}, // one question lost to the per-task glosses of session 16 (all labelled: +160 -42)
	{"testdata/paraphrase_round165.jsonl", 0.98},
	{"testdata/paraphrase_round166.jsonl", 0.95},
	{"testdata/paraphrase_round167.jsonl", 0.85},
	{"testdata/paraphrase_round168.jsonl", 0.92},
	{"testdata/paraphrase_round169.jsonl", 1.00},
	{"testdata/paraphrase_round170.jsonl", 0.92},
	{"testdata/paraphrase_round171.jsonl", 0.96},
	{"testdata/paraphrase_round172.jsonl", 0.95},
	{"testdata/paraphrase_round173.jsonl", 0.90},
	{"testdata/paraphrase_round174.jsonl", 0.96},
	{"testdata/paraphrase_round175.jsonl", 0.89},
	{"testdata/paraphrase_round176.jsonl", 0.97},
	{"testdata/paraphrase_round177.jsonl", 0.91},
	{"testdata/paraphrase_round178.jsonl", 0.97},
	{"testdata/paraphrase_round179.jsonl", 0.89},
	{"testdata/paraphrase_round180.jsonl", 0.96},
	{"testdata/paraphrase_round181.jsonl", 0.94},
	{"testdata/paraphrase_round182.jsonl", 0.93},
	{"testdata/paraphrase_round183.jsonl", 0.84},
	{"testdata/paraphrase_round184.jsonl", 0.93},
	{"testdata/paraphrase_round185.jsonl", 0.97},
	{"testdata/paraphrase_round186.jsonl", 0.95},
	{"testdata/paraphrase_round187.jsonl", 0.94},
	{"testdata/paraphrase_round188.jsonl", 0.96},
	{"testdata/paraphrase_round189.jsonl", 0.90},
	{"testdata/paraphrase_round190.jsonl", 0.92},
	{"testdata/paraphrase_round191.jsonl", 0.94},
	{"testdata/paraphrase_round192.jsonl", 0.95},
	{"testdata/paraphrase_round193.jsonl", 0.92},
	{"testdata/paraphrase_round194.jsonl", 0.96},
	{"testdata/paraphrase_round195.jsonl", 0.98},
	{"testdata/paraphrase_round196.jsonl", 0.97},
	{"testdata/paraphrase_round197.jsonl", 0.95},
	{"testdata/paraphrase_round198.jsonl", 0.97}, // one question lost to the per-task glosses of session 16 (all labelled: +160 -42)
	{"testdata/paraphrase_round199.jsonl", 0.82},
	{"testdata/paraphrase_round200.jsonl", 0.95}, // two questions lost to the per-task glosses of session 16 (all labelled: +160 -42)
	{"testdata/paraphrase_round201.jsonl", 0.80},
	{"testdata/paraphrase_round202.jsonl", 0.92},
	{"testdata/paraphrase_round203.jsonl", 0.98},
	{"testdata/paraphrase_round204.jsonl", 0.91},
	{"testdata/paraphrase_round205.jsonl", 0.95},
	{"testdata/paraphrase_round206.jsonl", 0.94}, // one question lost to the per-task glosses of session 16 (all labelled: +160 -42)
	{"testdata/paraphrase_round207.jsonl", 0.90},
	{"testdata/paraphrase_round208.jsonl", 0.94},
	{"testdata/paraphrase_round209.jsonl", 0.94},
	{"testdata/paraphrase_round210.jsonl", 0.86},
	{"testdata/paraphrase_round211.jsonl", 0.95},
	{"testdata/paraphrase_round212.jsonl", 0.93},
	{"testdata/paraphrase_round213.jsonl", 0.94},
	{"testdata/paraphrase_round214.jsonl", 0.94},
	{"testdata/paraphrase_round215.jsonl", 0.95},
	{"testdata/paraphrase_round216.jsonl", 1.0},
	{"testdata/paraphrase_round217.jsonl", 0.99},
	{"testdata/paraphrase_round218.jsonl", 0.93},
	{"testdata/paraphrase_round219.jsonl", 0.99},
	{"testdata/paraphrase_round220.jsonl", 0.88},
	{"testdata/paraphrase_round221.jsonl", 0.96},
	{"testdata/paraphrase_round222.jsonl", 0.97},
	{"testdata/paraphrase_round223.jsonl", 0.86},
	{"testdata/paraphrase_round224.jsonl", 0.95},
	{"testdata/paraphrase_round225.jsonl", 0.95},
	{"testdata/paraphrase_round226.jsonl", 0.94},
	{"testdata/paraphrase_round227.jsonl", 0.97},
	{"testdata/paraphrase_round228.jsonl", 0.98},
	{"testdata/paraphrase_round229.jsonl", 0.95},
	{"testdata/paraphrase_round230.jsonl", 0.96},
	{"testdata/paraphrase_round231.jsonl", 0.96},
	{"testdata/paraphrase_round232.jsonl", 0.96},
	{"testdata/paraphrase_round233.jsonl", 0.97},
	{"testdata/paraphrase_round234.jsonl", 0.95},
	{"testdata/paraphrase_round235.jsonl", 0.94},
	{"testdata/paraphrase_round236.jsonl", 0.92},
	{"testdata/paraphrase_round237.jsonl", 0.97},
	{"testdata/paraphrase_round238.jsonl", 0.99},
	{"testdata/paraphrase_round239.jsonl", 0.98},
	{"testdata/paraphrase_round240.jsonl", 0.95},
	{"testdata/paraphrase_round241.jsonl", 0.98},
	{"testdata/paraphrase_round242.jsonl", 0.86},
	{"testdata/paraphrase_round243.jsonl", 0.93},
	{"testdata/paraphrase_round244.jsonl", 0.97},
	{"testdata/paraphrase_round245.jsonl", 0.95},
	{"testdata/paraphrase_round246.jsonl", 0.96},
	{"testdata/paraphrase_round247.jsonl", 0.95},
	{"testdata/paraphrase_round248.jsonl", 0.95},
	{"testdata/paraphrase_round249.jsonl", 0.97},
	{"testdata/paraphrase_round250.jsonl", 0.98},
	{"testdata/paraphrase_round251.jsonl", 0.97},
	{"testdata/paraphrase_round252.jsonl", 0.95},
	{"testdata/paraphrase_round253.jsonl", 0.99},
	{"testdata/paraphrase_round254.jsonl", 0.98},
	{"testdata/paraphrase_round255.jsonl", 0.95},
	{"testdata/paraphrase_round256.jsonl", 0.94},
	{"testdata/paraphrase_round257.jsonl", 0.98},
}

func TestEngine_FreshRounds(t *testing.T) {
	if testing.Short() {
		t.Skip("answers to the question files hold no concurrency: run without -short (CI runs them once, without -race)")
	}
	for _, fr := range freshRounds {
		t.Run(fr.file, func(t *testing.T) {
			e, _ := newTestEngine(t)
			cases := readCases(t, fr.file)
			pass := 0
			for _, c := range cases {
				now := time.Date(2026, 3, 10, 12, 0, 0, 0, e.loc)
				if c.Now != nil {
					now = day(t, *c.Now)
				}
				rep := e.Handle(context.Background(), Message{User: "U1", Via: "console", Text: c.Q, Now: now})
				if judge(c, rep) {
					pass++
				} else {
					t.Logf("wrong [%s] %s: got tasks=%v kind=%s", c.Kind, c.Q, rep.Tasks, rep.Kind)
				}
				// an in-scope question must never be denied outright
				if c.Kind != "none" && rep.Kind == "out_of_scope" {
					t.Logf("denied an in-scope question: %s", c.Q)
				}
			}
			got := float64(pass) / float64(len(cases))
			t.Logf("%s: %d/%d = %.1f%%", fr.file, pass, len(cases), 100*got)
			if got < fr.floor {
				t.Errorf("%s: %.1f%% right, below its floor %.0f%%", fr.file, 100*got, 100*fr.floor)
			}
		})
	}
}
