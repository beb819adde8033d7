package store

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
)

const orgCols = `o.id, o.name, o.kind, o.mission, o.website, o.geographies, o.issue_areas, o.skills, o.languages,
	o.budget_band, o.staff_size, o.bipoc_led, o.identity, o.visibility, o.version, o.created_at, o.updated_at`

func scanOrganization(row interface{ Scan(...any) error }) (*domain.Organization, error) {
	var o domain.Organization
	err := row.Scan(&o.ID, &o.Name, &o.Kind, &o.Mission, &o.Website, jsonCol{&o.Geographies}, jsonCol{&o.IssueAreas},
		jsonCol{&o.Skills}, jsonCol{&o.Languages}, &o.BudgetBand, &o.StaffSize, &o.BipocLed, &o.Identity,
		jsonCol{&o.Visibility}, &o.Version, timeCol{&o.CreatedAt}, timeCol{&o.UpdatedAt})
	return &o, err
}

// CreateOrganization inserts an organization; an empty ID gets a new one, and an empty
// CreatedAt takes the transaction time (imports keep theirs).
func (tx *Tx) CreateOrganization(ctx context.Context, o *domain.Organization) error {
	if o.ID == "" {
		o.ID = NewID()
	}
	if o.CreatedAt.IsZero() {
		o.CreatedAt, o.UpdatedAt = tx.Now, tx.Now
	}
	if o.Version == 0 {
		o.Version = 1
	}
	_, err := tx.exec(ctx, `INSERT INTO organizations (id, name, kind, mission, website, geographies, issue_areas, skills,
		languages, budget_band, staff_size, bipoc_led, identity, visibility, version, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
		o.ID, o.Name, o.Kind, o.Mission, o.Website, jsonCol{o.Geographies}, jsonCol{o.IssueAreas}, jsonCol{o.Skills},
		jsonCol{o.Languages}, o.BudgetBand, o.StaffSize, o.BipocLed, o.Identity, jsonCol{o.Visibility}, o.Version,
		formatTime(o.CreatedAt), formatTime(o.UpdatedAt))
	return err
}

// FindOrganization returns an organization by id (ENOTFOUND).
func (tx *Tx) FindOrganization(ctx context.Context, id string) (*domain.Organization, error) {
	o, err := scanOrganization(tx.queryRow(ctx, `SELECT `+orgCols+` FROM organizations o WHERE o.id = $1`, id))
	return o, notFound(err, "Organization")
}

// UpdateOrganization saves o if its stored version is still expectVersion; otherwise it
// returns EPRECONDITION and writes nothing. On success o.Version is incremented.
func (tx *Tx) UpdateOrganization(ctx context.Context, o *domain.Organization, expectVersion int) error {
	res, err := tx.exec(ctx, `UPDATE organizations SET name = $1, kind = $2, mission = $3, website = $4, geographies = $5,
		issue_areas = $6, skills = $7, languages = $8, budget_band = $9, staff_size = $10, bipoc_led = $11, identity = $12,
		visibility = $13, version = version + 1, updated_at = $14 WHERE id = $15 AND version = $16`,
		o.Name, o.Kind, o.Mission, o.Website, jsonCol{o.Geographies}, jsonCol{o.IssueAreas}, jsonCol{o.Skills},
		jsonCol{o.Languages}, o.BudgetBand, o.StaffSize, o.BipocLed, o.Identity, jsonCol{o.Visibility},
		formatTime(tx.Now), o.ID, expectVersion)
	if err := mustAffect(res, err, "Organization"); err != nil {
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			if _, ferr := tx.FindOrganization(ctx, o.ID); ferr == nil {
				return domain.Errorf(domain.EPRECONDITION, "Someone else changed this organization; reload to see their change.")
			}
		}
		return err
	}
	o.Version = expectVersion + 1
	o.UpdatedAt = tx.Now
	return nil
}

// ListOrganizationsOfUser returns the organizations a user represents.
func (tx *Tx) ListOrganizationsOfUser(ctx context.Context, userID string) ([]domain.Organization, error) {
	return tx.listOrganizations(ctx, `SELECT `+orgCols+` FROM organizations o
		JOIN affiliations a ON a.organization_id = o.id JOIN people p ON p.id = a.person_id
		WHERE p.user_id = $1 AND a.representative ORDER BY o.name, o.id`, userID)
}

// ListAllOrganizations returns every organization ordered by name (admin views, export).
func (tx *Tx) ListAllOrganizations(ctx context.Context) ([]domain.Organization, error) {
	return tx.listOrganizations(ctx, `SELECT `+orgCols+` FROM organizations o ORDER BY o.name, o.id`)
}

func (tx *Tx) listOrganizations(ctx context.Context, q string, args ...any) ([]domain.Organization, error) {
	rows, err := tx.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Organization{}
	for rows.Next() {
		o, err := scanOrganization(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *o)
	}
	return out, rows.Err()
}

// IsRepresentative reports whether the user represents the organization.
func (tx *Tx) IsRepresentative(ctx context.Context, userID, orgID string) (bool, error) {
	var n int
	err := tx.queryRow(ctx, `SELECT COUNT(*) FROM affiliations a JOIN people p ON p.id = a.person_id
		WHERE p.user_id = $1 AND a.organization_id = $2 AND a.representative`, userID, orgID).Scan(&n)
	return n > 0, err
}

// CreatePerson inserts a person.
func (tx *Tx) CreatePerson(ctx context.Context, p *domain.Person) error {
	if p.ID == "" {
		p.ID = NewID()
	}
	if p.CreatedAt.IsZero() {
		p.CreatedAt = tx.Now
	}
	if p.Languages == nil {
		p.Languages = []string{}
	}
	_, err := tx.exec(ctx, `INSERT INTO people (id, name, pronouns, languages, user_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
		p.ID, p.Name, p.Pronouns, jsonCol{p.Languages}, nullString(p.UserID), formatTime(p.CreatedAt))
	return err
}

const personCols = `p.id, p.name, p.pronouns, p.languages, COALESCE(p.user_id, ''), p.created_at`

func scanPerson(row interface{ Scan(...any) error }) (*domain.Person, error) {
	var p domain.Person
	err := row.Scan(&p.ID, &p.Name, &p.Pronouns, jsonCol{&p.Languages}, &p.UserID, timeCol{&p.CreatedAt})
	return &p, err
}

// FindPersonByUser returns the person record of an account (ENOTFOUND).
func (tx *Tx) FindPersonByUser(ctx context.Context, userID string) (*domain.Person, error) {
	p, err := scanPerson(tx.queryRow(ctx, `SELECT `+personCols+` FROM people p WHERE p.user_id = $1`, userID))
	return p, notFound(err, "Person")
}

// AddAffiliation links a person to an organization, updating title and representative
// when the link exists.
func (tx *Tx) AddAffiliation(ctx context.Context, a domain.Affiliation) error {
	_, err := tx.exec(ctx, `INSERT INTO affiliations (person_id, organization_id, title, representative) VALUES ($1, $2, $3, $4)
		ON CONFLICT (person_id, organization_id) DO UPDATE SET title = excluded.title, representative = excluded.representative`,
		a.PersonID, a.OrganizationID, a.Title, a.Representative)
	return err
}

// PersonWithAffiliation is a person as seen from one organization.
type PersonWithAffiliation struct {
	domain.Person
	domain.Affiliation
}

// ListPeopleOfCoalition returns the people affiliated with the coalition's member
// organizations, one row per affiliation.
func (tx *Tx) ListPeopleOfCoalition(ctx context.Context, coalitionID string) ([]PersonWithAffiliation, error) {
	rows, err := tx.query(ctx, `SELECT `+personCols+`, a.organization_id, a.title, a.representative
		FROM people p JOIN affiliations a ON a.person_id = p.id
		JOIN memberships m ON m.organization_id = a.organization_id
		WHERE m.coalition_id = $1 ORDER BY p.name, p.id, a.organization_id`, coalitionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []PersonWithAffiliation{}
	for rows.Next() {
		var r PersonWithAffiliation
		if err := rows.Scan(&r.Person.ID, &r.Name, &r.Pronouns, jsonCol{&r.Languages}, &r.UserID, timeCol{&r.CreatedAt},
			&r.OrganizationID, &r.Title, &r.Representative); err != nil {
			return nil, err
		}
		r.PersonID = r.Person.ID
		out = append(out, r)
	}
	return out, rows.Err()
}
