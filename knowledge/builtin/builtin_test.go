package builtin_test

import (
	"bytes"
	"testing"

	"dutybot/knowledge/builtin"
)

func TestNotice(t *testing.T) {
	n, err := builtin.Notice()
	if err != nil {
		t.Fatalf("Notice: %v", err)
	}
	if n.Number != "淮公通〔2019〕395号" || len(n.Tasks) != 43 || n.Date.String() != "2019-09-03" {
		t.Fatalf("Notice() = %s, %d tasks, %s", n.Number, len(n.Tasks), n.Date)
	}
	if task := n.Task(17); task.Subsection != "严格记录归档" || task.Lead[0] != "法制支队" || task.Deadline.Kind != "ongoing" {
		t.Errorf("task 17 = %+v", task)
	}
	// Each call is a fresh copy: changing one does not change the next.
	n.Tasks[0].Lead[0] = "changed"
	n.Tasks = n.Tasks[:1]
	again, err := builtin.Notice()
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Tasks) != 43 || again.Tasks[0].Lead[0] != "市局办公室" {
		t.Error("Notice() returned shared state")
	}
}

func TestYAML(t *testing.T) {
	y := builtin.YAML()
	if !bytes.HasPrefix(y, []byte("# dutybot notice file")) {
		t.Fatalf("YAML() starts %q", y[:min(40, len(y))])
	}
	y[0] = 'X'
	if builtin.YAML()[0] != '#' {
		t.Error("YAML() shares its bytes")
	}
}
