package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations
var migrationFiles embed.FS

// Migrate applies every embedded migration not yet applied, each in its own transaction,
// in version order. It is safe to run from several processes at once: on PostgreSQL each
// migration transaction first takes an advisory lock and re-checks what is applied; on
// SQLite the write transaction itself is exclusive.
func (db *DB) Migrate(ctx context.Context) (applied []int, err error) {
	if _, err := db.write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		// Two PostgreSQL processes may race on CREATE TABLE IF NOT EXISTS; the loser
		// sees a unique violation on the catalog and the table exists afterwards.
		if _, err2 := db.write.ExecContext(ctx, `SELECT 1 FROM schema_migrations LIMIT 1`); err2 != nil {
			return nil, fmt.Errorf("create schema_migrations: %w", err)
		}
	}
	migrations, err := db.migrations()
	if err != nil {
		return nil, err
	}
	for _, m := range migrations {
		did, err := db.applyMigration(ctx, m)
		if err != nil {
			return applied, fmt.Errorf("migration %04d %s: %w", m.version, m.name, err)
		}
		if did {
			applied = append(applied, m.version)
		}
	}
	return applied, nil
}

type migration struct {
	version int
	name    string
	sql     string
}

func (db *DB) migrations() ([]migration, error) {
	dir := "migrations/" + db.dialect.name
	entries, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		name := e.Name()
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(name, ".sql") {
			return nil, fmt.Errorf("bad migration file name %q", name)
		}
		b, err := fs.ReadFile(migrationFiles, dir+"/"+name)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

func (db *DB) applyMigration(ctx context.Context, m migration) (bool, error) {
	did := false
	err := db.Write(ctx, func(tx *Tx) error {
		if db.dialect.migrationLock != "" {
			if _, err := tx.exec(ctx, db.dialect.migrationLock); err != nil {
				return err
			}
		}
		var n int
		if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = $1`, m.version).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		if _, err := tx.tx.ExecContext(ctx, m.sql); err != nil {
			return err
		}
		did = true
		_, err := tx.exec(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)`, m.version, formatTime(tx.Now))
		return err
	})
	return did, err
}

// SchemaVersion returns the highest applied migration, 0 for an empty database.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.read.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	if err != nil && db.dialect.isUndefinedTable(err) {
		return 0, nil // never migrated
	}
	return v, err
}
