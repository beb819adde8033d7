package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/braid-org/braid/internal/domain"
)

// CreateCheckIn inserts an open check-in.
func (tx *Tx) CreateCheckIn(ctx context.Context, c *domain.CheckIn) error {
	if c.ID == "" {
		c.ID = NewID()
	}
	if c.OpenedAt.IsZero() {
		c.OpenedAt = tx.Now
	}
	_, err := tx.exec(ctx, `INSERT INTO checkins (id, coalition_id, title, instrument, opened_by, opened_at, closed_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, c.ID, c.CoalitionID, c.Title, c.Instrument, c.OpenedBy,
		formatTime(c.OpenedAt), formatTimePtr(c.ClosedAt))
	return err
}

// The number of respondents is the number of distinct responses: one per person who
// answered, and also right for check-ins imported from a bundle, whose list of who
// answered stayed behind.
const checkInColumns = `c.id, c.coalition_id, c.title, c.instrument, c.opened_by, c.opened_at, c.closed_at,
	(SELECT COUNT(DISTINCT a.response_id) FROM checkin_answers a WHERE a.checkin_id = c.id)`

func scanCheckIn(s interface{ Scan(...any) error }, c *domain.CheckIn) error {
	return s.Scan(&c.ID, &c.CoalitionID, &c.Title, &c.Instrument, &c.OpenedBy, timeCol{&c.OpenedAt},
		nullTimeCol{&c.ClosedAt}, &c.Respondents)
}

// FindCheckIn returns a check-in of the coalition with its number of respondents (ENOTFOUND).
func (tx *Tx) FindCheckIn(ctx context.Context, coalitionID, id string) (*domain.CheckIn, error) {
	var c domain.CheckIn
	err := scanCheckIn(tx.queryRow(ctx, `SELECT `+checkInColumns+` FROM checkins c WHERE c.id = $1 AND c.coalition_id = $2`,
		id, coalitionID), &c)
	return &c, notFound(err, "Check-in")
}

// ListCheckIns returns a coalition's check-ins, oldest first.
func (tx *Tx) ListCheckIns(ctx context.Context, coalitionID string) ([]domain.CheckIn, error) {
	rows, err := tx.query(ctx, `SELECT `+checkInColumns+` FROM checkins c WHERE c.coalition_id = $1
		ORDER BY c.opened_at, c.id`, coalitionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.CheckIn{}
	for rows.Next() {
		var c domain.CheckIn
		if err := scanCheckIn(rows, &c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CloseCheckIn stops a check-in taking answers (ENOTFOUND when it is not open).
func (tx *Tx) CloseCheckIn(ctx context.Context, c *domain.CheckIn) error {
	now := tx.Now
	res, err := tx.exec(ctx, `UPDATE checkins SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL`, formatTime(now), c.ID)
	if err := mustAffect(res, err, "Open check-in"); err != nil {
		return err
	}
	c.ClosedAt = &now
	return nil
}

// HasAnswered reports whether a user has answered a check-in.
func (tx *Tx) HasAnswered(ctx context.Context, checkInID, userID string) (bool, error) {
	var n int
	err := tx.queryRow(ctx, `SELECT COUNT(*) FROM checkin_respondents WHERE checkin_id = $1 AND user_id = $2`, checkInID, userID).Scan(&n)
	return n > 0, err
}

// RecordAnswer stores that userID has answered and, unlinked from it, the response
// (ECONFLICT when the user has already answered).
//
// How the two stay unlinkable: the "has answered" row holds only (check-in, user); the
// answer rows hold only (check-in, random response id, statement, rating, groups), with
// no person, no time and no sequence. Both tables are WITHOUT ROWID on SQLite, so no
// hidden counter orders them by insertion. On PostgreSQL every row shows the transaction
// that wrote it (xmin) and its physical place (ctid); so this transaction deletes every
// answer row of the check-in and inserts them all again, new response included, sorted
// by response id. Afterwards all answer rows share one xmin and lie in random-id order:
// neither the time nor the order of answering can be read from them.
func (tx *Tx) RecordAnswer(ctx context.Context, checkInID, userID string, r *domain.CheckInResponse) error {
	_, err := tx.exec(ctx, `INSERT INTO checkin_respondents (checkin_id, user_id) VALUES ($1, $2)`, checkInID, userID)
	if domain.ErrorCode(err) == domain.ECONFLICT {
		return domain.Errorf(domain.ECONFLICT, "You have already answered this check-in; answers cannot be changed, since they are not linked to you.")
	} else if err != nil {
		return err
	}
	r.ID = NewID()
	rows, err := tx.answerRows(ctx, checkInID)
	if err != nil {
		return err
	}
	for key, rating := range r.Ratings {
		rows = append(rows, answerRow{r.ID, key, rating, r.BipocLed, r.MostImpacted})
	}
	slices.SortFunc(rows, func(a, b answerRow) int {
		return cmp.Or(strings.Compare(a.response, b.response), strings.Compare(a.statement, b.statement))
	})
	if _, err := tx.exec(ctx, `DELETE FROM checkin_answers WHERE checkin_id = $1`, checkInID); err != nil {
		return err
	}
	return tx.insertAnswers(ctx, checkInID, rows)
}

type answerRow struct {
	response, statement string
	rating              int
	bipocLed, impacted  string
}

func (tx *Tx) answerRows(ctx context.Context, checkInID string) ([]answerRow, error) {
	rows, err := tx.query(ctx, `SELECT response_id, statement, rating, bipoc_led, most_impacted FROM checkin_answers
		WHERE checkin_id = $1 ORDER BY response_id, statement`, checkInID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []answerRow
	for rows.Next() {
		var a answerRow
		if err := rows.Scan(&a.response, &a.statement, &a.rating, &a.bipocLed, &a.impacted); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// insertAnswers writes rows in the given order, a hundred rows per INSERT.
func (tx *Tx) insertAnswers(ctx context.Context, checkInID string, rows []answerRow) error {
	const batch = 100
	for start := 0; start < len(rows); start += batch {
		chunk := rows[start:min(start+batch, len(rows))]
		values := make([]string, len(chunk))
		args := make([]any, 0, 6*len(chunk))
		for i, a := range chunk {
			values[i] = fmt.Sprintf("(%s)", placeholders(6*i+1, 6))
			args = append(args, checkInID, a.response, a.statement, a.rating, a.bipocLed, a.impacted)
		}
		if _, err := tx.exec(ctx, `INSERT INTO checkin_answers (checkin_id, response_id, statement, rating, bipoc_led, most_impacted)
			VALUES `+strings.Join(values, ", "), args...); err != nil {
			return err
		}
	}
	return nil
}

// ListResponses returns a check-in's anonymous responses, in random-id order.
func (tx *Tx) ListResponses(ctx context.Context, checkInID string) ([]domain.CheckInResponse, error) {
	rows, err := tx.answerRows(ctx, checkInID)
	if err != nil {
		return nil, err
	}
	out := []domain.CheckInResponse{}
	for _, a := range rows {
		if n := len(out); n == 0 || out[n-1].ID != a.response {
			out = append(out, domain.CheckInResponse{ID: a.response, Ratings: map[string]int{}, BipocLed: a.bipocLed, MostImpacted: a.impacted})
		}
		out[len(out)-1].Ratings[a.statement] = a.rating
	}
	return out, nil
}
