// Package i18n loads Braid's message catalogs and picks a language for each request.
// Catalogs are JSON files in locales/, named <part>.<lang>.json (active.en.json holds the
// foundation's messages; each feature may keep its own part, e.g. momentum.en.json), read
// by go-i18n (CLDR plural rules). English is complete; other languages fall back to English per message, and
// only those that translate at least MinCoverage of English are offered (README.md
// tells translators how to add or complete one).
package i18n

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"slices"
	"sort"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed locales/*.json
var files embed.FS

// Language is one language Braid has a catalog for.
type Language struct {
	Tag  string // BCP 47 tag, e.g. "es"
	Name string // the language's own name for itself
}

// Languages lists every language with a catalog, English first. A catalog file for a
// language not listed here is an error at load: its name in the switcher would be missing.
var Languages = []Language{{"en", "English"}, {"es", "Español"}, {"so", "Soomaali"}, {"hmn", "Hmoob"}}

// MinCoverage is the share of English message ids a language must translate to be
// offered. Below it most of a page would be English under a lang attribute that says
// otherwise, which misleads screen readers, translation tools and search engines.
const MinCoverage = 0.5

// Catalog holds every language's messages.
type Catalog struct {
	bundle  *i18n.Bundle
	matcher language.Matcher
	// IDs lists the English message ids, for completeness tests.
	IDs []string
	// Offered lists the languages the switcher offers and Pick may choose: English and
	// every language with at least MinCoverage, in the order of Languages.
	Offered []Language
	// coverage is, per language tag, the share of English ids it translates.
	coverage map[string]float64
	// translated holds, per language tag, the ids with a message.
	translated map[string]map[string]bool
}

// pluralAliases maps a language that CLDR has no plural rule for to a language that
// shares its rule, under which go-i18n stores its messages. CLDR covers Hmong Njua
// (hnj) but not the macrolanguage Hmong (hmn) that Braid offers. Hmong has no
// grammatical plural, so every Hmong variety follows hnj's rule: one form, "other".
// go-i18n v2.7 has no way to register a rule of one's own (its plural package is
// internal), hence the alias.
var pluralAliases = map[string]string{"hmn": "hnj"}

// bundleTag is the tag under which go-i18n holds lang's messages.
func bundleTag(lang string) string {
	if alias, ok := pluralAliases[lang]; ok {
		return alias
	}
	return lang
}

// Load parses the embedded catalogs.
func Load() (*Catalog, error) {
	return load(files)
}

// load parses the catalogs in fsys's locales/ folder: <part>.<lang>.json, any number of
// parts per language, of which active.en.json is required; the English parts together
// list every message id. An id defined in two parts of one language is an error. It
// measures each catalog's coverage of the English ids and offers those with enough.
func load(fsys fs.FS) (*Catalog, error) {
	b := i18n.NewBundle(language.English)
	translated, err := addCatalogs(b, fsys)
	if err != nil {
		return nil, err
	}
	en, ok := translated["en"]
	if !ok {
		return nil, errors.New("load: locales/active.en.json is missing")
	}
	c := &Catalog{bundle: b, coverage: map[string]float64{}, translated: translated}
	for id := range en {
		c.IDs = append(c.IDs, id)
	}
	sort.Strings(c.IDs)
	var tags []language.Tag
	for _, l := range Languages {
		n := 0
		for id := range translated[l.Tag] {
			if en[id] {
				n++
			}
		}
		if len(en) > 0 {
			c.coverage[l.Tag] = float64(n) / float64(len(en))
		}
		if l.Tag == "en" || c.coverage[l.Tag] >= MinCoverage {
			c.Offered = append(c.Offered, l)
			tags = append(tags, language.Make(l.Tag))
		}
	}
	c.matcher = language.NewMatcher(tags)
	return c, nil
}

// addCatalogs adds every catalog in fsys's locales/ folder to b and returns, per
// language tag, the ids it has a message for (a message whose text is empty does not
// count).
func addCatalogs(b *i18n.Bundle, fsys fs.FS) (map[string]map[string]bool, error) {
	entries, err := fs.ReadDir(fsys, "locales")
	if err != nil {
		return nil, err
	}
	unmarshal := map[string]i18n.UnmarshalFunc{"json": json.Unmarshal}
	translated := map[string]map[string]bool{}
	defined := map[string]string{} // "lang id" → the file that defines it
	for _, e := range entries {
		raw, err := fs.ReadFile(fsys, "locales/"+e.Name())
		if err != nil {
			return nil, err
		}
		mf, err := i18n.ParseMessageFileBytes(raw, e.Name(), unmarshal)
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", e.Name(), err)
		}
		lang := mf.Tag.String()
		if !known(lang) {
			return nil, fmt.Errorf("load %s: language %q is not in i18n.Languages; add it there with its own name", e.Name(), lang)
		}
		// An empty catalog is added all the same: it is a language waiting for
		// translators, and every message falls back to English.
		if err := b.AddMessages(language.Make(bundleTag(lang)), mf.Messages...); err != nil {
			return nil, fmt.Errorf("load %s: %w", e.Name(), err)
		}
		if translated[lang] == nil {
			translated[lang] = map[string]bool{}
		}
		for _, m := range mf.Messages {
			if where, dup := defined[lang+" "+m.ID]; dup {
				return nil, fmt.Errorf("load %s: message %q is also in %s", e.Name(), m.ID, where)
			}
			defined[lang+" "+m.ID] = e.Name()
			if m.Zero+m.One+m.Two+m.Few+m.Many+m.Other != "" {
				translated[lang][m.ID] = true
			}
		}
	}
	return translated, nil
}

// known reports whether tag is one of Languages.
func known(tag string) bool {
	return slices.ContainsFunc(Languages, func(l Language) bool { return l.Tag == tag })
}

// Coverage returns the share of English message ids that lang translates, from 0 to 1
// (0 for a language without a catalog).
func (c *Catalog) Coverage(lang string) float64 { return c.coverage[lang] }

// Missing lists the English message ids that lang does not translate yet, sorted.
func (c *Catalog) Missing(lang string) []string {
	var out []string
	for _, id := range c.IDs {
		if !c.translated[lang][id] {
			out = append(out, id)
		}
	}
	return out
}

// Supported reports whether tag is one of the offered languages.
func (c *Catalog) Supported(tag string) bool {
	return slices.ContainsFunc(c.Offered, func(l Language) bool { return l.Tag == tag })
}

// Pick chooses the language among the offered ones: the preference given (a user's
// setting or cookie) if offered, else the best match for the Accept-Language header,
// else English.
func (c *Catalog) Pick(preferred string, r *http.Request) string {
	if c.Supported(preferred) {
		return preferred
	}
	tags, _, _ := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	_, idx, conf := c.matcher.Match(tags...)
	if conf == language.No {
		return "en"
	}
	return c.Offered[idx].Tag
}

// Localizer translates messages into one language.
type Localizer struct {
	Lang string
	l    *i18n.Localizer
}

// For returns a localizer for lang.
func (c *Catalog) For(lang string) *Localizer {
	return &Localizer{Lang: lang, l: i18n.NewLocalizer(c.bundle, bundleTag(lang), "en")}
}

// T translates a message id. Arguments come in name/value pairs for the template
// ({{.Name}} in the message); a "Count" argument selects the plural form. A missing
// message shows its id, so that a forgotten entry is visible rather than blank.
func (l *Localizer) T(id string, args ...any) string {
	data := map[string]any{}
	var count any
	for i := 0; i+1 < len(args); i += 2 {
		k := fmt.Sprint(args[i])
		data[k] = args[i+1]
		if k == "Count" {
			count = args[i+1]
		}
	}
	s, err := l.l.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	if err != nil && s == "" {
		return id
	}
	return s
}

// Dir returns the text direction of the language (all offered languages are left-to-right).
func (l *Localizer) Dir() string { return "ltr" }

// Has reports whether English has a message id (used by tests and label helpers).
func (c *Catalog) Has(id string) bool {
	for _, x := range c.IDs {
		if x == id {
			return true
		}
	}
	return strings.TrimSpace(id) == ""
}
