package store

import (
	"context"
	"database/sql"
)

// Query runs raw SQL, for tests that inspect what is stored (the check-in anonymity tests).
func (tx *Tx) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return tx.query(ctx, q, args...)
}
