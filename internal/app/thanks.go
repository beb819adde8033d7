package app

import (
	"context"
	"strings"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// SendThanks records the coalition's thanks to a member organization, for one of its
// wins when winID is set. Those who record wins may send thanks; the organization must
// be (or have been) a member, the win the coalition's.
func (a *App) SendThanks(ctx context.Context, actor Actor, coalitionID, winID, orgID, message string) (*domain.Thanks, error) {
	th := &domain.Thanks{WinID: winID, OrganizationID: orgID, Message: strings.TrimSpace(message)}
	var v domain.Validation
	domain.CheckText(&v, "message", th.Message, 1, domain.MaxShort)
	if err := v.Err(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, RecordWins)
		if err != nil {
			return err
		}
		th.CoalitionID = p.Coalition.ID
		if winID != "" {
			if _, err := tx.FindWin(ctx, p.Coalition.ID, winID); err != nil {
				return err
			}
		}
		if _, err := tx.FindMembershipOfOrganization(ctx, p.Coalition.ID, orgID); domain.ErrorCode(err) == domain.ENOTFOUND {
			return fieldError("organization_id", "This organization is not a member of the coalition.")
		} else if err != nil {
			return err
		}
		if err := tx.CreateThanks(ctx, th); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "win.thanks", "organization", orgID, map[string]any{"message": th.Message, "win": winID})
	})
	return th, err
}

// CoalitionThanks lists the thanks a coalition sent, newest first.
func (a *App) CoalitionThanks(ctx context.Context, actor Actor, coalitionID string) ([]domain.Thanks, error) {
	var out []domain.Thanks
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		out, err = tx.ListThanksOfCoalition(ctx, p.Coalition.ID)
		return err
	})
	return out, err
}

// ThanksReceived lists the thanks an organization received from the coalitions the
// actor can see (all of them for an admin), newest first: its profile shows them.
func (a *App) ThanksReceived(ctx context.Context, actor Actor, orgID string) ([]domain.Thanks, error) {
	if actor == nil {
		return nil, domain.Errorf(domain.EUNAUTHORIZED, "Sign in to continue.")
	}
	var out []domain.Thanks
	err := a.read(ctx, func(tx *store.Tx) error {
		all, err := tx.ListThanksOfOrganization(ctx, orgID)
		if err != nil {
			return err
		}
		out = []domain.Thanks{}
		seen := map[string]bool{}
		for _, th := range all {
			ok, known := seen[th.CoalitionID]
			if !known {
				role, err := tx.FindAccess(ctx, th.CoalitionID, actor.ID)
				if err != nil {
					return err
				}
				ok = role != "" || actor.Admin
				seen[th.CoalitionID] = ok
			}
			if ok {
				out = append(out, th)
			}
		}
		return nil
	})
	return out, err
}
