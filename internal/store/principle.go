package store

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
)

// CreatePrinciple inserts a principle at the end of its coalition's list with its first version.
func (tx *Tx) CreatePrinciple(ctx context.Context, p *domain.Principle) error {
	if p.ID == "" {
		p.ID = NewID()
	}
	if p.CreatedAt.IsZero() {
		p.CreatedAt = tx.Now
	}
	if p.Position == 0 {
		if err := tx.queryRow(ctx, `SELECT COALESCE(MAX(position), 0) + 1 FROM principles WHERE coalition_id = $1`, p.CoalitionID).Scan(&p.Position); err != nil {
			return err
		}
	}
	_, err := tx.exec(ctx, `INSERT INTO principles (id, coalition_id, position, created_at) VALUES ($1, $2, $3, $4)`,
		p.ID, p.CoalitionID, p.Position, formatTime(p.CreatedAt))
	return err
}

// AddPrincipleVersion appends a version; Version is the next number unless set (imports).
func (tx *Tx) AddPrincipleVersion(ctx context.Context, v *domain.PrincipleVersion) error {
	if v.ID == "" {
		v.ID = NewID()
	}
	if v.CreatedAt.IsZero() {
		v.CreatedAt = tx.Now
	}
	if v.Version == 0 {
		if err := tx.queryRow(ctx, `SELECT COALESCE(MAX(version), 0) + 1 FROM principle_versions WHERE principle_id = $1`, v.PrincipleID).Scan(&v.Version); err != nil {
			return err
		}
	}
	_, err := tx.exec(ctx, `INSERT INTO principle_versions (id, principle_id, version, title, body, created_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, v.ID, v.PrincipleID, v.Version, v.Title, v.Body, v.CreatedBy, formatTime(v.CreatedAt))
	return err
}

// ListPrinciples returns a coalition's principles in order, each with all its versions
// (oldest first) and Current set to the newest.
func (tx *Tx) ListPrinciples(ctx context.Context, coalitionID string) ([]domain.Principle, error) {
	rows, err := tx.query(ctx, `SELECT p.id, p.coalition_id, p.position, p.created_at,
		v.id, v.principle_id, v.version, v.title, v.body, v.created_by, v.created_at
		FROM principles p JOIN principle_versions v ON v.principle_id = p.id
		WHERE p.coalition_id = $1 ORDER BY p.position, p.id, v.version`, coalitionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Principle{}
	for rows.Next() {
		var p domain.Principle
		var v domain.PrincipleVersion
		if err := rows.Scan(&p.ID, &p.CoalitionID, &p.Position, timeCol{&p.CreatedAt},
			&v.ID, &v.PrincipleID, &v.Version, &v.Title, &v.Body, &v.CreatedBy, timeCol{&v.CreatedAt}); err != nil {
			return nil, err
		}
		if n := len(out); n == 0 || out[n-1].ID != p.ID {
			out = append(out, p)
		}
		last := &out[len(out)-1]
		last.Versions = append(last.Versions, v)
		last.Current = v
	}
	return out, rows.Err()
}

// FindPrincipleVersion returns a version if it belongs to the coalition (ENOTFOUND).
func (tx *Tx) FindPrincipleVersion(ctx context.Context, coalitionID, versionID string) (*domain.PrincipleVersion, error) {
	var v domain.PrincipleVersion
	err := tx.queryRow(ctx, `SELECT v.id, v.principle_id, v.version, v.title, v.body, v.created_by, v.created_at
		FROM principle_versions v JOIN principles p ON p.id = v.principle_id WHERE v.id = $1 AND p.coalition_id = $2`,
		versionID, coalitionID).Scan(&v.ID, &v.PrincipleID, &v.Version, &v.Title, &v.Body, &v.CreatedBy, timeCol{&v.CreatedAt})
	return &v, notFound(err, "Principle version")
}

// CreateAdoption records an adoption (ECONFLICT when that version is already adopted).
func (tx *Tx) CreateAdoption(ctx context.Context, a *domain.Adoption) error {
	if a.ID == "" {
		a.ID = NewID()
	}
	if a.AdoptedAt.IsZero() {
		a.AdoptedAt = tx.Now
	}
	_, err := tx.exec(ctx, `INSERT INTO adoptions (id, membership_id, principle_version_id, adopted_by, adopted_at)
		VALUES ($1, $2, $3, $4, $5)`, a.ID, a.MembershipID, a.PrincipleVersionID, a.AdoptedBy, formatTime(a.AdoptedAt))
	if domain.ErrorCode(err) == domain.ECONFLICT {
		return domain.Errorf(domain.ECONFLICT, "This organization has already adopted this version.")
	}
	return err
}

// ListAdoptions returns every adoption by members of a coalition, oldest first.
func (tx *Tx) ListAdoptions(ctx context.Context, coalitionID string) ([]domain.Adoption, error) {
	rows, err := tx.query(ctx, `SELECT a.id, a.membership_id, a.principle_version_id, a.adopted_by, a.adopted_at
		FROM adoptions a JOIN memberships m ON m.id = a.membership_id WHERE m.coalition_id = $1
		ORDER BY a.adopted_at, a.id`, coalitionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Adoption{}
	for rows.Next() {
		var a domain.Adoption
		if err := rows.Scan(&a.ID, &a.MembershipID, &a.PrincipleVersionID, &a.AdoptedBy, timeCol{&a.AdoptedAt}); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
