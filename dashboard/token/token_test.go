package token

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

var (
	key   = bytes.Repeat([]byte("k"), MinKeyBytes)
	other = bytes.Repeat([]byte("o"), MinKeyBytes)
	t0    = time.Date(2019, 9, 20, 10, 0, 0, 0, time.UTC)
)

// TestVerify: a token verifies with its key until it expires; anything
// altered, made with another key, or of another purpose is invalid.
func TestVerify(t *testing.T) {
	s, err := NewSigner(key)
	if err != nil {
		t.Fatal(err)
	}
	o, _ := NewSigner(other)
	good, c, err := s.Sign("U0ADMIN", Admin, t0)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Expires.Equal(t0.Add(Lifetime)) {
		t.Fatalf("expires %v, want %v", c.Expires, t0.Add(Lifetime))
	}
	forged, _, _ := o.Sign("U0ADMIN", Admin, t0)
	payload, sig, _ := strings.Cut(good, ".")
	viewer, _, _ := s.Sign("U0LIAISON", Viewer, t0)
	vpayload, _, _ := strings.Cut(viewer, ".")
	cases := []struct {
		name string
		tok  string
		at   time.Time
		want error
	}{
		{"fresh", good, t0, nil},
		{"a second before expiry", good, t0.Add(Lifetime - time.Second), nil},
		{"at expiry", good, t0.Add(Lifetime), ErrExpired},
		{"other key", forged, t0, ErrInvalid},
		{"payload swapped (viewer's claims, admin's MAC)", vpayload + "." + sig, t0, ErrInvalid},
		{"no signature", payload, t0, ErrInvalid},
		{"empty", "", t0, ErrInvalid},
		{"calendar token as user token", payload + "." + s.Calendar("U0ADMIN", 0), t0, ErrInvalid},
		{"garbage", "!!!.???", t0, ErrInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := s.Verify(c.tok, c.at)
			if !errors.Is(err, c.want) {
				t.Fatalf("Verify = %v, want %v", err, c.want)
			}
			if err == nil && (got.User != "U0ADMIN" || got.Rights != Admin) {
				t.Fatalf("claims %+v", got)
			}
		})
	}
}

// TestCalendar: a feed token belongs to one unit and one generation.
func TestCalendar(t *testing.T) {
	s, _ := NewSigner(key)
	tok := s.Calendar("法制支队", 0)
	for _, c := range []struct {
		unit string
		gen  int64
		tok  string
		want bool
	}{
		{"法制支队", 0, tok, true},
		{"法制支队", 1, tok, false}, // rotated
		{"科技处", 0, tok, false},
		{"法制支队", 0, tok[:len(tok)-1], false},
	} {
		if got := s.CheckCalendar(c.unit, c.gen, c.tok); got != c.want {
			t.Errorf("CheckCalendar(%s, %d) = %v, want %v", c.unit, c.gen, got, c.want)
		}
	}
}

// TestNewSigner refuses a short key; Linker makes a link that verifies.
func TestLinker(t *testing.T) {
	if _, err := NewSigner(key[:MinKeyBytes-1]); !errors.Is(err, ErrShortKey) {
		t.Fatalf("short key: %v", err)
	}
	l := Linker{Base: "https://duty.example.org/", Key: func() ([]byte, error) { return key, nil }}
	link, exp, err := l.Link("U0LIAISON", false, t0)
	if err != nil {
		t.Fatal(err)
	}
	tok, ok := strings.CutPrefix(link, "https://duty.example.org/dashboard?t=")
	if !ok {
		t.Fatalf("link %q", link)
	}
	s, _ := NewSigner(key)
	c, err := s.Verify(tok, t0)
	if err != nil || c.Rights != Viewer || !c.Expires.Equal(exp) {
		t.Fatalf("Verify(link's token) = %+v, %v", c, err)
	}
	if _, _, err := (Linker{Key: func() ([]byte, error) { return nil, errors.New("no database") }}).Link("U", true, t0); err == nil {
		t.Fatal("a key that cannot be read made a link")
	}
}
