package network

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/graph/community"
)

// cliques returns k cliques of size s, organization "c<i>-<j>" being member j of
// clique i, with every tie inside a clique of depth 3, and the clique members as
// the communities to expect.
func cliques(k, s int) ([]Organization, []Tie, [][]string) {
	var orgs []Organization
	var ties []Tie
	want := make([][]string, k)
	for i := range k {
		for j := range s {
			id := fmt.Sprintf("c%d-%d", i, j)
			orgs = append(orgs, Organization{ID: id})
			want[i] = append(want[i], id)
			for l := range j {
				ties = append(ties, Tie{A: fmt.Sprintf("c%d-%d", i, l), B: id, Depth: 3})
			}
		}
	}
	return orgs, ties, want
}

func TestLouvainObviousCommunities(t *testing.T) {
	// Two cliques of 5 joined by one slight tie: m = 2·10·3 + 1 = 61. The cliques
	// apart give 2·(30/61 − (61/122)²) ≈ 0.4836; together 0; any other split less.
	orgs, ties, want := cliques(2, 5)
	ties = append(ties, Tie{A: "c0-4", B: "c1-0", Depth: 1})
	cases := []struct {
		name string
		orgs []Organization
		ties []Tie
		want [][]string
		q    float64
	}{{"two cliques and a bridge", orgs, ties, want, 2 * (30.0/61 - 0.25)}}

	// A ring of six cliques of 5, clique i tied to clique i+1 by one tie of depth 1:
	// m = 6·31, each clique's strength 62, Q = 6·(30/186 − (62/372)²) = 0.8 − 1/6.
	// Merging neighbours in pairs gives 3·(61/186 − (124/372)²) ≈ 0.6505, less.
	orgs, ties, want = cliques(6, 5)
	for i := range 6 {
		ties = append(ties, Tie{A: fmt.Sprintf("c%d-4", i), B: fmt.Sprintf("c%d-0", (i+1)%6), Depth: 1})
	}
	cases = append(cases, struct {
		name string
		orgs []Organization
		ties []Tie
		want [][]string
		q    float64
	}{"ring of six cliques", orgs, ties, want, 6 * (30.0/186 - 1.0/36)})

	for _, c := range cases {
		for seed := range uint64(20) {
			f, err := Compute(c.orgs, c.ties, Options{Seed: seed})
			if err != nil {
				t.Fatalf("%s: Compute: %v", c.name, err)
			}
			if diff := cmp.Diff(c.want, communityLists(f.Communities)); diff != "" {
				t.Errorf("%s, seed %d: communities (-want +got):\n%s", c.name, seed, diff)
			}
			nearPtr(t, c.name+" modularity", f.Modularity, c.q)
		}
	}
}

// TestLouvainAgainstGonum checks that, on random ecosystems of 200 to 1,000
// organizations, our communities have a modularity no lower than that of gonum's
// Modularize (the implementation louvain.go replaces) by more than 0.01, both
// measured by gonum's community.Q, and logs both times. The two visit nodes in
// different orders, so they find different local optima; neither is always ahead.
func TestLouvainAgainstGonum(t *testing.T) {
	if testing.Short() {
		t.Skip("gonum's Modularize takes seconds at these sizes")
	}
	const tol = 0.01
	r := rand.New(rand.NewPCG(2008, 6))
	for _, size := range [][2]int{{200, 600}, {300, 3000}, {500, 1500}, {700, 7000}, {1000, 4000}, {1000, 10000}} {
		orgs, ties := randomEcosystem(r, size[0], size[1])
		e, err := newEcosystem(orgs, ties)
		if err != nil {
			t.Fatal(err)
		}
		for seed := range uint64(2) {
			t0 := time.Now()
			found := louvain(e, resolution, seed)
			t1 := time.Now()
			gonum := community.Modularize(e.graph, resolution, rand.NewPCG(seed, 0)).Communities()
			t2 := time.Now()
			ours := community.Q(e.graph, communitySets(e, found), resolution)
			theirs := community.Q(e.graph, gonum, resolution)
			t.Logf("%d organizations, %d ties, seed %d: Q ours %.4f, gonum's Modularize %.4f (%+.4f); %.1f ms, %.1f ms",
				size[0], size[1], seed, ours, theirs, ours-theirs, ms(t1.Sub(t0)), ms(t2.Sub(t1)))
			if ours < theirs-tol {
				t.Errorf("%d organizations, %d ties, seed %d: Q = %.4f, more than %v below gonum's %.4f",
					size[0], size[1], seed, ours, tol, theirs)
			}
		}
	}
}

