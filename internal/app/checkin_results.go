package app

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/health"
	"github.com/braid-org/braid/internal/store"
)

// Why results are withheld.
const (
	WithheldOpen   = "open"    // the check-in still takes answers
	WithheldTooFew = "too_few" // fewer than health.MinGroup people answered
)

// CheckInResults is the scores of a check-in. They are shown only once it is closed
// (so that nobody can tell one answer from the next by watching results change) and when
// at least three people answered; group breakdowns follow the same three-respondent rule.
type CheckInResults struct {
	CheckIn  domain.CheckIn `json:"check_in"`
	Shown    bool           `json:"shown"`
	Withheld string         `json:"withheld,omitempty" enum:"open,too_few"`
	health.Result
	Breakdowns []health.Breakdown `json:"breakdowns"`
}

// CheckInResults returns the scores of one check-in.
func (a *App) CheckInResults(ctx context.Context, actor Actor, coalitionID, id string) (*CheckInResults, error) {
	var res *CheckInResults
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		c, err := tx.FindCheckIn(ctx, p.Coalition.ID, id)
		if err != nil {
			return err
		}
		res, err = checkInResults(ctx, tx, *c)
		return err
	})
	return res, err
}

// CheckInTrends returns the results of every check-in whose results are shown, oldest first.
func (a *App) CheckInTrends(ctx context.Context, actor Actor, coalitionID string) ([]CheckInResults, error) {
	out := []CheckInResults{}
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		cs, err := tx.ListCheckIns(ctx, p.Coalition.ID)
		if err != nil {
			return err
		}
		for _, c := range cs {
			r, err := checkInResults(ctx, tx, c)
			if err != nil {
				return err
			}
			if r.Shown {
				out = append(out, *r)
			}
		}
		return nil
	})
	return out, err
}

func checkInResults(ctx context.Context, tx *store.Tx, c domain.CheckIn) (*CheckInResults, error) {
	res := &CheckInResults{CheckIn: c, Result: health.Result{Respondents: c.Respondents, Factors: []health.FactorScore{}}, Breakdowns: []health.Breakdown{}}
	switch {
	case c.Open():
		res.Withheld = WithheldOpen
		return res, nil
	case c.Respondents < health.MinGroup:
		res.Withheld = WithheldTooFew
		return res, nil
	}
	stored, err := tx.ListResponses(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	rs := make([]health.Response, len(stored))
	for i, r := range stored {
		rs[i] = health.Response{Ratings: r.Ratings, BipocLed: r.BipocLed, MostImpacted: r.MostImpacted}
	}
	res.Shown, res.Result, res.Breakdowns = true, health.Compute(rs), health.Breakdowns(rs)
	return res, nil
}
