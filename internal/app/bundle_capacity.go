package app

import (
	"context"

	"github.com/braid-org/braid/internal/bundle"
	"github.com/braid-org/braid/internal/store"
)

// capacityContents reads a coalition's power map, asks and offers and skill needs.
func capacityContents(ctx context.Context, tx *store.Tx, coalitionID string) (bundle.CapacityContents, error) {
	var c bundle.CapacityContents
	var err error
	if c.Targets, err = tx.ListTargets(ctx, coalitionID); err != nil {
		return c, err
	}
	if c.AsksOffers, err = tx.ListAskOffers(ctx, coalitionID); err != nil {
		return c, err
	}
	c.SkillNeeds, err = tx.ListSkillNeeds(ctx, coalitionID)
	return c, err
}

// writeCapacity inserts a bundle's power map, asks and offers and skill needs.
func writeCapacity(ctx context.Context, tx *store.Tx, coalitionID string, c bundle.CapacityContents) error {
	if err := tx.InsertTargets(ctx, c.Targets); err != nil {
		return err
	}
	if err := tx.InsertAsksOffers(ctx, c.AsksOffers); err != nil {
		return err
	}
	return tx.SetSkillNeeds(ctx, coalitionID, c.SkillNeeds)
}

// capacityIDs adds the ids of the bundle's power map and asks and offers to ids.
func capacityIDs(b *bundle.Bundle, ids recordIDs) {
	for i, t := range b.Targets {
		ids.add("targets", t.ID, "/targets/%d/id", i)
		for j, a := range t.Assessments {
			ids.add("target_assessments", a.ID, "/targets/%d/assessments/%d/id", i, j)
		}
	}
	for i, a := range b.AsksOffers {
		ids.add("asks_offers", a.ID, "/asks_offers/%d/id", i)
		for j, r := range a.Responses {
			ids.add("ask_offer_responses", r.ID, "/asks_offers/%d/responses/%d/id", i, j)
		}
		if a.Help != nil {
			ids.add("help_records", a.Help.ID, "/asks_offers/%d/help/id", i)
		}
	}
}
