package app

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// tasksLed counts, per member organization, the tasks it owns that were marked done
// within the period.
func tasksLed(ctx context.Context, tx *store.Tx, coalitionID string, members []domain.Membership, from, to *time.Time) (map[string]float64, error) {
	counts, err := tx.CountTasksDone(ctx, coalitionID, from, to)
	return perMember(members, counts), err
}

// meetingsAttended counts, per member organization, the meetings and events starting
// within the period at which it has at least one attendance record.
func meetingsAttended(ctx context.Context, tx *store.Tx, coalitionID string, members []domain.Membership, from, to *time.Time) (map[string]float64, error) {
	counts, err := tx.CountMeetingsAttended(ctx, coalitionID, from, to)
	return perMember(members, counts), err
}

// perMember keeps the counts of the period's members, 0 for those with none.
func perMember(members []domain.Membership, counts map[string]int) map[string]float64 {
	out := make(map[string]float64, len(members))
	for _, m := range members {
		out[m.OrganizationID] = float64(counts[m.OrganizationID])
	}
	return out
}
