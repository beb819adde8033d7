package web_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
)

// Patterns that name a message id literally. Ids ending in "." are prefixes completed at
// run time; the families they make are checked in TestCatalogFamilies.
var (
	templateKeyRE = regexp.MustCompile(`\.T "([^"]+)"`)                  // {{.T "k"}}, {{$.T "k"}}, {{$L.T "k"}}
	partialKeyRE  = regexp.MustCompile(`"(?:Label|Help)" "([^"]+)"`)     // (dict ... "Label" "k" "Help" "k")
	goKeyRE       = regexp.MustCompile(`(?:\bT\(|\.page\(r, )"([^"]+)"`) // p.T("k"), loc.T("k"), h.page(r, "k", ...)
)

// loadCatalog reads one language's message files (every <part>.<lang>.json) into one
// map: id → message (a string, or plural forms).
func loadCatalog(t *testing.T, lang string) map[string]any {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("i18n", "locales", "*."+lang+".json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no catalog files for %s: %v", lang, err)
	}
	m := map[string]any{}
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var part map[string]any
		if err := json.Unmarshal(b, &part); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for k, v := range part {
			m[k] = v
		}
	}
	return m
}

// usedKeys returns every literal message id in templates and non-test Go files, with
// where it is used.
func usedKeys(t *testing.T) map[string]string {
	t.Helper()
	used := map[string]string{}
	scan := func(path string, res ...*regexp.Regexp) {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, re := range res {
			for _, m := range re.FindAllStringSubmatch(string(b), -1) {
				if !strings.HasSuffix(m[1], ".") {
					used[m[1]] = path
				}
			}
		}
	}
	err := filepath.WalkDir("templates", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".html") {
			scan(path, templateKeyRE, partialKeyRE)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	goFiles, _ := filepath.Glob("*.go")
	for _, path := range goFiles {
		if !strings.HasSuffix(path, "_test.go") {
			scan(path, goKeyRE)
		}
	}
	if len(used) < 50 {
		t.Fatalf("found only %d message ids: the patterns no longer match the code", len(used))
	}
	return used
}

// TestCatalogComplete checks that every message id the templates and handlers name
// literally has an English message, so no page shows a raw id.
func TestCatalogComplete(t *testing.T) {
	en := loadCatalog(t, "en")
	used := usedKeys(t)
	var missing []string
	for k, where := range used {
		if _, ok := en[k]; !ok {
			missing = append(missing, k+" (in "+where+")")
		}
	}
	sort.Strings(missing)
	for _, k := range missing {
		t.Errorf("no English message for %s", k)
	}
}

// TestCatalogFamilies checks the ids built at run time from the vocabulary: every value
// a page may show has a message.
func TestCatalogFamilies(t *testing.T) {
	en := loadCatalog(t, "en")
	families := map[string][]string{
		"common.phase.":            domain.Phases,
		"common.role.":             domain.MembershipRoles,
		"common.status.":           domain.MembershipStatuses,
		"common.bipoc.":            domain.BipocLedValues,
		"common.budget.":           domain.BudgetBands,
		"common.kind.":             domain.OrganizationKinds,
		"common.skill.":            domain.SkillLevels,
		"public.field.":            domain.PublicFields,
		"invitation.state.":        {"open", "used", "expired"},
		"invitation.accept_intro.": domain.MembershipRoles,
		"access.role.":             domain.AccessRoles,
		"access.role_help.":        domain.AccessRoles,
	}
	for prefix, values := range families {
		for _, v := range values {
			if _, ok := en[prefix+v]; !ok {
				t.Errorf("no English message for %s%s", prefix, v)
			}
		}
	}
}

// placeholderRE finds the template fields of a message ({{.Name}}).
var placeholderRE = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

// placeholders returns the sorted, distinct template fields of a message or of all its
// plural forms.
func placeholders(v any) string {
	var texts []string
	switch x := v.(type) {
	case string:
		texts = []string{x}
	case map[string]any:
		for _, f := range x {
			if s, ok := f.(string); ok {
				texts = append(texts, s)
			}
		}
	}
	seen := map[string]bool{}
	for _, t := range texts {
		for _, m := range placeholderRE.FindAllStringSubmatch(t, -1) {
			seen[m[1]] = true
		}
	}
	var out []string
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// TestCatalogTranslations checks that other languages translate only ids English has
// (a stray id is a typo or a message English dropped), keep the plural forms' shape,
// give every plural message its "other" form, and use the same {{.Fields}} as English
// (a renamed field would print "<no value>").
func TestCatalogTranslations(t *testing.T) {
	en := loadCatalog(t, "en")
	for _, lang := range []string{"es", "so", "hmn"} {
		for k, v := range loadCatalog(t, lang) {
			ev, ok := en[k]
			if !ok {
				t.Errorf("active.%s.json: %q is not in English", lang, k)
				continue
			}
			forms, plural := v.(map[string]any)
			_, enPlural := ev.(map[string]any)
			if plural != enPlural {
				t.Errorf("active.%s.json: %q is plural in one language and not the other", lang, k)
			}
			if _, ok := forms["other"]; plural && !ok {
				t.Errorf("active.%s.json: %q has no \"other\" form", lang, k)
			}
			if got, want := placeholders(v), placeholders(ev); got != want {
				t.Errorf("active.%s.json: %q uses {{.%s}}, English {{.%s}}", lang, k, got, want)
			}
		}
	}
}

// TestLanguageSwitcherOffersCoveredLanguages checks that the switcher offers only the
// languages translated well enough (English and Spanish today), that <html lang> names
// the language the page is in, and that Somali and Hmong, asked for by a browser, a
// cookie, an account's setting or the switcher's form, give English pages saying so.
func TestLanguageSwitcherOffersCoveredLanguages(t *testing.T) {
	site := newTestSite(t)
	withHeader := func(c *testClient, accept string) *testResponse {
		t.Helper()
		req, err := http.NewRequest(http.MethodGet, site.URL+"/login", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Accept-Language", accept)
		return c.do(req)
	}

	res := anonymous(t, site).get("/login")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `<html lang="en"`, `<option value="en" lang="en" selected>English</option><option value="es" lang="es">Español</option>
</select>`)
	wantNoBody(t, res, `value="so"`, `value="hmn"`, "Soomaali", "Hmoob")

	for _, accept := range []string{"so", "hmn", "so, hmn;q=0.9"} {
		wantBody(t, withHeader(anonymous(t, site), accept), `<html lang="en"`)
	}
	res = withHeader(anonymous(t, site), "so, es;q=0.5")
	wantBody(t, res, `<html lang="es"`, `<option value="es" lang="es" selected>Español</option>`)
	for _, tag := range []string{"so", "hmn"} {
		wantBody(t, withLanguage(anonymous(t, site), tag).get("/login"), `<html lang="en"`)
	}

	// The switcher refuses a language it does not offer, and remembers one it does.
	c := anonymous(t, site)
	for _, tag := range []string{"so", "hmn", "xx"} {
		wantStatus(t, c.post("/language", url.Values{"lang": {tag}, "next": {"/login"}}), http.StatusBadRequest)
	}
	res = c.post("/language", url.Values{"lang": {"es"}, "next": {"/login"}})
	wantStatus(t, res, http.StatusSeeOther)
	wantBody(t, c.get(res.Location), `<html lang="es"`, "Iniciar sesión")

	// An account that chose Somali before it was withdrawn gets English.
	u := newTestUser(t, site, "Hodan", "hodan@example.org")
	if err := site.App.SetLocale(context.Background(), u, "so"); err != nil {
		t.Fatal(err)
	}
	hodan := signIn(t, site, "hodan@example.org", testPassword)
	wantBody(t, hodan.get("/"), `<html lang="en"`)
	wantBody(t, withLanguage(hodan, "es").get("/"), `<html lang="es"`)
}
