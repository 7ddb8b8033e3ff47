package main

import (
	"flag"
	"io"
	"maps"
	"slices"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		json    bool
		now     string
		rest    []string
		wantErr bool
	}{
		{"flags first", []string{"--json", "--now", "2019-09-10", "问题"}, true, "2019-09-10", []string{"问题"}, false},
		{"flags after messages", []string{"问题一", "--now", "2019-09-10", "问题二", "--json"}, true, "2019-09-10", []string{"问题一", "问题二"}, false},
		{"double dash keeps dashes", []string{"--json", "--", "--now", "x"}, true, "", []string{"--now", "x"}, false},
		{"no arguments", nil, false, "", nil, false},
		{"unknown flag", []string{"问题", "--frob"}, false, "", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			asJSON := fs.Bool("json", false, "")
			now := fs.String("now", "", "")
			err := parse(fs, tt.args)
			if (err != nil) != tt.wantErr {
				t.Fatalf("parse(%q) error %v, want error %v", tt.args, err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if *asJSON != tt.json || *now != tt.now || !slices.Equal(fs.Args(), tt.rest) {
				t.Errorf("parse(%q): json=%v now=%q rest=%q; want %v %q %q", tt.args, *asJSON, *now, fs.Args(), tt.json, tt.now, tt.rest)
			}
		})
	}
}

func TestParseNow(t *testing.T) {
	loc := shanghai()
	tests := []struct {
		in      string
		want    time.Time
		wantErr bool
	}{
		{"", time.Time{}, false},
		{"2019-09-20", time.Date(2019, 9, 20, 12, 0, 0, 0, loc), false},
		{"2019-09-20T09:00:00+08:00", time.Date(2019, 9, 20, 9, 0, 0, 0, loc), false},
		{"2019/09/20", time.Time{}, true},
		{"tomorrow", time.Time{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseNow(tt.in, loc)
			if (err != nil) != tt.wantErr || !got.Equal(tt.want) {
				t.Errorf("parseNow(%q) = %v, %v; want %v (error %v)", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestUnitLanguages(t *testing.T) {
	tests := []struct {
		in      string
		want    map[string]string
		wantErr bool
	}{
		{"", map[string]string{}, false},
		{"法制支队=en, 人事处=zh-CN,", map[string]string{"法制支队": "en", "人事处": "zh-CN"}, false},
		{"法制支队", nil, true},
		{"法制支队=fr", nil, true},
		{"=en", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := unitLanguages(tt.in)
			if (err != nil) != tt.wantErr || (err == nil && !maps.Equal(got, tt.want)) {
				t.Errorf("unitLanguages(%q) = %v, %v; want %v (error %v)", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}
