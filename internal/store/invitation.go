package store

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
)

const invitationCols = `id, coalition_id, organization_name, COALESCE(organization_id, ''), email, role, most_impacted,
	created_by, created_at, expires_at, accepted_at, COALESCE(membership_id, '')`

func scanInvitation(row interface{ Scan(...any) error }) (*domain.Invitation, error) {
	var i domain.Invitation
	err := row.Scan(&i.ID, &i.CoalitionID, &i.OrganizationName, &i.OrganizationID, &i.Email, &i.Role, &i.MostImpacted,
		&i.CreatedBy, timeCol{&i.CreatedAt}, timeCol{&i.ExpiresAt}, nullTimeCol{&i.AcceptedAt}, &i.MembershipID)
	return &i, err
}

// CreateInvitation stores an invitation by the hash of its token.
func (tx *Tx) CreateInvitation(ctx context.Context, inv *domain.Invitation, tokenHash string) error {
	inv.ID = NewID()
	inv.CreatedAt = tx.Now
	_, err := tx.exec(ctx, `INSERT INTO invitations (id, coalition_id, token_hash, organization_name, organization_id, email, role,
		most_impacted, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		inv.ID, inv.CoalitionID, tokenHash, inv.OrganizationName, nullString(inv.OrganizationID), inv.Email, inv.Role,
		inv.MostImpacted, inv.CreatedBy, formatTime(inv.CreatedAt), formatTime(inv.ExpiresAt))
	return err
}

// FindInvitationByTokenHash returns an invitation by its token's hash (ENOTFOUND).
func (tx *Tx) FindInvitationByTokenHash(ctx context.Context, hash string) (*domain.Invitation, error) {
	i, err := scanInvitation(tx.queryRow(ctx, `SELECT `+invitationCols+` FROM invitations WHERE token_hash = $1`, hash))
	return i, notFound(err, "Invitation")
}

// MarkInvitationAccepted marks an open invitation used. It returns ECONFLICT when the
// invitation was already used, so that two simultaneous acceptances cannot both win.
func (tx *Tx) MarkInvitationAccepted(ctx context.Context, id, membershipID string) error {
	res, err := tx.exec(ctx, `UPDATE invitations SET accepted_at = $1, membership_id = $2 WHERE id = $3 AND accepted_at IS NULL`,
		formatTime(tx.Now), membershipID, id)
	if err := mustAffect(res, err, "Invitation"); err != nil {
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			return domain.Errorf(domain.ECONFLICT, "This invitation has already been used.")
		}
		return err
	}
	return nil
}

// ListInvitations returns a coalition's invitations, newest first.
func (tx *Tx) ListInvitations(ctx context.Context, coalitionID string) ([]domain.Invitation, error) {
	rows, err := tx.query(ctx, `SELECT `+invitationCols+` FROM invitations WHERE coalition_id = $1 ORDER BY created_at DESC, id`, coalitionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Invitation{}
	for rows.Next() {
		i, err := scanInvitation(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *i)
	}
	return out, rows.Err()
}
