package store

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
)

// QueueMail adds an email to the outbox, in the transaction of the change that sends it,
// so that it goes out if and only if the change is saved.
func (tx *Tx) QueueMail(ctx context.Context, m *domain.OutboxMessage) error {
	m.ID, m.CreatedAt = NewID(), tx.Now
	_, err := tx.exec(ctx, `INSERT INTO mail_outbox (id, to_address, subject, body, created_at) VALUES ($1, $2, $3, $4, $5)`,
		m.ID, m.To, m.Subject, m.Body, formatTime(m.CreatedAt))
	return err
}

// maxMailAttempts is how often delivery of one message is tried before it is left alone
// (it stays in the outbox, with its last error, for an administrator to see).
const maxMailAttempts = 5

// UnsentMail returns up to limit messages not sent yet and not given up on, oldest first.
func (tx *Tx) UnsentMail(ctx context.Context, limit int) ([]domain.OutboxMessage, error) {
	rows, err := tx.query(ctx, `SELECT id, to_address, subject, body, created_at, sent_at, attempts, last_error FROM mail_outbox
		WHERE sent_at IS NULL AND attempts < $1 ORDER BY created_at, id LIMIT $2`, maxMailAttempts, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.OutboxMessage{}
	for rows.Next() {
		var m domain.OutboxMessage
		if err := rows.Scan(&m.ID, &m.To, &m.Subject, &m.Body, timeCol{&m.CreatedAt}, nullTimeCol{&m.SentAt}, &m.Attempts, &m.LastError); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// MarkMailSent records that a message went out.
func (tx *Tx) MarkMailSent(ctx context.Context, id string) error {
	res, err := tx.exec(ctx, `UPDATE mail_outbox SET sent_at = $1, attempts = attempts + 1, last_error = '' WHERE id = $2`, formatTime(tx.Now), id)
	return mustAffect(res, err, "Message")
}

// MarkMailFailed records a failed attempt to send a message.
func (tx *Tx) MarkMailFailed(ctx context.Context, id, reason string) error {
	res, err := tx.exec(ctx, `UPDATE mail_outbox SET attempts = attempts + 1, last_error = $1 WHERE id = $2`, reason, id)
	return mustAffect(res, err, "Message")
}
