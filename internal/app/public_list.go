package app

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// PublicCoalitions lists the coalitions that show a public page.
func (a *App) PublicCoalitions(ctx context.Context) ([]domain.Coalition, error) {
	var out []domain.Coalition
	err := a.read(ctx, func(tx *store.Tx) error {
		var err error
		out, err = tx.ListPublicCoalitions(ctx)
		return err
	})
	return out, err
}
