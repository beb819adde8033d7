package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

func TestBackup_WhileWriting(t *testing.T) {
	db := storetest.Open(t, "sqlite")
	ctx := t.Context()
	for i := range 20 {
		createUser(t, db, fmt.Sprintf("seed%d@example.org", i), "Seed")
	}

	// A writer keeps adding users while the backup runs.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var written int
	var writeErr error
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			writeErr = db.Write(ctx, func(tx *store.Tx) error {
				return tx.CreateUser(ctx, &domain.User{Email: fmt.Sprintf("live%d@example.org", written), Name: "Live"})
			})
			if writeErr != nil {
				return
			}
			written++
		}
	})
	path := filepath.Join(t.TempDir(), "backup.db")
	err := db.Backup(ctx, path)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatalf("Backup: %v", err)
	}
	if writeErr != nil {
		t.Fatalf("writer during backup: %v", writeErr)
	}

	copyDB, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	if v, err := copyDB.SchemaVersion(ctx); err != nil || v == 0 {
		t.Errorf("backup SchemaVersion = %d, %v; want the migrated schema", v, err)
	}
	if applied, err := copyDB.Migrate(ctx); err != nil || len(applied) != 0 {
		t.Errorf("Migrate on the backup = %v, %v; want nothing to apply", applied, err)
	}
	err = copyDB.Read(ctx, func(tx *store.Tx) error {
		n, err := tx.CountUsers(ctx)
		if err != nil {
			return err
		}
		if n < 20 || n > 20+written {
			t.Errorf("backup holds %d users, want between 20 and %d", n, 20+written)
		}
		_, err = tx.FindUserByEmail(ctx, "seed19@example.org")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d users written during the backup", written)
}

func TestBackup_RefusesExistingFile(t *testing.T) {
	db := storetest.Open(t, "sqlite")
	path := filepath.Join(t.TempDir(), "existing.db")
	if err := os.WriteFile(path, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := db.Backup(t.Context(), path); err == nil {
		t.Fatal("Backup onto an existing file succeeded, want an error")
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "keep me" {
		t.Errorf("existing file changed: %q, %v", b, err)
	}
}

func TestBackup_PostgresRefuses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		if db.Dialect() != "postgres" {
			t.Skip("PostgreSQL only")
		}
		path := filepath.Join(t.TempDir(), "pg.db")
		if err := db.Backup(context.Background(), path); err == nil {
			t.Fatal("Backup on PostgreSQL succeeded, want an error pointing to pg_dump")
		}
		if _, err := os.Stat(path); err == nil {
			t.Error("Backup on PostgreSQL created a file")
		}
	})
}
