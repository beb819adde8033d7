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
