package main

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

// TestLedgerVerifyFindsTampering records a small ledger through the application, then
// changes rows directly in the database, behind Braid's back, and checks that
// `braid ledger verify` reports each change and fails: an edited amount, and a
// deleted last entry (which only the head stored with the fund reveals).
func TestLedgerVerifyFindsTampering(t *testing.T) {
	for _, backend := range storetest.Backends() {
		t.Run(backend, func(t *testing.T) {
			dsn := filepath.Join(t.TempDir(), "braid.db")
			driver := "sqlite"
			if backend == "postgres" {
				dsn, driver = storetest.FreshSchema(t), "pgx"
			}
			env := map[string]string{"BRAID_DATABASE_URL": dsn}
			ids := seedLedger(t, dsn)
			if out, err := run(t, env, "ledger", "verify"); err != nil || !strings.Contains(out, "1 funds checked, 0 broken.") {
				t.Fatalf("intact ledger: %v\n%s", err, out)
			}
			raw, err := sql.Open(driver, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer raw.Close()
			if _, err := raw.Exec(`UPDATE ledger_entries SET amount = 99999 WHERE id = $1`, ids[1]); err != nil {
				t.Fatal(err)
			}
			out, err := run(t, env, "ledger", "verify")
			if err == nil || !strings.Contains(out, "BROKEN") || !strings.Contains(out, "entry 2 ("+ids[1]+"): content_changed") {
				t.Fatalf("edited amount not found: %v\n%s", err, out)
			}
			if _, err := raw.Exec(`UPDATE ledger_entries SET amount = 2500 WHERE id = $1`, ids[1]); err != nil {
				t.Fatal(err)
			}
			if out, err := run(t, env, "ledger", "verify"); err != nil {
				t.Fatalf("restored ledger still broken: %v\n%s", err, out)
			}
			if _, err := raw.Exec(`DELETE FROM ledger_entries WHERE id = $1`, ids[2]); err != nil {
				t.Fatal(err)
			}
			out, err = run(t, env, "ledger", "verify")
			if err == nil || !strings.Contains(out, "not the head stored with the fund") {
				t.Fatalf("deleted last entry not found: %v\n%s", err, out)
			}
		})
	}
}

// seedLedger creates a coalition with a fund of three entries and returns their ids.
func seedLedger(t *testing.T, dsn string) []string {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	a := app.New(db, nil)
	a.Passwords = app.PasswordParams{Memory: 64, Time: 1, Threads: 1}
	u, err := a.CreateUser(ctx, app.NewAccount{Name: "Coordinator", Email: "c@example.org", Password: "correct horse battery"}, false)
	if err != nil {
		t.Fatal(err)
	}
	c, err := a.CreateCoalition(ctx, u, domain.Coalition{Name: "Ledger", Goal: "Count every cent"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := a.CreateFund(ctx, u, c.ID, app.FundInput{Name: "Grant", HolderName: "Sponsor", Currency: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, in := range []app.EntryInput{{Kind: "received", Amount: 10000}, {Kind: "fee", Amount: 2500}, {Kind: "received", Amount: 700}} {
		in.Currency = "USD"
		e, err := a.RecordEntry(ctx, u, c.ID, f.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, e.ID)
	}
	return ids
}
