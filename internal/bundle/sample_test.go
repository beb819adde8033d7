package bundle

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

var t0 = time.Date(2024, 3, 21, 17, 30, 0, 0, time.UTC)

func day(n int) time.Time { return t0.Add(time.Duration(n) * 24 * time.Hour) }

// sampleContents is a small coalition touching every field of the format. Ids are out
// of order on purpose.
func sampleContents() Contents {
	left := day(90)
	orgs := []domain.Organization{
		{ID: "org-c", Name: "Cedar Crossing Elders Council", Kind: "community_group", Mission: "Elders organizing for homes.",
			Geographies: []string{"Cedar-Riverside"}, IssueAreas: []string{"housing", "transit"}, Languages: []string{"Somali", "Oromo"},
			Skills: []domain.Skill{{Name: "translation", Level: "can_teach"}}, BudgetBand: domain.BudgetUnder250k, StaffSize: 2,
			BipocLed: "yes", Identity: "Somali and Oromo elders", Visibility: domain.Visibility{Listed: true, Fields: []string{"mission", "languages"}}},
		{ID: "org-a", Name: "Metro Housing Futures Institute", Kind: "nonprofit", BudgetBand: domain.BudgetOver5m, StaffSize: 40,
			BipocLed: "no", Website: "https://example.org"},
		{ID: "org-b", Name: "Grace & Gravel Interfaith Table", Kind: "faith"},
	}
	for i := range orgs {
		orgs[i].Normalize()
		orgs[i].CreatedAt, orgs[i].UpdatedAt = day(-10+i), day(i)
	}
	return Contents{
		Coalition: domain.Coalition{ID: "coal-1", Slug: "rooted-homes", Name: "Rooted Homes Coalition", Goal: "Homes for all.",
			TheoryOfChange: "Tenants lead.", IssueAreas: []string{"housing"}, Geography: "Twin Cities", Phase: "campaign",
			Public: true, CreatedAt: day(0), UpdatedAt: day(5)},
		Organizations: orgs,
		People: []domain.Person{
			{ID: "p-2", Name: "Hodan Abdi", Pronouns: "she/her", Languages: []string{"Somali", "English"}, UserID: "u-1", CreatedAt: day(1)},
			{ID: "p-1", Name: "Dana Whitfield", Languages: []string{}, CreatedAt: day(2)},
			{ID: "p-3", Name: "Nobody Here", CreatedAt: day(3)}, // no affiliation in the coalition: left out
		},
		Affiliations: []domain.Affiliation{
			{PersonID: "p-2", OrganizationID: "org-c", Title: "Organizer", Representative: true},
			{PersonID: "p-1", OrganizationID: "org-a", Title: "Director", Representative: true},
			{PersonID: "p-1", OrganizationID: "org-b", Title: "Volunteer"},
			{PersonID: "p-3", OrganizationID: "org-elsewhere"},
		},
		Memberships: []domain.Membership{
			{ID: "m-3", OrganizationID: "org-c", Role: "member", MostImpacted: true, Status: "active", JoinedAt: day(1)},
			{ID: "m-1", OrganizationID: "org-a", Role: "anchor", Status: "stepping_back", StatusReason: "Staff on leave", JoinedAt: day(1)},
			{ID: "m-2", OrganizationID: "org-b", Role: "observer", Status: "left", StatusReason: "Merged", JoinedAt: day(2), LeftAt: &left},
		},
		Principles: []domain.Principle{
			{ID: "pr-2", Position: 2, CreatedAt: day(3), Versions: []domain.PrincipleVersion{
				{ID: "v-2a", Version: 1, Title: "Rejecting silos", Body: "Housing, transit and jobs are one fight.", CreatedAt: day(3)},
				{ID: "v-2b", Version: 2, Title: "Rejecting silos", Body: "Housing, transit and jobs are one fight; we share what we learn.", CreatedAt: day(40)},
			}},
			{ID: "pr-1", Position: 1, CreatedAt: day(3), Versions: []domain.PrincipleVersion{
				{ID: "v-1a", Version: 1, Title: "Power lens", Body: "We name how power moves in the room.", CreatedAt: day(3)},
			}},
		},
		Adoptions: []domain.Adoption{
			{ID: "a-3", MembershipID: "m-3", PrincipleVersionID: "v-2b", AdoptedAt: day(41)},
			{ID: "a-1", MembershipID: "m-3", PrincipleVersionID: "v-2a", AdoptedAt: day(4)},
			{ID: "a-2", MembershipID: "m-1", PrincipleVersionID: "v-1a", AdoptedAt: day(4)},
		},
	}
}

func sampleBundle() *Bundle { return New(sampleContents(), t0.Add(500*24*time.Hour)) }

func mustEncode(t testing.TB, b *Bundle) []byte {
	t.Helper()
	raw, err := Encode(b)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// sampleDoc returns the sample bundle as a generic JSON value to mutate.
func sampleDoc(t testing.TB) map[string]any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(mustEncode(t, sampleBundle())))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func marshal(t testing.TB, v any) []byte {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// at walks a generic JSON value: at(doc, "memberships", 0) is doc["memberships"][0].
func at(v any, path ...any) map[string]any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			v = v.(map[string]any)[k]
		case int:
			v = v.([]any)[k]
		}
	}
	return v.(map[string]any)
}
