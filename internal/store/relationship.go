package store

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

const relationshipColumns = `r.id, r.organization_id, r.other_organization_id, r.kind, r.depth, r.since, r.note,
	r.recorded_by, r.version, r.created_at, r.updated_at, oa.name, ob.name`

const relationshipFrom = ` FROM relationships r JOIN organizations oa ON oa.id = r.organization_id
	JOIN organizations ob ON ob.id = r.other_organization_id`

func scanRelationship(row interface{ Scan(...any) error }) (*domain.Relationship, error) {
	var r domain.Relationship
	err := row.Scan(&r.ID, &r.OrganizationID, &r.OtherOrganizationID, &r.Kind, &r.Depth, &r.Since, &r.Note,
		&r.RecordedBy, &r.Version, timeCol{&r.CreatedAt}, timeCol{&r.UpdatedAt}, &r.OrganizationName, &r.OtherOrganizationName)
	return &r, err
}

// CreateRelationship inserts one organization's declaration and its first history row
// (ECONFLICT when that organization has already declared a relationship with the other).
func (tx *Tx) CreateRelationship(ctx context.Context, r *domain.Relationship) error {
	if r.ID == "" {
		r.ID = NewID()
	}
	if r.CreatedAt.IsZero() {
		r.CreatedAt = tx.Now
	}
	r.UpdatedAt, r.Version = r.CreatedAt, 1
	_, err := tx.insertOne(ctx, relationshipInsert, relationshipRow(r))
	if domain.ErrorCode(err) == domain.ECONFLICT {
		return domain.Errorf(domain.ECONFLICT, "This organization has already recorded its relationship with that organization; change that one instead.")
	}
	if err != nil {
		return err
	}
	return tx.addRelationshipHistory(ctx, r, r.Depth, r.CreatedAt)
}

// relationshipInsert, historyInsert and their rows are shared with the bulk inserts of
// an import (bundle_network.go).
const relationshipInsert = `INSERT INTO relationships (id, organization_id, other_organization_id, kind, depth, since, note,
	recorded_by, version, created_at, updated_at)`

func relationshipRow(r *domain.Relationship) []any {
	return []any{r.ID, r.OrganizationID, r.OtherOrganizationID, r.Kind, r.Depth, r.Since, r.Note, r.RecordedBy, r.Version,
		formatTime(r.CreatedAt), formatTime(r.UpdatedAt)}
}

const historyInsert = `INSERT INTO relationship_history (relationship_id, organization_id, other_organization_id, kind, depth, at)`

func historyRow(relationshipID, orgID, otherID, kind string, depth int, at time.Time) []any {
	return []any{relationshipID, orgID, otherID, kind, depth, formatTime(at)}
}

func (tx *Tx) addRelationshipHistory(ctx context.Context, r *domain.Relationship, depth int, at time.Time) error {
	_, err := tx.insertOne(ctx, historyInsert, historyRow(r.ID, r.OrganizationID, r.OtherOrganizationID, r.Kind, depth, at))
	return err
}

// FindRelationship returns one declaration (ENOTFOUND).
func (tx *Tx) FindRelationship(ctx context.Context, id string) (*domain.Relationship, error) {
	r, err := scanRelationship(tx.queryRow(ctx, `SELECT `+relationshipColumns+relationshipFrom+` WHERE r.id = $1`, id))
	return r, notFound(err, "Relationship")
}

// FindRelationshipBetween returns the declaration of orgID about otherID (ENOTFOUND).
func (tx *Tx) FindRelationshipBetween(ctx context.Context, orgID, otherID string) (*domain.Relationship, error) {
	r, err := scanRelationship(tx.queryRow(ctx, `SELECT `+relationshipColumns+relationshipFrom+
		` WHERE r.organization_id = $1 AND r.other_organization_id = $2`, orgID, otherID))
	return r, notFound(err, "Relationship")
}

