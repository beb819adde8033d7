package demo_test

import (
	"testing"

	"github.com/braid-org/braid/internal/store/storetest"
)

// TestSeedLetter: the housing coalition's letter is open and public, signed by its
// member organizations (at most nine) and the twelve outside organizations, none of them
// twice, with no contact on the public page.
func TestSeedLetter(t *testing.T) {
	a, coordinator := seeded(t, storetest.MustOpenDB(t))
	cs, err := a.Coalitions(t.Context(), coordinator, "", 10)
	if err != nil {
		t.Fatal(err)
	}
	var housing string
	for _, c := range cs.Items {
		if c.Name == "Rooted Homes Coalition" {
			housing = c.ID
		}
	}
	letters, err := a.Letters(t.Context(), coordinator, housing)
	if err != nil || len(letters) != 1 || letters[0].Status != "open" {
		t.Fatalf("letters = %+v, %v", letters, err)
	}
	pub, err := a.PublicLetter(t.Context(), letters[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	members, outside := 0, 0
	seen := map[string]bool{}
	for _, s := range pub.Signers {
		if seen[s.OrganizationName] {
			t.Errorf("%s signed twice", s.OrganizationName)
		}
		seen[s.OrganizationName] = true
		if s.Member {
			members++
		} else {
			outside++
		}
	}
	if outside != 12 || members < 5 || members > 9 || letters[0].Signers != members+outside {
		t.Errorf("%d member and %d outside signers (list says %d); want 5–9 and 12", members, outside, letters[0].Signers)
	}
	if len(pub.ByCity) < 5 || pub.ByIssueArea[0].Value != "housing" {
		t.Errorf("counts by city %+v, by issue area %+v", pub.ByCity, pub.ByIssueArea)
	}
}
