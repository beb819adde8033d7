package store

import (
	"context"
	"slices"

	"github.com/braid-org/braid/internal/domain"
)

// ListCoalitionSpeakingTurns returns the finished speaking turns of a coalition's
// meetings, by meeting.
func (tx *Tx) ListCoalitionSpeakingTurns(ctx context.Context, coalitionID string) (map[string][]domain.SpeakingTurn, error) {
	rows, err := tx.query(ctx, `SELECT t.id, t.meeting_id, t.organization_id, t.started_at, t.ended_at, COALESCE(t.seconds, 0)
		FROM speaking_turns t JOIN speaking_queues q ON q.id = t.queue_id
		WHERE q.coalition_id = $1 AND t.ended_at IS NOT NULL ORDER BY t.id`, coalitionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]domain.SpeakingTurn{}
	for rows.Next() {
		var t domain.SpeakingTurn
		var meeting string
		if err := rows.Scan(&t.ID, &meeting, &t.OrganizationID, timeCol{&t.StartedAt}, nullTimeCol{&t.EndedAt}, &t.Seconds); err != nil {
			return nil, err
		}
		out[meeting] = append(out[meeting], t)
	}
	return out, rows.Err()
}

// InsertSpeakingTurns writes finished turns of a coalition's meetings, each meeting's
// under a closed queue that opened with its first turn and closed with its last. Who
// spoke is not known (accounts do not travel).
func (tx *Tx) InsertSpeakingTurns(ctx context.Context, coalitionID string, byMeeting map[string][]domain.SpeakingTurn) error {
	meetings := make([]string, 0, len(byMeeting))
	for m := range byMeeting {
		meetings = append(meetings, m)
	}
	slices.Sort(meetings)
	for _, m := range meetings {
		turns := byMeeting[m]
		if len(turns) == 0 {
			continue
		}
		opened, closed := turns[0].StartedAt, *turns[0].EndedAt
		for _, t := range turns {
			if t.StartedAt.Before(opened) {
				opened = t.StartedAt
			}
			if t.EndedAt.After(closed) {
				closed = *t.EndedAt
			}
		}
		queue := NewID()
		if _, err := tx.exec(ctx, `INSERT INTO speaking_queues (id, coalition_id, meeting_id, status, queue_order, opened_by, opened_at, closed_at, version)
			VALUES ($1, $2, $3, $4, $5, '', $6, $7, 1)`, queue, coalitionID, m, domain.QueueClosed, domain.QueueProgressive,
			formatTime(opened), formatTime(closed)); err != nil {
			return err
		}
		for _, t := range turns {
			if _, err := tx.exec(ctx, `INSERT INTO speaking_turns (id, queue_id, meeting_id, user_id, organization_id, started_at, ended_at, seconds)
				VALUES ($1, $2, $3, '', $4, $5, $6, $7)`, t.ID, queue, m, t.OrganizationID, formatTime(t.StartedAt), formatTime(*t.EndedAt), t.Seconds); err != nil {
				return err
			}
		}
	}
	return nil
}
