package i18n

import (
	"errors"
	"net/http/httptest"
	"testing"
	"testing/fstest"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// TestHmongFallsBackToEnglish checks the shipped catalogs: Hmong loads although CLDR
// has no plural rule for hmn, a request asking for Hmong gets it, and each message
// Hmong lacks comes in English, plural forms included, never as a bare id.
func TestHmongFallsBackToEnglish(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Accept-Language", "hmn, en;q=0.5")
	if got := c.Pick("", r); got != "hmn" {
		t.Fatalf("Pick for Accept-Language hmn = %q, want hmn", got)
	}
	loc := c.For("hmn")
	if loc.Lang != "hmn" {
		t.Errorf("Lang = %q, want hmn", loc.Lang)
	}
	en := c.For("en")
	for _, tc := range []struct {
		id   string
		args []any
	}{
		{"nav.sign_in", nil},
		{"coalition.created", []any{"Name", "Rooted Homes"}},
		{"coalition.members_count", []any{"Count", 1}},
		{"coalition.members_count", []any{"Count", 12}},
	} {
		got, want := loc.T(tc.id, tc.args...), en.T(tc.id, tc.args...)
		if got != want || got == tc.id {
			t.Errorf("Hmong T(%q, %v) = %q, want English %q", tc.id, tc.args, got, want)
		}
	}
}

// TestHmongPluralRule checks the fallback message by message, and Hmong's plural rule,
// on a small catalog: a Hmong message with one plural form ("other") serves every
// count without error, and a message Hmong lacks comes in English.
func TestHmongPluralRule(t *testing.T) {
	fsys := fstest.MapFS{
		"locales/active.en.json": {Data: []byte(`{
			"greeting": "Hello",
			"farewell": "Goodbye",
			"members": {"one": "{{.Count}} member", "other": "{{.Count}} members"}
		}`)},
		// "Nyob zoo" is the everyday Hmong greeting. Hmong counts without a plural
		// form, so "members" has only "other" (the number and the English word here
		// are test data, not a translation).
		"locales/active.hmn.json": {Data: []byte(`{
			"greeting": "Nyob zoo",
			"members": {"other": "{{.Count}} (hmn)"}
		}`)},
	}
	c, err := load(fsys)
	if err != nil {
		t.Fatalf("load with a Hmong catalog: %v", err)
	}
	loc := c.For("hmn")
	for _, tc := range []struct {
		id    string
		count any
		want  string
		// fallback marks a message Hmong lacks: go-i18n then reports that it used
		// English, which is the only error allowed.
		fallback bool
	}{
		{"greeting", nil, "Nyob zoo", false},
		{"farewell", nil, "Goodbye", true},
		{"members", 1, "1 (hmn)", false},
		{"members", 2, "2 (hmn)", false},
		{"members", 0, "0 (hmn)", false},
	} {
		var args []any
		if tc.count != nil {
			args = []any{"Count", tc.count}
		}
		if got := loc.T(tc.id, args...); got != tc.want {
			t.Errorf("T(%q, %v) = %q, want %q", tc.id, tc.count, got, tc.want)
		}
		_, err := loc.l.Localize(&i18n.LocalizeConfig{MessageID: tc.id, PluralCount: tc.count,
			TemplateData: map[string]any{"Count": tc.count}})
		var notFound *i18n.MessageNotFoundErr
		switch {
		case tc.fallback && !errors.As(err, &notFound):
			t.Errorf("Localize(%q): err = %v, want the English-fallback notice", tc.id, err)
		case !tc.fallback && err != nil:
			t.Errorf("Localize(%q, %v): %v", tc.id, tc.count, err)
		}
	}
}
