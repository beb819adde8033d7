package i18n

import (
	"errors"
	"math"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// TestHmongFallsBackToEnglish checks the shipped catalogs: Hmong loads although CLDR
// has no plural rule for hmn, and each message Hmong lacks comes in English, plural
// forms included, never as a bare id. Hmong is loadable for translators but, while its
// catalog is nearly empty, not offered: a request asking for it gets English.
func TestHmongFallsBackToEnglish(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Accept-Language", "hmn, en;q=0.5")
	if c.Coverage("hmn") < MinCoverage {
		if got := c.Pick("", r); got != "en" {
			t.Errorf("Pick for Accept-Language hmn = %q, want en while Hmong covers %.0f%%", got, 100*c.Coverage("hmn"))
		}
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

// TestShippedLanguagesOffered checks which shipped languages the switcher offers today:
// English and Spanish, whose catalogs are complete or nearly so; Somali and Hmong, whose
// catalogs are empty, are loaded but not offered until translators fill them in. When a
// catalog passes MinCoverage, add it here.
func TestShippedLanguagesOffered(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	var offered []string
	for _, l := range c.Offered {
		offered = append(offered, l.Tag)
	}
	if got, want := strings.Join(offered, " "), "en es"; got != want {
		t.Errorf("offered languages = %q, want %q", got, want)
	}
	for _, l := range Languages {
		cov := c.Coverage(l.Tag)
		t.Logf("%s (%s): %.0f%% of %d messages", l.Tag, l.Name, 100*cov, len(c.IDs))
		if c.Supported(l.Tag) != (l.Tag == "en" || cov >= MinCoverage) {
			t.Errorf("%s: Supported = %v with coverage %.2f", l.Tag, c.Supported(l.Tag), cov)
		}
	}
	if c.Coverage("en") != 1 {
		t.Errorf("English coverage = %v, want 1", c.Coverage("en"))
	}
}

// TestMissingMessages lists, with -v, the messages each language still lacks: a
// translator's to-do list. It fails only if Missing and Coverage disagree.
func TestMissingMessages(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	for _, l := range Languages {
		missing := c.Missing(l.Tag)
		if got, want := c.Coverage(l.Tag), 1-float64(len(missing))/float64(len(c.IDs)); math.Abs(got-want) > 1e-9 {
			t.Errorf("%s: coverage %v, but %d of %d ids are missing", l.Tag, got, len(missing), len(c.IDs))
		}
		if len(missing) > 0 {
			t.Logf("%s (%s) lacks %d messages:\n  %s", l.Tag, l.Name, len(missing), strings.Join(missing, "\n  "))
		}
	}
}

// TestCoverageDecidesOffer checks, on small catalogs, that a language is offered from
// MinCoverage on, that Pick chooses only offered languages (from a preference or from
// Accept-Language), and that a language below the threshold still loads, falling back
// to English.
func TestCoverageDecidesOffer(t *testing.T) {
	fsys := fstest.MapFS{
		"locales/active.en.json": {Data: []byte(`{"a": "A", "b": "B", "c": "C", "d": "D"}`)},
		// Two of four, and an id English lacks that must not count: 50 %, offered.
		"locales/active.es.json": {Data: []byte(`{"a": "A (es)", "b": "B (es)", "stray": "S"}`)},
		// One of four, and an empty message that does not count: 25 %, not offered.
		"locales/active.so.json": {Data: []byte(`{"a": "A (so)", "b": ""}`)},
	}
	c, err := load(fsys)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	for lang, want := range map[string]float64{"en": 1, "es": 0.5, "so": 0.25, "hmn": 0} {
		if got := c.Coverage(lang); got != want {
			t.Errorf("Coverage(%q) = %v, want %v", lang, got, want)
		}
	}
	if len(c.Offered) != 2 || c.Offered[0].Tag != "en" || c.Offered[1].Tag != "es" {
		t.Errorf("Offered = %v, want English and Spanish", c.Offered)
	}
	for _, tc := range []struct{ preferred, accept, want string }{
		{"es", "", "es"},
		{"so", "", "en"},
		{"so", "so, es;q=0.8", "es"},
		{"", "so", "en"},
		{"", "es-MX, en;q=0.5", "es"},
		{"hmn", "hmn", "en"},
		{"", "", "en"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		if tc.accept != "" {
			r.Header.Set("Accept-Language", tc.accept)
		}
		if got := c.Pick(tc.preferred, r); got != tc.want {
			t.Errorf("Pick(%q, Accept-Language %q) = %q, want %q", tc.preferred, tc.accept, got, tc.want)
		}
	}
	if got := c.For("so").T("a"); got != "A (so)" {
		t.Errorf("Somali T(a) = %q: a language not offered must still load", got)
	}
	if got := c.For("so").T("c"); got != "C" {
		t.Errorf("Somali T(c) = %q, want the English fallback", got)
	}
	if got := strings.Join(c.Missing("so"), " "); got != "b c d" {
		t.Errorf("Missing(so) = %q, want b c d", got)
	}
}

// TestUnknownLanguageFile checks that a catalog for a language missing from Languages
// is refused with a message saying what to do.
func TestUnknownLanguageFile(t *testing.T) {
	_, err := load(fstest.MapFS{
		"locales/active.en.json": {Data: []byte(`{"a": "A"}`)},
		"locales/active.om.json": {Data: []byte(`{"a": "A (om)"}`)},
	})
	if err == nil || !strings.Contains(err.Error(), "i18n.Languages") {
		t.Errorf("load with an unlisted language: err = %v, want one naming i18n.Languages", err)
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

// TestCatalogParts checks that a language's messages may be split over several files
// (one per feature), that coverage counts them together, and that an id defined twice
// for one language is refused naming both files.
func TestCatalogParts(t *testing.T) {
	c, err := load(fstest.MapFS{
		"locales/active.en.json":   {Data: []byte(`{"a": "A", "b": "B"}`)},
		"locales/momentum.en.json": {Data: []byte(`{"c": "C", "d": "D"}`)},
		"locales/active.es.json":   {Data: []byte(`{"a": "A (es)"}`)},
		"locales/momentum.es.json": {Data: []byte(`{"c": "C (es)", "d": "D (es)"}`)},
	})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if got := strings.Join(c.IDs, " "); got != "a b c d" {
		t.Errorf("IDs = %q, want a b c d", got)
	}
	if got := c.Coverage("es"); got != 0.75 {
		t.Errorf("Coverage(es) = %v, want 0.75 (3 of 4 over both files)", got)
	}
	if got := c.For("es").T("d"); got != "D (es)" {
		t.Errorf("T(d) = %q, want the second file's message", got)
	}
	_, err = load(fstest.MapFS{
		"locales/active.en.json":   {Data: []byte(`{"a": "A"}`)},
		"locales/momentum.en.json": {Data: []byte(`{"a": "A again"}`)},
	})
	if err == nil || !strings.Contains(err.Error(), "active.en.json") || !strings.Contains(err.Error(), "momentum.en.json") {
		t.Errorf("load with an id in two files: err = %v, want one naming both", err)
	}
}
