package network

import (
	"cmp"
	"slices"
)

// SiloMatrix crosses issue areas with issue areas. An organization that works on
// several areas counts in each of them: a tie between u and v counts once in every
// cell {x, y} such that u works on x and v on y (or the other way round), so one
// tie can count in several cells, and the cells do not sum to the number of ties.
// The diagonal cell {x, x} counts the ties within area x.
type SiloMatrix struct {
	Areas []string     `json:"areas"` // Every issue area named by an organization, in order.
	Cells [][]SiloCell `json:"cells"` // Cells[i][j] crosses Areas[i] with Areas[j]; symmetric.

	// Emptiest names the silos to bridge: the cells between two different areas
	// with the lowest density (ties per possible pair), then the most possible
	// pairs, then the lowest mean depth, then by area names; cells where no tie is
	// possible are left out. At most Options.Silos cells.
	Emptiest []SiloCell `json:"emptiest"`
}

// SiloCell is one cell of the silo matrix.
type SiloCell struct {
	A         string   `json:"a"`
	B         string   `json:"b"`
	Ties      int      `json:"ties"`       // Ties between an organization on A and one on B.
	MeanDepth *float64 `json:"mean_depth"` // Mean depth of those ties; nil without ties.

	// PossiblePairs counts the pairs of distinct organizations {u, v} with u on A
	// and v on B: |A|·|B| − |A∩B| − |A∩B|(|A∩B|−1)/2, which is |A|(|A|−1)/2 on the
	// diagonal. Density is Ties / PossiblePairs; nil when no pair is possible.
	PossiblePairs int      `json:"possible_pairs"`
	Density       *float64 `json:"density"`
}

// silos builds the silo matrix of e and names its k emptiest cells.
func silos(e *ecosystem, k int) SiloMatrix {
	areas, index := areaIndex(e.orgs)
	a := len(areas)
	overlap := make([][]int, a) // overlap[i][j]: organizations on both i and j.
	for i := range overlap {
		overlap[i] = make([]int, a)
	}
	for _, o := range e.orgs {
		for _, x := range o.IssueAreas {
			for _, y := range o.IssueAreas {
				overlap[index[x]][index[y]]++
			}
		}
	}
	ties, depth := cellTies(e, index)
	m := SiloMatrix{Areas: areas, Cells: make([][]SiloCell, a)}
	for i := range a {
		m.Cells[i] = make([]SiloCell, a)
		for j := range a {
			c := SiloCell{A: areas[i], B: areas[j], Ties: ties[i][j]}
			if c.Ties > 0 {
				c.MeanDepth = ptr(depth[i][j] / float64(c.Ties))
			}
			both := overlap[i][j]
			c.PossiblePairs = overlap[i][i]*overlap[j][j] - both - both*(both-1)/2
			if c.PossiblePairs > 0 {
				c.Density = ptr(float64(c.Ties) / float64(c.PossiblePairs))
			}
			m.Cells[i][j] = c
		}
	}
	m.Emptiest = emptiest(m.Cells, k)
	return m
}

// areaIndex lists the issue areas of orgs in order and numbers them.
func areaIndex(orgs []Organization) ([]string, map[string]int) {
	var areas []string
	for _, o := range orgs {
		areas = append(areas, o.IssueAreas...)
	}
	slices.Sort(areas)
	areas = slices.Compact(areas)
	index := make(map[string]int, len(areas))
	for i, x := range areas {
		index[x] = i
	}
	return areas, index
}

// cellTies returns, for every pair of areas, the number of ties counted in the cell
// and the sum of their depths. stamp[i][j] remembers the last tie counted in a cell,
// so that a tie whose ends share areas counts once per cell.
func cellTies(e *ecosystem, index map[string]int) (ties [][]int, depth [][]float64) {
	a := len(index)
	ties, depth = make([][]int, a), make([][]float64, a)
	stamp := make([][]int, a)
	for i := range a {
		ties[i], depth[i], stamp[i] = make([]int, a), make([]float64, a), make([]int, a)
	}
	for n, t := range e.ties {
		for _, x := range e.orgs[t.u].IssueAreas {
			for _, y := range e.orgs[t.v].IssueAreas {
				i, j := index[x], index[y]
				if stamp[i][j] == n+1 {
					continue
				}
				stamp[i][j], stamp[j][i] = n+1, n+1
				ties[i][j]++
				depth[i][j] += t.depth
				if i != j {
					ties[j][i]++
					depth[j][i] += t.depth
				}
			}
		}
	}
	return ties, depth
}

// emptiest returns the k emptiest cells above the diagonal (see SiloMatrix).
func emptiest(cells [][]SiloCell, k int) []SiloCell {
	var out []SiloCell
	for i := range cells {
		for j := i + 1; j < len(cells); j++ {
			if cells[i][j].PossiblePairs > 0 {
				out = append(out, cells[i][j])
			}
		}
	}
	slices.SortFunc(out, func(a, b SiloCell) int {
		return cmp.Or(
			cmp.Compare(*a.Density, *b.Density),
			cmp.Compare(b.PossiblePairs, a.PossiblePairs),
			cmp.Compare(deref(a.MeanDepth), deref(b.MeanDepth)),
			cmp.Compare(a.A, b.A),
			cmp.Compare(a.B, b.B),
		)
	})
	return out[:min(k, len(out))]
}

// deref returns *p, or 0 for nil.
func deref(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}
