package network

import (
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// orderedGraph is gonum's simple.WeightedUndirectedGraph (node IDs are indexes into
// ecosystem.orgs, edge weights are depths) with its nodes and each node's partners
// listed in ID order. The simple graph lists them in map order, which changes from
// run to run, and with it the rounding of betweenness sums and the tie-breaks of
// Louvain; the fixed order makes every figure reproducible. It also roughly halves
// the time of betweenness, which walks these lists n times.
type orderedGraph struct {
	*simple.WeightedUndirectedGraph
	nodes    []graph.Node
	partners [][]graph.Node
}

var _ graph.WeightedUndirected = (*orderedGraph)(nil)

// newOrderedGraph builds the gonum graph of e.
func newOrderedGraph(e *ecosystem) *orderedGraph {
	g := &orderedGraph{
		// No self-loops: a node's weight to itself is 0, and so is an absent edge.
		WeightedUndirectedGraph: simple.NewWeightedUndirectedGraph(0, 0),
		nodes:                   make([]graph.Node, len(e.orgs)),
		partners:                make([][]graph.Node, len(e.orgs)),
	}
	for i := range e.orgs {
		g.nodes[i] = simple.Node(i)
		g.AddNode(g.nodes[i])
	}
	for _, t := range e.ties {
		g.SetWeightedEdge(simple.WeightedEdge{F: g.nodes[t.u], T: g.nodes[t.v], W: t.depth})
	}
	for u, vs := range e.adj {
		g.partners[u] = make([]graph.Node, len(vs))
		for j, v := range vs {
			g.partners[u][j] = g.nodes[v]
		}
	}
	return g
}

// Nodes returns the nodes in ID order.
func (g *orderedGraph) Nodes() graph.Nodes {
	if len(g.nodes) == 0 {
		return graph.Empty
	}
	return iterator.NewOrderedNodes(g.nodes)
}

// From returns the partners of node id in ID order.
func (g *orderedGraph) From(id int64) graph.Nodes {
	if id < 0 || id >= int64(len(g.partners)) || len(g.partners[id]) == 0 {
		return graph.Empty
	}
	return iterator.NewOrderedNodes(g.partners[id])
}
