package demo_test

import (
	"testing"

	"github.com/braid-org/braid/internal/demo"
	"github.com/braid-org/braid/internal/store/storetest"
)

// TestSeed_HealthShowsAGapAndATension: the housing coalition has two closed check-ins
// whose BIPOC-led comparison is shown (at least 3 respondents per group) with a
// highlighted gap on trust in the first, narrower in the second; and one resolved
// tension that the member raised and the coordinator facilitated.
func TestSeed_HealthShowsAGapAndATension(t *testing.T) {
	a, coord := seeded(t, storetest.MustOpenDB(t))
	cs, err := a.Coalitions(ctx, coord, "", 10)
	if err != nil {
		t.Fatal(err)
	}
	var housing string
	for _, c := range cs.Items {
		if c.Name == "Rooted Homes Coalition" {
			housing = c.ID
		}
	}
	trends, err := a.CheckInTrends(ctx, coord, housing)
	if err != nil || len(trends) != 2 {
		t.Fatalf("trends = %d check-ins, %v; want 2", len(trends), err)
	}
	gaps := []float64{}
	for _, r := range trends {
		b := r.Breakdowns[0]
		if !b.Shown || b.Yes < 3 || b.No < 3 {
			t.Fatalf("%s: BIPOC-led breakdown %+v, want shown", r.CheckIn.Title, b)
		}
		for _, g := range b.Factors {
			if g.Factor == "trust" {
				gaps = append(gaps, *g.Gap)
				if !g.Highlight {
					t.Errorf("%s: trust gap %.2f not highlighted", r.CheckIn.Title, *g.Gap)
				}
			}
		}
	}
	if len(gaps) != 2 || gaps[1] >= gaps[0] {
		t.Errorf("trust gaps %v, want a gap that narrows", gaps)
	}

	member, err := a.Authenticate(ctx, demo.MemberEmail, demo.DemoPassword, "192.0.2.1")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"coordinator", "member"} {
		who := coord
		if u == "member" {
			who = member
		}
		ts, err := a.Tensions(ctx, who, housing)
		if err != nil || len(ts) != 1 || ts[0].State != "resolved" {
			t.Fatalf("%s sees tensions %+v, %v; want the resolved one", u, ts, err)
		}
		item, err := a.Tension(ctx, who, housing, ts[0].ID)
		if err != nil || len(item.Entries) != 7 {
			t.Fatalf("tension history: %v, %v", item, err)
		}
	}
}
