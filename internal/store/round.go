package store

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
)

const roundCols = `id, coalition_id, fund_id, title, amount, currency, method, params, members, status, decision, result, opened_by, opened_at, approved_by, approved_at, proposal_id`

func scanRound(row interface{ Scan(...any) error }) (*domain.AllocationRound, error) {
	var r domain.AllocationRound
	err := row.Scan(&r.ID, &r.CoalitionID, &r.FundID, &r.Title, &r.Amount, &r.Currency, &r.Method, jsonCol{&r.Params}, jsonCol{&r.Members},
		&r.Status, &r.Decision, jsonCol{&r.Result}, &r.OpenedBy, timeCol{&r.OpenedAt}, &r.ApprovedBy, nullTimeCol{&r.ApprovedAt}, &r.ProposalID)
	if r.Result == nil {
		r.Result = []domain.RoundAmount{}
	}
	return &r, err
}

// CreateRound inserts an open allocation round.
func (tx *Tx) CreateRound(ctx context.Context, r *domain.AllocationRound) error {
	if r.ID == "" {
		r.ID = NewID()
	}
	if r.OpenedAt.IsZero() {
		r.OpenedAt = tx.Now
	}
	if r.Result == nil {
		r.Result = []domain.RoundAmount{}
	}
	_, err := tx.exec(ctx, `INSERT INTO allocation_rounds (`+roundCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
		r.ID, r.CoalitionID, r.FundID, r.Title, r.Amount, r.Currency, r.Method, jsonCol{r.Params}, jsonCol{r.Members},
		r.Status, r.Decision, jsonCol{r.Result}, r.OpenedBy, formatTime(r.OpenedAt), r.ApprovedBy, formatTimePtr(r.ApprovedAt), r.ProposalID)
	return err
}

// FindRound returns a round of the coalition (ENOTFOUND for another coalition's).
func (tx *Tx) FindRound(ctx context.Context, coalitionID, id string) (*domain.AllocationRound, error) {
	r, err := scanRound(tx.queryRow(ctx, `SELECT `+roundCols+` FROM allocation_rounds WHERE id = $1 AND coalition_id = $2`, id, coalitionID))
	return r, notFound(err, "Allocation round")
}

// ListRounds returns a coalition's rounds, newest first.
func (tx *Tx) ListRounds(ctx context.Context, coalitionID string) ([]domain.AllocationRound, error) {
	rows, err := tx.query(ctx, `SELECT `+roundCols+` FROM allocation_rounds WHERE coalition_id = $1 ORDER BY opened_at DESC, id`, coalitionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.AllocationRound{}
	for rows.Next() {
		r, err := scanRound(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *r)
	}
	return out, rows.Err()
}

// ApproveRound marks an open round approved, with its result. Only one caller can: the
// update names the open status, so a second approval, even one racing the first, finds
// no open round and gets ECONFLICT (on PostgreSQL it waits for the first to commit and
// then re-reads the row).
func (tx *Tx) ApproveRound(ctx context.Context, r *domain.AllocationRound, approverID string) error {
	res, err := tx.exec(ctx, `UPDATE allocation_rounds SET status = $1, approved_by = $2, approved_at = $3, result = $4
		WHERE id = $5 AND status = $6`, domain.RoundApproved, approverID, formatTime(tx.Now), jsonCol{r.Result}, r.ID, domain.RoundOpen)
	if err := mustAffect(res, err, "Allocation round"); err != nil {
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			return domain.Errorf(domain.ECONFLICT, "This round has already been approved.")
		}
		return err
	}
	now := tx.Now
	r.Status, r.ApprovedBy, r.ApprovedAt = domain.RoundApproved, approverID, &now
	return nil
}

// SetPoints replaces the points one member organization gives in a round.
func (tx *Tx) SetPoints(ctx context.Context, roundID, giver, givenBy string, points map[string]int64) error {
	if _, err := tx.exec(ctx, `DELETE FROM allocation_points WHERE round_id = $1 AND giver_organization_id = $2`, roundID, giver); err != nil {
		return err
	}
	for to, p := range points {
		if _, err := tx.exec(ctx, `INSERT INTO allocation_points (round_id, giver_organization_id, receiver_organization_id, points, given_by)
			VALUES ($1, $2, $3, $4, $5)`, roundID, giver, to, p, givenBy); err != nil {
			return err
		}
	}
	return nil
}

// ListPoints returns a round's points: giver → receiver → points.
func (tx *Tx) ListPoints(ctx context.Context, roundID string) (map[string]map[string]int64, error) {
	rows, err := tx.query(ctx, `SELECT giver_organization_id, receiver_organization_id, points FROM allocation_points WHERE round_id = $1`, roundID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]map[string]int64{}
	for rows.Next() {
		var g, r string
		var p int64
		if err := rows.Scan(&g, &r, &p); err != nil {
			return nil, err
		}
		if out[g] == nil {
			out[g] = map[string]int64{}
		}
		out[g][r] = p
	}
	return out, rows.Err()
}

// FindRoundOfProposal returns the round a proposal decides (ENOTFOUND when none).
func (tx *Tx) FindRoundOfProposal(ctx context.Context, coalitionID, proposalID string) (*domain.AllocationRound, error) {
	r, err := scanRound(tx.queryRow(ctx, `SELECT `+roundCols+` FROM allocation_rounds WHERE coalition_id = $1 AND proposal_id = $2`,
		coalitionID, proposalID))
	if err != nil {
		return nil, notFound(err, "Allocation round")
	}
	return r, nil
}

// DeclineRound marks an open round declined.
func (tx *Tx) DeclineRound(ctx context.Context, id string) error {
	res, err := tx.exec(ctx, `UPDATE allocation_rounds SET status = $1 WHERE id = $2 AND status = $3`, domain.RoundDeclined, id, domain.RoundOpen)
	return mustAffect(res, err, "Allocation round")
}
