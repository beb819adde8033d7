package server_test

import (
	"context"
	"testing"

	"github.com/braid-org/braid/internal/app"
)

// Money (issue 5): funds and their ledgers are visible to every role in the coalition;
// only coordinators record movements.
func init() {
	entryJSON := jsonBody(map[string]any{"kind": "received", "amount": 1000, "currency": "USD"})
	featureMatrix = append(featureMatrix,
		entry{route: "GET /api/v1/coalitions/{id}/funds", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/funds", want: manage, body: jsonBody(map[string]any{"name": "Dues", "holder_name": "Org One", "currency": "USD"})},
		entry{route: "GET /api/v1/coalitions/{id}/funds/{fund_id}", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/funds/{fund_id}/entries", want: manage, body: entryJSON},
		entry{route: "GET /coalitions/{id}/funds", want: view},
		entry{route: "POST /coalitions/{id}/funds", want: manage, body: form("name", "Dues", "holder_name", "Org One", "currency", "USD")},
		entry{route: "GET /coalitions/{id}/funds/{fund_id}", want: view},
		entry{route: "POST /coalitions/{id}/funds/{fund_id}/entries", want: manage, body: form("kind", "received", "amount", "10.00")},
	)
	fixtureSetups = append(fixtureSetups, func(t testing.TB, f *fixture) {
		ctx := context.Background()
		fund, err := f.app.CreateFund(ctx, f.users["coord"], f.a.ID, app.FundInput{Name: "Grant", HolderName: "Sponsor", Currency: "USD"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.app.RecordEntry(ctx, f.users["coord"], f.a.ID, fund.ID, app.EntryInput{Kind: "received", Amount: 100_000, Currency: "USD"}); err != nil {
			t.Fatal(err)
		}
		f.ids["fund_id"] = fund.ID
	})
}
