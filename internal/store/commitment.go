package store

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
)

// CreateCommitment records an expectation a membership agreed to.
func (tx *Tx) CreateCommitment(ctx context.Context, c *domain.Commitment) error {
	if c.ID == "" {
		c.ID = NewID()
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = tx.Now
	}
	_, err := tx.insertOne(ctx, commitmentInsert, commitmentRow(c))
	return err
}

const commitmentInsert = `INSERT INTO commitments (id, membership_id, text, agreed_on, created_at)`

func commitmentRow(c *domain.Commitment) []any {
	return []any{c.ID, c.MembershipID, c.Text, c.AgreedOn, formatTime(c.CreatedAt)}
}

// FindCommitment returns a commitment of a membership of the coalition (ENOTFOUND).
func (tx *Tx) FindCommitment(ctx context.Context, coalitionID, id string) (*domain.Commitment, error) {
	var c domain.Commitment
	err := tx.queryRow(ctx, `SELECT c.id, c.membership_id, c.text, c.agreed_on, c.created_at FROM commitments c
		JOIN memberships m ON m.id = c.membership_id WHERE c.id = $1 AND m.coalition_id = $2`, id, coalitionID).
		Scan(&c.ID, &c.MembershipID, &c.Text, &c.AgreedOn, timeCol{&c.CreatedAt})
	return &c, notFound(err, "Commitment")
}

// ListCommitments returns the commitments of a coalition's memberships, each with its
// records (latest period first).
func (tx *Tx) ListCommitments(ctx context.Context, coalitionID string) ([]domain.Commitment, error) {
	rows, err := tx.query(ctx, `SELECT c.id, c.membership_id, c.text, c.agreed_on, c.created_at FROM commitments c
		JOIN memberships m ON m.id = c.membership_id WHERE m.coalition_id = $1 ORDER BY c.membership_id, c.created_at, c.id`, coalitionID)
	if err != nil {
		return nil, err
	}
	out := []domain.Commitment{}
	index := map[string]int{}
	for rows.Next() {
		var c domain.Commitment
		if err := rows.Scan(&c.ID, &c.MembershipID, &c.Text, &c.AgreedOn, timeCol{&c.CreatedAt}); err != nil {
			rows.Close()
			return nil, err
		}
		c.Records = []domain.CommitmentRecord{}
		index[c.ID] = len(out)
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	recs, err := tx.query(ctx, `SELECT r.id, r.commitment_id, r.period_start, r.period_end, r.kept, r.note, r.recorded_by, r.recorded_at
		FROM commitment_records r JOIN commitments c ON c.id = r.commitment_id JOIN memberships m ON m.id = c.membership_id
		WHERE m.coalition_id = $1 ORDER BY r.period_start DESC, r.id`, coalitionID)
	if err != nil {
		return nil, err
	}
	defer recs.Close()
	for recs.Next() {
		var r domain.CommitmentRecord
		if err := recs.Scan(&r.ID, &r.CommitmentID, &r.PeriodStart, &r.PeriodEnd, &r.Kept, &r.Note, &r.RecordedBy, timeCol{&r.RecordedAt}); err != nil {
			return nil, err
		}
		if i, ok := index[r.CommitmentID]; ok {
			out[i].Records = append(out[i].Records, r)
		}
	}
	return out, recs.Err()
}

// AddCommitmentRecord records whether a commitment was kept in a period (ECONFLICT when
// that period is already recorded).
func (tx *Tx) AddCommitmentRecord(ctx context.Context, r *domain.CommitmentRecord) error {
	if r.ID == "" {
		r.ID = NewID()
	}
	if r.RecordedAt.IsZero() {
		r.RecordedAt = tx.Now
	}
	_, err := tx.insertOne(ctx, commitmentRecordInsert, commitmentRecordRow(r))
	if domain.ErrorCode(err) == domain.ECONFLICT {
		return domain.Errorf(domain.ECONFLICT, "This period is already recorded for this commitment.")
	}
	return err
}

const commitmentRecordInsert = `INSERT INTO commitment_records (id, commitment_id, period_start, period_end, kept, note, recorded_by, recorded_at)`

func commitmentRecordRow(r *domain.CommitmentRecord) []any {
	return []any{r.ID, r.CommitmentID, r.PeriodStart, r.PeriodEnd, r.Kept, r.Note, r.RecordedBy, formatTime(r.RecordedAt)}
}
