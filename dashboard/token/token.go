// Package token signs and checks the dashboard's links (docs/cli.md §10): a
// user's token carries the user's ID and rights and expires after seven
// days; a unit's calendar token is long-lived and changes when an
// administrator rotates the unit's feed. Both are HMAC-SHA256 under one key,
// so the engine can make links without the web server, and the server can
// check them without a database read.
package token

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Lifetime is how long a user's dashboard link stays valid.
const Lifetime = 7 * 24 * time.Hour

// MinKeyBytes is the shortest key accepted: a key shorter than the hash is
// easier to guess than the signature it makes.
const MinKeyBytes = 32

// Errors of Verify. ErrExpired and ErrInvalid are told apart only in the
// log; the user reads one sentence that says how to get a new link.
var (
	ErrInvalid  = errors.New("token: not signed by this dashboard")
	ErrExpired  = errors.New("token: expired")
	ErrShortKey = fmt.Errorf("token: key shorter than %d bytes", MinKeyBytes)
)

// Rights are what the holder of a token may see and do.
type Rights string

// The rights a token carries.
const (
	// Admin sees everything and may rotate calendar feeds.
	Admin Rights = "admin"
	// Viewer (a liaison) sees the whole board read-only; acting is done in chat.
	Viewer Rights = "viewer"
)

// Claims are what a user's token says.
type Claims struct {
	User    string    `json:"u"`
	Rights  Rights    `json:"r"`
	Expires time.Time `json:"-"`
	Exp     int64     `json:"e"` // Expires in Unix seconds, as signed
}

// Signer signs and checks tokens with one secret key.
type Signer struct {
	key []byte
}

// NewSigner returns a signer over key (at least MinKeyBytes bytes).
func NewSigner(key []byte) (*Signer, error) {
	if len(key) < MinKeyBytes {
		return nil, ErrShortKey
	}
	return &Signer{key: append([]byte(nil), key...)}, nil
}

// purposes keep a calendar token from passing for a user token, and the
// other way round: each MAC covers its purpose.
const (
	purposeUser     = "dutybot.dashboard.user.v1"
	purposeCalendar = "dutybot.dashboard.calendar.v1"
	purposeForm     = "dutybot.dashboard.form.v1"
)

func (s *Signer) mac(purpose string, parts ...string) []byte {
	h := hmac.New(sha256.New, s.key)
	h.Write([]byte(purpose))
	for _, p := range parts {
		// Length-prefixed, so that ("ab","c") and ("a","bc") differ.
		h.Write([]byte("\x00" + strconv.Itoa(len(p)) + ":" + p))
	}
	return h.Sum(nil)
}

var b64 = base64.RawURLEncoding

// Sign returns a token for user with rights, valid from now for Lifetime.
func (s *Signer) Sign(user string, rights Rights, now time.Time) (string, Claims, error) {
	if user == "" {
		return "", Claims{}, errors.New("token: no user")
	}
	if rights != Admin && rights != Viewer {
		return "", Claims{}, fmt.Errorf("token: unknown rights %q", rights)
	}
	c := Claims{User: user, Rights: rights, Exp: now.Add(Lifetime).Unix()}
	c.Expires = time.Unix(c.Exp, 0)
	body, err := json.Marshal(c)
	if err != nil {
		return "", Claims{}, fmt.Errorf("token: %w", err)
	}
	payload := b64.EncodeToString(body)
	return payload + "." + b64.EncodeToString(s.mac(purposeUser, payload)), c, nil
}

// Verify checks a user's token at now and returns its claims: ErrInvalid
// for anything not signed with this key (forged, altered, truncated),
// ErrExpired for a genuine token past its time.
func (s *Signer) Verify(tok string, now time.Time) (Claims, error) {
	payload, sig, ok := strings.Cut(tok, ".")
	if !ok || len(tok) > 2048 {
		return Claims{}, ErrInvalid
	}
	got, err := b64.DecodeString(sig)
	if err != nil || !hmac.Equal(got, s.mac(purposeUser, payload)) {
		return Claims{}, ErrInvalid
	}
	body, err := b64.DecodeString(payload)
	if err != nil {
		return Claims{}, ErrInvalid
	}
	var c Claims
	if err := json.Unmarshal(body, &c); err != nil || c.User == "" || (c.Rights != Admin && c.Rights != Viewer) {
		return Claims{}, ErrInvalid
	}
	c.Expires = time.Unix(c.Exp, 0)
	if !now.Before(c.Expires) {
		return c, ErrExpired
	}
	return c, nil
}

// Calendar returns the token of unit's calendar feed at generation gen
// (raised by each rotation, which so invalidates the old feed address).
func (s *Signer) Calendar(unit string, gen int64) string {
	return b64.EncodeToString(s.mac(purposeCalendar, unit, strconv.FormatInt(gen, 10))[:20])
}

// CheckCalendar reports whether tok is unit's calendar token at generation gen.
func (s *Signer) CheckCalendar(unit string, gen int64, tok string) bool {
	return hmac.Equal([]byte(tok), []byte(s.Calendar(unit, gen)))
}

// Form returns the token a form posted by the holder of user token tok
// must carry: a second check, beside the SameSite cookie, that the post
// came from the dashboard's own page.
func (s *Signer) Form(tok string) string {
	return b64.EncodeToString(s.mac(purposeForm, tok)[:20])
}

// CheckForm reports whether form is the form token of user token tok.
func (s *Signer) CheckForm(tok, form string) bool {
	return hmac.Equal([]byte(form), []byte(s.Form(tok)))
}

// Linker makes a user's dashboard link: the public base URL, /dashboard,
// and a fresh token. The engine gets it through an option, so chat can
// answer `dashboard` without knowing the web server.
type Linker struct {
	// Base is the dashboard's public address (DUTYBOT_PUBLIC_URL), without
	// a trailing slash.
	Base string
	// Key returns the signing key; it is called on each link, so that a key
	// kept in the database is read only when a link is asked for.
	Key func() ([]byte, error)
}

// Link returns the link for user with rights, made at now, and when it expires.
func (l Linker) Link(user string, admin bool, now time.Time) (string, time.Time, error) {
	key, err := l.Key()
	if err != nil {
		return "", time.Time{}, fmt.Errorf("dashboard link: %w", err)
	}
	s, err := NewSigner(key)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("dashboard link: %w", err)
	}
	rights := Viewer
	if admin {
		rights = Admin
	}
	tok, c, err := s.Sign(user, rights, now)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("dashboard link: %w", err)
	}
	return strings.TrimRight(l.Base, "/") + "/dashboard?t=" + tok, c.Expires, nil
}
