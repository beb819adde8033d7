package app

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

func coalitionFields(c *domain.Coalition) map[string]any {
	return map[string]any{"name": c.Name, "goal": c.Goal, "theory_of_change": c.TheoryOfChange,
		"issue_areas": c.IssueAreas, "geography": c.Geography, "phase": c.Phase, "public": c.Public}
}

// CreateCoalition creates a coalition; its creator becomes its coordinator.
func (a *App) CreateCoalition(ctx context.Context, actor Actor, c domain.Coalition) (*domain.Coalition, error) {
	if actor == nil {
		return nil, domain.Errorf(domain.EUNAUTHORIZED, "Sign in to continue.")
	}
	c.ID, c.Slug, c.Version = "", "", 0
	c.Normalize()
	if err := c.Validate(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		if err := tx.CreateCoalition(ctx, &c); err != nil {
			return err
		}
		if err := tx.SetAccess(ctx, domain.CoalitionAccess{CoalitionID: c.ID, UserID: actor.ID, Role: domain.AccessCoordinator}); err != nil {
			return err
		}
		return tx.Audit(ctx, c.ID, actor.ID, "coalition.create", "coalition", c.ID, coalitionFields(&c))
	})
	return &c, err
}

// Coalition returns a coalition the actor may see, with the actor's permission.
func (a *App) Coalition(ctx context.Context, actor Actor, id string) (*domain.Coalition, Permission, error) {
	p, err := a.Authorize(ctx, actor, id, ViewCoalition)
	return p.Coalition, p, err
}

// UpdateCoalition saves changes if the coalition is still at expectVersion (EPRECONDITION).
// It does not move the coalition between phases, which takes a retrospective (MovePhase):
// an empty Phase keeps the current one, and a different one is refused (EINVALID).
func (a *App) UpdateCoalition(ctx context.Context, actor Actor, c domain.Coalition, expectVersion int) (*domain.Coalition, error) {
	keepPhase := c.Phase == ""
	c.Normalize()
	if err := c.Validate(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, c.ID, EditCoalition)
		if err != nil {
			return err
		}
		if keepPhase {
			c.Phase = p.Coalition.Phase
		} else if err := samePhase(p.Coalition.Phase, c.Phase); err != nil {
			return err
		}
		before := coalitionFields(p.Coalition)
		c.ID, c.Slug, c.CreatedAt = p.Coalition.ID, p.Coalition.Slug, p.Coalition.CreatedAt
		if err := tx.UpdateCoalition(ctx, &c, expectVersion); err != nil {
			return err
		}
		return tx.Audit(ctx, c.ID, actor.ID, "coalition.update", "coalition", c.ID, diff(before, coalitionFields(&c)))
	})
	return &c, err
}

// Coalitions lists the coalitions the actor belongs to (all of them for an admin).
func (a *App) Coalitions(ctx context.Context, actor Actor, cursor string, limit int) (domain.Page[domain.Coalition], error) {
	var page domain.Page[domain.Coalition]
	if actor == nil {
		return page, domain.Errorf(domain.EUNAUTHORIZED, "Sign in to continue.")
	}
	limit = clampLimit(limit)
	err := a.read(ctx, func(tx *store.Tx) error {
		userID := actor.ID
		if actor.Admin {
			userID = ""
		}
		items, err := tx.ListCoalitions(ctx, userID, cursor, limit+1)
		page = makePage(items, limit, func(c domain.Coalition) string { return c.ID })
		return err
	})
	return page, err
}

// AuditLog returns a coalition's audit entries, newest first.
func (a *App) AuditLog(ctx context.Context, actor Actor, coalitionID string, before int64, limit int) ([]domain.AuditEntry, error) {
	var out []domain.AuditEntry
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewAudit)
		if err != nil {
			return err
		}
		out, err = tx.ListAudit(ctx, p.Coalition.ID, before, clampLimit(limit))
		return err
	})
	return out, err
}

// Access lists who has which access role in a coalition.
func (a *App) Access(ctx context.Context, actor Actor, coalitionID string) ([]store.AccessWithUser, error) {
	var out []store.AccessWithUser
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if out, err = tx.ListAccess(ctx, p.Coalition.ID); err != nil {
			return err
		}
		// Email addresses are for the coordinators who manage access, not for everyone.
		if !p.Can(ManageMembers) {
			for i := range out {
				out[i].UserEmail = ""
			}
		}
		return nil
	})
	return out, err
}

func clampLimit(limit int) int {
	if limit <= 0 || limit > 200 {
		return 50
	}
	return limit
}

// makePage trims a list fetched with limit+1 rows into a page with a next cursor.
func makePage[T any](items []T, limit int, key func(T) string) domain.Page[T] {
	p := domain.Page[T]{Items: items}
	if len(items) > limit {
		p.Items = items[:limit]
		p.NextCursor = key(items[limit-1])
	}
	if p.Items == nil {
		p.Items = []T{}
	}
	return p
}
