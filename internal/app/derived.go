package app

import (
	"cmp"
	"context"
	"slices"

	"github.com/braid-org/braid/internal/store"
)

// Sources of derived ties: what two organizations did together, as the data shows it.
const (
	DerivedWorkstream = "workstream" // co-membership in a workstream
	DerivedWin        = "win"        // co-credit on a win
	DerivedSignOn     = "sign_on"    // co-signing a sign-on letter
	DerivedMeeting    = "meeting"    // attending the same meetings
)

// DerivedTie is a tie the coalition's records imply between two member organizations,
// from one source, with how many times it occurs (shared workstreams, wins, letters,
// meetings). Derived ties are shown apart from declared ones and never enter the
// figures: an organization's own account of a relationship and its traces in the data
// are different things.
type DerivedTie struct {
	A      string `json:"a"`
	B      string `json:"b"`
	AName  string `json:"a_name"`
	BName  string `json:"b_name"`
	Source string `json:"source" enum:"workstream,win,sign_on,meeting"`
	Count  int    `json:"count"`
}

// DerivedPair is one pair of organizations a source finds, with its count; A and B in
// any order.
type DerivedPair struct {
	A, B  string
	Count int
}

// derivedSource reads the pairs of one source among a coalition's records.
type derivedSource func(ctx context.Context, tx *store.Tx, coalitionID string) ([]DerivedPair, error)

// derivedSources is the seam through which features that record joint work feed the
// ecosystem: each adds its source here, in an init function of its own file, e.g.
//
//	func init() { derivedSources[DerivedWorkstream] = pairsFrom((*store.Tx).WorkstreamPairs) }
//
// A source that has not landed yet is simply absent; the page says which are counted.
var derivedSources = map[string]derivedSource{}

// DerivedSources lists the sources counted in this build, in order.
func DerivedSources() []string {
	var out []string
	for _, s := range []string{DerivedWorkstream, DerivedWin, DerivedSignOn, DerivedMeeting} {
		if derivedSources[s] != nil {
			out = append(out, s)
		}
	}
	return out
}

// derivedTies reads every source's pairs in a coalition.
func derivedTies(ctx context.Context, tx *store.Tx, coalitionID string) ([]DerivedTie, error) {
	var out []DerivedTie
	for _, source := range DerivedSources() {
		pairs, err := derivedSources[source](ctx, tx, coalitionID)
		if err != nil {
			return nil, err
		}
		for _, p := range pairs {
			if p.A == p.B || p.Count <= 0 {
				continue
			}
			out = append(out, DerivedTie{A: min(p.A, p.B), B: max(p.A, p.B), Source: source, Count: p.Count})
		}
	}
	return out, nil
}

// mergeDerived keeps the derived ties between organizations of the view, adds names,
// sums the counts of one pair and source found in several coalitions, and orders them
// by source, then names.
func mergeDerived(ties []DerivedTie, names map[string]string) []DerivedTie {
	sum := map[[3]string]int{}
	for _, t := range ties {
		if _, ok := names[t.A]; !ok {
			continue
		}
		if _, ok := names[t.B]; !ok {
			continue
		}
		sum[[3]string{t.Source, t.A, t.B}] += t.Count
	}
	out := make([]DerivedTie, 0, len(sum))
	for k, n := range sum {
		out = append(out, DerivedTie{Source: k[0], A: k[1], B: k[2], AName: names[k[1]], BName: names[k[2]], Count: n})
	}
	slices.SortFunc(out, func(x, y DerivedTie) int {
		return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.AName, y.AName), cmp.Compare(x.BName, y.BName), cmp.Compare(x.A+x.B, y.A+y.B))
	})
	return out
}
