package app

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

func organizationFields(o *domain.Organization) map[string]any {
	return map[string]any{"name": o.Name, "kind": o.Kind, "mission": o.Mission, "website": o.Website,
		"geographies": o.Geographies, "issue_areas": o.IssueAreas, "skills": o.Skills, "languages": o.Languages,
		"budget_band": o.BudgetBand, "staff_size": o.StaffSize, "bipoc_led": o.BipocLed, "identity": o.Identity,
		"visibility": o.Visibility}
}

// Organization returns an organization the actor may see: one they represent, one that
// shares a coalition with them, or any for an admin. Others are ENOTFOUND.
func (a *App) Organization(ctx context.Context, actor Actor, id string) (*domain.Organization, bool, error) {
	var org *domain.Organization
	var canEdit bool
	err := a.read(ctx, func(tx *store.Tx) error {
		var err error
		if org, err = tx.FindOrganization(ctx, id); err != nil {
			return err
		}
		if canEdit, err = canActForOrganization(ctx, tx, actor, id); err != nil || canEdit {
			return err
		}
		if actor != nil {
			shared, err := tx.SharesCoalition(ctx, actor.ID, id)
			if err != nil || shared {
				return err
			}
		}
		return domain.NotFound("Organization")
	})
	if err != nil {
		return nil, false, err
	}
	return org, canEdit, nil
}

// MyOrganizations returns the organizations the actor represents.
func (a *App) MyOrganizations(ctx context.Context, actor Actor) ([]domain.Organization, error) {
	if actor == nil {
		return nil, domain.Errorf(domain.EUNAUTHORIZED, "Sign in to continue.")
	}
	var out []domain.Organization
	err := a.read(ctx, func(tx *store.Tx) error {
		var err error
		out, err = tx.ListOrganizationsOfUser(ctx, actor.ID)
		return err
	})
	return out, err
}

// UpdateOrganization saves a profile if the actor represents the organization and the
// stored version is still expectVersion (EPRECONDITION otherwise; nothing is written).
// The change is written to the audit log of every coalition the organization belongs to.
func (a *App) UpdateOrganization(ctx context.Context, actor Actor, o domain.Organization, expectVersion int) (*domain.Organization, error) {
	o.Normalize()
	if err := o.Validate(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		before, err := tx.FindOrganization(ctx, o.ID)
		if err != nil {
			return err
		}
		ok, err := canActForOrganization(ctx, tx, actor, o.ID)
		if err != nil {
			return err
		} else if !ok {
			shared, err := tx.SharesCoalition(ctx, actorID(actor), o.ID)
			if err != nil {
				return err
			}
			if shared {
				return domain.Errorf(domain.EFORBIDDEN, "Only the organization's representatives can change its profile.")
			}
			return domain.NotFound("Organization")
		}
		o.CreatedAt = before.CreatedAt
		if err := tx.UpdateOrganization(ctx, &o, expectVersion); err != nil {
			return err
		}
		changes := diff(organizationFields(before), organizationFields(&o))
		coalitions, err := tx.CoalitionIDsOfOrganization(ctx, o.ID)
		if err != nil {
			return err
		}
		for _, cid := range coalitions {
			if err := tx.Audit(ctx, cid, actor.ID, "organization.update", "organization", o.ID, changes); err != nil {
				return err
			}
		}
		if len(coalitions) == 0 {
			return tx.Audit(ctx, "", actor.ID, "organization.update", "organization", o.ID, changes)
		}
		return nil
	})
	return &o, err
}
