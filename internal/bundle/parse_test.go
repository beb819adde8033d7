package bundle

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func decodeSchema(t *testing.T) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(SchemaJSON, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// problemAt returns the message of the problem at path, "" when there is none.
func problemAt(problems []Problem, path string) string {
	for _, p := range problems {
		if p.Path == path {
			return p.Message
		}
	}
	return ""
}

func TestParse_ReportsEveryProblemByPath(t *testing.T) {
	// Sorted by id: organizations org-a, org-b, org-c; people p-1, p-2; memberships m-1
	// (org-a), m-2 (org-b, left), m-3 (org-c); principles pr-1, pr-2; adoptions a-1..a-3.
	doc := sampleDoc(t)
	at(doc, "memberships", 0)["organization_id"] = "org-unknown"                // reference
	at(doc, "memberships", 1)["role"] = "boss"                                  // schema enum
	at(doc, "memberships", 1)["left_at"] = nil                                  // left without a date
	at(doc, "adoptions", 2)["principle_version_id"] = "v-missing"               // reference
	at(doc, "people", 1)["id"] = "p-1"                                          // duplicate id
	at(doc, "principles", 1, "versions", 0)["title"] = strings.Repeat("x", 201) // schema length
	at(doc, "coalition")["goal"] = "   "                                        // domain: required
	problems := Validate(marshal(t, doc))
	for path, want := range map[string]string{
		"/memberships/0/organization_id":    `No organization in this bundle has the id "org-unknown"`,
		"/organizations/0":                  "no membership", // org-a lost its only membership
		"/memberships/1/role":               "must be one of",
		"/memberships/1/left_at":            "needs the date it left",
		"/adoptions/2/principle_version_id": "No principle version",
		"/people/1/id":                      "/people/0 has the same id",
		"/principles/1/versions/0/title":    "too long: 201 characters, at most 200",
		"/coalition/goal":                   "required",
		// p-2 lost its id to the duplicate, so what names p-2 names nobody.
		"/workstreams/1/seats/1/person_id": `No person in this bundle has the id "p-2"`,
		"/tasks/1/owner_person_id":         `No person in this bundle has the id "p-2"`,
		"/attendance/1/person_id":          `No person in this bundle has the id "p-2"`,
		// m-1 now names org-unknown, so org-a's stepping back names another organization.
		"/stepping_backs/1/organization_id": `the organization "org-unknown"`,
	} {
		if got := problemAt(problems, path); !strings.Contains(got, want) {
			t.Errorf("problem at %s = %q, want it to mention %q (all: %v)", path, got, want, problems)
		}
	}
	if len(problems) != 12 {
		t.Errorf("%d problems, want 12, each reported once: %v", len(problems), problems)
	}
}

func TestParse_RefusesUnknownFieldsAndTrailingData(t *testing.T) {
	doc := sampleDoc(t)
	at(doc, "memberships", 0)["colour"] = "red"
	doc["extra"] = true
	problems := Validate(marshal(t, doc))
	if !strings.Contains(problemAt(problems, "/memberships/0/colour"), "not part of the bundle format") ||
		problemAt(problems, "/extra") == "" {
		t.Errorf("problems = %v, want /memberships/0/colour and /extra", problems)
	}
	raw := append(mustEncode(t, sampleBundle()), []byte(`{}`)...)
	if problems := Validate(raw); len(problems) != 1 || problems[0].Path != "" {
		t.Errorf("trailing data: problems = %v, want one at the root", problems)
	}
}

func TestParse_RefusesOtherDocuments(t *testing.T) {
	big := make([]byte, MaxBundleBytes+1)
	for _, c := range []struct {
		name, raw, path, want string
	}{
		{"not JSON", `{"format":`, "", "not a JSON document"},
		{"array", `[]`, "", "JSON object"},
		{"other format", `{"format": "other", "version": 1}`, "/format", "not a Braid bundle"},
		{"newer version", `{"format": "braid.bundle", "version": 3}`, "/version", "version 3"},
		{"empty object", `{}`, "/format", "required"},
		{"too large", string(big), "", "larger than 20 MiB"},
	} {
		t.Run(c.name, func(t *testing.T) {
			problems := Validate([]byte(c.raw))
			if !strings.Contains(problemAt(problems, c.path), c.want) {
				t.Errorf("problems = %v, want %q at %q", problems, c.want, c.path)
			}
		})
	}
}

func TestParse_ChecksTimesAndVersionNumbers(t *testing.T) {
	doc := sampleDoc(t)
	at(doc, "organizations", 0)["created_at"] = "0001-01-01T00:00:00Z"
	at(doc, "adoptions", 0)["adopted_at"] = "yesterday"
	at(doc, "principles", 1, "versions", 1)["version"] = json.Number("3")
	at(doc, "memberships", 0)["left_at"] = "2024-05-01T00:00:00Z" // active with a left date
	problems := Validate(marshal(t, doc))
	for _, path := range []string{"/organizations/0/created_at", "/adoptions/0/adopted_at", "/memberships/0/left_at"} {
		if problemAt(problems, path) == "" {
			t.Errorf("no problem at %s: %v", path, problems)
		}
	}
	// The date the schema refused is left out, and the rest is still checked.
	if got := problemAt(problems, "/principles/1/versions/1/version"); !strings.Contains(got, "should be 2") {
		t.Errorf("version problem = %q (all %v)", got, problems)
	}
}

func TestReport_ListsAtMostMaxProblems(t *testing.T) {
	doc := sampleDoc(t)
	var ms []any
	for i := 0; i < 150; i++ {
		ms = append(ms, map[string]any{"id": "bad id", "organization_id": "org-a", "role": "member", "most_impacted": false,
			"status": "active", "status_reason": "", "joined_at": "2024-01-01T00:00:00Z", "left_at": nil})
	}
	doc["memberships"] = ms
	problems := Validate(marshal(t, doc))
	if len(problems) != maxProblems+1 || !strings.Contains(problems[maxProblems].Message, "more problems") {
		t.Fatalf("%d problems, last %v; want %d and a note", len(problems), problems[len(problems)-1], maxProblems+1)
	}
	var paths []string
	for _, p := range problems {
		if strings.HasPrefix(p.Path, "/memberships/") {
			paths = append(paths, p.Path)
		}
	}
	if !slices.IsSortedFunc(paths, comparePointers) || slices.Index(paths, "/memberships/2/id") > slices.Index(paths, "/memberships/10/id") {
		t.Errorf("problems not in document order: %v", paths)
	}
}
