package store

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
)

// CreateTarget inserts a target of a coalition's power map.
func (tx *Tx) CreateTarget(ctx context.Context, t *domain.Target) error {
	if t.ID == "" {
		t.ID = NewID()
	}
	t.CreatedAt, t.UpdatedAt, t.Version = tx.Now, tx.Now, 1
	_, err := tx.insertOne(ctx, targetInsert, targetRow(t))
	return err
}

// targetInsert, assessmentInsert, accessInsert and their rows are shared by the
// single-row methods and the bulk InsertTargets.
const targetInsert = `INSERT INTO targets (id, coalition_id, campaign, name, kind, title, note, version, created_at, updated_at)`

func targetRow(t *domain.Target) []any {
	return []any{t.ID, t.CoalitionID, t.Campaign, t.Name, t.Kind, t.Title, t.Note, t.Version, formatTime(t.CreatedAt), formatTime(t.UpdatedAt)}
}

const assessmentInsert = `INSERT INTO target_assessments (id, target_id, influence, stance, assessed_on, note, recorded_by, created_at)`

func assessmentRow(a *domain.TargetAssessment) []any {
	return []any{a.ID, a.TargetID, a.Influence, a.Stance, a.AssessedOn, a.Note, a.RecordedBy, formatTime(a.CreatedAt)}
}

const accessInsert = `INSERT INTO target_access (target_id, organization_id, strength, note, recorded_by, updated_at)`

func accessRow(a *domain.TargetAccess) []any {
	return []any{a.TargetID, a.OrganizationID, a.Strength, a.Note, a.RecordedBy, formatTime(a.UpdatedAt)}
}

// FindTarget returns a target of the coalition, without assessments or access (ENOTFOUND).
func (tx *Tx) FindTarget(ctx context.Context, coalitionID, id string) (*domain.Target, error) {
	var t domain.Target
	err := tx.queryRow(ctx, `SELECT id, coalition_id, campaign, name, kind, title, note, version, created_at, updated_at
		FROM targets WHERE id = $1 AND coalition_id = $2`, id, coalitionID).Scan(&t.ID, &t.CoalitionID, &t.Campaign, &t.Name,
		&t.Kind, &t.Title, &t.Note, &t.Version, timeCol{&t.CreatedAt}, timeCol{&t.UpdatedAt})
	return &t, notFound(err, "Target")
}

// AddTargetAssessment records where a target stood on a date.
func (tx *Tx) AddTargetAssessment(ctx context.Context, a *domain.TargetAssessment) error {
	if a.ID == "" {
		a.ID = NewID()
	}
	a.CreatedAt = tx.Now
	_, err := tx.insertOne(ctx, assessmentInsert, assessmentRow(a))
	return err
}

// SetTargetAccess records (or replaces) a member organization's access to a target.
func (tx *Tx) SetTargetAccess(ctx context.Context, a *domain.TargetAccess) error {
	a.UpdatedAt = tx.Now
	_, err := tx.exec(ctx, accessInsert+` VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (target_id, organization_id)
		DO UPDATE SET strength = excluded.strength, note = excluded.note, recorded_by = excluded.recorded_by, updated_at = excluded.updated_at`,
		accessRow(a)...)
	return err
}

// ListTargets returns a coalition's targets by campaign and name, each with its
// assessments (by date, then record order) and access (by organization name).
func (tx *Tx) ListTargets(ctx context.Context, coalitionID string) ([]domain.Target, error) {
	rows, err := tx.query(ctx, `SELECT id, coalition_id, campaign, name, kind, title, note, version, created_at, updated_at
		FROM targets WHERE coalition_id = $1 ORDER BY campaign, name, id`, coalitionID)
	if err != nil {
		return nil, err
	}
	out := []domain.Target{}
	index := map[string]int{}
	for rows.Next() {
		var t domain.Target
		if err := rows.Scan(&t.ID, &t.CoalitionID, &t.Campaign, &t.Name, &t.Kind, &t.Title, &t.Note, &t.Version,
			timeCol{&t.CreatedAt}, timeCol{&t.UpdatedAt}); err != nil {
			rows.Close()
			return nil, err
		}
		t.Assessments, t.Access = []domain.TargetAssessment{}, []domain.TargetAccess{}
		index[t.ID] = len(out)
		out = append(out, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := tx.fillAssessments(ctx, coalitionID, out, index); err != nil {
		return nil, err
	}
	return out, tx.fillAccess(ctx, coalitionID, out, index)
}

func (tx *Tx) fillAssessments(ctx context.Context, coalitionID string, out []domain.Target, index map[string]int) error {
	rows, err := tx.query(ctx, `SELECT a.id, a.target_id, a.influence, a.stance, a.assessed_on, a.note, a.recorded_by, a.created_at
		FROM target_assessments a JOIN targets t ON t.id = a.target_id WHERE t.coalition_id = $1
		ORDER BY a.assessed_on, a.created_at, a.id`, coalitionID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var a domain.TargetAssessment
		if err := rows.Scan(&a.ID, &a.TargetID, &a.Influence, &a.Stance, &a.AssessedOn, &a.Note, &a.RecordedBy, timeCol{&a.CreatedAt}); err != nil {
			return err
		}
		t := &out[index[a.TargetID]]
		t.Assessments = append(t.Assessments, a)
	}
	return rows.Err()
}

func (tx *Tx) fillAccess(ctx context.Context, coalitionID string, out []domain.Target, index map[string]int) error {
	rows, err := tx.query(ctx, `SELECT x.target_id, x.organization_id, o.name, x.strength, x.note, x.recorded_by, x.updated_at
		FROM target_access x JOIN targets t ON t.id = x.target_id JOIN organizations o ON o.id = x.organization_id
		WHERE t.coalition_id = $1 ORDER BY o.name, x.organization_id`, coalitionID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var a domain.TargetAccess
		if err := rows.Scan(&a.TargetID, &a.OrganizationID, &a.OrganizationName, &a.Strength, &a.Note, &a.RecordedBy, timeCol{&a.UpdatedAt}); err != nil {
			return err
		}
		t := &out[index[a.TargetID]]
		t.Access = append(t.Access, a)
	}
	return rows.Err()
}
