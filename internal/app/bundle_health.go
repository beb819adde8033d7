package app

import (
	"context"

	"github.com/braid-org/braid/internal/bundle"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// ExportOptions chooses what an export holds beyond the default.
type ExportOptions struct {
	// Health adds closed check-ins (anonymous responses only) and tensions. Only a
	// coordinator exports, and only when asking for it.
	Health bool
}

// healthContents reads a coalition's closed check-ins with their responses and the
// tensions with their history that the exporting coordinator may see: an export never
// reveals a tension its exporter could not open (a tension between other parties stays
// with its facilitators).
func healthContents(ctx context.Context, tx *store.Tx, actor Actor, coalitionID string) (bundle.HealthContents, error) {
	c := bundle.HealthContents{Responses: map[string][]domain.CheckInResponse{}}
	all, err := tx.ListCheckIns(ctx, coalitionID)
	if err != nil {
		return c, err
	}
	for _, ci := range all {
		if ci.ClosedAt == nil {
			continue
		}
		c.CheckIns = append(c.CheckIns, ci)
		if c.Responses[ci.ID], err = tx.ListResponses(ctx, ci.ID); err != nil {
			return c, err
		}
	}
	tensions, err := tx.ListCoalitionTensions(ctx, coalitionID)
	if err != nil {
		return c, err
	}
	p, reps, err := tensionScope(ctx, tx, actor, coalitionID)
	if err != nil {
		return c, err
	}
	for _, t := range tensions {
		if tensionAccess(p, actor.ID, reps, &t).See {
			c.Tensions = append(c.Tensions, t)
		}
	}
	return c, nil
}

// writeHealth inserts a bundle's check-ins and tensions; the importer becomes
// responsible for the tensions (recorded as having raised them), so an import without an
// importer refuses a bundle that holds any.
func writeHealth(ctx context.Context, tx *store.Tx, importer Actor, c bundle.HealthContents) error {
	if err := tx.InsertCheckIns(ctx, c.CheckIns, c.Responses); err != nil {
		return err
	}
	if len(c.Tensions) == 0 {
		return nil
	}
	if importer == nil {
		return domain.Errorf(domain.EINVALID, "This bundle holds tensions: import it as a coordinator (through the API), who becomes responsible for them.")
	}
	return tx.InsertTensions(ctx, c.Tensions, importer.ID)
}

// healthIDs adds the ids of the bundle's check-ins and tensions to ids.
func healthIDs(b *bundle.Bundle, ids recordIDs) {
	for i, c := range b.CheckIns {
		ids.add("checkins", c.ID, "/check_ins/%d/id", i)
	}
	for i, t := range b.Tensions {
		ids.add("tensions", t.ID, "/tensions/%d/id", i)
		for j, e := range t.Entries {
			ids.add("tension_entries", e.ID, "/tensions/%d/entries/%d/id", i, j)
		}
	}
}
