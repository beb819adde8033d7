package app

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// IsEmpty reports whether the deployment has no accounts yet (a fresh database).
func (a *App) IsEmpty(ctx context.Context) (bool, error) {
	var n int
	err := a.read(ctx, func(tx *store.Tx) error {
		var err error
		n, err = tx.CountUsers(ctx)
		return err
	})
	return n == 0, err
}

// UserExists reports whether an account with the email exists.
func (a *App) UserExists(ctx context.Context, email string) (bool, error) {
	var found bool
	err := a.read(ctx, func(tx *store.Tx) error {
		_, err := tx.FindUserByEmail(ctx, email)
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			return nil
		}
		found = err == nil
		return err
	})
	return found, err
}

// UserByEmail returns an account by email (command-line administration).
func (a *App) UserByEmail(ctx context.Context, email string) (*domain.User, error) {
	var u *domain.User
	err := a.read(ctx, func(tx *store.Tx) error {
		var err error
		u, err = tx.FindUserByEmail(ctx, email)
		return err
	})
	return u, err
}
