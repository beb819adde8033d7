package demo_test

import (
	"testing"

	"github.com/braid-org/braid/internal/store/storetest"
)

// TestSeedProposals: the demo's past proposals are closed by the application's count.
// Worked by hand for the ranked poll: ballots C>L, L>C, U>L, C, U>C (C Cedar community
// room, L Central library, U Union hall). Round 1: C 2, U 2, L 1 of 5; L is eliminated
// and its ballot moves to C. Round 2: C 3 of 5, a majority.
func TestSeedProposals(t *testing.T) {
	a, coordinator := seeded(t, storetest.MustOpenDB(t))
	cs, err := a.Coalitions(t.Context(), coordinator, "", 10)
	if err != nil {
		t.Fatal(err)
	}
	var housing string
	for _, c := range cs.Items {
		if c.Name == "Rooted Homes Coalition" {
			housing = c.ID
		}
	}
	ps, err := a.Proposals(t.Context(), coordinator, housing)
	if err != nil || len(ps) != 3 {
		t.Fatalf("%d proposals (%v), want 3", len(ps), err)
	}
	want := map[string]string{
		"Endorse the tenant opportunity to purchase ordinance draft": "passed",
		"Where to hold the spring assembly":                          "winner",
		"Accept the developer's sponsorship of the assembly":         "blocked",
	}
	for _, p := range ps {
		if p.Outcome == nil || p.Outcome.Result != want[p.Title] {
			t.Errorf("%q: outcome %+v, want %s", p.Title, p.Outcome, want[p.Title])
			continue
		}
		if p.Method == "poll_ranked" && (p.Outcome.Winner != p.Options[0].ID || len(p.Outcome.Rounds) != 2) {
			t.Errorf("ranked poll: winner %s after %d rounds, want %s after 2", p.Outcome.Winner, len(p.Outcome.Rounds), p.Options[0].ID)
		}
	}
}
