package server_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/braid-org/braid/internal/app"
)

// Asks and offers: a member organization's representatives post for it and mark its
// posts fulfilled or withdrawn; another organization's representatives respond for it.
// The fixture's ask is Org One's (member); Org Three responded to it.
//
//	anon  outsider observer member nonrep facil coord admin
const representTwo = "login 404      403      403    ok     403   403   ok"

func init() {
	post := func(f *fixture, _ string) any {
		return url.Values{"kind": {"offer"}, "organization_id": {f.m1.OrganizationID}, "title": {"We can host the next meeting"}}
	}
	postJSON := func(f *fixture, _ string) any {
		return map[string]any{"kind": "offer", "organization_id": f.m1.OrganizationID, "title": "We can host the next meeting"}
	}
	respond := func(f *fixture, _ string) any {
		return url.Values{"organization_id": {f.ids["org_two"]}, "body": {"We can."}}
	}
	respondJSON := func(f *fixture, _ string) any {
		return map[string]any{"organization_id": f.ids["org_two"], "body": "We can."}
	}
	fulfil := func(f *fixture, _ string) any { return url.Values{"response_id": {f.ids["ask_response_id"]}} }
	fulfilJSON := func(f *fixture, _ string) any { return map[string]any{"response_id": f.ids["ask_response_id"]} }
	featureMatrix = append(featureMatrix,
		entry{route: "GET /coalitions/{id}/asks-offers", want: view},
		entry{route: "POST /coalitions/{id}/asks-offers", want: represent, body: post},
		entry{route: "POST /coalitions/{id}/asks-offers/{ask_offer_id}/responses", want: representTwo, body: respond},
		entry{route: "POST /coalitions/{id}/asks-offers/{ask_offer_id}/fulfil", want: represent, body: fulfil},
		entry{route: "POST /coalitions/{id}/asks-offers/{ask_offer_id}/close", want: represent},
		entry{route: "GET /api/v1/coalitions/{id}/asks-offers", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/asks-offers", want: represent, body: postJSON},
		entry{route: "POST /api/v1/coalitions/{id}/asks-offers/{ask_offer_id}/responses", want: representTwo, body: respondJSON},
		entry{route: "POST /api/v1/coalitions/{id}/asks-offers/{ask_offer_id}/fulfil", want: represent, body: fulfilJSON},
		entry{route: "POST /api/v1/coalitions/{id}/asks-offers/{ask_offer_id}/close", want: represent},
		entry{route: "GET /api/v1/coalitions/{id}/reciprocity", want: view},
	)
	fixtureSetups = append(fixtureSetups, func(t testing.TB, f *fixture) {
		ctx := context.Background()
		ms, err := f.app.MyMemberships(ctx, f.users["nonrep"], f.a.ID)
		if err != nil || len(ms) != 1 {
			t.Fatalf("Org Two: %v %v", ms, err)
		}
		f.ids["org_two"] = ms[0].OrganizationID
		// Org Three, represented by nobody of the matrix, has responded, so that Org Two
		// may still respond and Org One may mark the ask fulfilled by Org Three.
		third, err := f.app.CreateUser(ctx, app.NewAccount{Name: "third", Email: "third@example.org", Password: testPassword}, false)
		if err != nil {
			t.Fatal(err)
		}
		f.users["third"] = third
		m3 := f.join(t, "coord", "third", f.a, "Org Three")
		ao, err := f.app.PostAskOffer(ctx, f.users["member"], f.a.ID, app.NewAskOffer{Kind: "ask", OrganizationID: f.m1.OrganizationID, Title: "Legal review by Friday"})
		if err != nil {
			t.Fatal(err)
		}
		r, err := f.app.RespondToAskOffer(ctx, third, f.a.ID, ao.ID, m3.OrganizationID, "Our lawyer can.")
		if err != nil {
			t.Fatal(err)
		}
		f.ids["ask_offer_id"], f.ids["ask_response_id"] = ao.ID, r.ID
	})
}
