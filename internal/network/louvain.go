package network

import "math/rand/v2"

// This file is the Louvain method of Blondel, Guillaume, Lambiotte and Lefebvre
// (2008), "Fast unfolding of communities in large networks": move each node to the
// neighbouring community with the highest modularity gain until no move gains,
// then merge each community into one node and repeat on the smaller graph until a
// level moves nothing.
//
// Why not gonum's community.Modularize, which implements the same method: its
// local mover (undirectedLocalMover.deltaQ in gonum v0.17.0, the newest release,
// graph/community/louvain_undirected.go) computes the weight k_{u,C} from node u to
// each candidate community C by walking every member of C with a map lookup per
// member, and sums C's total strength the same way. A move thus costs O(Σ|C|) over
// the candidate communities instead of O(degree), and as communities grow the cost
// of a pass grows with n·|C|. Measured on this machine (two shared cores) on
// randomEcosystem graphs: Modularize took 0.23–0.49 s for 1,000 organizations and
// 10,000 ties (this file with gonum's Q: 0.02 s), 2.9 s for 3,000 and 30,000, and
// 25 s of CPU (75 s wall on the loaded machine) for issue 6's 10,000 and 100,000,
// where this file takes 0.11 s of CPU on the same graph. Gonum has no other modularity
// optimiser (its other community functions are k-clique communities and resolution
// profiles that call Modularize again), so this file does the local moving the
// standard way: each node's weights to its neighbouring communities are summed in
// one pass over its edges, and each community's total strength is kept up to date
// as nodes move. Modularity is still gonum's community.Q (communities.go).
//
// Like gonum's, the result depends only on the graph and the seed: the nodes are
// visited in an order shuffled by a PCG(seed, 0) stream, and equal gains go to the
// community with the smaller index.

// minGain is the least gain, in modularity, for which a node moves; it stops the
// local moving from chasing rounding noise.
const minGain = 1e-12

// louvainGraph is one level of the method: an undirected weighted graph whose node
// u stands for a set of organizations. Its edges are in compressed rows: u's
// neighbours are nbr[start[u]:start[u+1]], with weights in weight.
type louvainGraph struct {
	start    []int
	nbr      []int
	weight   []float64
	strength []float64 // k_u: the depth at u's ends, inner ties counted from both.
	m2       float64   // 2m: the sum of the strengths.
}

// louvain returns the community of each organization of e, numbered from 0, found
// on the graph weighted by depth at the given resolution.
func louvain(e *ecosystem, resolution float64, seed uint64) []int {
	g := newLouvainGraph(e)
	member := make([]int, len(e.orgs)) // The node of g that stands for organization i.
	for i := range member {
		member[i] = i
	}
	r := rand.New(rand.NewPCG(seed, 0))
	for g.m2 > 0 {
		comm, moved := g.moveNodes(resolution, r)
		if !moved {
			break
		}
		k := renumber(comm)
		for i, u := range member {
			member[i] = comm[u]
		}
		g = g.aggregate(comm, k)
	}
	return member
}

// newLouvainGraph returns the first level: one node per organization, one edge per
// tie weighted by its depth.
func newLouvainGraph(e *ecosystem) *louvainGraph {
	n := len(e.orgs)
	g := &louvainGraph{
		start:    make([]int, n+1),
		nbr:      make([]int, 2*len(e.ties)),
		weight:   make([]float64, 2*len(e.ties)),
		strength: make([]float64, n),
	}
	for u, vs := range e.adj {
		g.start[u+1] = g.start[u] + len(vs)
	}
	next := append([]int(nil), g.start[:n]...)
	for _, t := range e.ties {
		for _, end := range [2][2]int{{t.u, t.v}, {t.v, t.u}} {
			u, v := end[0], end[1]
			g.nbr[next[u]], g.weight[next[u]] = v, t.depth
			next[u]++
			g.strength[u] += t.depth
		}
		g.m2 += 2 * t.depth
	}
	return g
}

