package store

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
)

// CreatePhaseChange records a move between phases and sets the coalition's phase to the
// move's ToPhase, bumping its version, in the caller's transaction.
func (tx *Tx) CreatePhaseChange(ctx context.Context, p *domain.PhaseChange) error {
	if p.ID == "" {
		p.ID = NewID()
	}
	if p.CreatedAt.IsZero() {
		p.CreatedAt = tx.Now
	}
	if err := tx.InsertPhaseChange(ctx, p); err != nil {
		return err
	}
	res, err := tx.exec(ctx, `UPDATE coalitions SET phase = $1, version = version + 1, updated_at = $2 WHERE id = $3`,
		p.ToPhase, formatTime(tx.Now), p.CoalitionID)
	return mustAffect(res, err, "Coalition")
}

// InsertPhaseChange stores a phase change without touching the coalition (imports, whose
// coalition already carries its current phase).
func (tx *Tx) InsertPhaseChange(ctx context.Context, p *domain.PhaseChange) error {
	if p.ID == "" {
		p.ID = NewID()
	}
	if p.CreatedAt.IsZero() {
		p.CreatedAt = tx.Now
	}
	_, err := tx.insertOne(ctx, phaseChangeInsert, phaseChangeRow(p))
	return err
}

const phaseChangeInsert = `INSERT INTO phase_changes (id, coalition_id, from_phase, to_phase, changed_on, learned, carry_forward,
	created_by, created_at)`

func phaseChangeRow(p *domain.PhaseChange) []any {
	return []any{p.ID, p.CoalitionID, p.FromPhase, p.ToPhase, p.On, p.Learned, p.CarryForward, p.CreatedBy, formatTime(p.CreatedAt)}
}

// ListPhaseChanges returns a coalition's phase changes, oldest first.
func (tx *Tx) ListPhaseChanges(ctx context.Context, coalitionID string) ([]domain.PhaseChange, error) {
	rows, err := tx.query(ctx, `SELECT id, coalition_id, from_phase, to_phase, changed_on, learned, carry_forward, created_by, created_at
		FROM phase_changes WHERE coalition_id = $1 ORDER BY changed_on, created_at, id`, coalitionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.PhaseChange{}
	for rows.Next() {
		var p domain.PhaseChange
		if err := rows.Scan(&p.ID, &p.CoalitionID, &p.FromPhase, &p.ToPhase, &p.On, &p.Learned, &p.CarryForward,
			&p.CreatedBy, timeCol{&p.CreatedAt}); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
