package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
)

// ledger runs "braid ledger verify": it recomputes the hash chain of every fund's
// ledger and compares its end with the head stored at the last append, so that a row
// edited, deleted, inserted or reordered behind the application's back is found. It
// prints one line per fund and fails when any chain is broken.
func (m *Main) ledger(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "verify" {
		return errors.New("usage: braid ledger verify [--database URL]")
	}
	var cfg Config
	fs := flag.NewFlagSet("ledger verify", flag.ContinueOnError)
	m.flags(fs, &cfg)
	if _, err := parse(fs, args[1:]); err != nil {
		return err
	}
	a, err := m.open(ctx, &cfg)
	if err != nil {
		return err
	}
	results, err := a.VerifyLedgers(ctx)
	if err != nil {
		return err
	}
	broken := 0
	for _, r := range results {
		if r.Chain.Intact {
			fmt.Fprintf(m.Stdout, "ok      fund %s (%s): %d entries, head %d %s\n", r.Fund.ID, r.Fund.Name, r.Chain.Entries, r.Fund.HeadSeq, r.Fund.HeadHash)
			continue
		}
		broken++
		fmt.Fprintf(m.Stdout, "BROKEN  fund %s (%s): %d entries\n", r.Fund.ID, r.Fund.Name, r.Chain.Entries)
		for _, b := range r.Chain.Breaks {
			fmt.Fprintf(m.Stdout, "        entry %d (%s): %s: %s\n", b.Seq, b.EntryID, b.Kind, b.Detail)
		}
		if !r.Chain.HeadMatches {
			fmt.Fprintf(m.Stdout, "        the last entry is not the head stored with the fund (entry %d, %s): entries were removed from the end or added outside Braid\n", r.Fund.HeadSeq, r.Fund.HeadHash)
		}
	}
	fmt.Fprintf(m.Stdout, "%d funds checked, %d broken.\n", len(results), broken)
	if broken > 0 {
		return fmt.Errorf("%d of %d fund ledgers fail verification", broken, len(results))
	}
	return nil
}
