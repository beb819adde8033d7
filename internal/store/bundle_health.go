package store

import (
	"cmp"
	"context"
	"slices"

	"github.com/braid-org/braid/internal/domain"
)

// InsertCheckIns inserts closed check-ins with their anonymous responses (by check-in id).
// Nobody is recorded as having answered them: they are closed and take no more answers.
func (tx *Tx) InsertCheckIns(ctx context.Context, cs []domain.CheckIn, responses map[string][]domain.CheckInResponse) error {
	for i := range cs {
		if err := tx.CreateCheckIn(ctx, &cs[i]); err != nil {
			return err
		}
		var rows []answerRow
		for _, r := range responses[cs[i].ID] {
			keys := make([]string, 0, len(r.Ratings))
			for k := range r.Ratings {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				rows = append(rows, answerRow{response: r.ID, statement: k, rating: r.Ratings[k], bipocLed: r.BipocLed, impacted: r.MostImpacted})
			}
		}
		slices.SortFunc(rows, func(x, y answerRow) int {
			return cmp.Or(cmp.Compare(x.response, y.response), cmp.Compare(x.statement, y.statement))
		})
		if err := tx.insertAnswers(ctx, cs[i].ID, rows); err != nil {
			return err
		}
	}
	return nil
}

// InsertTensions inserts tensions with their parties, principles and history, raised by
// raisedBy (the account responsible for them in this deployment).
func (tx *Tx) InsertTensions(ctx context.Context, ts []domain.Tension, raisedBy string) error {
	for i := range ts {
		t := ts[i]
		t.RaisedBy, t.FacilitatorID = raisedBy, ""
		updated := t.UpdatedAt
		if err := tx.CreateTension(ctx, &t); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `UPDATE tensions SET updated_at = $1 WHERE id = $2`, formatTime(updated), t.ID); err != nil {
			return err
		}
		for _, e := range ts[i].Entries {
			e.TensionID = t.ID
			if err := tx.AddTensionEntry(ctx, &e); err != nil {
				return err
			}
		}
	}
	return nil
}

// ListCoalitionTensions returns every tension of a coalition with its parties,
// principles and history, for an export a coordinator asked for.
func (tx *Tx) ListCoalitionTensions(ctx context.Context, coalitionID string) ([]domain.Tension, error) {
	list, err := tx.ListTensions(ctx, coalitionID)
	if err != nil {
		return nil, err
	}
	out := make([]domain.Tension, 0, len(list))
	for _, t := range list {
		full, err := tx.FindTension(ctx, coalitionID, t.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, *full)
	}
	return out, nil
}
