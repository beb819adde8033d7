package app

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// PowerMap returns a coalition's targets with their assessments and members' access.
func (a *App) PowerMap(ctx context.Context, actor Actor, coalitionID string) ([]domain.Target, error) {
	var out []domain.Target
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		out, err = tx.ListTargets(ctx, p.Coalition.ID)
		return err
	})
	return out, err
}

// CreateTarget adds a target with its first assessment (EINVALID for a stance outside
// −2..2, an influence outside 1–5, a missing date or name; EFORBIDDEN for observers).
func (a *App) CreateTarget(ctx context.Context, actor Actor, coalitionID string, t domain.Target, first domain.TargetAssessment) (*domain.Target, error) {
	t.Normalize()
	err := t.Validate()
	if ferr := first.Validate(); ferr != nil {
		err = mergeValidation(err, ferr)
	}
	if err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManagePowerMap)
		if err != nil {
			return err
		}
		t.CoalitionID = p.Coalition.ID
		if err := tx.CreateTarget(ctx, &t); err != nil {
			return err
		}
		first.TargetID, first.RecordedBy = t.ID, actor.ID
		if err := tx.AddTargetAssessment(ctx, &first); err != nil {
			return err
		}
		t.Assessments, t.Access = []domain.TargetAssessment{first}, []domain.TargetAccess{}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "target.create", "target", t.ID, map[string]any{"name": t.Name, "kind": t.Kind,
			"campaign": t.Campaign, "influence": first.Influence, "stance": first.Stance, "assessed_on": first.AssessedOn})
	})
	return &t, err
}

// AssessTarget records where a target stands on a date; earlier assessments stay, so
// movement shows.
func (a *App) AssessTarget(ctx context.Context, actor Actor, coalitionID, targetID string, as domain.TargetAssessment) (*domain.TargetAssessment, error) {
	if err := as.Validate(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManagePowerMap)
		if err != nil {
			return err
		}
		if _, err := tx.FindTarget(ctx, p.Coalition.ID, targetID); err != nil {
			return err
		}
		as.TargetID, as.RecordedBy = targetID, actor.ID
		if err := tx.AddTargetAssessment(ctx, &as); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "target.assess", "target", targetID,
			map[string]any{"influence": as.Influence, "stance": as.Stance, "assessed_on": as.AssessedOn})
	})
	return &as, err
}

// SetTargetAccess records how strong a member organization's relationship with a target
// is. Only the organization's representatives may (EFORBIDDEN); the organization must be
// a current member (ENOTFOUND).
func (a *App) SetTargetAccess(ctx context.Context, actor Actor, coalitionID, targetID string, x domain.TargetAccess) (*domain.TargetAccess, error) {
	if err := x.Validate(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if _, err := tx.FindTarget(ctx, p.Coalition.ID, targetID); err != nil {
			return err
		}
		if err := requireMembers(ctx, tx, p.Coalition.ID, x.OrganizationID); err != nil {
			return err
		}
		if ok, err := canActForOrganization(ctx, tx, actor, x.OrganizationID); err != nil {
			return err
		} else if !ok {
			return domain.Errorf(domain.EFORBIDDEN, "Only the organization's representatives can record its access to a target.")
		}
		x.TargetID, x.RecordedBy = targetID, actor.ID
		if err := tx.SetTargetAccess(ctx, &x); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "target.access", "target", targetID,
			map[string]any{"organization_id": x.OrganizationID, "strength": x.Strength})
	})
	return &x, err
}

// mergeValidation joins the field errors of two validations.
func mergeValidation(a, b error) error {
	if a == nil {
		return b
	}
	fields := append(domain.ErrorFields(a), domain.ErrorFields(b)...)
	return &domain.Error{Code: domain.EINVALID, Message: domain.ErrorMessage(a), Fields: fields}
}
