package store

import (
	"context"
	"strings"

	"github.com/braid-org/braid/internal/domain"
)

const coalitionCols = `c.id, c.slug, c.name, c.goal, c.theory_of_change, c.issue_areas, c.geography, c.phase, c.public,
	c.version, c.created_at, c.updated_at`

func scanCoalition(row interface{ Scan(...any) error }) (*domain.Coalition, error) {
	var c domain.Coalition
	err := row.Scan(&c.ID, &c.Slug, &c.Name, &c.Goal, &c.TheoryOfChange, jsonCol{&c.IssueAreas}, &c.Geography, &c.Phase,
		&c.Public, &c.Version, timeCol{&c.CreatedAt}, timeCol{&c.UpdatedAt})
	return &c, err
}

// CreateCoalition inserts a coalition with a unique slug derived from its name.
func (tx *Tx) CreateCoalition(ctx context.Context, c *domain.Coalition) error {
	if c.ID == "" {
		c.ID = NewID()
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt, c.UpdatedAt = tx.Now, tx.Now
	}
	if c.Version == 0 {
		c.Version = 1
	}
	if c.Slug == "" {
		c.Slug = Slugify(c.Name)
	}
	// A taken slug gets a short random suffix; check again until one is free.
	base := c.Slug
	for {
		var taken int
		if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM coalitions WHERE slug = $1`, c.Slug).Scan(&taken); err != nil {
			return err
		} else if taken == 0 {
			break
		}
		c.Slug = base + "-" + NewID()[:6]
	}
	_, err := tx.exec(ctx, `INSERT INTO coalitions (id, slug, name, goal, theory_of_change, issue_areas, geography, phase, public,
		version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
		c.ID, c.Slug, c.Name, c.Goal, c.TheoryOfChange, jsonCol{c.IssueAreas}, c.Geography, c.Phase, c.Public, c.Version,
		formatTime(c.CreatedAt), formatTime(c.UpdatedAt))
	return err
}

// FindCoalition returns a coalition by id or slug (ENOTFOUND).
func (tx *Tx) FindCoalition(ctx context.Context, idOrSlug string) (*domain.Coalition, error) {
	c, err := scanCoalition(tx.queryRow(ctx, `SELECT `+coalitionCols+` FROM coalitions c WHERE c.id = $1 OR c.slug = $1`, idOrSlug))
	return c, notFound(err, "Coalition")
}

// UpdateCoalition saves c if its stored version is still expectVersion (EPRECONDITION).
func (tx *Tx) UpdateCoalition(ctx context.Context, c *domain.Coalition, expectVersion int) error {
	res, err := tx.exec(ctx, `UPDATE coalitions SET name = $1, goal = $2, theory_of_change = $3, issue_areas = $4,
		geography = $5, phase = $6, public = $7, version = version + 1, updated_at = $8 WHERE id = $9 AND version = $10`,
		c.Name, c.Goal, c.TheoryOfChange, jsonCol{c.IssueAreas}, c.Geography, c.Phase, c.Public, formatTime(tx.Now), c.ID, expectVersion)
	if err := mustAffect(res, err, "Coalition"); err != nil {
		if domain.ErrorCode(err) != domain.ENOTFOUND {
			return err
		}
		if _, ferr := tx.FindCoalition(ctx, c.ID); ferr == nil {
			return domain.Errorf(domain.EPRECONDITION, "Someone else changed this coalition; reload to see their change.")
		}
		return err
	}
	c.Version = expectVersion + 1
	c.UpdatedAt = tx.Now
	return nil
}

// ListCoalitions returns coalitions ordered by id after the cursor; with userID set, only
// those the user has access to.
func (tx *Tx) ListCoalitions(ctx context.Context, userID, after string, limit int) ([]domain.Coalition, error) {
	q := `SELECT ` + coalitionCols + ` FROM coalitions c WHERE c.id > $1 ORDER BY c.id LIMIT $2`
	args := []any{after, limit}
	if userID != "" {
		q = `SELECT ` + coalitionCols + ` FROM coalitions c JOIN coalition_access a ON a.coalition_id = c.id
			WHERE a.user_id = $3 AND c.id > $1 ORDER BY c.id LIMIT $2`
		args = append(args, userID)
	}
	return tx.listCoalitions(ctx, q, args...)
}

// ListPublicCoalitions returns the coalitions that show a public page, by name.
func (tx *Tx) ListPublicCoalitions(ctx context.Context) ([]domain.Coalition, error) {
	return tx.listCoalitions(ctx, `SELECT `+coalitionCols+` FROM coalitions c WHERE c.public ORDER BY c.name, c.id`)
}

func (tx *Tx) listCoalitions(ctx context.Context, q string, args ...any) ([]domain.Coalition, error) {
	rows, err := tx.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Coalition{}
	for rows.Next() {
		c, err := scanCoalition(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *c)
	}
	return out, rows.Err()
}

// SetAccess gives a user an access role in a coalition, replacing any earlier role.
func (tx *Tx) SetAccess(ctx context.Context, a domain.CoalitionAccess) error {
	_, err := tx.exec(ctx, `INSERT INTO coalition_access (coalition_id, user_id, role) VALUES ($1, $2, $3)
		ON CONFLICT (coalition_id, user_id) DO UPDATE SET role = excluded.role`, a.CoalitionID, a.UserID, a.Role)
	return err
}

// FindAccess returns a user's access role in a coalition, "" when there is none.
func (tx *Tx) FindAccess(ctx context.Context, coalitionID, userID string) (string, error) {
	var role string
	err := tx.queryRow(ctx, `SELECT role FROM coalition_access WHERE coalition_id = $1 AND user_id = $2`, coalitionID, userID).Scan(&role)
	if err != nil {
		if domain.ErrorCode(notFound(err, "")) == domain.ENOTFOUND {
			return "", nil
		}
		return "", err
	}
	return role, nil
}

// ListAccess returns the access roles of a coalition with the users' names.
func (tx *Tx) ListAccess(ctx context.Context, coalitionID string) ([]AccessWithUser, error) {
	rows, err := tx.query(ctx, `SELECT a.coalition_id, a.user_id, a.role, u.name, u.email FROM coalition_access a
		JOIN users u ON u.id = a.user_id WHERE a.coalition_id = $1 ORDER BY u.name, u.id`, coalitionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []AccessWithUser{}
	for rows.Next() {
		var a AccessWithUser
		if err := rows.Scan(&a.CoalitionID, &a.UserID, &a.Role, &a.UserName, &a.UserEmail); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// AccessWithUser is an access role with the user's name.
type AccessWithUser struct {
	domain.CoalitionAccess
	UserName  string `json:"user_name"`
	UserEmail string `json:"user_email,omitempty"`
}

// Slugify makes a URL-safe slug from a name.
func Slugify(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimSuffix(b.String(), "-")
	if len(s) > 60 {
		s = strings.TrimSuffix(s[:60], "-")
	}
	if s == "" {
		s = "coalition"
	}
	return s
}
