package api_test

import (
	"context"
	"testing"

	"github.com/braid-org/braid/internal/app"
)

func init() {
	authExpectations["GET /api/v1/coalitions/{id}/funds/{fund_id}/report"] = "member"
}

func TestFundReport(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	coord := f.users["coord"]
	fund, err := f.app.CreateFund(ctx, coord, f.a.ID, app.FundInput{Name: "Tenant grant", HolderName: "Sponsor", Currency: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	org := f.memberA.OrganizationID
	for _, in := range []app.EntryInput{{Kind: "received", Amount: 50_000}, {Kind: "allocated", Amount: 20_000, OrganizationID: org}} {
		in.Currency = "USD"
		if _, err := f.app.RecordEntry(ctx, coord, f.a.ID, fund.ID, in); err != nil {
			t.Fatal(err)
		}
	}
	path := "/api/v1/coalitions/" + f.a.ID + "/funds/" + fund.ID + "/report"
	f.run(t, []scenario{
		{name: "whole life", method: "GET", path: path, actor: "rep", status: 200, want: `"closing":{"currency":"USD","received":50000,"allocated":20000,"paid_out":0,"fees":0,"pool":30000,"owed":20000,"held":50000}`},
		{name: "member line", method: "GET", path: path, actor: "rep", status: 200, want: `"organization_id":"` + org + `"`},
		{name: "groups", method: "GET", path: path, actor: "rep", status: 200, want: `"attribute":"most_impacted"`},
		{name: "a period before anything", method: "GET", path: path + "?from=2000-01-01&to=2000-01-31", actor: "rep", status: 200, want: `"from":"2000-01-01"`},
		{name: "period backwards", method: "GET", path: path + "?from=2000-02-01&to=2000-01-31", actor: "rep", status: 422, want: "query.to"},
		{name: "bad date", method: "GET", path: path + "?from=May", actor: "rep", status: 422},
		{name: "outsider", method: "GET", path: path, actor: "outsider", status: 404},
		{name: "another coalition's fund", method: "GET", path: "/api/v1/coalitions/" + f.b.ID + "/funds/" + fund.ID + "/report", actor: "coordB", status: 404},
	})
}
