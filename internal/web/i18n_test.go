package web_test

import (
	"encoding/json"
	"io/fs"
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

// loadCatalog reads one message file: id → message (a string, or plural forms).
func loadCatalog(t *testing.T, lang string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("i18n", "locales", "active."+lang+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("active.%s.json: %v", lang, err)
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
		"common.phase.":     domain.Phases,
		"common.role.":      domain.MembershipRoles,
		"common.status.":    domain.MembershipStatuses,
		"common.bipoc.":     domain.BipocLedValues,
		"common.budget.":    domain.BudgetBands,
		"common.kind.":      domain.OrganizationKinds,
		"common.skill.":     domain.SkillLevels,
		"public.field.":     domain.PublicFields,
		"invitation.state.": {"open", "used", "expired"},
	}
	for prefix, values := range families {
		for _, v := range values {
			if _, ok := en[prefix+v]; !ok {
				t.Errorf("no English message for %s%s", prefix, v)
			}
		}
	}
}

// TestCatalogTranslations checks that other languages translate only ids English has
// (a stray id is a typo or a message English dropped) and keep the plural forms' shape.
func TestCatalogTranslations(t *testing.T) {
	en := loadCatalog(t, "en")
	for _, lang := range []string{"es", "so", "hmn"} {
		for k, v := range loadCatalog(t, lang) {
			ev, ok := en[k]
			if !ok {
				t.Errorf("active.%s.json: %q is not in English", lang, k)
				continue
			}
			_, plural := v.(map[string]any)
			_, enPlural := ev.(map[string]any)
			if plural != enPlural {
				t.Errorf("active.%s.json: %q is plural in one language and not the other", lang, k)
			}
		}
	}
}
