package store_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

// migrationVersions reads the versions of the migration files of a dialect from disk.
func migrationVersions(t *testing.T, dialect string) []int {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join("migrations", dialect))
	if err != nil {
		t.Fatal(err)
	}
	var out []int
	for _, e := range entries {
		num, _, _ := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if err != nil {
			t.Fatalf("migration file %q: %v", e.Name(), err)
		}
		out = append(out, v)
	}
	slices.Sort(out)
	if len(out) == 0 {
		t.Fatalf("no migrations for %s", dialect)
	}
	return out
}

func TestMigrate_SecondRunAppliesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		want := migrationVersions(t, db.Dialect())
		for range 2 {
			applied, err := db.Migrate(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			if len(applied) != 0 {
				t.Fatalf("Migrate on a migrated database applied %v, want nothing", applied)
			}
		}
		v, err := db.SchemaVersion(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if last := want[len(want)-1]; v != last {
			t.Errorf("SchemaVersion = %d, want %d", v, last)
		}
	})
}

// openUnmigrated opens an empty database of the backend, closed when the test ends.
func openUnmigrated(t *testing.T, backend string) (*store.DB, string) {
	t.Helper()
	dsn := filepath.Join(t.TempDir(), "empty.db")
	if backend == "postgres" {
		dsn = storetest.FreshSchema(t)
	}
	db, err := store.Open(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, dsn
}

func TestMigrate_FreshDatabase(t *testing.T) {
	for _, backend := range storetest.Backends() {
		t.Run(backend, func(t *testing.T) {
			db, _ := openUnmigrated(t, backend)
			want := migrationVersions(t, db.Dialect())
			if v, err := db.SchemaVersion(t.Context()); err != nil || v != 0 {
				t.Fatalf("SchemaVersion before migrating = %d, %v; want 0, nil", v, err)
			}
			applied, err := db.Migrate(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, applied); diff != "" {
				t.Errorf("applied migrations (-want +got):\n%s", diff)
			}
			if v, err := db.SchemaVersion(t.Context()); err != nil || v != want[len(want)-1] {
				t.Errorf("SchemaVersion = %d, %v; want %d", v, err, want[len(want)-1])
			}
			if applied, err := db.Migrate(t.Context()); err != nil || len(applied) != 0 {
				t.Errorf("second Migrate = %v, %v; want nothing applied", applied, err)
			}
		})
	}
}

// TestMigrate_ConcurrentPostgres starts four servers on one fresh schema at once: each
// migration must run exactly once and every server must start.
func TestMigrate_ConcurrentPostgres(t *testing.T) {
	if storetest.PostgresURL() == "" {
		t.Skip("set BRAID_TEST_POSTGRES_URL to run PostgreSQL tests")
	}
	want := migrationVersions(t, "postgres")
	for round := range 3 {
		t.Run("round"+strconv.Itoa(round), func(t *testing.T) {
			dsn := storetest.FreshSchema(t)
			const n = 4
			dbs := make([]*store.DB, n)
			for i := range dbs {
				db, err := store.Open(t.Context(), dsn)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { db.Close() })
				dbs[i] = db
			}
			applied := make([][]int, n)
			errs := make([]error, n)
			start := make(chan struct{})
			var wg sync.WaitGroup
			for i, db := range dbs {
				wg.Go(func() {
					<-start
					applied[i], errs[i] = db.Migrate(t.Context())
				})
			}
			close(start)
			wg.Wait()

			count := map[int]int{}
			for i := range n {
				if errs[i] != nil {
					t.Errorf("Migrate %d: %v", i, errs[i])
				}
				for _, v := range applied[i] {
					count[v]++
				}
			}
			for _, v := range want {
				if count[v] != 1 {
					t.Errorf("migration %d applied %d times across servers, want 1", v, count[v])
				}
			}
			recorded := recordedMigrations(t, dsn)
			if diff := cmp.Diff(want, recorded); diff != "" {
				t.Errorf("schema_migrations rows (-want +got):\n%s", diff)
			}
		})
	}
}

// recordedMigrations lists schema_migrations.version, one entry per row.
func recordedMigrations(t *testing.T, dsn string) []int {
	t.Helper()
	raw, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	rows, err := raw.QueryContext(t.Context(), `SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
