package demo_test

import (
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

// Rooted Homes has two funds whose ledgers verify, a year of contributions (most
// confirmed, some linked to its work), and two approved rounds whose allocations are on
// the ledger and match what the application computes from the stored data.
func TestDemoMoney(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a, coord := seeded(t, db)
		c := coalitionByName(t, a, coord, "Rooted Homes Coalition")
		results, err := a.VerifyLedgers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(results) != 2 {
			t.Errorf("%d funds, want 2", len(results))
		}
		for _, r := range results {
			if !r.Chain.Intact || r.Chain.Entries < 4 {
				t.Errorf("fund %s: chain %+v", r.Fund.Name, r.Chain)
			}
		}
		cs, err := a.Contributions(ctx, coord, c.ID, app.ContributionQuery{})
		if err != nil {
			t.Fatal(err)
		}
		confirmed, linked, kinds := 0, map[string]int{}, map[string]bool{}
		for _, x := range cs {
			if x.Confirmed() {
				confirmed++
			}
			linked[x.LinkType]++
			kinds[x.Kind] = true
		}
		t.Logf("%d contributions, %d confirmed, links %v, %d kinds", len(cs), confirmed, linked, len(kinds))
		if len(cs) < 250 || confirmed < len(cs)*8/10 || confirmed == len(cs) || linked["meeting"] == 0 || linked["task"] == 0 ||
			linked["win"] == 0 || len(kinds) < 7 {
			t.Errorf("contributions: %d, %d confirmed, links %v, %d kinds", len(cs), confirmed, linked, len(kinds))
		}
		rounds, err := a.Rounds(ctx, coord, c.ID)
		if err != nil || len(rounds) != 2 {
			t.Fatalf("rounds: %d, %v", len(rounds), err)
		}
		methods := map[string]bool{}
		for _, r := range rounds {
			methods[r.Method] = true
			v, err := a.Round(ctx, coord, c.ID, r.ID)
			if err != nil || v.Preview == nil {
				t.Fatalf("round %s: %v %+v", r.Title, err, v)
			}
			var sum int64
			for i, ra := range r.Result {
				sum += ra.Amount
				if v.Preview.Lines[i].Amount != ra.Amount {
					t.Errorf("round %s: %s stored %d, computed again %d", r.Title, ra.OrganizationID, ra.Amount, v.Preview.Lines[i].Amount)
				}
			}
			if r.Status != domain.RoundApproved || sum != r.Amount {
				t.Errorf("round %s: %s, parts sum to %d of %d", r.Title, r.Status, sum, r.Amount)
			}
			d, err := a.Fund(ctx, coord, c.ID, r.FundID)
			if err != nil {
				t.Fatal(err)
			}
			var onLedger int64
			for _, e := range d.Entries {
				if e.RoundID == r.ID {
					onLedger += e.Amount
				}
			}
			if onLedger != r.Amount {
				t.Errorf("round %s: %d on the ledger, want %d", r.Title, onLedger, r.Amount)
			}
		}
		if !methods["equity_formula"] || !methods["peer"] {
			t.Errorf("round methods %v", methods)
		}
	})
}
