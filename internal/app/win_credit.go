package app

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// winCredit is the equity dimension "credit": for each member organization, the sum over
// the wins dated in the period of its share of each win, a share being its weight over
// the win's total weight (so each win hands out exactly 1). A win's shares are computed
// over all its credited organizations, including any that have since left: a member's
// share does not grow because another organization left.
func winCredit(ctx context.Context, tx *store.Tx, coalitionID string, members []domain.Membership, from, to *time.Time) (map[string]float64, error) {
	wins, err := tx.ListWins(ctx, coalitionID, false)
	if err != nil {
		return nil, err
	}
	out := make(map[string]float64, len(members))
	for _, m := range members {
		out[m.OrganizationID] = 0
	}
	for _, w := range wins {
		if !dayInPeriod(w.Date, from, to) {
			continue
		}
		for org, share := range w.Share() {
			if _, ok := out[org]; ok {
				out[org] += share
			}
		}
	}
	return out, nil
}

// dayInPeriod reports whether a calendar day (YYYY-MM-DD) falls in [from, to], nil bounds
// open. The bounds are instants; a day counts when its date lies between theirs.
func dayInPeriod(day string, from, to *time.Time) bool {
	if from != nil && day < from.UTC().Format(time.DateOnly) {
		return false
	}
	if to != nil && day > to.UTC().Format(time.DateOnly) {
		return false
	}
	return true
}
