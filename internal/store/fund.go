package store

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
)

const fundCols = `id, coalition_id, name, COALESCE(holder_organization_id, ''), holder_name, funder, restrictions, currency, head_seq, head_hash, created_by, created_at`

func scanFund(row interface{ Scan(...any) error }) (*domain.Fund, error) {
	var f domain.Fund
	err := row.Scan(&f.ID, &f.CoalitionID, &f.Name, &f.HolderOrganizationID, &f.HolderName, &f.Funder, &f.Restrictions,
		&f.Currency, &f.HeadSeq, &f.HeadHash, &f.CreatedBy, timeCol{&f.CreatedAt})
	return &f, err
}

// CreateFund inserts a fund with an empty ledger whose head is genesis.
func (tx *Tx) CreateFund(ctx context.Context, f *domain.Fund, genesis string) error {
	if f.ID == "" {
		f.ID = NewID()
	}
	if f.CreatedAt.IsZero() {
		f.CreatedAt = tx.Now
	}
	f.HeadSeq, f.HeadHash = 0, genesis
	_, err := tx.exec(ctx, `INSERT INTO funds (id, coalition_id, name, holder_organization_id, holder_name, funder, restrictions,
		currency, head_seq, head_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
		f.ID, f.CoalitionID, f.Name, nullString(f.HolderOrganizationID), f.HolderName, f.Funder, f.Restrictions,
		f.Currency, f.HeadSeq, f.HeadHash, f.CreatedBy, formatTime(f.CreatedAt))
	return err
}

// FindFund returns a fund of the coalition (ENOTFOUND for another coalition's).
func (tx *Tx) FindFund(ctx context.Context, coalitionID, id string) (*domain.Fund, error) {
	f, err := scanFund(tx.queryRow(ctx, `SELECT `+fundCols+` FROM funds WHERE id = $1 AND coalition_id = $2`, id, coalitionID))
	return f, notFound(err, "Fund")
}

// LockFund takes the fund's row lock for the rest of the transaction and returns the
// fund as it is then, so that appends to one fund are serialised and its chain never
// forks. The no-op UPDATE is portable: it locks the row on PostgreSQL, and SQLite
// transactions are already serialised by the one write connection.
func (tx *Tx) LockFund(ctx context.Context, coalitionID, id string) (*domain.Fund, error) {
	res, err := tx.exec(ctx, `UPDATE funds SET head_seq = head_seq WHERE id = $1 AND coalition_id = $2`, id, coalitionID)
	if err := mustAffect(res, err, "Fund"); err != nil {
		return nil, err
	}
	return tx.FindFund(ctx, coalitionID, id)
}

// ListFunds returns a coalition's funds by name.
func (tx *Tx) ListFunds(ctx context.Context, coalitionID string) ([]domain.Fund, error) {
	rows, err := tx.query(ctx, `SELECT `+fundCols+` FROM funds WHERE coalition_id = $1 ORDER BY name, id`, coalitionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Fund{}
	for rows.Next() {
		f, err := scanFund(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *f)
	}
	return out, rows.Err()
}

// ListAllFunds returns every fund of every coalition, for `braid ledger verify`.
func (tx *Tx) ListAllFunds(ctx context.Context) ([]domain.Fund, error) {
	rows, err := tx.query(ctx, `SELECT `+fundCols+` FROM funds ORDER BY coalition_id, name, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Fund{}
	for rows.Next() {
		f, err := scanFund(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *f)
	}
	return out, rows.Err()
}

const entryCols = `id, fund_id, seq, kind, amount, currency, organization_id, corrects, memo, approved_by, at, prev_hash, hash, recorded_by, round_id`

// AppendEntries inserts sealed entries at the end of a fund's chain and stores the new
// head with the fund. The caller holds the fund's lock (LockFund) and has checked the
// entries; UNIQUE (fund_id, seq) is the last guard against a forked chain.
func (tx *Tx) AppendEntries(ctx context.Context, fundID string, entries []domain.LedgerEntry) error {
	if len(entries) == 0 {
		return nil
	}
	for _, e := range entries {
		if _, err := tx.exec(ctx, `INSERT INTO ledger_entries (`+entryCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
			e.ID, fundID, e.Seq, e.Kind, e.Amount, e.Currency, e.OrganizationID, e.Corrects, e.Memo, jsonCol{e.ApprovedBy},
			formatTime(e.At), e.PrevHash, e.Hash, e.RecordedBy, e.RoundID); err != nil {
			return err
		}
	}
	last := entries[len(entries)-1]
	res, err := tx.exec(ctx, `UPDATE funds SET head_seq = $1, head_hash = $2 WHERE id = $3`, last.Seq, last.Hash, fundID)
	return mustAffect(res, err, "Fund")
}

// ListEntries returns a fund's ledger in chain order.
func (tx *Tx) ListEntries(ctx context.Context, fundID string) ([]domain.LedgerEntry, error) {
	return tx.listEntries(ctx, `WHERE fund_id = $1 ORDER BY seq, id`, fundID)
}

// ListCoalitionEntries returns the ledger entries of every fund of a coalition, by
// fund then chain order.
func (tx *Tx) ListCoalitionEntries(ctx context.Context, coalitionID string) ([]domain.LedgerEntry, error) {
	return tx.listEntries(ctx, `WHERE fund_id IN (SELECT id FROM funds WHERE coalition_id = $1) ORDER BY fund_id, seq, id`, coalitionID)
}

func (tx *Tx) listEntries(ctx context.Context, where string, args ...any) ([]domain.LedgerEntry, error) {
	rows, err := tx.query(ctx, `SELECT `+entryCols+` FROM ledger_entries `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.LedgerEntry{}
	for rows.Next() {
		var e domain.LedgerEntry
		if err := rows.Scan(&e.ID, &e.FundID, &e.Seq, &e.Kind, &e.Amount, &e.Currency, &e.OrganizationID, &e.Corrects, &e.Memo,
			jsonCol{&e.ApprovedBy}, timeCol{&e.At}, &e.PrevHash, &e.Hash, &e.RecordedBy, &e.RoundID); err != nil {
			return nil, err
		}
		if e.ApprovedBy == nil {
			e.ApprovedBy = []string{}
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
