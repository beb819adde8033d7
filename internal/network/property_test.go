package network

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestProperties checks invariants of the figures on 300 random ecosystems, from
// empty to complete, and that reordering the input (organizations, ties, and the
// two ends of each tie) changes nothing, communities included.
func TestProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(2024, 6))
	for i := range 300 {
		n := r.IntN(40)
		orgs, ties := randomEcosystem(r, n, r.IntN(n*n/2+1))
		f, err := Compute(orgs, ties, Options{Seed: uint64(i)})
		if err != nil {
			t.Fatalf("case %d: Compute: %v", i, err)
		}
		checkProperties(t, i, f)
		r.Shuffle(len(orgs), func(a, b int) { orgs[a], orgs[b] = orgs[b], orgs[a] })
		r.Shuffle(len(ties), func(a, b int) { ties[a], ties[b] = ties[b], ties[a] })
		for j := range ties {
			if r.IntN(2) == 0 {
				ties[j].A, ties[j].B = ties[j].B, ties[j].A
			}
		}
		shuffled, err := Compute(orgs, ties, Options{Seed: uint64(i)})
		if err != nil {
			t.Fatalf("case %d: Compute shuffled: %v", i, err)
		}
		if diff := cmp.Diff(f, shuffled); diff != "" {
			t.Fatalf("case %d: reordering the input changed the figures (-before +after):\n%s", i, diff)
		}
	}
}

// checkProperties checks the invariants of one ecosystem's figures.
func checkProperties(t *testing.T, i int, f *Figures) {
	t.Helper()
	n := f.Organizations
	in01 := func(name string, v float64) {
		if !(v >= 0 && v <= 1+1e-12) {
			t.Errorf("case %d: %s = %v; want it in [0, 1]", i, name, v)
		}
	}
	in01("density", f.Density)
	checkPartition(t, i, "components", memberLists(f.Components), f.ByOrganization)
	checkPartition(t, i, "communities", communityLists(f.Communities), f.ByOrganization)
	var norm float64
	for _, o := range f.ByOrganization {
		in01(o.ID+" betweenness", o.Betweenness)
		in01(o.ID+" degree centrality", o.DegreeCentrality)
		in01(o.ID+" clustering", o.Clustering)
		in01(o.ID+" eigenvector", o.Eigenvector)
		norm += o.Eigenvector * o.Eigenvector
		if size := len(f.Components[o.Component].Members); o.Degree >= size {
			t.Errorf("case %d: %s has %d ties in a component of %d", i, o.ID, o.Degree, size)
		}
	}
	if n > 0 && (math.Abs(norm-1) > 1e-12 || !f.EigenvectorConverged) {
		t.Errorf("case %d: eigenvector norm² = %v, converged %v; want 1, true", i, norm, f.EigenvectorConverged)
	}
	if f.Modularity != nil && (*f.Modularity < -0.5 || *f.Modularity > 1) {
		t.Errorf("case %d: modularity %v outside [−1/2, 1]", i, *f.Modularity)
	}
	for j := 1; j < len(f.Bridges); j++ {
		a, b := f.Bridges[j-1], f.Bridges[j]
		if a.Betweenness < b.Betweenness || a.Betweenness == b.Betweenness && a.ID > b.ID {
			t.Errorf("case %d: bridges out of order: %v", i, f.Bridges)
		}
	}
	c := f.CrossIssue
	if c.Classified+c.Unclassified != f.Ties || c.Cross > c.Classified {
		t.Errorf("case %d: cross-issue %+v does not add up to %d ties", i, c, f.Ties)
	}
	checkSiloMatrix(t, i, f.Silos)
}

// checkPartition checks that groups split all organizations, each once, in order,
// largest first, and that index (Component or Community) points to the right group.
func checkPartition(t *testing.T, i int, name string, groups [][]string, orgs []OrganizationFigures) {
	t.Helper()
	where := map[string]int{}
	for g, members := range groups {
		if !slices.IsSorted(members) || g > 0 && len(groups[g-1]) < len(members) {
			t.Errorf("case %d: %s out of order: %v", i, name, groups)
		}
		for _, id := range members {
			if _, dup := where[id]; dup {
				t.Errorf("case %d: %s lists %s twice", i, name, id)
			}
			where[id] = g
		}
	}
	if len(where) != len(orgs) {
		t.Errorf("case %d: %s sizes sum to %d; want %d organizations", i, name, len(where), len(orgs))
	}
	for _, o := range orgs {
		g := o.Component
		if name == "communities" {
			g = o.Community
		}
		if where[o.ID] != g {
			t.Errorf("case %d: %s says %s is in %d; it is listed in %d", i, name, o.ID, g, where[o.ID])
		}
	}
}

// checkSiloMatrix checks that the matrix is symmetric and no cell has more ties
// than possible pairs.
func checkSiloMatrix(t *testing.T, i int, m SiloMatrix) {
	t.Helper()
	for a, row := range m.Cells {
		for b, c := range row {
			mirror := m.Cells[b][a]
			mirror.A, mirror.B = mirror.B, mirror.A
			if !cmp.Equal(c, mirror) {
				t.Errorf("case %d: cell %s × %s differs from its mirror", i, c.A, c.B)
			}
			if c.Ties > c.PossiblePairs || (c.Ties > 0) != (c.MeanDepth != nil) {
				t.Errorf("case %d: cell %+v", i, c)
			}
		}
	}
}
