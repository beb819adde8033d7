package network

import (
	"cmp"
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/topo"
)

// structure sets the mean depth, density, components and clustering.
func (f *Figures) structure(e *ecosystem) {
	n, m := len(e.orgs), len(e.ties)
	if m > 0 {
		var sum float64
		for _, t := range e.ties {
			sum += t.depth
		}
		f.MeanDepth = ptr(sum / float64(m))
	}
	if n >= 2 {
		f.Density = 2 * float64(m) / (float64(n) * float64(n-1))
	}
	f.components(e)
	if n == 0 {
		return
	}
	f.LargestComponentShare = ptr(float64(len(f.Components[0].Members)) / float64(n))
	var sum float64
	for u, c := range clustering(e.adj) {
		f.ByOrganization[u].Clustering = c
		sum += c
	}
	f.AverageClustering = ptr(sum / float64(n))
}

// components sets the connected components, found by gonum's topo package.
func (f *Figures) components(e *ecosystem) {
	groups := nodeGroups(topo.ConnectedComponents(e.graph))
	f.Components = make([]Component, len(groups))
	for i, g := range groups {
		f.Components[i].Members = e.ids(g)
		for _, u := range g {
			f.ByOrganization[u].Component = i
		}
	}
}

// nodeGroups turns gonum's node sets into sorted index lists, the largest set
// first and sets of equal size by their smallest index. Gonum never returns an
// empty set.
func nodeGroups(sets [][]graph.Node) [][]int {
	groups := make([][]int, len(sets))
	for i, s := range sets {
		groups[i] = make([]int, len(s))
		for j, n := range s {
			groups[i][j] = int(n.ID())
		}
		slices.Sort(groups[i])
	}
	slices.SortFunc(groups, func(a, b []int) int {
		return cmp.Or(cmp.Compare(len(b), len(a)), cmp.Compare(a[0], b[0]))
	})
	return groups
}

// ids returns the IDs of the organizations at the given indexes.
func (e *ecosystem) ids(indexes []int) []string {
	out := make([]string, len(indexes))
	for i, u := range indexes {
		out[i] = e.orgs[u].ID
	}
	return out
}

// clustering returns each node's clustering coefficient as NetworkX's clustering
// defines it for an unweighted graph: c(u) = 2 T(u) / (d(u) (d(u) − 1)), where T(u)
// is the number of triangles through u and d(u) its degree, and c(u) = 0 when
// d(u) < 2. Gonum has no clustering coefficient, hence this count; it takes
// O(Σ d(u)²) steps.
func clustering(adj [][]int) []float64 {
	out := make([]float64, len(adj))
	mark := make([]int, len(adj)) // mark[w] == u+1 when w is a partner of u.
	for u, partners := range adj {
		d := len(partners)
		if d < 2 {
			continue
		}
		for _, w := range partners {
			mark[w] = u + 1
		}
		triangles := 0
		for _, v := range partners {
			for _, w := range adj[v] {
				if w > v && mark[w] == u+1 {
					triangles++
				}
			}
		}
		out[u] = 2 * float64(triangles) / (float64(d) * float64(d-1))
	}
	return out
}
