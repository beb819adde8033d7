package network

import (
	"cmp"
	"slices"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/graph/network"
)

// Power iteration limits for eigenvector centrality. The tolerance is NetworkX's
// stopping rule (Σ|x − x_last| < n·tol) with a far smaller tol than NetworkX's
// default 1e-6, so that the values are exact to about 1e-12.
const (
	eigenTolerance = 1e-12
	eigenMaxIter   = 10_000
)

// degrees sets each organization's degree and degree centrality, Degree / (n−1).
func (f *Figures) degrees(e *ecosystem) {
	n := len(e.orgs)
	for u, partners := range e.adj {
		f.ByOrganization[u].Degree = len(partners)
		if n > 1 {
			f.ByOrganization[u].DegreeCentrality = float64(len(partners)) / float64(n-1)
		}
	}
}

// betweenness sets each organization's betweenness and names the top bridges.
// Gonum's Betweenness (Brandes' algorithm, unweighted) counts every pair {s, t}
// twice on an undirected graph, once from each end, so dividing by (n−1)(n−2) is
// dividing the pair count by the (n−1)(n−2)/2 pairs that exclude the node, as
// NetworkX's normalized=True does. With n ≤ 2 every betweenness is 0.
//
// Above a size threshold (see Options.Pivots and sampled.go) the sum runs over a sample
// of source organizations instead of all of them, with a stated error bound.
func (f *Figures) betweenness(e *ecosystem, opt Options) {
	n := len(e.orgs)
	f.BetweennessMethod = BetweennessMethod{Exact: true, Pivots: n}
	if n <= 2 {
		return
	}
	scale := 1 / (float64(n-1) * float64(n-2))
	if k := opt.pivots(n); k < n {
		f.sampledBetweenness(e, k, opt.Seed)
	} else {
		for id, b := range network.Betweenness(e.graph) {
			f.ByOrganization[id].Betweenness = b * scale
		}
	}
	f.nameBridges(opt.bridges())
}

// nameBridges names the organizations with the highest betweenness.
func (f *Figures) nameBridges(bridges int) {
	n := len(f.ByOrganization)
	order := make([]int, 0, n)
	for u := range n {
		if f.ByOrganization[u].Betweenness > 0 {
			order = append(order, u)
		}
	}
	byOrg := f.ByOrganization
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(byOrg[b].Betweenness, byOrg[a].Betweenness), cmp.Compare(a, b))
	})
	for _, u := range order[:min(bridges, len(order))] {
		f.Bridges = append(f.Bridges, Bridge{ID: byOrg[u].ID, Betweenness: byOrg[u].Betweenness})
	}
}

// eigenvector sets each organization's eigenvector centrality.
func (f *Figures) eigenvector(e *ecosystem) {
	x, converged := eigenvectorCentrality(e.adj)
	for u, c := range x {
		f.ByOrganization[u].Eigenvector = c
	}
	f.EigenvectorConverged = converged
}

// eigenvectorCentrality runs NetworkX's power iteration: start from the uniform
// vector, multiply by A + I (the identity keeps bipartite graphs, such as a path or
// a star, from oscillating without changing the eigenvectors), scale to unit
// Euclidean norm, and stop when Σ|x − x_last| < n·tol. Gonum's network package has
// PageRank and HITS but no eigenvector centrality (HITS on an undirected graph
// converges to an eigenvector of A², which differs on bipartite graphs), and gonum's
// mat has no sparse matrix, so the product is taken over the adjacency lists and the
// vector work is done with gonum's floats.
//
// On a disconnected graph the iteration converges, like NetworkX's, towards the
// principal eigenvector of the component with the largest spectral radius: the
// other components' entries shrink towards 0 with every step (an organization
// without ties keeps only its share of the start vector, divided by the growing
// norms). When two components tie for the largest radius (two identical triangles),
// both keep weight, split as the uniform start vector projects onto them. A graph
// without ties keeps the uniform vector 1/√n, as in NetworkX.
func eigenvectorCentrality(adj [][]int) (x []float64, converged bool) {
	n := len(adj)
	if n == 0 {
		return nil, true
	}
	x = make([]float64, n)
	last := make([]float64, n)
	floats.AddConst(1/float64(n), x)
	for range eigenMaxIter {
		copy(last, x) // x = (A + I) last: the identity part is this copy.
		for u, partners := range adj {
			for _, v := range partners {
				x[v] += last[u]
			}
		}
		norm := floats.Norm(x, 2)
		if norm == 0 {
			norm = 1
		}
		floats.Scale(1/norm, x)
		if floats.Distance(x, last, 1) < float64(n)*eigenTolerance {
			return x, true
		}
	}
	return x, false
}
