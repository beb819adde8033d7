package network

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/graph/network"
)

// With every organization as a source, the hand accumulation equals gonum's exact
// Brandes to 1e-9, on connected and disconnected random ecosystems.
func TestDependencySums_AllSourcesMatchGonum(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 6))
	for _, size := range [][2]int{{3, 2}, {10, 9}, {40, 30}, {120, 400}, {300, 1500}} {
		orgs, ties := randomEcosystem(r, size[0], size[1])
		e, err := newEcosystem(orgs, ties)
		if err != nil {
			t.Fatal(err)
		}
		all := make([]int, len(e.orgs))
		for i := range all {
			all[i] = i
		}
		got := dependencySums(e.adj, all)
		want := network.Betweenness(e.graph)
		for u := range got {
			if math.Abs(got[u]-want[int64(u)]) > 1e-9 {
				t.Fatalf("n=%d m=%d: node %d sum %v; gonum %v", size[0], size[1], u, got[u], want[int64(u)])
			}
		}
	}
}

// The error bound, worked by hand: n = 1001, k = 1000, α = 0.05:
// 1001/1000 · √(ln 40 / 2000) = 1.001 · √0.00184444 = 1.001 · 0.0429470 = 0.0429899.
func TestBetweennessErrorBound(t *testing.T) {
	if got := betweennessErrorBound(1001, 1000); math.Abs(got-0.0429899) > 1e-6 {
		t.Errorf("bound = %v; want 0.0429899", got)
	}
	for _, tc := range []struct{ pivots, n, want int }{
		{0, DefaultExactBetweennessUpTo, DefaultExactBetweennessUpTo},
		{0, DefaultExactBetweennessUpTo + 1, DefaultPivots},
		{-1, 50_000, 50_000},
		{10, 50, 10},
		{100, 50, 50},
	} {
		if got := (Options{Pivots: tc.pivots}).pivots(tc.n); got != tc.want {
			t.Errorf("pivots(%d) with Pivots %d = %d; want %d", tc.n, tc.pivots, got, tc.want)
		}
	}
}

// Sampled betweenness stays within its stated bound of the exact values (here far
// within it), says how it was computed, and is reproducible.
func TestCompute_SampledBetweenness(t *testing.T) {
	orgs, ties := randomEcosystem(rand.New(rand.NewPCG(1, 2)), 800, 4000)
	exact, err := Compute(orgs, ties, Options{Seed: 1, Pivots: -1})
	if err != nil {
		t.Fatal(err)
	}
	if m := exact.BetweennessMethod; !m.Exact || m.Pivots != 800 || m.ErrorBound != 0 {
		t.Errorf("exact method = %+v", m)
	}
	sampled, err := Compute(orgs, ties, Options{Seed: 1, Pivots: 200})
	if err != nil {
		t.Fatal(err)
	}
	m := sampled.BetweennessMethod
	if m.Exact || m.Pivots != 200 || m.Confidence != BetweennessConfidence || m.ErrorBound != betweennessErrorBound(800, 200) {
		t.Errorf("sampled method = %+v", m)
	}
	worst := 0.0
	for i := range exact.ByOrganization {
		worst = max(worst, math.Abs(sampled.ByOrganization[i].Betweenness-exact.ByOrganization[i].Betweenness))
	}
	if worst >= m.ErrorBound/4 {
		t.Errorf("largest error %v; bound %v", worst, m.ErrorBound)
	}
	again, _ := Compute(orgs, ties, Options{Seed: 1, Pivots: 200})
	for i := range again.ByOrganization {
		if again.ByOrganization[i].Betweenness != sampled.ByOrganization[i].Betweenness {
			t.Fatal("sampled betweenness differs between two runs with one seed")
		}
	}
	// The other figures do not depend on the method.
	if *sampled.AverageClustering != *exact.AverageClustering || *sampled.Modularity != *exact.Modularity {
		t.Error("sampling changed other figures")
	}
}
