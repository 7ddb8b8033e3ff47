package bot

import (
	"bytes"
	"fmt"
	"strings"

	"dutybot/i18n/facts"
	"dutybot/knowledge"
	"dutybot/ledger"
)

// This file holds how the loop reads to a person: states, lights, a task's
// parts and the ledger's summary.

// The supervision loop's message IDs (bot/i18n/locales/supervise.*.toml).
const (
	msgSupHelp             = "SupHelp"
	msgSupUsageLiaison     = "SupUsageLiaison"
	msgSupUsageAck         = "SupUsageAck"
	msgSupUsageProgress    = "SupUsageProgress"
	msgSupUsageProblem     = "SupUsageProblem"
	msgSupUsageClaim       = "SupUsageClaim"
	msgSupUsageApprove     = "SupUsageApprove"
	msgSupUsageReject      = "SupUsageReject"
	msgSupLiaisonList      = "SupLiaisonList"
	msgSupLiaisonNone      = "SupLiaisonNone"
	msgSupLiaisonChanged   = "SupLiaisonChanged"
	msgSupLiaisonUnchanged = "SupLiaisonUnchanged"
	msgSupNobody           = "SupNobody"
	msgSupErrAdminLiaison  = "SupErrAdminLiaison"
	msgSupErrAdminLedger   = "SupErrAdminLedger"
	msgSupErrBadUser       = "SupErrBadUser"
	msgSupErrNotLiaison    = "SupErrNotLiaison"
	msgSupErrNoLiaisonUnit = "SupErrNoLiaisonUnit"
	msgSupErrWhichUnit     = "SupErrWhichUnit"
	msgSupErrNotReviewer   = "SupErrNotReviewer"
	msgSupErrOwnPart       = "SupErrOwnPart"
	msgSupErrPartDone      = "SupErrPartDone"
	msgSupErrInReview      = "SupErrInReview"
	msgSupErrNotInReview   = "SupErrNotInReview"
	msgSupErrAlreadySigned = "SupErrAlreadySigned"
	msgSupErrNoReason      = "SupErrNoReason"
	msgSupSigned           = "SupSigned"
	msgSupProgressed       = "SupProgressed"
	msgSupProblemed        = "SupProblemed"
	msgSupClaimed          = "SupClaimed"
	msgSupApproved         = "SupApproved"
	msgSupRejected         = "SupRejected"
	msgSupPartsHead        = "SupPartsHead"
	msgSupPartLine         = "SupPartLine"
	msgSupPartProgress     = "SupPartProgress"
	msgSupHomeProgress     = "SupHomeProgress"
	msgSupTaskLoop         = "SupTaskLoop"
	msgSupTaskLoopProgress = "SupTaskLoopProgress"
	msgSupTaskProgress     = "SupTaskProgress"
	msgSupStateOpen        = "SupStateOpen"
	msgSupStateOpenSigned  = "SupStateOpenSigned"
	msgSupStateSigned      = "SupStateSigned"
	msgSupStateInReview    = "SupStateInReview"
	msgSupStateDone        = "SupStateDone"
	msgSupLightRed         = "SupLightRed"
	msgSupLightYellow      = "SupLightYellow"
	msgSupLightGreen       = "SupLightGreen"
	msgSupLightNone        = "SupLightNone"
	msgSupNotifyProblem    = "SupNotifyProblem"
	msgSupNotifyClaim      = "SupNotifyClaim"
	msgSupNotifyRejected   = "SupNotifyRejected"
	msgSupNotifyApproved   = "SupNotifyApproved"
	msgSupLedgerHead       = "SupLedgerHead"
	msgSupLedgerRed        = "SupLedgerRed"
	msgSupLedgerReview     = "SupLedgerReview"
	msgSupLedgerFile       = "SupLedgerFile"
)

// superviseMessageIDs lists every ID above, for the test that each exists in zh-CN and en.
var superviseMessageIDs = []string{
	msgSupHelp, msgSupUsageLiaison, msgSupUsageAck, msgSupUsageProgress, msgSupUsageProblem, msgSupUsageClaim,
	msgSupUsageApprove, msgSupUsageReject, msgSupLiaisonList, msgSupLiaisonNone, msgSupLiaisonChanged,
	msgSupLiaisonUnchanged, msgSupNobody, msgSupErrAdminLiaison, msgSupErrAdminLedger, msgSupErrBadUser,
	msgSupErrNotLiaison, msgSupErrNoLiaisonUnit, msgSupErrWhichUnit, msgSupErrNotReviewer, msgSupErrOwnPart,
	msgSupErrPartDone, msgSupErrInReview, msgSupErrNotInReview, msgSupErrAlreadySigned, msgSupErrNoReason,
	msgSupSigned, msgSupProgressed, msgSupProblemed, msgSupClaimed, msgSupApproved, msgSupRejected,
	msgSupPartsHead, msgSupPartLine, msgSupPartProgress, msgSupHomeProgress, msgSupTaskLoop, msgSupTaskLoopProgress, msgSupStateOpen, msgSupStateOpenSigned,
	msgSupStateSigned, msgSupStateInReview, msgSupStateDone, msgSupLightRed, msgSupLightYellow,
	msgSupLightGreen, msgSupLightNone, msgSupNotifyProblem, msgSupNotifyClaim, msgSupNotifyRejected,
	msgSupNotifyApproved, msgSupLedgerHead, msgSupLedgerRed, msgSupLedgerReview, msgSupLedgerFile,
}

