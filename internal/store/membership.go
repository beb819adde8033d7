package store

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
)

const membershipCols = `m.id, m.coalition_id, m.organization_id, m.role, m.most_impacted, m.status, m.status_reason,
	m.joined_at, m.left_at, m.version`

func scanMembership(row interface{ Scan(...any) error }, extra ...any) (*domain.Membership, error) {
	var m domain.Membership
	dest := append([]any{&m.ID, &m.CoalitionID, &m.OrganizationID, &m.Role, &m.MostImpacted, &m.Status, &m.StatusReason,
		timeCol{&m.JoinedAt}, nullTimeCol{&m.LeftAt}, &m.Version}, extra...)
	err := row.Scan(dest...)
	return &m, err
}

// CreateMembership adds an organization to a coalition (ECONFLICT if it is already in).
func (tx *Tx) CreateMembership(ctx context.Context, m *domain.Membership) error {
	if m.ID == "" {
		m.ID = NewID()
	}
	if m.JoinedAt.IsZero() {
		m.JoinedAt = tx.Now
	}
	if m.Status == "" {
		m.Status = domain.StatusActive
	}
	if m.Version == 0 {
		m.Version = 1
	}
	_, err := tx.exec(ctx, `INSERT INTO memberships (id, coalition_id, organization_id, role, most_impacted, status,
		status_reason, joined_at, left_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		m.ID, m.CoalitionID, m.OrganizationID, m.Role, m.MostImpacted, m.Status, m.StatusReason,
		formatTime(m.JoinedAt), formatTimePtr(m.LeftAt), m.Version)
	return err
}

// FindMembership returns a membership of a coalition by id (ENOTFOUND, also when it
// belongs to another coalition).
func (tx *Tx) FindMembership(ctx context.Context, coalitionID, id string) (*domain.Membership, error) {
	m, err := scanMembership(tx.queryRow(ctx, `SELECT `+membershipCols+` FROM memberships m WHERE m.id = $1 AND m.coalition_id = $2`, id, coalitionID))
	return m, notFound(err, "Membership")
}

// FindMembershipOfOrganization returns an organization's membership in a coalition (ENOTFOUND).
func (tx *Tx) FindMembershipOfOrganization(ctx context.Context, coalitionID, orgID string) (*domain.Membership, error) {
	m, err := scanMembership(tx.queryRow(ctx, `SELECT `+membershipCols+` FROM memberships m WHERE m.coalition_id = $1 AND m.organization_id = $2`, coalitionID, orgID))
	return m, notFound(err, "Membership")
}

// UpdateMembership saves role, flag and status if the version still matches (EPRECONDITION).
func (tx *Tx) UpdateMembership(ctx context.Context, m *domain.Membership, expectVersion int) error {
	res, err := tx.exec(ctx, `UPDATE memberships SET role = $1, most_impacted = $2, status = $3, status_reason = $4, left_at = $5,
		version = version + 1 WHERE id = $6 AND coalition_id = $7 AND version = $8`,
		m.Role, m.MostImpacted, m.Status, m.StatusReason, formatTimePtr(m.LeftAt), m.ID, m.CoalitionID, expectVersion)
	if err := mustAffect(res, err, "Membership"); err != nil {
		if domain.ErrorCode(err) != domain.ENOTFOUND {
			return err
		}
		if _, ferr := tx.FindMembership(ctx, m.CoalitionID, m.ID); ferr == nil {
			return domain.Errorf(domain.EPRECONDITION, "Someone else changed this membership; reload to see their change.")
		}
		return err
	}
	m.Version = expectVersion + 1
	return nil
}

// ListMemberships returns a coalition's memberships joined with their organizations,
// ordered by organization name, after the cursor (a membership id; "" for the start).
// limit <= 0 means all.
func (tx *Tx) ListMemberships(ctx context.Context, coalitionID string, after string, limit int) ([]domain.Membership, error) {
	q := `SELECT ` + membershipCols + `, ` + orgCols + ` FROM memberships m JOIN organizations o ON o.id = m.organization_id
		WHERE m.coalition_id = $1`
	args := []any{coalitionID}
	if after != "" {
		q += ` AND (o.name, m.id) > (SELECT o2.name, m2.id FROM memberships m2 JOIN organizations o2 ON o2.id = m2.organization_id WHERE m2.id = $2)`
		args = append(args, after)
	}
	q += ` ORDER BY o.name, m.id`
	if limit > 0 {
		args = append(args, limit)
		q += ` LIMIT ` + placeholders(len(args), 1)
	}
	rows, err := tx.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Membership{}
	for rows.Next() {
		var o domain.Organization
		m, err := scanMembership(rows, &o.ID, &o.Name, &o.Kind, &o.Mission, &o.Website, jsonCol{&o.Geographies}, jsonCol{&o.IssueAreas},
			jsonCol{&o.Skills}, jsonCol{&o.Languages}, &o.BudgetBand, &o.StaffSize, &o.BipocLed, &o.Identity,
			jsonCol{&o.Visibility}, &o.Version, timeCol{&o.CreatedAt}, timeCol{&o.UpdatedAt})
		if err != nil {
			return nil, err
		}
		m.Organization = &o
		out = append(out, *m)
	}
	return out, rows.Err()
}

// CountMemberships counts a coalition's memberships that have not left.
func (tx *Tx) CountMemberships(ctx context.Context, coalitionID string) (int, error) {
	var n int
	err := tx.queryRow(ctx, `SELECT COUNT(*) FROM memberships WHERE coalition_id = $1 AND status <> 'left'`, coalitionID).Scan(&n)
	return n, err
}
