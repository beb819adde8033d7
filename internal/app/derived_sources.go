package app

import (
	"context"

	"github.com/braid-org/braid/internal/store"
)

// The derived-tie sources: shared workstreams, co-credit on wins, co-signed letters and
// shared meetings.
func init() {
	derivedSources[DerivedWorkstream] = pairsFrom((*store.Tx).WorkstreamPairs)
	derivedSources[DerivedWin] = pairsFrom((*store.Tx).WinCoCreditPairs)
	derivedSources[DerivedSignOn] = pairsFrom((*store.Tx).SignOnPairs)
	derivedSources[DerivedMeeting] = pairsFrom((*store.Tx).MeetingPairs)
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
