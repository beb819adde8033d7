package app

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// PrincipleText is the text of a new principle or revision.
type PrincipleText struct {
	Title string `json:"title"`
	Body  string `json:"body"`
}

// Principles returns a coalition's principles with every version, and its adoptions.
func (a *App) Principles(ctx context.Context, actor Actor, coalitionID string) ([]domain.Principle, []domain.Adoption, error) {
	var ps []domain.Principle
	var ads []domain.Adoption
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if ps, err = tx.ListPrinciples(ctx, p.Coalition.ID); err != nil {
			return err
		}
		ads, err = tx.ListAdoptions(ctx, p.Coalition.ID)
		return err
	})
	return ps, ads, err
}

// CreatePrinciple adds a principle with its first version.
func (a *App) CreatePrinciple(ctx context.Context, actor Actor, coalitionID string, text PrincipleText) (*domain.Principle, error) {
	v := domain.PrincipleVersion{Title: text.Title, Body: text.Body}
	if err := v.Validate(); err != nil {
		return nil, err
	}
	var pr domain.Principle
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManagePrinciples)
		if err != nil {
			return err
		}
		pr.CoalitionID = p.Coalition.ID
		if err := tx.CreatePrinciple(ctx, &pr); err != nil {
			return err
		}
		v.PrincipleID, v.CreatedBy = pr.ID, actor.ID
		if err := tx.AddPrincipleVersion(ctx, &v); err != nil {
			return err
		}
		pr.Current, pr.Versions = v, []domain.PrincipleVersion{v}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "principle.create", "principle", pr.ID, map[string]any{"title": v.Title, "body": v.Body, "version": v.Version})
	})
	return &pr, err
}

// RevisePrinciple adds a new version of a principle. Earlier versions, and adoptions of
// them, stay as they were.
func (a *App) RevisePrinciple(ctx context.Context, actor Actor, coalitionID, principleID string, text PrincipleText) (*domain.PrincipleVersion, error) {
	v := domain.PrincipleVersion{Title: text.Title, Body: text.Body, PrincipleID: principleID}
	if err := v.Validate(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManagePrinciples)
		if err != nil {
			return err
		}
		ps, err := tx.ListPrinciples(ctx, p.Coalition.ID)
		if err != nil {
			return err
		}
		var prev *domain.PrincipleVersion
		for i := range ps {
			if ps[i].ID == principleID {
				prev = &ps[i].Current
			}
		}
		if prev == nil {
			return domain.NotFound("Principle")
		}
		v.CreatedBy = actor.ID
		if err := tx.AddPrincipleVersion(ctx, &v); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "principle.revise", "principle", principleID, map[string]any{
			"version": Change{prev.Version, v.Version}, "title": Change{prev.Title, v.Title}, "body": Change{prev.Body, v.Body}})
	})
	return &v, err
}

// Adopt records that a membership adopts one version of a principle. The actor must
// represent the member organization (or be an admin). Adopting the same version twice is
// ECONFLICT.
func (a *App) Adopt(ctx context.Context, actor Actor, coalitionID, membershipID, versionID string) (*domain.Adoption, error) {
	var ad domain.Adoption
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		m, err := tx.FindMembership(ctx, p.Coalition.ID, membershipID)
		if err != nil {
			return err
		}
		if !m.Counts() {
			return domain.Errorf(domain.ECONFLICT, "This organization has left the coalition, so it cannot adopt principles.")
		}
		if ok, err := canActForOrganization(ctx, tx, actor, m.OrganizationID); err != nil {
			return err
		} else if !ok {
			return domain.Errorf(domain.EFORBIDDEN, "Only the organization's representatives can adopt principles for it.")
		}
		v, err := tx.FindPrincipleVersion(ctx, p.Coalition.ID, versionID)
		if err != nil {
			return err
		}
		ad = domain.Adoption{MembershipID: m.ID, PrincipleVersionID: v.ID, AdoptedBy: actor.ID}
		if err := tx.CreateAdoption(ctx, &ad); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "principle.adopt", "adoption", ad.ID,
			map[string]any{"membership_id": m.ID, "principle_id": v.PrincipleID, "version": v.Version, "title": v.Title})
	})
	return &ad, err
}

// MyMemberships returns the memberships in a coalition of organizations the actor
// represents, so a page can offer to adopt on their behalf.
func (a *App) MyMemberships(ctx context.Context, actor Actor, coalitionID string) ([]domain.Membership, error) {
	var out []domain.Membership
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		orgs, err := tx.ListOrganizationsOfUser(ctx, actor.ID)
		if err != nil {
			return err
		}
		for _, o := range orgs {
			m, err := tx.FindMembershipOfOrganization(ctx, p.Coalition.ID, o.ID)
			if domain.ErrorCode(err) == domain.ENOTFOUND {
				continue
			} else if err != nil {
				return err
			}
			org := o
			m.Organization = &org
			out = append(out, *m)
		}
		return nil
	})
	return out, err
}
