package store

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
)

// ListSkillTerms returns the deployment's own additions to the skill vocabulary, by name.
func (tx *Tx) ListSkillTerms(ctx context.Context) ([]string, error) {
	return tx.strings(ctx, `SELECT name FROM skill_terms ORDER BY name`)
}

// AddSkillTerm adds a term to the deployment's vocabulary (ECONFLICT when it exists).
func (tx *Tx) AddSkillTerm(ctx context.Context, name, userID string) error {
	_, err := tx.exec(ctx, `INSERT INTO skill_terms (name, added_by, added_at) VALUES ($1, $2, $3)`, name, userID, formatTime(tx.Now))
	if domain.ErrorCode(err) == domain.ECONFLICT {
		return domain.Errorf(domain.ECONFLICT, "This skill is already in the vocabulary.")
	}
	return err
}

// ListSkillNeeds returns the skills a coalition needs, in its order.
func (tx *Tx) ListSkillNeeds(ctx context.Context, coalitionID string) ([]string, error) {
	return tx.strings(ctx, `SELECT skill FROM coalition_skill_needs WHERE coalition_id = $1 ORDER BY position, skill`, coalitionID)
}

// SetSkillNeeds replaces the skills a coalition needs.
func (tx *Tx) SetSkillNeeds(ctx context.Context, coalitionID string, skills []string) error {
	if _, err := tx.exec(ctx, `DELETE FROM coalition_skill_needs WHERE coalition_id = $1`, coalitionID); err != nil {
		return err
	}
	for i, s := range skills {
		if _, err := tx.exec(ctx, `INSERT INTO coalition_skill_needs (coalition_id, skill, position) VALUES ($1, $2, $3)`, coalitionID, s, i+1); err != nil {
			return err
		}
	}
	return nil
}

func (tx *Tx) strings(ctx context.Context, q string, args ...any) ([]string, error) {
	rows, err := tx.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
