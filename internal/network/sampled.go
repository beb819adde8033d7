package network

import (
	"math"
	"math/rand/v2"
)

// Betweenness by sampled sources (Brandes and Pich, "Centrality estimation in large
// networks", 2007). Exact betweenness sums, for every source s, the dependency δ_s(v) of
// s on v (the share of shortest paths from s that pass through v, summed over the
// targets): n breadth-first searches, O(n·m). On 10,000 organizations and 100,000 ties
// that is minutes. Summing over k sources drawn at random instead, and scaling by n/k,
// gives an unbiased estimate in k/n of the time.
//
// Error bound. Normalised betweenness is b(v) = Σ_s δ_s(v) / ((n−1)(n−2)), and each
// δ_s(v) lies in [0, n−2]. The estimate is the mean of k terms X = n·δ_s(v)/((n−1)(n−2)),
// each in [0, n/(n−1)], drawn without replacement, whose expectation is b(v). Hoeffding's
// inequality (which holds for sampling without replacement, Hoeffding 1963, §6) gives,
// for every organization v,
//
//	P(|estimate − b(v)| ≥ ε) ≤ 2·exp(−2kε² / (n/(n−1))²),
//
// so with probability at least 1−α the error is below ε = n/(n−1) · √(ln(2/α) / (2k)).
// With k = 1,000 and α = 0.05 that is ε ≈ 0.043 for each organization. The bound is
// loose (it holds whatever the graph); the benchmark reports the error actually
// measured against the exact values, which is far smaller.
//
// Gonum's network.Betweenness has no sampled form, so the accumulation is written here
// over the adjacency lists; with every organization as a source it gives gonum's exact
// values to 1e-9 (sampled_test.go).

// Betweenness sampling defaults.
const (
	// DefaultExactBetweennessUpTo is the largest ecosystem whose betweenness is
	// computed exactly when Options.Pivots is 0.
	DefaultExactBetweennessUpTo = 2_000
	// DefaultPivots is the number of sampled sources above that size.
	DefaultPivots = 1_000
	// BetweennessConfidence is the probability with which the stated error bound holds
	// for each organization.
	BetweennessConfidence = 0.95
)

// BetweennessMethod says how betweenness was computed.
type BetweennessMethod struct {
	Exact bool `json:"exact"`
	// Pivots is the number of source organizations whose shortest paths were
	// counted: every organization when exact.
	Pivots int `json:"pivots"`
	// ErrorBound is ε: for each organization, the sampled betweenness is within ε of
	// the exact one with probability at least Confidence. 0 when exact.
	ErrorBound float64 `json:"error_bound"`
	Confidence float64 `json:"confidence"`
}

// pivots returns how many sources to use for an ecosystem of n organizations: n means
// exactly.
func (o Options) pivots(n int) int {
	switch {
	case o.Pivots < 0:
		return n
	case o.Pivots > 0:
		return min(o.Pivots, n)
	case n <= DefaultExactBetweennessUpTo:
		return n
	}
	return min(DefaultPivots, n)
}

// betweennessErrorBound is ε for k sources among n organizations (see above).
func betweennessErrorBound(n, k int) float64 {
	return float64(n) / float64(n-1) * math.Sqrt(math.Log(2/(1-BetweennessConfidence))/(2*float64(k)))
}

// sampledBetweenness sets each organization's betweenness from k sources drawn with
// the seed, without replacement.
func (f *Figures) sampledBetweenness(e *ecosystem, k int, seed uint64) {
	n := len(e.orgs)
	sources := rand.New(rand.NewPCG(seed, 0x6265747765656e)).Perm(n)[:k]
	sums := dependencySums(e.adj, sources)
	scale := float64(n) / float64(k) / (float64(n-1) * float64(n-2))
	for u, s := range sums {
		f.ByOrganization[u].Betweenness = s * scale
	}
	f.BetweennessMethod = BetweennessMethod{Pivots: k, ErrorBound: betweennessErrorBound(n, k), Confidence: BetweennessConfidence}
}

// dependencySums returns, for each node v, Σ δ_s(v) over the given sources: Brandes'
// accumulation after one breadth-first search from each source (hops, depth ignored).
func dependencySums(adj [][]int, sources []int) []float64 {
	n := len(adj)
	sums := make([]float64, n)
	sigma := make([]float64, n) // shortest paths from s
	delta := make([]float64, n) // dependency of s
	dist := make([]int32, n)
	for i := range dist {
		dist[i] = -1
	}
	order := make([]int, 0, n) // nodes in the order reached: the queue, then the stack
	for _, s := range sources {
		dist[s], sigma[s] = 0, 1
		order = append(order[:0], s)
		for head := 0; head < len(order); head++ {
			v := order[head]
			for _, w := range adj[v] {
				if dist[w] < 0 {
					dist[w] = dist[v] + 1
					order = append(order, w)
				}
				if dist[w] == dist[v]+1 {
					sigma[w] += sigma[v]
				}
			}
		}
		for i := len(order) - 1; i > 0; i-- {
			w := order[i]
			coeff := (1 + delta[w]) / sigma[w]
			for _, v := range adj[w] {
				if dist[v] == dist[w]-1 {
					delta[v] += sigma[v] * coeff
				}
			}
			sums[w] += delta[w]
		}
		for _, v := range order { // reset only what this search touched
			dist[v], sigma[v], delta[v] = -1, 0, 0
		}
	}
	return sums
}
