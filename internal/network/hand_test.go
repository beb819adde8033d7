package network

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// want holds the hand-worked figures of one organization:
// degree, degree centrality, betweenness, eigenvector, clustering.
type want struct{ deg, degC, btw, eig, clu float64 }

// handCase is a small ecosystem with every figure worked out by hand.
type handCase struct {
	name          string
	orgs          []Organization
	ties          []Tie
	meanDepth     float64
	density       float64
	components    [][]string
	largestShare  float64
	avgClustering float64
	byOrg         map[string]want
	communities   [][]string
	modularity    float64
	bridges       []Bridge
}

// handCases returns the path, the star, the triangle with a pendant and the two
// components. Betweenness is normalised by the (n−1)(n−2)/2 pairs without the node;
// modularity is Q = Σ_c [L_c/m − (d_c/2m)²] with L_c the depth inside community c,
// d_c the depth at its members' ends and m the total depth.
func handCases() []handCase {
	// Path a–b–c–d: the eigenvector of a path of 4 has entries sin(jπ/5), λ = 2cos(π/5);
	// normalised, a = d = √((5−√5)/20) ≈ 0.3717 and b = c = √((5+√5)/20) ≈ 0.6015.
	pe, pc := math.Sqrt((5-math.Sqrt(5))/20), math.Sqrt((5+math.Sqrt(5))/20)
	// Triangle a, b, c with d hanging from c: by symmetry x_a = x_b = p, x_c = q, x_d = r;
	// λp = p + q, λq = 2p + r, λr = q give λ³ − λ² − 3λ + 1 = 0, so λ ≈ 2.170086 and
	// (p, q, r) ∝ (1, λ−1, (λ−1)/λ) ≈ (0.5227, 0.6116, 0.2818) once normalised.
	l := pawRadius()
	p, q, r := 1.0, l-1, (l-1)/l
	norm := math.Sqrt(2*p*p + q*q + r*r)
	p, q, r = p/norm, q/norm, r/norm
	return []handCase{{
		name: "path",
		orgs: ids("a", "b", "c", "d"),
		ties: []Tie{{"a", "b", 1}, {"c", "b", 2}, {"c", "d", 3}},
		// Mean depth (1+2+3)/3 = 2; density 2·3 / (4·3) = 0.5; no triangles.
		meanDepth: 2, density: 0.5, components: [][]string{{"a", "b", "c", "d"}}, largestShare: 1,
		// b lies on a–c and a–d, c on a–d and b–d: 2 of the 3·2/2 = 3 pairs each.
		byOrg: map[string]want{
			"a": {1, 1.0 / 3, 0, pe, 0}, "b": {2, 2.0 / 3, 2.0 / 3, pc, 0},
			"c": {2, 2.0 / 3, 2.0 / 3, pc, 0}, "d": {1, 1.0 / 3, 0, pe, 0},
		},
		// m = 6, strengths a 1, b 3, c 5, d 3. {a,b},{c,d}: 1/6 − (4/12)² + 3/6 − (8/12)²
		// = 1/9, the best split ({a,b,c},{d} gives −1/8; one community gives 0).
		communities: [][]string{{"a", "b"}, {"c", "d"}}, modularity: 1.0 / 9,
		bridges: []Bridge{{"b", 2.0 / 3}, {"c", 2.0 / 3}},
	}, {
		name: "star",
		orgs: ids("h", "l1", "l2", "l3", "l4"),
		ties: []Tie{{"h", "l1", 1}, {"l2", "h", 2}, {"h", "l3", 3}, {"h", "l4", 4}},
		// Mean (1+2+3+4)/4 = 2.5; density 2·4 / (5·4) = 0.4; no triangles.
		meanDepth: 2.5, density: 0.4, components: [][]string{{"h", "l1", "l2", "l3", "l4"}}, largestShare: 1,
		// The hub lies on all 4·3/2 = 6 leaf pairs: 6/6 = 1. λ = √4 = 2; the hub has
		// 1/√2, each leaf 1/√(2·4).
		byOrg: map[string]want{
			"h":  {4, 1, 1, 1 / math.Sqrt2, 0},
			"l1": {1, 0.25, 0, 1 / math.Sqrt(8), 0}, "l2": {1, 0.25, 0, 1 / math.Sqrt(8), 0},
			"l3": {1, 0.25, 0, 1 / math.Sqrt(8), 0}, "l4": {1, 0.25, 0, 1 / math.Sqrt(8), 0},
		},
		// A star has no split with positive modularity: m = 10, {h,l4} alone already
		// gives 4/10 − (14/20)² = −0.09. One community: 10/10 − (20/20)² = 0.
		communities: [][]string{{"h", "l1", "l2", "l3", "l4"}}, modularity: 0,
		bridges: []Bridge{{"h", 1}},
	}, {
		name: "triangle with pendant",
		orgs: ids("a", "b", "c", "d"),
		ties: []Tie{{"a", "b", 5}, {"a", "c", 4}, {"b", "c", 3}, {"c", "d", 1}},
		// Mean 13/4 = 3.25; density 2·4 / (4·3) = 2/3. Clustering: a and b 1 (their two
		// partners are tied); c has 1 tied pair (a,b) of 3: 1/3; d 0. Mean (1+1+1/3)/4 = 7/12.
		meanDepth: 3.25, density: 2.0 / 3, components: [][]string{{"a", "b", "c", "d"}}, largestShare: 1,
		avgClustering: 7.0 / 12,
		// c lies on a–d and b–d: 2 of 3 pairs.
		byOrg: map[string]want{
			"a": {2, 2.0 / 3, 0, p, 1}, "b": {2, 2.0 / 3, 0, p, 1},
			"c": {3, 1, 2.0 / 3, q, 1.0 / 3}, "d": {1, 1.0 / 3, 0, r, 0},
		},
		// m = 13, strengths a 9, b 8, c 8, d 1. {a,b,c},{d}: 12/13 − (25/26)² − (1/26)² < 0;
		// {a,b},{c,d}: 5/13 − (17/26)² + 1/13 − (9/26)² < 0; one community: 0.
		communities: [][]string{{"a", "b", "c", "d"}}, modularity: 0,
		bridges: []Bridge{{"c", 2.0 / 3}},
	}, {
		name: "two components",
		orgs: ids("a", "b", "c", "d", "e"),
		ties: []Tie{{"a", "b", 2}, {"b", "c", 2}, {"c", "a", 2}, {"e", "d", 4}},
		// Mean (2+2+2+4)/4 = 2.5; density 2·4 / (5·4) = 0.4; largest 3/5. Clustering 1 in
		// the triangle, 0 in the pair: 3/5. No node lies between two others.
		meanDepth: 2.5, density: 0.4, components: [][]string{{"a", "b", "c"}, {"d", "e"}}, largestShare: 0.6,
		avgClustering: 0.6,
		// (A+I) multiplies the triangle's part by 3 and the pair's by 2 each step, so the
		// pair's share shrinks as (2/3)^k to 0 and the triangle keeps 1/√3 each.
		byOrg: map[string]want{
			"a": {2, 0.5, 0, 1 / math.Sqrt(3), 1}, "b": {2, 0.5, 0, 1 / math.Sqrt(3), 1},
			"c": {2, 0.5, 0, 1 / math.Sqrt(3), 1}, "d": {1, 0.25, 0, 0, 0}, "e": {1, 0.25, 0, 0, 0},
		},
		// m = 10: triangle 6/10 − (12/20)² = 0.24, pair 4/10 − (8/20)² = 0.24; Q = 0.48.
		communities: [][]string{{"a", "b", "c"}, {"d", "e"}}, modularity: 0.48,
	}}
}

