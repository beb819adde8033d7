package app

import (
	"context"
	"fmt"

	"github.com/braid-org/braid/internal/bundle"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// networkContents reads the relationships among a coalition's organizations and their
// history.
func networkContents(ctx context.Context, tx *store.Tx, coalitionID string) (bundle.NetworkContents, error) {
	var n bundle.NetworkContents
	var err error
	if n.Relationships, err = tx.ListCoalitionRelationships(ctx, coalitionID); err != nil {
		return n, err
	}
	history, err := tx.ListCoalitionRelationshipHistory(ctx, coalitionID)
	for _, h := range history {
		n.RelationshipHistory = append(n.RelationshipHistory, bundle.RelationshipChange(h))
	}
	return n, err
}

// networkPlan is what an import writes of the bundle's relationships: declarations
// belong to their organizations, which may be shared with other coalitions here, so a
// declaration the deployment already holds (same id, or the same organization's account
// of the same other organization) is kept as it is, and so is its history.
type networkPlan struct {
	relationships []domain.Relationship
	history       []store.RelationshipChange
}

// checkNetwork plans the relationships to write and reports an id that names a
// declaration between other organizations here.
func (p *importPlan) checkNetwork(ctx context.Context, tx *store.Tx, v *domain.Validation) error {
	var ids, orgIDs []string
	for _, r := range p.Relationships {
		ids = append(ids, r.ID)
	}
	for _, o := range p.Organizations {
		orgIDs = append(orgIDs, o.ID)
	}
	byID, err := tx.ExistingIDs(ctx, "relationships", ids)
	if err != nil {
		return err
	}
	touching, err := tx.RelationshipsTouching(ctx, orgIDs)
	if err != nil {
		return err
	}
	pairs := map[[2]string]bool{}
	for _, r := range touching {
		pairs[[2]string{r.OrganizationID, r.OtherOrganizationID}] = true
	}
	kept := map[string]bool{}
	for i, r := range p.Relationships {
		if between, ok := byID[r.ID]; ok {
			if between != r.OrganizationID+" "+r.OtherOrganizationID {
				v.Add(fmt.Sprintf("/relationships/%d/id", i), "A relationship with this id exists here between other organizations.")
			}
			kept[r.ID] = true
			continue
		}
		if pairs[[2]string{r.OrganizationID, r.OtherOrganizationID}] {
			kept[r.ID] = true
			continue
		}
		p.network.relationships = append(p.network.relationships, r)
	}
	var historyIDs []string
	for _, h := range p.RelationshipHistory {
		historyIDs = append(historyIDs, h.RelationshipID)
	}
	recorded, err := tx.RelationshipsWithHistory(ctx, historyIDs)
	if err != nil {
		return err
	}
	for _, h := range p.RelationshipHistory {
		if !kept[h.RelationshipID] && !recorded[h.RelationshipID] {
			p.network.history = append(p.network.history, store.RelationshipChange(h))
		}
	}
	return nil
}
