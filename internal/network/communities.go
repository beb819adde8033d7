package network

import (
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
)

// resolution is the modularity resolution γ; 1 is Newman's modularity, NetworkX's
// default.
const resolution = 1

// communities sets the Louvain communities and their modularity on the graph
// weighted by depth (a deep tie binds two organizations more than a slight one, as
// NetworkX's louvain_communities and modularity weigh "weight" by default). The
// communities come from louvain.go (gonum's Modularize does not scale to issue 6's
// size; that file says why), the modularity from gonum's community.Q. The seed fixes
// the shuffle of the nodes, so the same input and seed always give the same
// communities. NetworkX's Louvain uses another random stream, so its communities
// for the same seed may differ; the modularity of a given partition agrees
// (networkx_test.go).
func (f *Figures) communities(e *ecosystem, seed uint64) {
	if len(e.orgs) == 0 {
		return
	}
	sets := communitySets(e, louvain(e, resolution, seed))
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

// communitySets returns the nodes of each community, given each organization's
// community numbered from 0.
func communitySets(e *ecosystem, comm []int) [][]graph.Node {
	var sets [][]graph.Node
	for u, c := range comm {
		for len(sets) <= c {
			sets = append(sets, nil)
		}
		sets[c] = append(sets[c], e.graph.nodes[u])
	}
	return sets
}
