package store

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

// CreateSteppingBack records a stepping back.
func (tx *Tx) CreateSteppingBack(ctx context.Context, s *domain.SteppingBack) error {
	if s.ID == "" {
		s.ID = NewID()
	}
	if s.StartsAt.IsZero() {
		s.StartsAt = tx.Now
	}
	_, err := tx.insertOne(ctx, steppingBackInsert, steppingBackRow(s))
	return err
}

// steppingBackInsert and steppingBackRow are shared by CreateSteppingBack and the bulk
// InsertSteppingBacks. Who ended a stepping back is an account: an import leaves it "".
const steppingBackInsert = `INSERT INTO stepping_backs (id, coalition_id, membership_id, organization_id, scope, workstream_id, reason, note,
	starts_at, until_at, ended_at, created_by)`

func steppingBackRow(s *domain.SteppingBack) []any {
	return []any{s.ID, s.CoalitionID, s.MembershipID, s.OrganizationID, s.Scope, nullString(s.WorkstreamID), s.Reason, s.Note, formatTime(s.StartsAt),
		formatTimePtr(s.Until), formatTimePtr(s.EndedAt), s.CreatedBy}
}

// EndSteppingBack records the organization's return (ECONFLICT when it already returned).
func (tx *Tx) EndSteppingBack(ctx context.Context, coalitionID, id, by string) error {
	res, err := tx.exec(ctx, `UPDATE stepping_backs SET ended_at = $1, ended_by = $2 WHERE id = $3 AND coalition_id = $4 AND ended_at IS NULL`,
		formatTime(tx.Now), by, id, coalitionID)
	if err := mustAffect(res, err, "Stepping back"); err != nil {
		if _, ferr := tx.FindSteppingBack(ctx, coalitionID, id); ferr == nil {
			return domain.Errorf(domain.ECONFLICT, "This organization has already come back.")
		}
		return err
	}
	return nil
}

const steppingBackCols = `id, coalition_id, membership_id, organization_id, scope, COALESCE(workstream_id, ''), reason, note, starts_at,
	until_at, ended_at, created_by`

func scanSteppingBack(row interface{ Scan(...any) error }) (domain.SteppingBack, error) {
	var s domain.SteppingBack
	err := row.Scan(&s.ID, &s.CoalitionID, &s.MembershipID, &s.OrganizationID, &s.Scope, &s.WorkstreamID, &s.Reason, &s.Note,
		timeCol{&s.StartsAt}, nullTimeCol{&s.Until}, nullTimeCol{&s.EndedAt}, &s.CreatedBy)
	return s, err
}

// FindSteppingBack returns one stepping back of a coalition (ENOTFOUND).
func (tx *Tx) FindSteppingBack(ctx context.Context, coalitionID, id string) (*domain.SteppingBack, error) {
	s, err := scanSteppingBack(tx.queryRow(ctx, `SELECT `+steppingBackCols+` FROM stepping_backs WHERE id = $1 AND coalition_id = $2`, id, coalitionID))
	if err != nil {
		return nil, notFound(err, "Stepping back")
	}
	return &s, nil
}

// ListSteppingBacks returns a coalition's stepping backs, newest first.
func (tx *Tx) ListSteppingBacks(ctx context.Context, coalitionID string) ([]domain.SteppingBack, error) {
	rows, err := tx.query(ctx, `SELECT `+steppingBackCols+` FROM stepping_backs WHERE coalition_id = $1 ORDER BY starts_at DESC, id`, coalitionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.SteppingBack{}
	for rows.Next() {
		s, err := scanSteppingBack(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// SteppedBackFromCoalition returns the organizations stepping back from the coalition at now.
func (tx *Tx) SteppedBackFromCoalition(ctx context.Context, coalitionID string, now time.Time) (map[string]bool, error) {
	all, err := tx.ListSteppingBacks(ctx, coalitionID)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, s := range all {
		if s.Scope == domain.StepBackFromCoalition && s.Active(now) {
			out[s.OrganizationID] = true
		}
	}
	return out, nil
}
