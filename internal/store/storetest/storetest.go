// Package storetest opens real databases for tests: SQLite in a temporary folder, and
// PostgreSQL in a fresh schema when BRAID_TEST_POSTGRES_URL is set.
package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/store"
)

// PostgresURL returns the PostgreSQL server for tests, "" when none is configured.
func PostgresURL() string { return os.Getenv("BRAID_TEST_POSTGRES_URL") }

// Backends lists the backends available to this test run.
func Backends() []string {
	if PostgresURL() != "" {
		return []string{"sqlite", "postgres"}
	}
	return []string{"sqlite"}
}

// Each runs fn as a subtest once per available backend, each with a fresh migrated database.
func Each(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	for _, b := range Backends() {
		t.Run(b, func(t *testing.T) { fn(t, Open(t, b)) })
	}
	if PostgresURL() == "" {
		t.Log("PostgreSQL tests skipped: set BRAID_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test?sslmode=disable to run them")
	}
}

// MustOpenDB opens a fresh migrated SQLite database.
func MustOpenDB(tb testing.TB) *store.DB { return Open(tb, "sqlite") }

// Open opens a fresh, migrated database of the given backend, closed when the test ends.
func Open(tb testing.TB, backend string) *store.DB {
	tb.Helper()
	ctx := context.Background()
	var dsn string
	switch backend {
	case "sqlite":
		dsn = filepath.Join(tb.TempDir(), "braid.db")
	case "postgres":
		dsn = FreshSchema(tb)
	default:
		tb.Fatalf("unknown backend %q", backend)
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		tb.Fatal(err)
	}
	return db
}

// FreshSchema creates an empty PostgreSQL schema, dropped when the test ends, and returns
// a connection URL whose search_path points at it. It skips the test when no server is set.
func FreshSchema(tb testing.TB) string {
	tb.Helper()
	base := PostgresURL()
	if base == "" {
		tb.Skip("PostgreSQL tests skipped: set BRAID_TEST_POSTGRES_URL")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		tb.Fatal(err)
	}
	defer admin.Close()
	schema := "t_" + strings.ToLower(store.NewID()[:16])
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		tb.Fatalf("create schema on %s: %v", base, err)
	}
	tb.Cleanup(func() {
		a, err := sql.Open("pgx", base)
		if err == nil {
			_, _ = a.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
			a.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return fmt.Sprint(u)
}
