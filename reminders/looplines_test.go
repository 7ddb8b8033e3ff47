package reminders

import (
	"strings"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"

	"dutybot/i18n"
	"dutybot/knowledge"
	"dutybot/store"
)

// TestDispatcher_loopLines sends the reminders of Monday 2019-10-28 over a
// real store (SQLite, PostgreSQL) after 科技处 signed for task 22 and
// reported progress, and 各行政执法警种 asked to close its part: the lead
// unit (法制支队) reads each other unit's state, light and latest progress;
// a responsible unit reads the light of its own part; the part in review
// gets no reminder. Before, neither reminder said anything of the loop.
func TestDispatcher_loopLines(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			ctx := t.Context()
			clock := clockwork.NewFakeClockAt(at(2019, 10, 25, 16, 40))
			by := knowledge.Actor{User: "U0KJ", Via: "cli"}
			db, n := builtinStore(t, engine, by, store.WithClock(clock))
			ref := knowledge.TaskRef{Notice: n.Number, Number: 22}
			if err := db.AddReport(ctx, ref, "科技处", "已起草存储规范，\n待印发", false, by); err != nil {
				t.Fatal(err)
			}
			if err := db.ClaimPart(ctx, ref, "各行政执法警种", "", by); err != nil {
				t.Fatal(err)
			}
			b, err := i18n.New()
			if err != nil {
				t.Fatal(err)
			}
			sender := &fakeSender{}
			d, err := NewDispatcher(db, db, sender, mustPolicy(t), WithChannelGap(0), WithDefaultChannel("C-DEFAULT"),
				WithAdminChannel("C-ADMIN"), WithTranslator(BundleTranslator(b)), WithRetryWait(0),
				WithUnitLanguage("科技处", "en"))
			if err != nil {
				t.Fatal(err)
			}
			for _, now := range []time.Time{at(2019, 10, 24, 9, 0), at(2019, 10, 28, 9, 0)} {
				if _, err := d.Tick(ctx, now); err != nil {
					t.Fatal(err)
				}
			}
			sent := map[string]string{}
			for _, m := range sender.messages() {
				if strings.Contains(m.d.Text, "第22项") || strings.Contains(m.d.Text, "Task 22") || strings.Contains(m.d.Text, "task 22") {
					sent[m.d.Unit] += m.d.Text
				}
			}
			lead := sent["法制支队"]
			for _, want := range []string{
				"尚未办结的单位（3个），请督促落实：",
				"· 科技处：已签收，黄灯；最新进展（2019年10月25日）：已起草存储规范， 待印发",
				"· 各行政执法警种：待审核，黄灯；尚无进展反馈",
				"· 各分县局：未签收，黄灯；尚无进展反馈",
				"本单位此项：黄灯",
			} {
				if !strings.Contains(lead, want) {
					t.Errorf("the lead unit's reminder lacks %q:\n%s", want, lead)
				}
			}
			if own := sent["科技处"]; !strings.Contains(own, "Your part: yellow light") || strings.Contains(own, "Units not done") {
				t.Errorf("科技处's reminder (responsible, English):\n%s", own)
			}
			if _, ok := sent["各行政执法警种"]; ok {
				t.Errorf("a part in review was reminded:\n%s", sent["各行政执法警种"])
			}
		})
	}
}
