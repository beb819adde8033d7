package app

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// proposalsAuthored counts the proposals each member organization put forward (opened
// in the period, by a representative speaking for it). Drafts never opened do not count.
func proposalsAuthored(ctx context.Context, tx *store.Tx, coalitionID string, members []domain.Membership, from, to *time.Time) (map[string]float64, error) {
	counts, err := tx.ProposalsAuthoredByOrganization(ctx, coalitionID, from, to)
	return perMember(members, counts), err
}

// stancesTaken counts the stances each member organization took on proposals opened in
// the period (a changed stance is still one stance).
func stancesTaken(ctx context.Context, tx *store.Tx, coalitionID string, members []domain.Membership, from, to *time.Time) (map[string]float64, error) {
	counts, err := tx.StancesByOrganization(ctx, coalitionID, from, to)
	return perMember(members, counts), err
}
