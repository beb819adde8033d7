package server_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/braid-org/braid/internal/domain"
)

// Wins and phases: everyone with a role in A sees them; coordinators, facilitators and
// members (not observers) record and change wins; only coordinators move phases.
const recordWins = "login 404      403      ok     ok     ok    ok    ok"

var (
	winJSON = func(f *fixture, role string) any {
		return map[string]any{"date": "2025-02-10", "title": "Won as " + role, "kind": "policy", "size": "major",
			"credits": []map[string]any{{"organization_id": f.m1.OrganizationID, "contribution": "Drafted it"}}}
	}
	winChangeJSON = func(f *fixture, role string) any {
		return map[string]any{"date": "2025-02-10", "title": "Changed by " + role, "kind": "policy", "size": "major",
			"description": "", "public": true, "credits": []map[string]any{{"organization_id": f.m1.OrganizationID, "weight": 2}}}
	}
	winVer  = func(*fixture) int { return 1 }
	winForm = func(f *fixture, role string) any {
		return url.Values{"title": {"Won as " + role}, "date": {"2025-02-10"}, "kind": {"policy"}, "size": {"major"}, "version": {"1"},
			"credit": {f.m1.OrganizationID}, "contribution_" + f.m1.OrganizationID: {"Drafted it"}, "weight_" + f.m1.OrganizationID: {"2"}}
	}
	moveForm = form("to_phase", "campaign", "learned", "Trust takes time", "carry_forward", "Monthly meals")
	moveJSON = jsonBody(map[string]any{"to_phase": "campaign", "learned": "Trust takes time", "carry_forward": "Monthly meals"})
)

func init() {
	featureMatrix = append(featureMatrix,
		entry{route: "GET /api/v1/coalitions/{id}/wins", want: view},
		entry{route: "GET /api/v1/coalitions/{id}/wins/{win_id}", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/wins", want: recordWins, body: winJSON},
		entry{route: "PUT /api/v1/coalitions/{id}/wins/{win_id}", want: recordWins, etag: winVer, body: winChangeJSON},
		entry{route: "DELETE /api/v1/coalitions/{id}/wins/{win_id}", want: recordWins, etag: winVer},
		entry{route: "POST /api/v1/coalitions/{id}/wins/{win_id}/thanks", want: recordWins, body: func(f *fixture, _ string) any {
			return map[string]any{"organization_id": f.m1.OrganizationID, "message": "Thank you."}
		}},
		entry{route: "GET /api/v1/coalitions/{id}/thanks", want: view},
		entry{route: "GET /api/v1/organizations/{id}/thanks", want: signedIn},
		entry{route: "POST /coalitions/{id}/wins/{win_id}/thanks", want: recordWins, body: func(f *fixture, _ string) any {
			return url.Values{"organization_id": {f.m1.OrganizationID}, "message": {"Thank you."}}
		}},
		entry{route: "GET /api/v1/coalitions/{id}/phase-changes", want: view},
		entry{route: "GET /api/v1/coalitions/{id}/momentum", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/phase-changes", want: manage, body: moveJSON},
		entry{route: "GET /api/v1/coalitions/{id}/timeline", want: view},
		entry{route: "GET /coalitions/{id}/wins", want: view},
		entry{route: "GET /coalitions/{id}/wins/new", want: recordWins},
		entry{route: "POST /coalitions/{id}/wins", want: recordWins, body: winForm},
		entry{route: "GET /coalitions/{id}/wins/{win_id}/edit", want: recordWins},
		entry{route: "POST /coalitions/{id}/wins/{win_id}/edit", want: recordWins, body: winForm},
		entry{route: "POST /coalitions/{id}/wins/{win_id}/delete", want: recordWins, body: form("version", "1")},
		entry{route: "GET /coalitions/{id}/phase", want: view},
		entry{route: "POST /coalitions/{id}/phase", want: manage, body: moveForm},
	)
	fixtureSetups = append(fixtureSetups, func(t testing.TB, f *fixture) {
		ctx := context.Background()
		w, err := f.app.CreateWin(ctx, f.users["coord"], f.a.ID, domain.Win{Date: "2025-01-10", Title: "First win", Kind: "narrative",
			Size: "short_term", Public: true, Credits: []domain.Credit{{OrganizationID: f.m1.OrganizationID, Contribution: "Spoke", Weight: 1}}})
		if err != nil {
			t.Fatal(err)
		}
		f.ids["win_id"] = w.ID
		// Coalition B has a win too, so that a leak across coalitions would show.
		if _, err := f.app.CreateWin(ctx, f.users["outsider"], f.b.ID, domain.Win{Date: "2025-01-10", Title: "B's win", Kind: "policy", Size: "major"}); err != nil {
			t.Fatal(err)
		}
	})
}
