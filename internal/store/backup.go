package store

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// Backup writes a consistent copy of a SQLite database to path while the server keeps
// running (VACUUM INTO reads one snapshot). PostgreSQL deployments use pg_dump instead.
func (db *DB) Backup(ctx context.Context, path string) error {
	if db.dialect.name != "sqlite" {
		return errors.New("braid backup copies SQLite databases; for PostgreSQL use pg_dump")
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s already exists; choose a new file name", path)
	}
	_, err := db.read.ExecContext(ctx, `VACUUM INTO $1`, path)
	return err
}
