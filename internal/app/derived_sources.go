package app

import (
	"context"

	"github.com/braid-org/braid/internal/store"
)

// The derived-tie sources whose records have landed. Workstreams, sign-on letters and
// meetings add theirs the same way when they exist.
func init() {
	derivedSources[DerivedWin] = pairsFrom((*store.Tx).WinCoCreditPairs)
}

// pairsFrom adapts a store query of pair counts to a derived source.
func pairsFrom(q func(*store.Tx, context.Context, string) ([]store.PairCount, error)) derivedSource {
	return func(ctx context.Context, tx *store.Tx, coalitionID string) ([]DerivedPair, error) {
		pairs, err := q(tx, ctx, coalitionID)
		out := make([]DerivedPair, len(pairs))
		for i, p := range pairs {
			out[i] = DerivedPair{A: p.A, B: p.B, Count: p.Count}
		}
		return out, err
	}
}
