package network

import (
	"math"
	"testing"
)

// disconnectedCases are the disconnected ecosystems whose eigenvector centrality
// TestEigenvectorDisconnected works out; TestAgainstNetworkX checks them too.
func disconnectedCases() map[string]struct {
	orgs []Organization
	ties []Tie
	want map[string]float64
} {
	third := 1 / math.Sqrt(6)
	return map[string]struct {
		orgs []Organization
		ties []Tie
		want map[string]float64
	}{
		// Two triangles tie for the largest radius (2): the uniform start vector stays
		// a fixed point of A + I, so every organization keeps 1/√6.
		"two triangles": {ids("a", "b", "c", "d", "e", "f"),
			[]Tie{{"a", "b", 1}, {"b", "c", 1}, {"a", "c", 1}, {"d", "e", 5}, {"e", "f", 5}, {"d", "f", 5}},
			map[string]float64{"a": third, "b": third, "c": third, "d": third, "e": third, "f": third}},
		// A triangle and an organization without ties: each step multiplies the
		// triangle's part by 3 and the loner's by 1, so the loner's share shrinks as
		// 3^−k; the triangle keeps 1/√3 each.
		"triangle and loner": {ids("a", "b", "c", "z"),
			[]Tie{{"a", "b", 1}, {"b", "c", 1}, {"a", "c", 1}},
			map[string]float64{"a": 1 / math.Sqrt(3), "b": 1 / math.Sqrt(3), "c": 1 / math.Sqrt(3), "z": 0}},
		// No ties at all: A + I = I keeps the uniform vector, 1/√3 each, as NetworkX does.
		"no ties": {ids("a", "b", "c"), nil,
			map[string]float64{"a": 1 / math.Sqrt(3), "b": 1 / math.Sqrt(3), "c": 1 / math.Sqrt(3)}},
	}
}

func TestEigenvectorDisconnected(t *testing.T) {
	for name, c := range disconnectedCases() {
		f, err := Compute(c.orgs, c.ties, Options{})
		if err != nil {
			t.Fatalf("%s: Compute: %v", name, err)
		}
		if !f.EigenvectorConverged {
			t.Errorf("%s: did not converge", name)
		}
		for _, o := range f.ByOrganization {
			near(t, name+" "+o.ID, o.Eigenvector, c.want[o.ID])
		}
	}
}
