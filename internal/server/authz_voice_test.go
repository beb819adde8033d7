package server_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
)

// Voice and decisions (issue 4): proposals, stances and voice settings.
const (
	//             anon  outsider observer member nonrep facil coord admin
	propose     = "login 404      403      ok     ok     ok    ok    ok" // any access role but observer, and admins
	takeStance  = "login 404      403      ok     ok     403   403   ok" // representatives of a member organization, and admins
	manageDraft = principle                                              // the author (coord), facilitators, coordinators, admins
	comeBack    = "login 404      403      ok     403    403   ok    ok" // Org One's representatives, coordinators, admins
)

// openFirst opens the fixture's draft proposal before a request that needs it open; on
// the fixture that refused cells share, another cell may have opened it already.
func openFirst(f *fixture) {
	f.once("open proposal", func() {
		if _, err := f.app.OpenProposal(context.Background(), f.users["coord"], f.a.ID, f.ids["proposal_id"]); err != nil {
			panic(err)
		}
	})
}

// stanceJSON is a stance of Org One (Org Two for its own representative).
func stanceJSON(f *fixture, role string) any {
	openFirst(f)
	body := map[string]any{"position": "agree"}
	if role != "nonrep" {
		body["organization_id"] = f.m1.OrganizationID
	}
	return body
}

func init() {
	proposalJSON := jsonBody(map[string]any{"title": "March", "body": "On May 1.", "method": "majority", "quorum": 0.5,
		"closes_at": time.Now().Add(72 * time.Hour).UTC().Format(time.RFC3339)})
	closes := time.Now().Add(72 * time.Hour).UTC().Format("2006-01-02T15:04")
	proposalForm := form("title", "March", "body", "On May 1.", "method", "majority", "quorum", "50", "closes_at", closes)
	stepBackForm := func(f *fixture, role string) any {
		v := url.Values{"scope": {"coalition"}, "reason": {"capacity"}, "note": {"On leave"}}
		if role != "nonrep" {
			v.Set("organization_id", f.m1.OrganizationID)
		}
		return v
	}
	stepBackJSON := func(f *fixture, role string) any {
		b := map[string]any{"scope": "coalition", "reason": "capacity"}
		if role != "nonrep" {
			b["organization_id"] = f.m1.OrganizationID
		}
		return b
	}
	featureMatrix = append(featureMatrix,
		entry{route: "GET /coalitions/{id}/stepping-back", want: view},
		entry{route: "POST /coalitions/{id}/stepping-back", want: takeStance, body: stepBackForm},
		entry{route: "POST /coalitions/{id}/stepping-back/{stepping_back_id}/return", want: comeBack},
		entry{route: "GET /api/v1/coalitions/{id}/stepping-backs", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/stepping-backs", want: takeStance, body: stepBackJSON},
		entry{route: "POST /api/v1/coalitions/{id}/stepping-backs/{stepping_back_id}/return", want: comeBack},
		entry{route: "GET /coalitions/{id}/proposals", want: view},
		entry{route: "GET /coalitions/{id}/proposals/new", want: propose},
		entry{route: "POST /coalitions/{id}/proposals", want: propose, body: proposalForm},
		entry{route: "GET /coalitions/{id}/proposals/{proposal_id}", want: view},
		entry{route: "POST /coalitions/{id}/proposals/{proposal_id}/edit", want: manageDraft, body: func(f *fixture, r string) any {
			v := proposalForm(f, r).(url.Values)
			v.Set("version", "1")
			return v
		}},
		entry{route: "POST /coalitions/{id}/proposals/{proposal_id}/open", want: manageDraft},
		entry{route: "POST /coalitions/{id}/proposals/{proposal_id}/close", want: manageDraft, body: func(f *fixture, _ string) any {
			openFirst(f)
			return url.Values{}
		}},
		entry{route: "POST /coalitions/{id}/proposals/{proposal_id}/stance", want: takeStance, body: func(f *fixture, role string) any {
			openFirst(f)
			v := url.Values{"position": {"agree"}}
			if role != "nonrep" {
				v.Set("organization_id", f.m1.OrganizationID)
			}
			return v
		}},
		entry{route: "POST /coalitions/{id}/voice-settings", want: manage, body: form("stances_by", "person", "queue_order", "first_come")},
		entry{route: "GET /api/v1/coalitions/{id}/voice-settings", want: view},
		entry{route: "PUT /api/v1/coalitions/{id}/voice-settings", want: manage, body: jsonBody(map[string]any{"stances_by": "person", "queue_order": "first_come"})},
		entry{route: "GET /api/v1/coalitions/{id}/proposals", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/proposals", want: propose, body: proposalJSON},
		entry{route: "GET /api/v1/coalitions/{id}/proposals/{proposal_id}", want: view},
		entry{route: "PUT /api/v1/coalitions/{id}/proposals/{proposal_id}", want: manageDraft, body: proposalJSON, etag: func(*fixture) int { return 1 }},
		entry{route: "POST /api/v1/coalitions/{id}/proposals/{proposal_id}/open", want: manageDraft},
		entry{route: "POST /api/v1/coalitions/{id}/proposals/{proposal_id}/close", want: manageDraft, body: func(f *fixture, _ string) any {
			openFirst(f)
			return map[string]any{}
		}},
		entry{route: "PUT /api/v1/coalitions/{id}/proposals/{proposal_id}/stance", want: takeStance, body: stanceJSON},
	)
	fixtureSetups = append(fixtureSetups, func(t testing.TB, f *fixture) {
		p, err := f.app.CreateProposal(context.Background(), f.users["coord"], f.a.ID, app.ProposalInput{Title: "Rent freeze", Body: "Support it.",
			Method: "consent", Quorum: 0.5, ClosesAt: time.Now().Add(24 * time.Hour), PrincipleIDs: []string{f.principle.ID}})
		if err != nil {
			t.Fatal(err)
		}
		f.ids["proposal_id"] = p.ID
		sb, err := f.app.StepBack(context.Background(), f.users["member"], f.a.ID, app.SteppingBackInput{Scope: "role", Reason: "resources"})
		if err != nil {
			t.Fatal(err)
		}
		f.ids["stepping_back_id"] = sb.ID
	})
}
