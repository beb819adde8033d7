package store

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
)

// CreateThanks records thanks sent to an organization.
func (tx *Tx) CreateThanks(ctx context.Context, th *domain.Thanks) error {
	th.ID, th.CreatedAt = NewID(), tx.Now
	_, err := tx.exec(ctx, `INSERT INTO thanks (id, coalition_id, win_id, organization_id, message, sent_by, created_at)
		VALUES ($1, $2, $3, $4, $5, '', $6)`, th.ID, th.CoalitionID, nullString(th.WinID), th.OrganizationID, th.Message, formatTime(th.CreatedAt))
	return err
}

const thanksSelect = `SELECT t.id, t.coalition_id, c.name, COALESCE(t.win_id, ''), COALESCE(w.title, ''), t.organization_id, o.name,
	t.message, t.created_at FROM thanks t JOIN coalitions c ON c.id = t.coalition_id JOIN organizations o ON o.id = t.organization_id
	LEFT JOIN wins w ON w.id = t.win_id`

func (tx *Tx) listThanks(ctx context.Context, where string, arg string) ([]domain.Thanks, error) {
	rows, err := tx.query(ctx, thanksSelect+` WHERE `+where+` ORDER BY t.created_at DESC, t.id`, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Thanks{}
	for rows.Next() {
		var th domain.Thanks
		if err := rows.Scan(&th.ID, &th.CoalitionID, &th.CoalitionName, &th.WinID, &th.WinTitle, &th.OrganizationID, &th.OrganizationName,
			&th.Message, timeCol{&th.CreatedAt}); err != nil {
			return nil, err
		}
		out = append(out, th)
	}
	return out, rows.Err()
}

// ListThanksOfOrganization returns the thanks an organization received, newest first.
func (tx *Tx) ListThanksOfOrganization(ctx context.Context, orgID string) ([]domain.Thanks, error) {
	return tx.listThanks(ctx, `t.organization_id = $1`, orgID)
}

// ListThanksOfCoalition returns the thanks a coalition sent, newest first.
func (tx *Tx) ListThanksOfCoalition(ctx context.Context, coalitionID string) ([]domain.Thanks, error) {
	return tx.listThanks(ctx, `t.coalition_id = $1`, coalitionID)
}
