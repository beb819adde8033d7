package network

import (
	"math/rand/v2"

	"gonum.org/v1/gonum/graph/community"
)

// resolution is the modularity resolution γ; 1 is Newman's modularity, NetworkX's
// default.
const resolution = 1

// communities sets the Louvain communities and their modularity, both from gonum's
// community package on the graph weighted by depth (a deep tie binds two
// organizations more than a slight one, as NetworkX's louvain_communities and
// modularity weigh "weight" by default). The seed fixes gonum's shuffle of the
// nodes; with the nodes listed in ID order (see orderedGraph) the same input and
// seed always give the same communities. NetworkX's Louvain uses another random
// stream, so its communities for the same seed may differ; the modularity of a given
// partition agrees (networkx_test.go).
func (f *Figures) communities(e *ecosystem, seed uint64) {
	if len(e.orgs) == 0 {
		return
	}
	sets := community.Modularize(e.graph, resolution, rand.NewPCG(seed, 0)).Communities()
	groups := nodeGroups(sets)
	f.Communities = make([]Community, len(groups))
	for i, g := range groups {
		f.Communities[i].Members = e.ids(g)
		for _, u := range g {
			f.ByOrganization[u].Community = i
		}
	}
	if len(e.ties) > 0 {
		f.Modularity = ptr(community.Q(e.graph, sets, resolution))
	}
}
