package server_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// contributor: Org One's representatives, A's coordinator, and admins (log and confirm
// Org One's contributions).
const contributor = "login 404      403      ok     403    403   ok    ok"

// Money (issue 5): funds, ledgers, rounds and contributions are visible to every role in
// the coalition; only coordinators record movements and import contributions; rounds are
// opened and approved by coordinators and steering members' representatives (Org One is
// an ordinary member in the fixture); peer points are given by the giver's representatives.
func init() {
	entryJSON := jsonBody(map[string]any{"kind": "received", "amount": 1000, "currency": "USD"})
	featureMatrix = append(featureMatrix,
		entry{route: "GET /api/v1/coalitions/{id}/funds", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/funds", want: manage, body: jsonBody(map[string]any{"name": "Dues", "holder_name": "Org One", "currency": "USD"})},
		entry{route: "GET /api/v1/coalitions/{id}/funds/{fund_id}", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/funds/{fund_id}/entries", want: manage, body: entryJSON},
		entry{route: "GET /api/v1/coalitions/{id}/allocation-rounds", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/allocation-rounds", want: manage, body: roundJSON},
		entry{route: "GET /api/v1/coalitions/{id}/allocation-rounds/{round_id}", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/allocation-rounds/{round_id}/approve", want: manage},
		entry{route: "POST /api/v1/coalitions/{id}/allocation-rounds/{round_id}/points", want: represent, body: pointsJSON},
		entry{route: "GET /api/v1/coalitions/{id}/contributions", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/contributions", want: contributor, body: contributionJSON},
		entry{route: "POST /api/v1/coalitions/{id}/contributions/{contribution_id}/confirm", want: contributor},
		entry{route: "POST /api/v1/coalitions/{id}/contributions/import", want: manage, body: importJSON},
		entry{route: "GET /coalitions/{id}/funds", want: view},
		entry{route: "GET /coalitions/{id}/allocation-rounds", want: view},
		entry{route: "POST /coalitions/{id}/allocation-rounds", want: manage, body: func(f *fixture, _ string) any {
			return url.Values{"fund_id": {f.ids["fund_id"]}, "title": {"Equal"}, "amount": {"10.00"}, "method": {"equal"}, "members": {f.m1.OrganizationID}}
		}},
		entry{route: "GET /coalitions/{id}/allocation-rounds/{round_id}", want: view},
		entry{route: "POST /coalitions/{id}/allocation-rounds/{round_id}/approve", want: manage},
		entry{route: "POST /coalitions/{id}/allocation-rounds/{round_id}/points", want: represent, body: func(f *fixture, _ string) any {
			return url.Values{"giver_organization_id": {f.m1.OrganizationID}, "points." + f.ids["org_two"]: {"100"}}
		}},
		entry{route: "POST /coalitions/{id}/funds", want: manage, body: form("name", "Dues", "holder_name", "Org One", "currency", "USD")},
		entry{route: "GET /coalitions/{id}/funds/{fund_id}", want: view},
		entry{route: "POST /coalitions/{id}/funds/{fund_id}/entries", want: manage, body: form("kind", "received", "amount", "10.00")},
		entry{route: "GET /api/v1/coalitions/{id}/funds/{fund_id}/report", want: view, query: "?from=2025-01-01&to=2025-12-31"},
		entry{route: "GET /coalitions/{id}/funds/{fund_id}/report", want: view},
		entry{route: "GET /coalitions/{id}/funds/{fund_id}/report.csv", want: view},
		entry{route: "GET /coalitions/{id}/contributions", want: view},
		entry{route: "POST /coalitions/{id}/contributions", want: contributor, body: func(f *fixture, _ string) any {
			return url.Values{"organization_id": {f.m1.OrganizationID}, "date": {"2025-03-02"}, "hours": {"1.5"}, "kind": {"research"}}
		}},
		entry{route: "POST /coalitions/{id}/contributions/{contribution_id}/confirm", want: contributor},
		entry{route: "GET /coalitions/{id}/contributions/import", want: manage},
		entry{route: "POST /coalitions/{id}/contributions/import", want: manage, body: form("csv", "organization,date,hours,kind,description\nOrg One,2025-03-03,1.5,organizing,Door knocking\n", "write", "yes")},
	)
	fixtureSetups = append(fixtureSetups, func(t testing.TB, f *fixture) {
		ctx := context.Background()
		ms, err := f.app.MoneyMembers(ctx, f.users["coord"], f.a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			if m.Organization.Name == "Org Two" {
				f.ids["org_two"] = m.OrganizationID
			}
		}
		fund, err := f.app.CreateFund(ctx, f.users["coord"], f.a.ID, app.FundInput{Name: "Grant", HolderName: "Sponsor", Currency: "USD"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.app.RecordEntry(ctx, f.users["coord"], f.a.ID, fund.ID, app.EntryInput{Kind: "received", Amount: 100_000, Currency: "USD"}); err != nil {
			t.Fatal(err)
		}
		f.ids["fund_id"] = fund.ID
		members := []string{f.m1.OrganizationID, f.ids["org_two"]}
		r, err := f.app.OpenRound(ctx, f.users["coord"], f.a.ID, app.RoundInput{FundID: fund.ID, Title: "Peer round", Amount: 50_000, Method: "peer", Members: members})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.app.GivePoints(ctx, f.users["member"], f.a.ID, r.ID, domain.PeerPoints{Giver: f.m1.OrganizationID, Points: map[string]int64{f.ids["org_two"]: 100}}); err != nil {
			t.Fatal(err)
		}
		f.ids["round_id"] = r.ID
		c, err := f.app.LogContribution(ctx, f.users["member"], f.a.ID, app.ContributionInput{OrganizationID: f.m1.OrganizationID, Day: "2025-03-01", Minutes: 90, Kind: "organizing"})
		if err != nil {
			t.Fatal(err)
		}
		f.ids["contribution_id"] = c.ID
	})
}

func roundJSON(f *fixture, _ string) any {
	return map[string]any{"fund_id": f.ids["fund_id"], "title": "Equal round", "amount": 1000, "method": "equal", "members": []string{f.m1.OrganizationID}}
}

func pointsJSON(f *fixture, _ string) any {
	return map[string]any{"giver_organization_id": f.m1.OrganizationID, "points": map[string]int64{f.ids["org_two"]: 100}}
}

func contributionJSON(f *fixture, _ string) any {
	return map[string]any{"organization_id": f.m1.OrganizationID, "date": "2025-03-02", "minutes": 60, "kind": "research"}
}

func importJSON(*fixture, string) any {
	return map[string]any{"csv": "organization,date,hours,kind,description\nOrg One,2025-03-03,1.5,organizing,Door knocking\n"}
}