// stateText names a part's state; an open part that was signed for (and
// came back from review) reads as in progress.
func (r *request) stateText(p knowledge.Part) string {
	id := map[knowledge.PartState]string{
		knowledge.PartOpen: msgSupStateOpen, knowledge.PartSigned: msgSupStateSigned,
		knowledge.PartInReview: msgSupStateInReview, knowledge.PartDone: msgSupStateDone,
	}[p.State]
	if p.State == knowledge.PartOpen && !p.SignedAt.IsZero() {
		id = msgSupStateOpenSigned
	}
	if id == "" {
		id = msgSupStateOpen
	}
	return r.loc.T(id, nil)
}

func (r *request) lightText(l knowledge.Light) string {
	return r.loc.T(map[knowledge.Light]string{
		knowledge.LightRed: msgSupLightRed, knowledge.LightYellow: msgSupLightYellow,
		knowledge.LightGreen: msgSupLightGreen, knowledge.LightNone: msgSupLightNone,
	}[l], nil)
}

// light is a part's light today, on the engine's working days.
func (r *request) light(p knowledge.Part, t *knowledge.Task) knowledge.Light {
	return knowledge.PartLight(p, t.Deadline, r.today, r.e.workdays, r.e.loc)
}

// partsBlock lists each unit's part of t: done or not (as 进度 N always
// said), its state in the loop, its light and its latest progress; the
// task's light (its worst part's) heads the list.
func (r *request) partsBlock(t *knowledge.Task) (string, error) {
	ps, err := r.e.st.Parts(r.ctx, r.snap.cur.Number)
	if err != nil {
		return "", err
	}
	var lines []string
	worst := knowledge.LightNone
	for _, p := range ps {
		if p.Task != t.Number {
			continue
		}
		done := knowledge.StatusOpen
		if p.State == knowledge.PartDone {
			done = knowledge.StatusDone
		}
		l := r.light(p, t)
		worst = knowledge.Worse(worst, l)
		progress := ""
		if p.Progress != nil {
			progress = r.loc.T(msgSupPartProgress, map[string]any{
				"Date": knowledge.DateOf(p.Progress.At.In(r.e.loc)).String(), "Text": p.Progress.Text})
		}
		part := r.loc.T(msgUnitPart, map[string]any{"Unit": p.Unit, "Role": facts.Role(r.loc, p.Role), "State": facts.State(r.loc, done)})
		lines = append(lines, r.loc.T(msgSupPartLine, map[string]any{"Part": part,
			"State": r.stateText(p), "Light": r.lightText(l), "Progress": progress}))
	}
	head := r.loc.T(msgSupPartsHead, map[string]any{"N": t.Number, "Light": r.lightText(worst)})
	return head + "\n" + r.loc.T(msgUnitParts, map[string]any{"List": strings.Join(lines, "\n")}), nil
}

// ledgerSummary answers 台账 for administrators: the parts by state and
// light, the red ones and those waiting for review.
func (r *request) ledgerSummary() (Reply, error) {
	if !r.e.admins[r.msg.User] {
		return Reply{}, refuse(msgSupErrAdminLedger, nil)
	}
	n := r.snap.cur
	ps, err := r.e.st.Parts(r.ctx, n.Number)
	if err != nil {
		return Reply{}, err
	}
	count := map[string]int{}
	var red, review []string
	var tasks []int
	for _, p := range ps {
		t := n.Task(p.Task)
		if t == nil {
			continue
		}
		l := r.light(p, t)
		count[string(l)]++
		state := string(p.State)
		if p.State == knowledge.PartOpen && !p.SignedAt.IsZero() {
			state = string(knowledge.PartSigned)
		}
		count[state]++
		name := fmt.Sprintf("%d %s", p.Task, p.Unit)
		if l == knowledge.LightRed {
			red = append(red, name)
			if len(tasks) == 0 || tasks[len(tasks)-1] != p.Task {
				tasks = append(tasks, p.Task)
			}
		}
		if p.State == knowledge.PartInReview {
			review = append(review, name)
		}
	}
	head := r.loc.T(msgSupLedgerHead, map[string]any{"Notice": n.Number, "Date": r.today.String(), "Parts": len(ps),
		"Open": count["open"], "Signed": count["signed"], "Review": count["in_review"], "Done": count["done"],
		"Red": count["red"], "Yellow": count["yellow"], "Green": count["green"]})
	text := head
	if len(red) > 0 {
		text += "\n" + r.loc.T(msgSupLedgerRed, map[string]any{"List": strings.Join(red, "、")})
	}
	if len(review) > 0 {
		text += "\n" + r.loc.T(msgSupLedgerReview, map[string]any{"List": strings.Join(review, "、")})
	}
	text += "\n" + r.loc.T(msgSupLedgerFile, nil)
	if tasks == nil {
		tasks = []int{}
	}
	// The workbook goes with the summary, the same as `dutybot ledger
	// --format xlsx` writes (docs/cli.md §6).
	var buf bytes.Buffer
	if err := ledger.WriteXLSX(&buf, ledger.Rows(n, ps, r.today, r.e.workdays, r.e.loc), r.loc); err != nil {
		return Reply{}, fmt.Errorf("ledger workbook: %w", err)
	}
	file := &Attachment{Data: buf.Bytes(),
		Name:  r.loc.T(msgLoopLedgerFileName, map[string]any{"Date": r.today.String()}),
		Title: r.loc.T(msgLoopLedgerTitle, map[string]any{"Notice": n.Number, "Date": r.today.String()})}
	return Reply{Kind: "ledger", Headline: head, Text: text, Tasks: tasks, Attachment: file}, nil
}
