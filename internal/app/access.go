package app

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// SetAccessRole changes the access role (coordinator, facilitator, member, observer) of
// someone who already has access to the coalition. Only coordinators (and admins) may;
// the last coordinator cannot step down, so a coalition is never left unmanaged.
func (a *App) SetAccessRole(ctx context.Context, actor Actor, coalitionID, userID, role string) error {
	if !domain.OneOf(role, domain.AccessRoles) {
		return &domain.Error{Code: domain.EINVALID, Message: "Unknown access role.",
			Fields: []domain.FieldError{{Field: "role", Message: "Choose coordinator, facilitator, member or observer."}}}
	}
	return a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageMembers)
		if err != nil {
			return err
		}
		before, err := tx.FindAccess(ctx, p.Coalition.ID, userID)
		if err != nil {
			return err
		}
		if before == "" {
			return domain.NotFound("Person with access")
		}
		if before == role {
			return nil
		}
		if before == domain.AccessCoordinator {
			all, err := tx.ListAccess(ctx, p.Coalition.ID)
			if err != nil {
				return err
			}
			coordinators := 0
			for _, x := range all {
				if x.Role == domain.AccessCoordinator {
					coordinators++
				}
			}
			if coordinators == 1 {
				return domain.Errorf(domain.ECONFLICT, "A coalition needs at least one coordinator; make someone else coordinator first.")
			}
		}
		if err := tx.SetAccess(ctx, domain.CoalitionAccess{CoalitionID: p.Coalition.ID, UserID: userID, Role: role}); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "access.update", "user", userID, map[string]Change{"role": {before, role}})
	})
}
