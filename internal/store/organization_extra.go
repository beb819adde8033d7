package store

import "context"

// SharesCoalition reports whether the user has access to a coalition the organization
// belongs to.
func (tx *Tx) SharesCoalition(ctx context.Context, userID, orgID string) (bool, error) {
	var n int
	err := tx.queryRow(ctx, `SELECT COUNT(*) FROM memberships m JOIN coalition_access a ON a.coalition_id = m.coalition_id
		WHERE a.user_id = $1 AND m.organization_id = $2`, userID, orgID).Scan(&n)
	return n > 0, err
}

// CoalitionIDsOfOrganization returns the coalitions an organization belongs to.
func (tx *Tx) CoalitionIDsOfOrganization(ctx context.Context, orgID string) ([]string, error) {
	rows, err := tx.query(ctx, `SELECT coalition_id FROM memberships WHERE organization_id = $1 ORDER BY coalition_id`, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