// mover holds the state of one level's local moving.
type mover struct {
	g     *louvainGraph
	gamma float64
	comm  []int     // comm[u] is u's community, a node index.
	total []float64 // total[c] is Σ strength of c's members.
	toC   []float64 // toC[c] is the weight from the current node to c's members.
	seen  []bool    // seen[c] says c is in touched.
	touch []int     // The communities next to the current node.
}

// moveNodes runs the local moving phase from singletons: passes over the nodes, in
// one shuffled order, until a pass moves none. It returns each node's community
// and whether any node moved.
func (g *louvainGraph) moveNodes(gamma float64, r *rand.Rand) (comm []int, moved bool) {
	n := len(g.strength)
	m := &mover{
		g: g, gamma: gamma, comm: make([]int, n), total: append([]float64(nil), g.strength...),
		toC: make([]float64, n), seen: make([]bool, n),
	}
	for u := range m.comm {
		m.comm[u] = u
	}
	order := r.Perm(n)
	for pass := true; pass; {
		pass = false
		for _, u := range order {
			if m.move(u) {
				pass, moved = true, true
			}
		}
	}
	return m.comm, moved
}

// move puts node u in the community with the highest gain and reports whether that
// is a different one. Taking u out of community a and putting it in c changes the
// modularity by 2/m2 · ([k_{u,c} − γ k_u Σ_c / m2] − [k_{u,a} − γ k_u (Σ_a − k_u) / m2]),
// where k_{u,c} is the weight from u to c and Σ_c the total strength of c without u.
func (m *mover) move(u int) bool {
	g := m.g
	for j := g.start[u]; j < g.start[u+1]; j++ {
		c := m.comm[g.nbr[j]]
		if !m.seen[c] {
			m.seen[c] = true
			m.touch = append(m.touch, c)
		}
		m.toC[c] += g.weight[j]
	}
	old, ku := m.comm[u], g.strength[u]
	m.total[old] -= ku
	gain := func(c int) float64 { return m.toC[c] - m.gamma*ku*m.total[c]/g.m2 }
	best, bestGain := -1, 0.0
	for _, c := range m.touch {
		if c == old {
			continue
		}
		if q := gain(c); best < 0 || q > bestGain || q == bestGain && c < best {
			best, bestGain = c, q
		}
	}
	moved := best >= 0 && 2*(bestGain-gain(old))/g.m2 > minGain
	if !moved {
		best = old
	}
	m.total[best] += ku
	m.comm[u] = best
	for _, c := range m.touch {
		m.toC[c], m.seen[c] = 0, false
	}
	m.touch = m.touch[:0]
	return moved
}

// renumber numbers the communities in comm 0, 1, ... in order of their first node
// and returns how many there are.
func renumber(comm []int) int {
	number := make([]int, len(comm))
	for i := range number {
		number[i] = -1
	}
	k := 0
	for u, c := range comm {
		if number[c] < 0 {
			number[c] = k
			k++
		}
		comm[u] = number[c]
	}
	return k
}

// aggregate returns the next level: one node per community of comm (numbered
// 0..k−1), joined by the summed weight of the edges between their members. The
// edges inside a community are dropped; they stay in its strength, which is the
// sum of its members' strengths, so 2m is unchanged.
func (g *louvainGraph) aggregate(comm []int, k int) *louvainGraph {
	members := make([][]int, k)
	for u, c := range comm {
		members[c] = append(members[c], u)
	}
	next := &louvainGraph{start: make([]int, k+1), strength: make([]float64, k), m2: g.m2}
	toC := make([]float64, k)
	var touch []int
	for c, us := range members {
		for _, u := range us {
			next.strength[c] += g.strength[u]
			for j := g.start[u]; j < g.start[u+1]; j++ {
				d := comm[g.nbr[j]]
				if d == c {
					continue
				}
				if toC[d] == 0 { // Weights are positive, so 0 means not yet touched.
					touch = append(touch, d)
				}
				toC[d] += g.weight[j]
			}
		}
		for _, d := range touch {
			next.nbr = append(next.nbr, d)
			next.weight = append(next.weight, toC[d])
			toC[d] = 0
		}
		touch = touch[:0]
		next.start[c+1] = len(next.nbr)
	}
	return next
}