// UpdateRelationship saves kind, depth, since and note if the stored version is still
// expectVersion (EPRECONDITION otherwise), and records the change in the history.
func (tx *Tx) UpdateRelationship(ctx context.Context, r *domain.Relationship, expectVersion int) error {
	res, err := tx.exec(ctx, `UPDATE relationships SET kind = $1, depth = $2, since = $3, note = $4, recorded_by = $5,
		version = version + 1, updated_at = $6 WHERE id = $7 AND version = $8`,
		r.Kind, r.Depth, r.Since, r.Note, r.RecordedBy, formatTime(tx.Now), r.ID, expectVersion)
	if err := mustAffect(res, err, "Relationship"); err != nil {
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			if _, ferr := tx.FindRelationship(ctx, r.ID); ferr == nil {
				return domain.Errorf(domain.EPRECONDITION, "Someone else changed this relationship; reload to see their change.")
			}
		}
		return err
	}
	r.Version, r.UpdatedAt = expectVersion+1, tx.Now
	return tx.addRelationshipHistory(ctx, r, r.Depth, tx.Now)
}

// DeleteRelationship removes a declaration; its history keeps a removal row, so that the
// ecosystem as it was before still shows it.
func (tx *Tx) DeleteRelationship(ctx context.Context, r *domain.Relationship) error {
	res, err := tx.exec(ctx, `DELETE FROM relationships WHERE id = $1`, r.ID)
	if err := mustAffect(res, err, "Relationship"); err != nil {
		return err
	}
	return tx.addRelationshipHistory(ctx, r, 0, tx.Now)
}

// memberOf is the condition that organization column col is a current member (not left)
// of the coalition named by placeholder p.
func memberOf(col, p string) string {
	return `EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = ` + col + ` AND m.coalition_id = ` + p + ` AND m.status <> 'left')`
}

// ListRelationshipsAmong returns the declarations between current member organizations
// of a coalition, by organization names.
func (tx *Tx) ListRelationshipsAmong(ctx context.Context, coalitionID string) ([]domain.Relationship, error) {
	return tx.listRelationships(ctx, `SELECT `+relationshipColumns+relationshipFrom+` WHERE `+
		memberOf("r.organization_id", "$1")+` AND `+memberOf("r.other_organization_id", "$1")+
		` ORDER BY oa.name, ob.name, r.id`, coalitionID)
}

// ListAllRelationships returns every declaration of the deployment.
func (tx *Tx) ListAllRelationships(ctx context.Context) ([]domain.Relationship, error) {
	return tx.listRelationships(ctx, `SELECT `+relationshipColumns+relationshipFrom+` ORDER BY oa.name, ob.name, r.id`)
}

func (tx *Tx) listRelationships(ctx context.Context, q string, args ...any) ([]domain.Relationship, error) {
	rows, err := tx.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Relationship{}
	for rows.Next() {
		r, err := scanRelationship(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *r)
	}
	return out, rows.Err()
}

// RelationshipAsOf is a declaration as it stood at a moment, from the history.
type RelationshipAsOf struct {
	OrganizationID, OtherOrganizationID string
	Kind                                string
	Depth                               int
}

// ListRelationshipsAsOf returns the declarations that stood at the moment at (the last
// history row of each at or before it, removals left out). With coalitionID "" it covers
// the deployment; otherwise both organizations must be current members of the coalition.
func (tx *Tx) ListRelationshipsAsOf(ctx context.Context, coalitionID string, at time.Time) ([]RelationshipAsOf, error) {
	q := `SELECT h.organization_id, h.other_organization_id, h.kind, h.depth FROM relationship_history h
		WHERE h.at <= $1 AND h.id = (SELECT MAX(h2.id) FROM relationship_history h2 WHERE h2.relationship_id = h.relationship_id AND h2.at <= $1)
		AND h.depth > 0`
	args := []any{formatTime(at)}
	if coalitionID != "" {
		q += ` AND ` + memberOf("h.organization_id", "$2") + ` AND ` + memberOf("h.other_organization_id", "$2")
		args = append(args, coalitionID)
	}
	rows, err := tx.query(ctx, q+` ORDER BY h.organization_id, h.other_organization_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []RelationshipAsOf{}
	for rows.Next() {
		var r RelationshipAsOf
		if err := rows.Scan(&r.OrganizationID, &r.OtherOrganizationID, &r.Kind, &r.Depth); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// MostImpactedOrganizations returns the organizations that are most impacted in at least
// one coalition they are a current member of.
func (tx *Tx) MostImpactedOrganizations(ctx context.Context) (map[string]bool, error) {
	rows, err := tx.query(ctx, `SELECT DISTINCT organization_id FROM memberships WHERE most_impacted AND status <> 'left'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}
