package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

// FindSpeakingQueue returns a meeting's speaking queue without its hands and turns
// (ENOTFOUND when none was ever opened).
func (tx *Tx) FindSpeakingQueue(ctx context.Context, meetingID string) (*domain.SpeakingQueue, error) {
	var q domain.SpeakingQueue
	err := tx.queryRow(ctx, `SELECT id, coalition_id, meeting_id, status, queue_order, opened_by, opened_at, closed_at, version
		FROM speaking_queues WHERE meeting_id = $1`, meetingID).
		Scan(&q.ID, &q.CoalitionID, &q.MeetingID, &q.Status, &q.Order, &q.OpenedBy, timeCol{&q.OpenedAt}, nullTimeCol{&q.ClosedAt}, &q.Version)
	return &q, notFound(err, "Speaking queue")
}

// CreateSpeakingQueue inserts an open queue (ECONFLICT when the meeting has one).
func (tx *Tx) CreateSpeakingQueue(ctx context.Context, q *domain.SpeakingQueue) error {
	q.ID, q.Status, q.OpenedAt, q.Version = NewID(), domain.QueueOpen, tx.Now, 1
	_, err := tx.exec(ctx, `INSERT INTO speaking_queues (id, coalition_id, meeting_id, status, queue_order, opened_by, opened_at, version)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, q.ID, q.CoalitionID, q.MeetingID, q.Status, q.Order, q.OpenedBy, formatTime(q.OpenedAt), q.Version)
	return err
}

// LockSpeakingQueue bumps a meeting's queue version, which takes its row lock on
// PostgreSQL (SQLite runs one writer at a time), and returns the queue as it now is.
// Every change to a queue starts here, so concurrent changes to one queue run one after
// another and each sees the one before (ENOTFOUND when the meeting has no queue).
func (tx *Tx) LockSpeakingQueue(ctx context.Context, meetingID string) (*domain.SpeakingQueue, error) {
	var q domain.SpeakingQueue
	err := tx.queryRow(ctx, `UPDATE speaking_queues SET version = version + 1 WHERE meeting_id = $1
		RETURNING id, coalition_id, meeting_id, status, queue_order, opened_by, opened_at, closed_at, version`, meetingID).
		Scan(&q.ID, &q.CoalitionID, &q.MeetingID, &q.Status, &q.Order, &q.OpenedBy, timeCol{&q.OpenedAt}, nullTimeCol{&q.ClosedAt}, &q.Version)
	return &q, notFound(err, "Speaking queue")
}

// ReopenSpeakingQueue opens a locked, closed queue again with the given order.
func (tx *Tx) ReopenSpeakingQueue(ctx context.Context, q *domain.SpeakingQueue) error {
	q.Status, q.OpenedAt, q.ClosedAt = domain.QueueOpen, tx.Now, nil
	_, err := tx.exec(ctx, `UPDATE speaking_queues SET status = $1, queue_order = $2, opened_by = $3, opened_at = $4, closed_at = NULL WHERE id = $5`,
		q.Status, q.Order, q.OpenedBy, formatTime(q.OpenedAt), q.ID)
	return err
}

// CloseSpeakingQueue marks a locked queue closed.
func (tx *Tx) CloseSpeakingQueue(ctx context.Context, q *domain.SpeakingQueue) error {
	now := tx.Now
	q.Status, q.ClosedAt = domain.QueueClosed, &now
	_, err := tx.exec(ctx, `UPDATE speaking_queues SET status = $1, closed_at = $2 WHERE id = $3`, q.Status, formatTime(now), q.ID)
	return err
}

// ListSpeakingHands returns a queue's hands, unordered, with names and what the
// progressive stack needs: whether the person spoke in the meeting, and whether the
// organization they speak for is BIPOC-led or most impacted in the coalition.
func (tx *Tx) ListSpeakingHands(ctx context.Context, q *domain.SpeakingQueue) ([]domain.SpeakingHand, error) {
	rows, err := tx.query(ctx, `SELECT h.id, h.user_id, u.name, h.organization_id, COALESCE(o.name, ''), h.raised_at, h.pinned_position, h.pinned_at,
		EXISTS (SELECT 1 FROM speaking_turns t WHERE t.meeting_id = $1 AND t.user_id = h.user_id),
		COALESCE(o.bipoc_led = 'yes', FALSE) OR COALESCE(m.most_impacted, FALSE)
		FROM speaking_hands h JOIN users u ON u.id = h.user_id
		LEFT JOIN organizations o ON o.id = h.organization_id
		LEFT JOIN memberships m ON m.organization_id = h.organization_id AND m.coalition_id = $2
		WHERE h.queue_id = $3`, q.MeetingID, q.CoalitionID, q.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.SpeakingHand{}
	for rows.Next() {
		var h domain.SpeakingHand
		var pin sql.NullInt64
		if err := rows.Scan(&h.ID, &h.UserID, &h.Name, &h.OrganizationID, &h.OrganizationName, timeCol{&h.RaisedAt}, &pin,
			nullTimeCol{&h.PinnedAt}, &h.HasSpoken, &h.Centred); err != nil {
			return nil, err
		}
		if pin.Valid {
			p := int(pin.Int64)
			h.PinnedPosition = &p
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// AddSpeakingHand raises a hand (ECONFLICT when the person's hand is already up).
func (tx *Tx) AddSpeakingHand(ctx context.Context, queueID string, h *domain.SpeakingHand) error {
	h.ID, h.RaisedAt = NewID(), tx.Now
	_, err := tx.exec(ctx, `INSERT INTO speaking_hands (id, queue_id, user_id, organization_id, raised_at) VALUES ($1, $2, $3, $4, $5)`,
		h.ID, queueID, h.UserID, h.OrganizationID, formatTime(h.RaisedAt))
	return err
}

// DeleteSpeakingHands removes one hand, or every hand of the queue when handID is "".
func (tx *Tx) DeleteSpeakingHands(ctx context.Context, queueID, handID string) error {
	if handID == "" {
		_, err := tx.exec(ctx, `DELETE FROM speaking_hands WHERE queue_id = $1`, queueID)
		return err
	}
	res, err := tx.exec(ctx, `DELETE FROM speaking_hands WHERE queue_id = $1 AND id = $2`, queueID, handID)
	return mustAffect(res, err, "Hand")
}

// PinSpeakingHand sets (or, with pin 0, clears) a hand's pinned position.
func (tx *Tx) PinSpeakingHand(ctx context.Context, handID string, pin int, at *time.Time) error {
	var p any
	if pin > 0 {
		p = pin
	}
	_, err := tx.exec(ctx, `UPDATE speaking_hands SET pinned_position = $1, pinned_at = $2 WHERE id = $3`, p, formatTimePtr(at), handID)
	return err
}

// ListSpeakingTurns returns a meeting's turns, earliest first.
func (tx *Tx) ListSpeakingTurns(ctx context.Context, meetingID string) ([]domain.SpeakingTurn, error) {
	rows, err := tx.query(ctx, `SELECT t.id, t.user_id, COALESCE(u.name, ''), t.organization_id, COALESCE(o.name, ''), t.started_at, t.ended_at, COALESCE(t.seconds, 0)
		FROM speaking_turns t LEFT JOIN users u ON u.id = t.user_id LEFT JOIN organizations o ON o.id = t.organization_id
		WHERE t.meeting_id = $1 ORDER BY t.started_at, t.id`, meetingID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.SpeakingTurn{}
	for rows.Next() {
		var t domain.SpeakingTurn
		if err := rows.Scan(&t.ID, &t.UserID, &t.Name, &t.OrganizationID, &t.OrganizationName, timeCol{&t.StartedAt}, nullTimeCol{&t.EndedAt}, &t.Seconds); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// StartSpeakingTurn records that a person starts speaking now.
func (tx *Tx) StartSpeakingTurn(ctx context.Context, q *domain.SpeakingQueue, t *domain.SpeakingTurn) error {
	t.ID, t.StartedAt = NewID(), tx.Now
	_, err := tx.exec(ctx, `INSERT INTO speaking_turns (id, queue_id, meeting_id, user_id, organization_id, started_at) VALUES ($1, $2, $3, $4, $5, $6)`,
		t.ID, q.ID, q.MeetingID, t.UserID, t.OrganizationID, formatTime(t.StartedAt))
	return err
}

// EndSpeakingTurn ends the turn under way in a meeting, if any, recording its length in
// whole seconds.
func (tx *Tx) EndSpeakingTurn(ctx context.Context, meetingID string) error {
	var id string
	var started time.Time
	err := tx.queryRow(ctx, `SELECT id, started_at FROM speaking_turns WHERE meeting_id = $1 AND ended_at IS NULL`, meetingID).Scan(&id, timeCol{&started})
	if err == sql.ErrNoRows {
		return nil
	} else if err != nil {
		return err
	}
	seconds := int(tx.Now.Sub(started) / time.Second)
	_, err = tx.exec(ctx, `UPDATE speaking_turns SET ended_at = $1, seconds = $2 WHERE id = $3`, formatTime(tx.Now), max(seconds, 0), id)
	return err
}

// SpeakingSecondsByOrganization sums, per organization, the seconds spoken in finished
// turns at the coalition's meetings starting within [from, to] (nil bounds are open).
func (tx *Tx) SpeakingSecondsByOrganization(ctx context.Context, coalitionID string, from, to *time.Time) (map[string]float64, error) {
	q, args := periodBounds(`SELECT t.organization_id, SUM(t.seconds) FROM speaking_turns t JOIN meetings m ON m.id = t.meeting_id
		WHERE m.coalition_id = $1 AND t.organization_id <> '' AND t.seconds IS NOT NULL`, []any{coalitionID}, "m.starts_at", from, to)
	return tx.countByOrganization(ctx, q+` GROUP BY t.organization_id`, args...)
}
