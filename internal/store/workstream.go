package store

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
)

// CreateWorkstream inserts a workstream (ECONFLICT when the coalition has one of that name).
func (tx *Tx) CreateWorkstream(ctx context.Context, w *domain.Workstream) error {
	if w.ID == "" {
		w.ID = NewID()
	}
	if w.CreatedAt.IsZero() {
		w.CreatedAt = tx.Now
	}
	if w.UpdatedAt.IsZero() {
		w.UpdatedAt = w.CreatedAt
	}
	if w.Version == 0 {
		w.Version = 1
	}
	_, err := tx.insertOne(ctx, workstreamInsert, workstreamRow(w))
	if domain.ErrorCode(err) == domain.ECONFLICT {
		return &domain.Error{Code: domain.ECONFLICT, Message: "This coalition already has a workstream of that name.",
			Fields: []domain.FieldError{{Field: "name", Message: "Choose another name."}}}
	}
	return err
}

// workstreamInsert and workstreamRow are the INSERT of a workstream and its values,
// shared by CreateWorkstream and the bulk InsertWorkstreams.
const workstreamInsert = `INSERT INTO workstreams (id, coalition_id, name, description, version, created_at, updated_at)`

func workstreamRow(w *domain.Workstream) []any {
	return []any{w.ID, w.CoalitionID, w.Name, w.Description, w.Version, formatTime(w.CreatedAt), formatTime(w.UpdatedAt)}
}

// UpdateWorkstream saves name and description if the version still matches (EPRECONDITION).
func (tx *Tx) UpdateWorkstream(ctx context.Context, w *domain.Workstream, expectVersion int) error {
	res, err := tx.exec(ctx, `UPDATE workstreams SET name = $1, description = $2, version = version + 1, updated_at = $3
		WHERE id = $4 AND coalition_id = $5 AND version = $6`, w.Name, w.Description, formatTime(tx.Now), w.ID, w.CoalitionID, expectVersion)
	if domain.ErrorCode(err) == domain.ECONFLICT {
		return &domain.Error{Code: domain.ECONFLICT, Message: "This coalition already has a workstream of that name.",
			Fields: []domain.FieldError{{Field: "name", Message: "Choose another name."}}}
	}
	if err := mustAffect(res, err, "Workstream"); err != nil {
		if _, ferr := tx.FindWorkstream(ctx, w.CoalitionID, w.ID); ferr == nil {
			return domain.Errorf(domain.EPRECONDITION, "Someone else changed this workstream; reload to see their change.")
		}
		return err
	}
	w.Version, w.UpdatedAt = expectVersion+1, tx.Now
	return nil
}

const workstreamCols = `w.id, w.coalition_id, w.name, w.description, w.version, w.created_at, w.updated_at`

func scanWorkstream(row interface{ Scan(...any) error }) (*domain.Workstream, error) {
	var w domain.Workstream
	err := row.Scan(&w.ID, &w.CoalitionID, &w.Name, &w.Description, &w.Version, timeCol{&w.CreatedAt}, timeCol{&w.UpdatedAt})
	return &w, err
}

// FindWorkstream returns a workstream of the coalition with its members (ENOTFOUND,
// also when it belongs to another coalition).
func (tx *Tx) FindWorkstream(ctx context.Context, coalitionID, id string) (*domain.Workstream, error) {
	w, err := scanWorkstream(tx.queryRow(ctx, `SELECT `+workstreamCols+` FROM workstreams w WHERE w.id = $1 AND w.coalition_id = $2`, id, coalitionID))
	if err != nil {
		return nil, notFound(err, "Workstream")
	}
	members, err := tx.listWorkstreamMembers(ctx, `ws.workstream_id = $1`, w.ID)
	w.Members = members[w.ID]
	if w.Members == nil {
		w.Members = []domain.WorkstreamMember{}
	}
	return w, err
}

// ListWorkstreams returns a coalition's workstreams by name, each with its members.
func (tx *Tx) ListWorkstreams(ctx context.Context, coalitionID string) ([]domain.Workstream, error) {
	rows, err := tx.query(ctx, `SELECT `+workstreamCols+` FROM workstreams w WHERE w.coalition_id = $1 ORDER BY w.name, w.id`, coalitionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Workstream{}
	for rows.Next() {
		w, err := scanWorkstream(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *w)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	members, err := tx.listWorkstreamMembers(ctx, `w.coalition_id = $1`, coalitionID)
	for i := range out {
		out[i].Members = members[out[i].ID]
		if out[i].Members == nil {
			out[i].Members = []domain.WorkstreamMember{}
		}
	}
	return out, err
}

// listWorkstreamMembers returns seats by workstream id: leads, then co-leads, then
// members, each by organization name.
func (tx *Tx) listWorkstreamMembers(ctx context.Context, where string, arg string) (map[string][]domain.WorkstreamMember, error) {
	rows, err := tx.query(ctx, `SELECT ws.id, ws.workstream_id, ws.organization_id, o.name, ws.person_id, COALESCE(p.name, ''), ws.role, ws.created_at
		FROM workstream_members ws JOIN workstreams w ON w.id = ws.workstream_id
		JOIN organizations o ON o.id = ws.organization_id LEFT JOIN people p ON p.id = ws.person_id
		WHERE `+where+`
		ORDER BY CASE ws.role WHEN 'lead' THEN 0 WHEN 'co_lead' THEN 1 ELSE 2 END, o.name, ws.id`, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]domain.WorkstreamMember{}
	for rows.Next() {
		var m domain.WorkstreamMember
		if err := rows.Scan(&m.ID, &m.WorkstreamID, &m.OrganizationID, &m.OrganizationName, &m.PersonID, &m.PersonName, &m.Role, timeCol{&m.CreatedAt}); err != nil {
			return nil, err
		}
		out[m.WorkstreamID] = append(out[m.WorkstreamID], m)
	}
	return out, rows.Err()
}

// AddWorkstreamMember gives an organization (optionally one of its people) a seat
// (ECONFLICT when that seat exists).
func (tx *Tx) AddWorkstreamMember(ctx context.Context, m *domain.WorkstreamMember) error {
	if m.ID == "" {
		m.ID = NewID()
	}
	if m.CreatedAt.IsZero() {
		m.CreatedAt = tx.Now
	}
	_, err := tx.insertOne(ctx, seatInsert, seatRow(m))
	if domain.ErrorCode(err) == domain.ECONFLICT {
		return domain.Errorf(domain.ECONFLICT, "This organization already has this seat in the workstream.")
	}
	return err
}

const seatInsert = `INSERT INTO workstream_members (id, workstream_id, organization_id, person_id, role, created_at)`

func seatRow(m *domain.WorkstreamMember) []any {
	return []any{m.ID, m.WorkstreamID, m.OrganizationID, m.PersonID, m.Role, formatTime(m.CreatedAt)}
}

// RemoveWorkstreamMember removes a seat of a workstream (ENOTFOUND).
func (tx *Tx) RemoveWorkstreamMember(ctx context.Context, workstreamID, id string) error {
	res, err := tx.exec(ctx, `DELETE FROM workstream_members WHERE id = $1 AND workstream_id = $2`, id, workstreamID)
	return mustAffect(res, err, "Workstream member")
}

// IsAffiliated reports whether a person is affiliated with an organization.
func (tx *Tx) IsAffiliated(ctx context.Context, personID, orgID string) (bool, error) {
	var n int
	err := tx.queryRow(ctx, `SELECT COUNT(*) FROM affiliations WHERE person_id = $1 AND organization_id = $2`, personID, orgID).Scan(&n)
	return n > 0, err
}
