package store

import (
	"context"
	"slices"

	"github.com/braid-org/braid/internal/domain"
)

// ListAllContributions returns every contribution of a coalition, by id.
func (tx *Tx) ListAllContributions(ctx context.Context, coalitionID string) ([]domain.Contribution, error) {
	rows, err := tx.query(ctx, `SELECT `+contributionCols+` FROM contributions WHERE coalition_id = $1 ORDER BY id`, coalitionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Contribution{}
	for rows.Next() {
		c, err := scanContribution(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *c)
	}
	return out, rows.Err()
}

// InsertFunds inserts funds with the heads of their ledgers, which InsertLedger then
// fills: the bundle's check verified that each head is the last entry's hash.
func (tx *Tx) InsertFunds(ctx context.Context, fs []domain.Fund) error {
	for i := range fs {
		f := fs[i]
		head, seq := f.HeadHash, f.HeadSeq
		if err := tx.CreateFund(ctx, &f, head); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `UPDATE funds SET head_seq = $1 WHERE id = $2`, seq, f.ID); err != nil {
			return err
		}
	}
	return nil
}

// InsertLedger inserts sealed entries exactly as they were (hashes included), leaving
// the funds' heads as InsertFunds set them.
func (tx *Tx) InsertLedger(ctx context.Context, es []domain.LedgerEntry) error {
	for _, e := range es {
		if _, err := tx.exec(ctx, `INSERT INTO ledger_entries (`+entryCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
			e.ID, e.FundID, e.Seq, e.Kind, e.Amount, e.Currency, e.OrganizationID, e.Corrects, e.Memo, jsonCol{e.ApprovedBy},
			formatTime(e.At), e.PrevHash, e.Hash, e.RecordedBy, e.RoundID); err != nil {
			return err
		}
	}
	return nil
}

// InsertRounds inserts allocation rounds as they were (status, result, approval time)
// with the peer points given in them (round → giver → receiver → points).
func (tx *Tx) InsertRounds(ctx context.Context, rs []domain.AllocationRound, points map[string]map[string]map[string]int64) error {
	for i := range rs {
		if err := tx.CreateRound(ctx, &rs[i]); err != nil {
			return err
		}
		givers := make([]string, 0, len(points[rs[i].ID]))
		for g := range points[rs[i].ID] {
			givers = append(givers, g)
		}
		slices.Sort(givers)
		for _, g := range givers {
			if err := tx.SetPoints(ctx, rs[i].ID, g, "", points[rs[i].ID][g]); err != nil {
				return err
			}
		}
	}
	return nil
}
