// Package i18n loads Braid's message catalogs and picks a language for each request.
// Catalogs are JSON files in locales/, one per language, read by go-i18n (CLDR plural
// rules). English is complete; other languages fall back to English per message.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed locales/*.json
var files embed.FS

// Language is one language offered in the switcher.
type Language struct {
	Tag  string // BCP 47 tag, e.g. "es"
	Name string // the language's own name for itself
}

// Languages lists the languages offered, English first.
var Languages = []Language{{"en", "English"}, {"es", "Español"}, {"so", "Soomaali"}, {"hmn", "Hmoob"}}

// Catalog holds every language's messages.
type Catalog struct {
	bundle  *i18n.Bundle
	matcher language.Matcher
	// IDs lists the English message ids, for completeness tests.
	IDs []string
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

// load parses the catalogs in fsys's locales/ folder: active.<lang>.json, one per
// language, and active.en.json, which is required and lists every message id.
func load(fsys fs.FS) (*Catalog, error) {
	b := i18n.NewBundle(language.English)
	entries, err := fs.ReadDir(fsys, "locales")
	if err != nil {
		return nil, err
	}
	unmarshal := map[string]i18n.UnmarshalFunc{"json": json.Unmarshal}
	for _, e := range entries {
		raw, err := fs.ReadFile(fsys, "locales/"+e.Name())
		if err != nil {
			return nil, err
		}
		mf, err := i18n.ParseMessageFileBytes(raw, e.Name(), unmarshal)
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", e.Name(), err)
		}
		// An empty catalog is added all the same: it is a language waiting for
		// translators, and every message falls back to English.
		tag := language.Make(bundleTag(mf.Tag.String()))
		if err := b.AddMessages(tag, mf.Messages...); err != nil {
			return nil, fmt.Errorf("load %s: %w", e.Name(), err)
		}
	}
	var tags []language.Tag
	for _, l := range Languages {
		tags = append(tags, language.Make(l.Tag))
	}
	c := &Catalog{bundle: b, matcher: language.NewMatcher(tags)}
	raw, err := fs.ReadFile(fsys, "locales/active.en.json")
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	for id := range m {
		c.IDs = append(c.IDs, id)
	}
	return c, nil
}

// Supported reports whether tag is one of the offered languages.
func Supported(tag string) bool {
	for _, l := range Languages {
		if l.Tag == tag {
			return true
		}
	}
	return false
}

// Pick chooses the language: the preference given (a user's setting or cookie) if
// supported, else the best match for the Accept-Language header, else English.
func (c *Catalog) Pick(preferred string, r *http.Request) string {
	if Supported(preferred) {
		return preferred
	}
	tags, _, _ := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	_, idx, conf := c.matcher.Match(tags...)
	if conf == language.No {
		return "en"
	}
	return Languages[idx].Tag
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
