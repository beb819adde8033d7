package app

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// RelationshipChange is what the recording side may change of its declaration.
type RelationshipChange struct {
	Kind  string `json:"kind"`
	Depth int    `json:"depth"`
	Since string `json:"since"`
	Note  string `json:"note"`
}

func relationshipFields(r *domain.Relationship) map[string]any {
	return map[string]any{"organization_id": r.OrganizationID, "other_organization_id": r.OtherOrganizationID,
		"kind": r.Kind, "depth": r.Depth, "since": r.Since, "note": r.Note}
}

// Relationships returns the declarations among a coalition's current member
// organizations (each side's own account), by organization names.
func (a *App) Relationships(ctx context.Context, actor Actor, coalitionID string) ([]domain.Relationship, error) {
	var out []domain.Relationship
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		out, err = tx.ListRelationshipsAmong(ctx, p.Coalition.ID)
		return err
	})
	return out, err
}

// RecordRelationship records an organization's account of its relationship with another
// member of the coalition. The actor must represent the recording organization (or be an
// admin): EFORBIDDEN otherwise. ENOTFOUND when either organization is not a current member;
// EINVALID for a tie to itself, an unknown kind, a depth outside 1–5; ECONFLICT when the
// organization has already recorded one with the other (change it instead).
func (a *App) RecordRelationship(ctx context.Context, actor Actor, coalitionID string, r domain.Relationship) (*domain.Relationship, error) {
	r.Normalize()
	if err := r.Validate(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if err := requireMembers(ctx, tx, p.Coalition.ID, r.OrganizationID, r.OtherOrganizationID); err != nil {
			return err
		}
		if err := requireRepresentative(ctx, tx, actor, r.OrganizationID); err != nil {
			return err
		}
		r.RecordedBy = actor.ID
		if err := tx.CreateRelationship(ctx, &r); err != nil {
			return err
		}
		if err := fillNames(ctx, tx, &r); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "relationship.create", "relationship", r.ID, relationshipFields(&r))
	})
	return &r, err
}

// UpdateRelationship changes a declaration; only the recording side's representatives
// may. EPRECONDITION when it changed since expectVersion.
func (a *App) UpdateRelationship(ctx context.Context, actor Actor, coalitionID, id string, ch RelationshipChange, expectVersion int) (*domain.Relationship, error) {
	var r *domain.Relationship
	err := a.write(ctx, func(tx *store.Tx) error {
		p, before, err := visibleRelationship(ctx, tx, actor, coalitionID, id)
		if err != nil {
			return err
		}
		if err := requireRepresentative(ctx, tx, actor, before.OrganizationID); err != nil {
			return err
		}
		after := *before
		after.Kind, after.Depth, after.Since, after.Note, after.RecordedBy = ch.Kind, ch.Depth, ch.Since, ch.Note, actor.ID
		after.Normalize()
		if err := after.Validate(); err != nil {
			return err
		}
		if err := tx.UpdateRelationship(ctx, &after, expectVersion); err != nil {
			return err
		}
		r = &after
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "relationship.update", "relationship", id,
			diff(relationshipFields(before), relationshipFields(&after)))
	})
	return r, err
}

// DeleteRelationship withdraws a declaration; only the recording side's representatives
// may. Its history stays, so the ecosystem as it was before still shows it.
func (a *App) DeleteRelationship(ctx context.Context, actor Actor, coalitionID, id string) error {
	return a.write(ctx, func(tx *store.Tx) error {
		p, r, err := visibleRelationship(ctx, tx, actor, coalitionID, id)
		if err != nil {
			return err
		}
		if err := requireRepresentative(ctx, tx, actor, r.OrganizationID); err != nil {
			return err
		}
		if err := tx.DeleteRelationship(ctx, r); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "relationship.delete", "relationship", id, relationshipFields(r))
	})
}

// ConfirmRelationship records the other side's account of a declaration: same kind and
// since, and the depth it gives (0: the same depth). Only the other organization's
// representatives may. ECONFLICT when that side has already given its account.
func (a *App) ConfirmRelationship(ctx context.Context, actor Actor, coalitionID, id string, depth int) (*domain.Relationship, error) {
	var mine domain.Relationship
	err := a.write(ctx, func(tx *store.Tx) error {
		p, theirs, err := visibleRelationship(ctx, tx, actor, coalitionID, id)
		if err != nil {
			return err
		}
		if err := requireRepresentative(ctx, tx, actor, theirs.OtherOrganizationID); err != nil {
			return err
		}
		if depth == 0 {
			depth = theirs.Depth
		}
		mine = domain.Relationship{OrganizationID: theirs.OtherOrganizationID, OtherOrganizationID: theirs.OrganizationID,
			Kind: theirs.Kind, Depth: depth, Since: theirs.Since, RecordedBy: actor.ID}
		if err := mine.Validate(); err != nil {
			return err
		}
		if err := tx.CreateRelationship(ctx, &mine); err != nil {
			return err
		}
		if err := fillNames(ctx, tx, &mine); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "relationship.confirm", "relationship", mine.ID, relationshipFields(&mine))
	})
	return &mine, err
}

// visibleRelationship authorizes the actor to view the coalition and finds a declaration
// between two of its current members (ENOTFOUND otherwise, also for another coalition's).
func visibleRelationship(ctx context.Context, tx *store.Tx, actor Actor, coalitionID, id string) (Permission, *domain.Relationship, error) {
	p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
	if err != nil {
		return p, nil, err
	}
	r, err := tx.FindRelationship(ctx, id)
	if err != nil {
		return p, nil, err
	}
	if err := requireMembers(ctx, tx, p.Coalition.ID, r.OrganizationID, r.OtherOrganizationID); err != nil {
		return p, nil, domain.NotFound("Relationship")
	}
	return p, r, nil
}

// requireMembers returns ENOTFOUND unless every organization is a current member.
func requireMembers(ctx context.Context, tx *store.Tx, coalitionID string, orgIDs ...string) error {
	for _, id := range orgIDs {
		m, err := tx.FindMembershipOfOrganization(ctx, coalitionID, id)
		if domain.ErrorCode(err) == domain.ENOTFOUND || (err == nil && !m.Counts()) {
			return domain.NotFound("Organization")
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func requireRepresentative(ctx context.Context, tx *store.Tx, actor Actor, orgID string) error {
	ok, err := canActForOrganization(ctx, tx, actor, orgID)
	if err != nil {
		return err
	}
	if !ok {
		return domain.Errorf(domain.EFORBIDDEN, "Only the organization's representatives can record its relationships.")
	}
	return nil
}

func fillNames(ctx context.Context, tx *store.Tx, r *domain.Relationship) error {
	full, err := tx.FindRelationship(ctx, r.ID)
	if err != nil {
		return err
	}
	*r = *full
	return nil
}
