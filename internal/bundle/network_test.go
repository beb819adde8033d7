package bundle

import (
	"fmt"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
	"github.com/google/go-cmp/cmp"
)

func TestNew_KeepsRelationshipsAmongItsOrganizations(t *testing.T) {
	b := sampleBundle()
	var got []string
	for _, r := range b.Relationships {
		got = append(got, r.ID)
	}
	for _, h := range b.RelationshipHistory {
		got = append(got, fmt.Sprintf("%s@%d", h.RelationshipID, h.Depth))
	}
	// rl-3 names an organization outside the coalition; rl-9 was removed but its
	// history stays, so that the ecosystem as it was still shows it.
	want := []string{"rl-1", "rl-2", "rl-1@4", "rl-2@2", "rl-2@3", "rl-9@2", "rl-9@0"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("relationships and history (-want +got):\n%s", diff)
	}
}

func TestParse_ChecksRelationships(t *testing.T) {
	// Sorted: relationships rl-1 (org-a → org-c), rl-2 (org-c → org-a); history rl-1@4,
	// rl-2@2, rl-2@3, rl-9@2, rl-9@0.
	doc := sampleDoc(t)
	at(doc, "relationships", 0)["other_organization_id"] = "org-a"  // with itself
	at(doc, "relationships", 1)["depth"] = 0.0                      // schema minimum
	at(doc, "relationships", 1)["id"] = "rl-1"                      // duplicate id
	at(doc, "relationship_history", 0)["organization_id"] = "org-b" // rl-1 is org-a's
	at(doc, "relationship_history", 3)["kind"] = "rivalry"          // unknown enum
	at(doc, "relationship_history", 4)["other_organization_id"] = "org-zz"
	problems := Validate(marshal(t, doc))
	for path, want := range map[string]string{
		"/relationships/0/other_organization_id":        "with itself",
		"/relationships/1/depth":                        "at least 1",
		"/relationships/1/id":                           "/relationships/0 has the same id",
		"/relationship_history/0/relationship_id":       "/relationships/0 is between other organizations",
		"/relationship_history/3/kind":                  "must be one of",
		"/relationship_history/4/other_organization_id": `No organization in this bundle has the id "org-zz"`,
	} {
		if got := problemAt(problems, path); !strings.Contains(got, want) {
			t.Errorf("problem at %s = %q, want it to mention %q (all: %v)", path, got, want, problems)
		}
	}
}

func TestSchemaEnumsMatchDomain_Network(t *testing.T) {
	doc := at(decodeSchema(t), "$defs")
	for _, def := range []string{"relationship", "relationship_change"} {
		var got []string
		for _, v := range at(doc, def, "properties", "kind")["enum"].([]any) {
			got = append(got, v.(string))
		}
		if diff := cmp.Diff(domain.RelationshipKinds, got); diff != "" {
			t.Errorf("schema enum %s kind differs from domain.RelationshipKinds (-domain +schema):\n%s", def, diff)
		}
	}
}
