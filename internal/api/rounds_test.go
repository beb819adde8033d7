package api_test

import (
	"context"
	"testing"

	"github.com/braid-org/braid/internal/app"
)

func TestRoundsAndContributions(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	coord := f.users["coord"]
	fund, err := f.app.CreateFund(ctx, coord, f.a.ID, app.FundInput{Name: "Grant", HolderName: "Sponsor", Currency: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.RecordEntry(ctx, coord, f.a.ID, fund.ID, app.EntryInput{Kind: "received", Amount: 10_000, Currency: "USD"}); err != nil {
		t.Fatal(err)
	}
	fundB, _ := f.app.CreateFund(ctx, f.users["coordB"], f.b.ID, app.FundInput{Name: "B", HolderName: "S", Currency: "USD"})
	org := f.memberA.OrganizationID
	base := "/api/v1/coalitions/" + f.a.ID
	round := `{"fund_id":"` + fund.ID + `","title":"Spring","amount":9000,"method":"equal","members":["` + org + `"]}`
	r, err := f.app.OpenRound(ctx, coord, f.a.ID, app.RoundInput{FundID: fund.ID, Title: "Open", Amount: 1000, Method: "equal", Members: []string{org}})
	if err != nil {
		t.Fatal(err)
	}
	one := base + "/allocation-rounds/" + r.ID
	f.run(t, []scenario{
		{name: "open", method: "POST", path: base + "/allocation-rounds", actor: "coord", body: round, status: 201, want: `"status":"open"`},
		{name: "open malformed", method: "POST", path: base + "/allocation-rounds", actor: "coord", body: `{"fund_id":`, status: 400},
		{name: "open over the pool", method: "POST", path: base + "/allocation-rounds", actor: "coord",
			body: `{"fund_id":"` + fund.ID + `","title":"Big","amount":10001,"method":"equal","members":["` + org + `"]}`, status: 422, want: "body.amount"},
		{name: "open another coalition's fund", method: "POST", path: base + "/allocation-rounds", actor: "coord",
			body: `{"fund_id":"` + fundB.ID + `","title":"X","amount":1,"method":"equal","members":["` + org + `"]}`, status: 422, want: "body.fund_id"},
		{name: "open as member", method: "POST", path: base + "/allocation-rounds", actor: "rep", body: round, status: 403},
		{name: "list", method: "GET", path: base + "/allocation-rounds", actor: "rep", status: 200, want: `"title":"Spring"`},
		{name: "preview", method: "GET", path: one, actor: "rep", status: 200, want: `"amount":1000`},
		{name: "get wrong id", method: "GET", path: base + "/allocation-rounds/nope", actor: "rep", status: 404},
		{name: "get from another coalition", method: "GET", path: "/api/v1/coalitions/" + f.b.ID + "/allocation-rounds/" + r.ID, actor: "coordB", status: 404},
		{name: "approve", method: "POST", path: one + "/approve", actor: "coord", status: 200, want: `"status":"approved"`},
		{name: "approve twice", method: "POST", path: one + "/approve", actor: "coord", status: 409},
		{name: "points in an equal round", method: "POST", path: one + "/points", actor: "rep", body: `{"giver_organization_id":"` + org + `","points":{}}`, status: 409},
		{name: "log", method: "POST", path: base + "/contributions", actor: "rep", body: `{"organization_id":"` + org + `","date":"2025-02-01","minutes":90,"kind":"childcare"}`, status: 201, want: `"minutes":90`},
		{name: "log fractional minutes", method: "POST", path: base + "/contributions", actor: "rep", body: `{"organization_id":"` + org + `","date":"2025-02-01","minutes":1.5,"kind":"childcare"}`, status: 422},
		{name: "log bad date", method: "POST", path: base + "/contributions", actor: "rep", body: `{"organization_id":"` + org + `","date":"2025-02-31","minutes":5,"kind":"childcare"}`, status: 422, want: "body.date"},
		{name: "log for another org", method: "POST", path: base + "/contributions", actor: "rep", body: `{"organization_id":"nope","date":"2025-02-01","minutes":5,"kind":"other"}`, status: 422},
		{name: "list contributions", method: "GET", path: base + "/contributions", actor: "coord", status: 200, want: `"kind":"childcare"`},
		{name: "import preview with errors", method: "POST", path: base + "/contributions/import", actor: "coord",
			body:   `{"csv":"organization,date,hours,kind,description\nRiverside Tenants,2025-02-02,1.5,organizing,Doors\nNobody,2025-02-02,0.01,organizing,x\n","preview":true}`,
			status: 200, want: `"written":false`},
		{name: "import writes nothing with errors", method: "POST", path: base + "/contributions/import", actor: "coord",
			body: `{"csv":"organization,date,hours,kind,description\nNobody,2025-02-02,1,organizing,x\n"}`, status: 200, want: `"field":"organization"`},
		{name: "import", method: "POST", path: base + "/contributions/import", actor: "coord",
			body: `{"csv":"organization,date,hours,kind,description\nRiverside Tenants,2025-02-02,1.25,organizing,Doors\n"}`, status: 200, want: `"written":true`},
		{name: "import as member", method: "POST", path: base + "/contributions/import", actor: "rep", body: `{"csv":"x"}`, status: 403},
	})
	cs, _ := f.app.Contributions(ctx, coord, f.a.ID, app.ContributionQuery{})
	if len(cs) != 2 || cs[0].Minutes != 75 || !cs[0].Confirmed() {
		t.Errorf("contributions after import: %+v", cs)
	}
}
