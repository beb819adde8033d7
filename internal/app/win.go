package app

import (
	"context"
	"fmt"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

func winFields(w *domain.Win) map[string]any {
	credits := make([]map[string]any, len(w.Credits))
	for i, c := range w.Credits {
		credits[i] = map[string]any{"organization": c.OrganizationName, "contribution": c.Contribution, "weight": c.Weight}
	}
	return map[string]any{"date": w.Date, "title": w.Title, "kind": w.Kind, "size": w.Size, "description": w.Description,
		"public": w.Public, "credits": credits}
}

// Wins returns a coalition's wins with their credits, newest first.
func (a *App) Wins(ctx context.Context, actor Actor, coalitionID string) ([]domain.Win, error) {
	var out []domain.Win
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		out, err = tx.ListWins(ctx, p.Coalition.ID, false)
		return err
	})
	return out, err
}

// Win returns one win of a coalition (ENOTFOUND, also for another coalition's win).
func (a *App) Win(ctx context.Context, actor Actor, coalitionID, winID string) (*domain.Win, error) {
	var out *domain.Win
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		out, err = tx.FindWin(ctx, p.Coalition.ID, winID)
		return err
	})
	return out, err
}

// CreateWin records a win. Credited organizations must be members of the coalition (or
// have been: a win may credit an organization that has since left); weights must not be
// negative or all zero.
func (a *App) CreateWin(ctx context.Context, actor Actor, coalitionID string, w domain.Win) (*domain.Win, error) {
	w.Normalize()
	if err := w.Validate(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, RecordWins)
		if err != nil {
			return err
		}
		if err := checkCredited(ctx, tx, p.Coalition.ID, w.Credits); err != nil {
			return err
		}
		w.ID, w.CoalitionID, w.CreatedBy, w.Version = "", p.Coalition.ID, actor.ID, 0
		if err := tx.CreateWin(ctx, &w); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "win.create", "win", w.ID, winFields(&w))
	})
	if err != nil {
		return nil, err
	}
	return a.Win(ctx, actor, coalitionID, w.ID)
}

// UpdateWin replaces a win's fields and credits if it is still at expectVersion
// (EPRECONDITION), under the same rules as CreateWin.
func (a *App) UpdateWin(ctx context.Context, actor Actor, coalitionID string, w domain.Win, expectVersion int) (*domain.Win, error) {
	w.Normalize()
	if err := w.Validate(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, RecordWins)
		if err != nil {
			return err
		}
		before, err := tx.FindWin(ctx, p.Coalition.ID, w.ID)
		if err != nil {
			return err
		}
		if err := checkCredited(ctx, tx, p.Coalition.ID, w.Credits); err != nil {
			return err
		}
		w.CoalitionID = p.Coalition.ID
		if err := tx.UpdateWin(ctx, &w, expectVersion); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "win.update", "win", w.ID, diff(winFields(before), winFields(&w)))
	})
	if err != nil {
		return nil, err
	}
	return a.Win(ctx, actor, coalitionID, w.ID)
}

// DeleteWin removes a win recorded by mistake (a duplicate, a wrong coalition) with its
// credits, if it is still at expectVersion (EPRECONDITION). The audit log keeps what it
// said. Those who may record wins may delete them.
func (a *App) DeleteWin(ctx context.Context, actor Actor, coalitionID, winID string, expectVersion int) error {
	return a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, RecordWins)
		if err != nil {
			return err
		}
		before, err := tx.FindWin(ctx, p.Coalition.ID, winID)
		if err != nil {
			return err
		}
		if err := tx.DeleteWin(ctx, p.Coalition.ID, winID, expectVersion); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "win.delete", "win", winID, winFields(before))
	})
}

// checkCredited refuses credit to an organization that has never been a member of the
// coalition, and fills in the names of the others (for the audit log).
func checkCredited(ctx context.Context, tx *store.Tx, coalitionID string, credits []domain.Credit) error {
	var v domain.Validation
	for i, c := range credits {
		_, err := tx.FindMembershipOfOrganization(ctx, coalitionID, c.OrganizationID)
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			v.Add(fmt.Sprintf("/credits/%d/organization_id", i), "This organization is not a member of the coalition.")
			continue
		} else if err != nil {
			return err
		}
		o, err := tx.FindOrganization(ctx, c.OrganizationID)
		if err != nil {
			return err
		}
		credits[i].OrganizationName = o.Name
	}
	return v.Err()
}

// CreditChoices returns every membership of a coalition, with its organization, for
// forms that credit organizations with a win (members that have left included, as a win
// may predate their leaving).
func (a *App) CreditChoices(ctx context.Context, actor Actor, coalitionID string) ([]domain.Membership, error) {
	var out []domain.Membership
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		out, err = tx.ListMemberships(ctx, p.Coalition.ID, "", 0)
		return err
	})
	return out, err
}
