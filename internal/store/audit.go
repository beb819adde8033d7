package store

import (
	"context"
	"encoding/json"

	"github.com/braid-org/braid/internal/domain"
)

// Audit appends an entry to the audit log. changes is marshalled to JSON.
func (tx *Tx) Audit(ctx context.Context, coalitionID, actorID, action, subjectType, subjectID string, changes any) error {
	b, err := json.Marshal(changes)
	if err != nil {
		return err
	}
	if changes == nil {
		b = []byte("{}")
	}
	_, err = tx.exec(ctx, `INSERT INTO audit_log (coalition_id, actor_id, at, action, subject_type, subject_id, changes)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, nullString(coalitionID), actorID, formatTime(tx.Now), action, subjectType, subjectID, string(b))
	return err
}

// ListAudit returns a coalition's audit entries, newest first, before the cursor id
// (0 for the newest).
func (tx *Tx) ListAudit(ctx context.Context, coalitionID string, before int64, limit int) ([]domain.AuditEntry, error) {
	q := `SELECT l.id, COALESCE(l.coalition_id, ''), l.actor_id, COALESCE(u.name, ''), l.at, l.action, l.subject_type, l.subject_id, l.changes
		FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id WHERE l.coalition_id = $1`
	args := []any{coalitionID}
	if before > 0 {
		q += ` AND l.id < $2`
		args = append(args, before)
	}
	args = append(args, limit)
	q += ` ORDER BY l.id DESC LIMIT ` + placeholders(len(args), 1)
	rows, err := tx.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.AuditEntry{}
	for rows.Next() {
		var e domain.AuditEntry
		var changes string
		if err := rows.Scan(&e.ID, &e.CoalitionID, &e.ActorID, &e.ActorName, timeCol{&e.At}, &e.Action, &e.SubjectType, &e.SubjectID, &changes); err != nil {
			return nil, err
		}
		e.Changes = json.RawMessage(changes)
		out = append(out, e)
	}
	return out, rows.Err()
}
