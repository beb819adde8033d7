package app

import (
	"cmp"
	"slices"

	"github.com/braid-org/braid/internal/domain"
)

// Tie is a declared relationship between two organizations with both sides' accounts
// merged: A is the organization with the smaller ID. Depth is the mean of the depths the
// sides gave (one side's depth when only one has spoken). Derived ties are never mixed in.
type Tie struct {
	A      string   `json:"a"`
	B      string   `json:"b"`
	AName  string   `json:"a_name"`
	BName  string   `json:"b_name"`
	Depth  float64  `json:"depth"`
	DepthA *int     `json:"depth_a" doc:"A's own depth; null when A has not given its account."`
	DepthB *int     `json:"depth_b" doc:"B's own depth; null when B has not given its account."`
	Kinds  []string `json:"kinds"`
	// Confirmed is true when both sides have given their account.
	Confirmed bool `json:"confirmed"`
}

// MergeTies merges declarations into ties, one per pair of organizations, ordered by
// the organizations' names.
func MergeTies(decls []domain.Relationship) []Tie {
	byPair := map[[2]string]*Tie{}
	var order [][2]string
	for _, r := range decls {
		a, b, aName, bName := r.OrganizationID, r.OtherOrganizationID, r.OrganizationName, r.OtherOrganizationName
		if b < a {
			a, b, aName, bName = b, a, bName, aName
		}
		key := [2]string{a, b}
		t := byPair[key]
		if t == nil {
			t = &Tie{A: a, B: b, AName: aName, BName: bName}
			byPair[key] = t
			order = append(order, key)
		}
		depth := r.Depth
		if r.OrganizationID == a {
			t.DepthA = &depth
		} else {
			t.DepthB = &depth
		}
		if !slices.Contains(t.Kinds, r.Kind) {
			t.Kinds = append(t.Kinds, r.Kind)
		}
	}
	out := make([]Tie, 0, len(order))
	for _, key := range order {
		t := byPair[key]
		switch {
		case t.DepthA != nil && t.DepthB != nil:
			t.Depth, t.Confirmed = float64(*t.DepthA+*t.DepthB)/2, true
		case t.DepthA != nil:
			t.Depth = float64(*t.DepthA)
		default:
			t.Depth = float64(*t.DepthB)
		}
		slices.Sort(t.Kinds)
		out = append(out, *t)
	}
	slices.SortFunc(out, func(x, y Tie) int {
		return cmp.Or(cmp.Compare(x.AName, y.AName), cmp.Compare(x.BName, y.BName), cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B))
	})
	return out
}

// DepthOfA is A's own depth, 0 when A has not given its account.
func (t Tie) DepthOfA() int { return derefInt(t.DepthA) }

// DepthOfB is B's own depth, 0 when B has not given its account.
func (t Tie) DepthOfB() int { return derefInt(t.DepthB) }

func derefInt(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}
