package app

import (
	"context"

	"github.com/braid-org/braid/internal/bundle"
	"github.com/braid-org/braid/internal/store"
)

// moneyContents reads a coalition's funds with their ledgers, contributions and rounds.
func moneyContents(ctx context.Context, tx *store.Tx, coalitionID string) (bundle.MoneyContents, error) {
	c := bundle.MoneyContents{Points: map[string]map[string]map[string]int64{}}
	var err error
	if c.Funds, err = tx.ListFunds(ctx, coalitionID); err != nil {
		return c, err
	}
	if c.Entries, err = tx.ListCoalitionEntries(ctx, coalitionID); err != nil {
		return c, err
	}
	if c.Contributions, err = tx.ListAllContributions(ctx, coalitionID); err != nil {
		return c, err
	}
	if c.Rounds, err = tx.ListRounds(ctx, coalitionID); err != nil {
		return c, err
	}
	for _, r := range c.Rounds {
		if c.Points[r.ID], err = tx.ListPoints(ctx, r.ID); err != nil {
			return c, err
		}
	}
	return c, nil
}

// writeMoney inserts a bundle's funds and ledgers (verbatim: the chain was verified when
// the bundle was read), contributions and rounds.
func writeMoney(ctx context.Context, tx *store.Tx, c bundle.MoneyContents) error {
	if err := tx.InsertFunds(ctx, c.Funds); err != nil {
		return err
	}
	if err := tx.InsertLedger(ctx, c.Entries); err != nil {
		return err
	}
	if err := tx.InsertContributions(ctx, c.Contributions); err != nil {
		return err
	}
	return tx.InsertRounds(ctx, c.Rounds, c.Points)
}

// moneyIDs adds the ids of the bundle's funds, entries, contributions and rounds to ids.
func moneyIDs(b *bundle.Bundle, ids recordIDs) {
	for i, f := range b.Funds {
		ids.add("funds", f.ID, "/funds/%d/id", i)
		for j, e := range f.Entries {
			ids.add("ledger_entries", e.ID, "/funds/%d/entries/%d/id", i, j)
		}
	}
	for i, c := range b.Contributions {
		ids.add("contributions", c.ID, "/contributions/%d/id", i)
	}
	for i, r := range b.AllocationRounds {
		ids.add("allocation_rounds", r.ID, "/allocation_rounds/%d/id", i)
	}
}
