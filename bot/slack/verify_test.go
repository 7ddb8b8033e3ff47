package slack

import (
	"strings"
	"testing"
	"time"
)

// Slack's published example (docs "Verifying requests from Slack").
const (
	vectorSecret    = "8f742231b10e8888abcd99yyyzzz85a5"
	vectorTimestamp = "1531420618"
	vectorBody      = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
	vectorSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
)

func TestVerifySignature(t *testing.T) {
	at := time.Unix(1531420618, 0)
	tests := []struct {
		name      string
		secret    string
		timestamp string
		signature string
		body      string
		now       time.Time
		want      error
	}{
		{"slack example", vectorSecret, vectorTimestamp, vectorSignature, vectorBody, at, nil},
		{"five minutes later", vectorSecret, vectorTimestamp, vectorSignature, vectorBody, at.Add(5 * time.Minute), nil},
		{"five minutes earlier", vectorSecret, vectorTimestamp, vectorSignature, vectorBody, at.Add(-5 * time.Minute), nil},
		{"stale", vectorSecret, vectorTimestamp, vectorSignature, vectorBody, at.Add(5*time.Minute + time.Second), errStale},
		{"from the future", vectorSecret, vectorTimestamp, vectorSignature, vectorBody, at.Add(-5*time.Minute - time.Second), errStale},
		{"today, replayed", vectorSecret, vectorTimestamp, vectorSignature, vectorBody, time.Now(), errStale},
		{"body changed", vectorSecret, vectorTimestamp, vectorSignature, strings.Replace(vectorBody, "text=", "text=done+7", 1), at, errForged},
		{"timestamp changed", vectorSecret, "1531420619", vectorSignature, vectorBody, at, errForged},
		{"other secret", "not-the-secret", vectorTimestamp, vectorSignature, vectorBody, at, errForged},
		{"one digit off", vectorSecret, vectorTimestamp, vectorSignature[:len(vectorSignature)-1] + "a", vectorBody, at, errForged},
		{"no v0 prefix", vectorSecret, vectorTimestamp, strings.TrimPrefix(vectorSignature, "v0="), vectorBody, at, errForged},
		{"v1 prefix", vectorSecret, vectorTimestamp, "v1=" + strings.TrimPrefix(vectorSignature, "v0="), vectorBody, at, errForged},
		{"not hex", vectorSecret, vectorTimestamp, "v0=zz", vectorBody, at, errForged},
		{"truncated", vectorSecret, vectorTimestamp, vectorSignature[:20], vectorBody, at, errForged},
		{"no signature", vectorSecret, vectorTimestamp, "", vectorBody, at, errUnsigned},
		{"no timestamp", vectorSecret, "", vectorSignature, vectorBody, at, errUnsigned},
		{"timestamp not a number", vectorSecret, "yesterday", vectorSignature, vectorBody, at, errBadTimestamp},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := verifySignature([]byte(tt.secret), tt.timestamp, tt.signature, []byte(tt.body), tt.now)
			if err != tt.want {
				t.Fatalf("verifySignature = %v, want %v", err, tt.want)
			}
			if err != nil && strings.Contains(err.Error(), strings.TrimPrefix(vectorSignature, "v0=")) {
				t.Fatalf("error %q contains the valid signature", err)
			}
		})
	}
}

func TestSign(t *testing.T) {
	if got := sign([]byte(vectorSecret), vectorTimestamp, []byte(vectorBody)); got != vectorSignature {
		t.Fatalf("sign = %s, want Slack's %s", got, vectorSignature)
	}
}

func FuzzVerifySignature(f *testing.F) {
	f.Add(vectorTimestamp, vectorSignature, vectorBody)
	f.Add("", "v0=", "")
	f.Add("-99999999999999999999", "v0=00", "x")
	at := time.Unix(1531420618, 0)
	f.Fuzz(func(t *testing.T, ts, sig, body string) {
		err := verifySignature([]byte(vectorSecret), ts, sig, []byte(body), at)
		if err == nil && sig != sign([]byte(vectorSecret), ts, []byte(body)) {
			t.Fatalf("accepted a signature that is not the body's: ts=%q sig=%q", ts, sig)
		}
	})
}

func BenchmarkVerifySignature(b *testing.B) {
	at := time.Unix(1531420618, 0)
	for b.Loop() {
		if err := verifySignature([]byte(vectorSecret), vectorTimestamp, vectorSignature, []byte(vectorBody), at); err != nil {
			b.Fatal(err)
		}
	}
}
