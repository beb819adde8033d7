package demo_test

import (
	"testing"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store/storetest"
)

// The demo has a year of wins and a phase history that ends in each coalition's current
// phase, and Rooted Homes' credit report shows the pattern the demo is written to show.
func TestDemoWinsAndPhases(t *testing.T) {
	a, coord := seeded(t, storetest.MustOpenDB(t))
	cs, err := a.Coalitions(ctx, coord, "", 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs.Items {
		tl, err := a.Timeline(ctx, coord, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		last := tl.Periods[len(tl.Periods)-1]
		wins := 0
		for _, p := range tl.Periods {
			wins += len(p.Wins)
		}
		t.Logf("%s: %d phases, %d wins, now %s", c.Name, len(tl.Periods), wins, last.Phase)
		if last.Phase != c.Phase {
			t.Errorf("%s: the history ends in %s, the coalition is in %s", c.Name, last.Phase, c.Phase)
		}
		if c.Slug == "rooted-homes-coalition" {
			if len(tl.Periods) != 2 || wins != 12 {
				t.Errorf("Rooted Homes: %d periods, %d wins; want 2 and 12", len(tl.Periods), wins)
			}
			rep, err := a.EquityReport(ctx, coord, c.ID, domain.DimensionCredit, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Total != 12 {
				t.Errorf("credit total %v, want 12 (one per win)", rep.Total)
			}
			// The two largest members (over $5M) hold about a third of the credit with a
			// sixth of the seats at the table: flagged as over-represented.
			flagged := false
			for _, g := range rep.Groups {
				if g.Attribute == "budget_band" && g.Value == domain.BudgetOver5m {
					flagged = g.Flag && *g.Ratio > 1.25
				}
			}
			if !flagged {
				t.Errorf("Rooted Homes credit report does not flag the over-$5M members: %+v", rep.Groups)
			}
		}
	}
}
