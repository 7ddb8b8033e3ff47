package slack

import (
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dutybot/reminders"
)

// TestLoop_ledgerUpload asks for the ledger in Slack: an administrator gets
// the summary and the XLSX workbook in the same conversation by files
// upload v2 (the upload URL, the file, the completion naming the channel);
// anyone else is refused and no file is shared.
func TestLoop_ledgerUpload(t *testing.T) {
	_, _, eng := newLoopEngine(t)
	h := startReal(t, eng)

	h.dm("EvLedger1", loopLiaison, "台账")
	if b := h.st.waitCalls("chat.postMessage", 1)[0].blocks(); !strings.Contains(b, "管理员") {
		t.Fatalf("a liaison's 台账: %s", b)
	}
	h.flush()
	if n := len(h.st.callsOf("files.getUploadURLExternal")) + len(h.st.callsOf("upload")); n != 0 {
		t.Fatalf("a refused 台账 shared a file (%d calls)", n)
	}

	h.dm("EvLedger2", "U0ADMIN", "台账")
	if b := h.st.waitCalls("chat.postMessage", 2)[1].blocks(); !strings.Contains(b, "台账") {
		t.Fatalf("the administrator's 台账: %s", b)
	}
	done := h.st.waitCalls("files.completeUploadExternal", 1)[0]
	get := h.st.callsOf("files.getUploadURLExternal")[0]
	up := h.st.callsOf("upload")[0]
	if done.Form.Get("channel_id") != "DU0ADMIN" || !strings.Contains(done.Form.Get("files"), "督办台账") {
		t.Fatalf("completion: %v", done.Form)
	}
	if get.Form.Get("filename") != "督办台账-2019-09-20.xlsx" || get.Form.Get("length") != strconv.Itoa(len(up.Raw)) {
		t.Fatalf("upload URL asked for %v, uploaded %d bytes", get.Form, len(up.Raw))
	}
	f, err := excelize.OpenReader(strings.NewReader(up.Raw))
	if err != nil {
		t.Fatalf("the uploaded file is no workbook: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil || len(rows) < 44 {
		t.Fatalf("ledger sheet: %d rows, %v", len(rows), err)
	}
}

// TestSend_attachment posts a weekly 通报 that carries the ledger: the
// message, then the workbook in its thread by files upload v2.
func TestSend_attachment(t *testing.T) {
	h := start(t, httpMode, newFakeEngine())
	d := reminders.Delivery{Channel: "C0ADMIN", Lang: langZH, Unit: reminders.AdminUnit, Text: "【工作通报】…",
		Attachment: &reminders.Attachment{Name: "督办台账-2019-10-21.xlsx", Title: "本周督办台账", Data: []byte("PK\x03\x04 workbook")}}
	ts, err := h.a.Send(t.Context(), d)
	if err != nil {
		t.Fatal(err)
	}
	done := h.st.waitCalls("files.completeUploadExternal", 1)[0]
	if done.Form.Get("channel_id") != "C0ADMIN" || done.Form.Get("thread_ts") != ts || !strings.Contains(done.Form.Get("files"), "本周督办台账") {
		t.Fatalf("completion %v, message ts %s", done.Form, ts)
	}
	if up := h.st.callsOf("upload"); len(up) != 1 || up[0].Raw != "PK\x03\x04 workbook" || up[0].Form.Get("filename") != "督办台账-2019-10-21.xlsx" {
		t.Fatalf("upload: %+v", up)
	}
}