// pawRadius returns the largest root of λ³ − λ² − 3λ + 1 by Newton's method from 2.
func pawRadius() float64 {
	l := 2.0
	for range 50 {
		l -= (l*l*l - l*l - 3*l + 1) / (3*l*l - 2*l - 3)
	}
	return l
}

func TestHandComputed(t *testing.T) {
	for _, c := range handCases() {
		t.Run(c.name, func(t *testing.T) {
			f, err := Compute(c.orgs, c.ties, Options{})
			if err != nil {
				t.Fatalf("Compute: %v", err)
			}
			checkHand(t, c, f)
		})
	}
}

// checkHand compares every figure of f with the hand-worked case c.
func checkHand(t *testing.T, c handCase, f *Figures) {
	t.Helper()
	if f.Organizations != len(c.orgs) || f.Ties != len(c.ties) {
		t.Errorf("counts = %d organizations, %d ties; want %d, %d", f.Organizations, f.Ties, len(c.orgs), len(c.ties))
	}
	nearPtr(t, "mean depth", f.MeanDepth, c.meanDepth)
	near(t, "density", f.Density, c.density)
	nearPtr(t, "largest component share", f.LargestComponentShare, c.largestShare)
	nearPtr(t, "average clustering", f.AverageClustering, c.avgClustering)
	nearPtr(t, "modularity", f.Modularity, c.modularity)
	if diff := cmp.Diff(c.components, memberLists(f.Components)); diff != "" {
		t.Errorf("components (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(c.communities, communityLists(f.Communities)); diff != "" {
		t.Errorf("communities (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(c.bridges, f.Bridges, approx); diff != "" {
		t.Errorf("bridges (-want +got):\n%s", diff)
	}
	if !f.EigenvectorConverged {
		t.Error("eigenvector iteration did not converge")
	}
	for _, o := range f.ByOrganization {
		w := c.byOrg[o.ID]
		got := want{float64(o.Degree), o.DegreeCentrality, o.Betweenness, o.Eigenvector, o.Clustering}
		if diff := cmp.Diff(w, got, cmp.AllowUnexported(want{}), approx); diff != "" {
			t.Errorf("%s: (deg, degC, btw, eig, clu) (-want +got):\n%s", o.ID, diff)
		}
		if got, want := f.Components[o.Component].Members, c.components; !contains(got, o.ID) {
			t.Errorf("%s: component %v does not list it (want one of %v)", o.ID, got, want)
		}
	}
}
