package server_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/braid-org/braid/internal/domain"
)

// Issue 6: relationships, the ecosystem, the power map, impact.
const (
	//             anon  outsider observer member nonrep facil coord admin
	otherSide = "login 404      403      403    ok     403   403   ok" // Org Two's representatives, and admins
	powerMap  = "login 404      403      ok     ok     ok    ok    ok" // every access role but observers, and admins
)

func init() {
	relationshipJSON := func(f *fixture, _ string) any {
		return map[string]any{"organization_id": f.m1.OrganizationID, "other_organization_id": f.ids["org_two"],
			"kind": "worked_together", "depth": 3}
	}
	one := func(*fixture) int { return 1 }
	featureMatrix = append(featureMatrix,
		entry{route: "GET /api/v1/coalitions/{id}/impact", want: view},
		entry{route: "GET /coalitions/{id}/impact", want: view},
		entry{route: "GET /api/v1/coalitions/{id}/relationships", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/relationships", want: represent, body: relationshipJSON},
		entry{route: "PUT /api/v1/coalitions/{id}/relationships/{relationship_id}", want: otherSide, etag: one,
			body: jsonBody(map[string]any{"kind": "mentoring", "depth": 4})},
		entry{route: "DELETE /api/v1/coalitions/{id}/relationships/{relationship_id}", want: otherSide},
		entry{route: "POST /api/v1/coalitions/{id}/relationships/{relationship_id}/confirm", want: represent,
			body: jsonBody(map[string]any{"depth": 2})},
		entry{route: "GET /api/v1/network", want: view, query: "?coalition=coalition-a"},
		entry{route: "GET /coalitions/{id}/relationships", want: view},
		entry{route: "POST /coalitions/{id}/relationships", want: represent, body: func(f *fixture, _ string) any {
			return url.Values{"organization_id": {f.m1.OrganizationID}, "other_organization_id": {f.ids["org_two"]}, "kind": {"worked_together"}, "depth": {"3"}}
		}},
		entry{route: "POST /coalitions/{id}/relationships/{relationship_id}", want: otherSide, body: form("kind", "mentoring", "depth", "4", "version", "1")},
		entry{route: "POST /coalitions/{id}/relationships/{relationship_id}/delete", want: otherSide, body: form()},
		entry{route: "POST /coalitions/{id}/relationships/{relationship_id}/confirm", want: represent, body: form("depth", "2")},
		entry{route: "GET /coalitions/{id}/network", want: view},
		entry{route: "GET /network", want: view, query: "?coalition=coalition-a"},
		entry{route: "GET /coalitions/{id}/silos", want: view},
		entry{route: "GET /coalitions/{id}/network/changes", want: view},
		entry{route: "GET /coalitions/{id}/power-map", want: view},
		entry{route: "GET /api/v1/coalitions/{id}/power-map", want: view},
		entry{route: "POST /coalitions/{id}/targets", want: powerMap, body: form("name", "Mayor", "kind", "person", "influence", "4", "stance", "0", "assessed_on", "2026-01-01")},
		entry{route: "POST /api/v1/coalitions/{id}/targets", want: powerMap, body: jsonBody(map[string]any{"name": "Mayor", "kind": "person",
			"assessment": map[string]any{"influence": 4, "stance": 0, "assessed_on": "2026-01-01"}})},
		entry{route: "POST /coalitions/{id}/targets/{target_id}/assessments", want: powerMap, body: form("influence", "4", "stance", "1", "assessed_on", "2026-02-01")},
		entry{route: "POST /api/v1/coalitions/{id}/targets/{target_id}/assessments", want: powerMap,
			body: jsonBody(map[string]any{"influence": 4, "stance": 1, "assessed_on": "2026-02-01"})},
		entry{route: "POST /coalitions/{id}/targets/{target_id}/access", want: represent, body: func(f *fixture, _ string) any {
			return url.Values{"organization_id": {f.m1.OrganizationID}, "strength": {"3"}}
		}},
		entry{route: "PUT /api/v1/coalitions/{id}/targets/{target_id}/access/{organization_id}", want: represent, body: jsonBody(map[string]any{"strength": 3})},
	)
	fixtureSetups = append(fixtureSetups, func(t testing.TB, f *fixture) {
		ctx := context.Background()
		page, err := f.app.Members(ctx, f.users["coord"], f.a.ID, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range page.Items {
			if m.Organization.Name == "Org Two" {
				f.ids["org_two"] = m.OrganizationID
			}
		}
		// Org Two's account of its relationship with Org One.
		r, err := f.app.RecordRelationship(ctx, f.users["nonrep"], f.a.ID, domain.Relationship{
			OrganizationID: f.ids["org_two"], OtherOrganizationID: f.m1.OrganizationID, Kind: "worked_together", Depth: 3})
		if err != nil {
			t.Fatal(err)
		}
		f.ids["relationship_id"] = r.ID
		tg, err := f.app.CreateTarget(ctx, f.users["coord"], f.a.ID, domain.Target{Name: "Council", Kind: "institution"},
			domain.TargetAssessment{Influence: 5, Stance: -1, AssessedOn: "2026-01-01"})
		if err != nil {
			t.Fatal(err)
		}
		f.ids["target_id"], f.ids["organization_id"] = tg.ID, f.m1.OrganizationID
	})
}
