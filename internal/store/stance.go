package store

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

// PutStance records a voter's stance on a proposal, replacing the voter's earlier one.
// The caller holds the proposal's lock (LockProposal); the database refuses a stance on
// a closed proposal in any case.
func (tx *Tx) PutStance(ctx context.Context, s *domain.Stance) error {
	if s.ID == "" {
		s.ID = NewID()
	}
	if s.Ranking == nil {
		s.Ranking = []string{}
	}
	if s.UpdatedAt.IsZero() { // Loaders (the demo) may date a stance in the past.
		s.UpdatedAt = tx.Now
	}
	s.CreatedAt = s.UpdatedAt
	return tx.queryRow(ctx, stanceInsert+` VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
		ON CONFLICT (proposal_id, voter_id) DO UPDATE SET organization_id = excluded.organization_id, user_id = excluded.user_id,
		position = excluded.position, choice = excluded.choice, ranking = excluded.ranking, reason = excluded.reason,
		principle_id = excluded.principle_id, comment = excluded.comment, updated_at = excluded.updated_at
		RETURNING id, created_at`, stanceRow(s)...).Scan(&s.ID, timeCol{&s.CreatedAt})
}

// stanceInsert and stanceRow are shared by PutStance and the bulk InsertProposals.
const stanceInsert = `INSERT INTO stances (id, proposal_id, voter_id, organization_id, user_id, position, choice, ranking,
	reason, principle_id, comment, created_at, updated_at)`

func stanceRow(s *domain.Stance) []any {
	return []any{s.ID, s.ProposalID, s.VoterID, s.OrganizationID, s.UserID, s.Position, s.Choice, jsonCol{s.Ranking},
		s.Reason, s.PrincipleID, s.Comment, formatTime(s.CreatedAt), formatTime(s.UpdatedAt)}
}

// ListStances returns the stances on a proposal, oldest first.
func (tx *Tx) ListStances(ctx context.Context, proposalID string) ([]domain.Stance, error) {
	rows, err := tx.query(ctx, `SELECT id, proposal_id, voter_id, organization_id, user_id, position, choice, ranking, reason,
		principle_id, comment, created_at, updated_at FROM stances WHERE proposal_id = $1 ORDER BY created_at, id`, proposalID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Stance{}
	for rows.Next() {
		var s domain.Stance
		if err := rows.Scan(&s.ID, &s.ProposalID, &s.VoterID, &s.OrganizationID, &s.UserID, &s.Position, &s.Choice, jsonCol{&s.Ranking},
			&s.Reason, &s.PrincipleID, &s.Comment, timeCol{&s.CreatedAt}, timeCol{&s.UpdatedAt}); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// periodArgs adds the bounds of a period on column to a query.
func periodArgs(q, column string, args []any, from, to *time.Time) (string, []any) {
	if from != nil {
		args = append(args, formatTime(*from))
		q += ` AND ` + column + ` >= ` + placeholders(len(args), 1)
	}
	if to != nil {
		args = append(args, formatTime(*to))
		q += ` AND ` + column + ` <= ` + placeholders(len(args), 1)
	}
	return q, args
}

// countByOrganization runs a query of (organization_id, count) rows into a map.
func (tx *Tx) countByOrganization(ctx context.Context, q string, args ...any) (map[string]float64, error) {
	rows, err := tx.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]float64{}
	for rows.Next() {
		var org string
		var n int64
		if err := rows.Scan(&org, &n); err != nil {
			return nil, err
		}
		out[org] = float64(n)
	}
	return out, rows.Err()
}

// StancesByOrganization counts, per organization, the stances taken on a coalition's
// proposals that opened in the period (nil bounds are open).
func (tx *Tx) StancesByOrganization(ctx context.Context, coalitionID string, from, to *time.Time) (map[string]float64, error) {
	q, args := periodArgs(`SELECT s.organization_id, COUNT(*) FROM stances s JOIN proposals p ON p.id = s.proposal_id
		WHERE p.coalition_id = $1 AND s.organization_id <> ''`, "p.opened_at", []any{coalitionID}, from, to)
	return tx.countByOrganization(ctx, q+` GROUP BY s.organization_id`, args...)
}

// ProposalsAuthoredByOrganization counts, per organization, the proposals of a coalition
// opened in the period by a representative speaking for it. Drafts never opened do not count.
func (tx *Tx) ProposalsAuthoredByOrganization(ctx context.Context, coalitionID string, from, to *time.Time) (map[string]float64, error) {
	q, args := periodArgs(`SELECT author_organization_id, COUNT(*) FROM proposals
		WHERE coalition_id = $1 AND author_organization_id <> '' AND opened_at IS NOT NULL`, "opened_at", []any{coalitionID}, from, to)
	return tx.countByOrganization(ctx, q+` GROUP BY author_organization_id`, args...)
}
