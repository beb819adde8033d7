package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/braid-org/braid/internal/domain"
)

const contributionCols = `id, coalition_id, organization_id, COALESCE(person_id, ''), day, minutes, kind, description, link_type, link_id, confirmed_by, confirmed_at, created_by, created_at`

func scanContribution(row interface{ Scan(...any) error }) (*domain.Contribution, error) {
	var c domain.Contribution
	err := row.Scan(&c.ID, &c.CoalitionID, &c.OrganizationID, &c.PersonID, &c.Day, &c.Minutes, &c.Kind, &c.Description,
		&c.LinkType, &c.LinkID, &c.ConfirmedBy, nullTimeCol{&c.ConfirmedAt}, &c.CreatedBy, timeCol{&c.CreatedAt})
	return &c, err
}

// CreateContribution inserts a contribution.
func (tx *Tx) CreateContribution(ctx context.Context, c *domain.Contribution) error {
	if c.ID == "" {
		c.ID = NewID()
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = tx.Now
	}
	_, err := tx.exec(ctx, `INSERT INTO contributions (id, coalition_id, organization_id, person_id, day, minutes, kind, description,
		link_type, link_id, confirmed_by, confirmed_at, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
		c.ID, c.CoalitionID, c.OrganizationID, nullString(c.PersonID), c.Day, c.Minutes, c.Kind, c.Description,
		c.LinkType, c.LinkID, c.ConfirmedBy, formatTimePtr(c.ConfirmedAt), c.CreatedBy, formatTime(c.CreatedAt))
	return err
}

// InsertContributions inserts many contributions with multi-row statements (imports,
// demo data, benchmarks).
func (tx *Tx) InsertContributions(ctx context.Context, cs []domain.Contribution) error {
	for i := range cs {
		if cs[i].ID == "" {
			cs[i].ID = NewID()
		}
		if cs[i].CreatedAt.IsZero() {
			cs[i].CreatedAt = tx.Now
		}
	}
	return tx.insertRows(ctx, `INSERT INTO contributions (id, coalition_id, organization_id, person_id, day, minutes, kind, description,
		link_type, link_id, confirmed_by, confirmed_at, created_by, created_at)`, "", 14, len(cs),
		func(i int) []any {
			c := cs[i]
			return []any{c.ID, c.CoalitionID, c.OrganizationID, nullString(c.PersonID), c.Day, c.Minutes, c.Kind, c.Description,
				c.LinkType, c.LinkID, c.ConfirmedBy, formatTimePtr(c.ConfirmedAt), c.CreatedBy, formatTime(c.CreatedAt)}
		})
}

// FindContribution returns a contribution of the coalition (ENOTFOUND otherwise).
func (tx *Tx) FindContribution(ctx context.Context, coalitionID, id string) (*domain.Contribution, error) {
	c, err := scanContribution(tx.queryRow(ctx, `SELECT `+contributionCols+` FROM contributions WHERE id = $1 AND coalition_id = $2`, id, coalitionID))
	return c, notFound(err, "Contribution")
}

// ConfirmContribution marks a contribution confirmed; ECONFLICT when it already is.
func (tx *Tx) ConfirmContribution(ctx context.Context, c *domain.Contribution, by string) error {
	res, err := tx.exec(ctx, `UPDATE contributions SET confirmed_by = $1, confirmed_at = $2 WHERE id = $3 AND confirmed_at IS NULL`,
		by, formatTime(tx.Now), c.ID)
	if err := mustAffect(res, err, "Contribution"); err != nil {
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			return domain.Errorf(domain.ECONFLICT, "This contribution is already confirmed.")
		}
		return err
	}
	now := tx.Now
	c.ConfirmedBy, c.ConfirmedAt = by, &now
	return nil
}

// ContributionFilter narrows a list of contributions; empty fields do not filter.
// From and To are days (YYYY-MM-DD, inclusive); Confirmed is "yes", "no" or "";
// LinkType and LinkID name the task, meeting or win the contributions are linked to.
type ContributionFilter struct {
	OrganizationID   string
	From, To         string
	Confirmed        string
	LinkType, LinkID string
}

// ListContributions returns a coalition's contributions that pass the filter, newest
// day first, at most limit.
func (tx *Tx) ListContributions(ctx context.Context, coalitionID string, f ContributionFilter, limit int) ([]domain.Contribution, error) {
	where, args := `coalition_id = $1`, []any{coalitionID}
	add := func(cond string, arg any) {
		args = append(args, arg)
		where += ` AND ` + strings.ReplaceAll(cond, "?", "$"+strconv.Itoa(len(args)))
	}
	if f.OrganizationID != "" {
		add(`organization_id = ?`, f.OrganizationID)
	}
	if f.From != "" {
		add(`day >= ?`, f.From)
	}
	if f.To != "" {
		add(`day <= ?`, f.To)
	}
	if f.LinkType != "" {
		add(`link_type = ?`, f.LinkType)
		add(`link_id = ?`, f.LinkID)
	}
	switch f.Confirmed {
	case "yes":
		where += ` AND confirmed_at IS NOT NULL`
	case "no":
		where += ` AND confirmed_at IS NULL`
	}
	args = append(args, limit)
	rows, err := tx.query(ctx, `SELECT `+contributionCols+` FROM contributions WHERE `+where+`
		ORDER BY day DESC, created_at DESC, id LIMIT $`+strconv.Itoa(len(args)), args...)
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

// ConfirmedMinutes sums each organization's confirmed minutes between two days
// (YYYY-MM-DD, inclusive; "" for open ends).
func (tx *Tx) ConfirmedMinutes(ctx context.Context, coalitionID, from, to string) (map[string]int64, error) {
	if from == "" {
		from = "0000-00-00"
	}
	if to == "" {
		to = "9999-99-99"
	}
	rows, err := tx.query(ctx, `SELECT organization_id, SUM(minutes) FROM contributions
		WHERE coalition_id = $1 AND day >= $2 AND day <= $3 AND confirmed_at IS NOT NULL GROUP BY organization_id`, coalitionID, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var org string
		var m int64
		if err := rows.Scan(&org, &m); err != nil {
			return nil, err
		}
		out[org] = m
	}
	return out, rows.Err()
}

// AllocatedByOrganization sums each organization's allocations (net of corrections)
// in the coalition's funds, between two instants given as stored times ("" for open).
func (tx *Tx) AllocatedByOrganization(ctx context.Context, coalitionID, currency, from, to string) (map[string]int64, error) {
	if to == "" {
		to = "9999"
	}
	rows, err := tx.query(ctx, `SELECT e.organization_id, SUM(e.amount) FROM ledger_entries e JOIN funds f ON f.id = e.fund_id
		WHERE f.coalition_id = $1 AND e.currency = $4 AND e.at >= $2 AND e.at <= $3 AND (e.kind = 'allocated'
		OR (e.kind = 'correction' AND e.corrects IN (SELECT id FROM ledger_entries WHERE kind = 'allocated')))
		GROUP BY e.organization_id`, coalitionID, from, to, currency)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var org string
		var m int64
		if err := rows.Scan(&org, &m); err != nil {
			return nil, err
		}
		out[org] = m
	}
	return out, rows.Err()
}

// MainAllocationCurrency returns the currency in which a coalition has allocated the
// most (ties to the code that sorts first), "" when it has allocated nothing.
func (tx *Tx) MainAllocationCurrency(ctx context.Context, coalitionID string) (string, error) {
	var currency string
	err := tx.queryRow(ctx, `SELECT e.currency FROM ledger_entries e JOIN funds f ON f.id = e.fund_id
		WHERE f.coalition_id = $1 AND e.kind = 'allocated' GROUP BY e.currency ORDER BY SUM(e.amount) DESC, e.currency LIMIT 1`, coalitionID).Scan(&currency)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return currency, err
}