// ms returns d in milliseconds.
func ms(d time.Duration) float64 { return d.Seconds() * 1000 }

// TestLouvainPartition checks on random ecosystems, isolated organizations
// included, that every organization is in exactly one community, numbered from 0
// without gaps, and that the same seed gives the same communities. (Louvain
// communities need not be connected, as Traag et al. showed for the Leiden method,
// so that is not checked.)
func TestLouvainPartition(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 2008))
	for i := range 100 {
		n := 1 + r.IntN(300)
		orgs, ties := randomEcosystem(r, n, r.IntN(4*n))
		e, err := newEcosystem(orgs, ties)
		if err != nil {
			t.Fatal(err)
		}
		seed := r.Uint64()
		comm := louvain(e, resolution, seed)
		if len(comm) != n {
			t.Fatalf("case %d: %d communities for %d organizations", i, len(comm), n)
		}
		k := slices.Max(comm) + 1
		size := make([]int, k)
		for _, c := range comm {
			size[c]++
		}
		if slices.Min(comm) != 0 || slices.Contains(size, 0) {
			t.Errorf("case %d: community numbers %v are not 0..%d without gaps", i, size, k-1)
		}
		if again := louvain(e, resolution, seed); !slices.Equal(comm, again) {
			t.Errorf("case %d: seed %d gave two different partitions", i, seed)
		}
	}
}

// TestLouvainSeed checks that Compute gives the same communities for the same
// seed, and that the seed matters on an ecosystem with many near-equal optima.
func TestLouvainSeed(t *testing.T) {
	orgs, ties := randomEcosystem(rand.New(rand.NewPCG(1, 2)), 300, 1500)
	for seed := range uint64(2) {
		a, err := Compute(orgs, ties, Options{Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Compute(orgs, ties, Options{Seed: seed})
		if diff := cmp.Diff(communityLists(a.Communities), communityLists(b.Communities)); diff != "" {
			t.Errorf("seed %d: communities differ between two runs (-first +second):\n%s", seed, diff)
		}
		if *a.Modularity != *b.Modularity {
			t.Errorf("seed %d: modularity %v, then %v", seed, *a.Modularity, *b.Modularity)
		}
	}
	e, _ := newEcosystem(orgs, ties)
	seen := map[string]bool{}
	for seed := range uint64(5) {
		seen[fmt.Sprint(louvain(e, resolution, seed))] = true
	}
	if len(seen) < 2 {
		t.Error("five seeds gave the same communities; is the seed used?")
	}
}

// BenchmarkLouvain times the communities stage at issue 6's size in its two
// parts: our Louvain, and gonum's community.Q of the partition found.
func BenchmarkLouvain(b *testing.B) {
	orgs, ties := randomEcosystem(rand.New(rand.NewPCG(10, 6)), 10_000, 100_000)
	e, err := newEcosystem(orgs, ties)
	if err != nil {
		b.Fatal(err)
	}
	var comm []int
	b.Run("louvain", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			comm = louvain(e, resolution, 1)
		}
	})
	b.Run("modularity", func(b *testing.B) {
		sets := communitySets(e, comm)
		b.ReportAllocs()
		for b.Loop() {
			community.Q(e.graph, sets, resolution)
		}
		b.Logf("%d communities, Q = %.4f", len(sets), community.Q(e.graph, sets, resolution))
	})
}
