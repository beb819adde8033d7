package app

import (
	"context"
	"maps"
	"slices"
	"strconv"

	"github.com/braid-org/braid/internal/allocate"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/ledger"
	"github.com/braid-org/braid/internal/store"
)

// ApproveRound approves an open round and writes one allocated entry per member with a
// positive amount to the fund's ledger, all in one transaction. Approving twice is
// ECONFLICT; of two approvals racing, exactly one wins. An allocation larger than the
// fund's pool at that moment is refused and nothing is written.
func (a *App) ApproveRound(ctx context.Context, actor Actor, coalitionID, roundID string) (*domain.AllocationRound, error) {
	var r *domain.AllocationRound
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorizeSteer(ctx, tx, actor, coalitionID)
		if err != nil {
			return err
		}
		if cur, err := tx.FindRound(ctx, p.Coalition.ID, roundID); err != nil {
			return err
		} else if cur.Decision == DecisionProposal {
			return domain.Errorf(domain.ECONFLICT, "The coalition decides this round with its proposal; it is approved when the proposal passes.")
		}
		r, err = approveRound(ctx, tx, p.Coalition.ID, roundID, actor.ID, []string{actor.ID})
		if err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "round.approve", "allocation_round", r.ID, map[string]any{
			"amount": r.Amount, "method": r.Method, "result": r.Result})
	})
	return r, err
}

// approveRound is the one place where a round's allocations reach the ledger, whatever
// decided the round: the caller has established approverID's authority. It locks the
// fund first, so that the round's check against the pool and its entries are one step.
// approverID is recorded with the round (an account, or "proposal:<id>"); approvers are
// the ledger entries' approvers (the account, or the voters who agreed).
func approveRound(ctx context.Context, tx *store.Tx, coalitionID, roundID, approverID string, approvers []string) (*domain.AllocationRound, error) {
	r, err := tx.FindRound(ctx, coalitionID, roundID)
	if err != nil {
		return nil, err
	}
	f, existing, err := lockLedger(ctx, tx, coalitionID, r.FundID)
	if err != nil {
		return nil, err
	}
	if r, err = tx.FindRound(ctx, coalitionID, roundID); err != nil { // Read again under the lock.
		return nil, err
	}
	if r.Status != domain.RoundOpen {
		return nil, domain.Errorf(domain.ECONFLICT, "This round has already been approved.")
	}
	in, err := roundInputs(ctx, tx, r)
	if err != nil {
		return nil, err
	}
	res, err := allocate.Allocate(in)
	if err != nil {
		return nil, allocateError(err)
	}
	var added []ledger.Entry
	r.Result = make([]domain.RoundAmount, 0, len(res.Lines))
	for _, l := range res.Lines {
		r.Result = append(r.Result, domain.RoundAmount{OrganizationID: l.OrganizationID, Amount: l.Amount})
		if l.Amount > 0 {
			added = append(added, ledger.Entry{ID: store.NewID(), FundID: f.ID, Kind: ledger.KindAllocated, Amount: l.Amount,
				Currency: f.Currency, OrganizationID: l.OrganizationID, Memo: r.Title, ApprovedBy: approvers, At: tx.Now})
		}
	}
	if err := tx.ApproveRound(ctx, r, approverID); err != nil {
		return nil, err
	}
	if _, err := appendToLedger(ctx, tx, f, existing, approverID, r.ID, added...); err != nil {
		return nil, err
	}
	return r, nil
}

// GivePoints records the points a member organization gives the others in a peer
// round, replacing what it gave before. The actor must represent the organization.
// Points run from 0 to 100 each and sum to exactly 100 over the other members; points
// to oneself are not allowed (they would not count).
func (a *App) GivePoints(ctx context.Context, actor Actor, coalitionID, roundID string, in domain.PeerPoints) error {
	return a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		r, err := tx.FindRound(ctx, p.Coalition.ID, roundID)
		if err != nil {
			return err
		}
		if r.Method != string(allocate.Peer) || r.Status != domain.RoundOpen {
			return domain.Errorf(domain.ECONFLICT, "Points are given only in an open peer round.")
		}
		if !slices.Contains(r.Members, in.Giver) {
			return moneyFieldError("giver_organization_id", "This organization is not in the round.")
		}
		if ok, err := canActForOrganization(ctx, tx, actor, in.Giver); err != nil {
			return err
		} else if !ok {
			return domain.Errorf(domain.EFORBIDDEN, "Only the organization's representatives can give its points.")
		}
		if err := checkPoints(r, in); err != nil {
			return err
		}
		if err := tx.SetPoints(ctx, r.ID, in.Giver, actor.ID, in.Points); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "round.points", "allocation_round", r.ID, map[string]any{
			"giver_organization_id": in.Giver, "points": in.Points})
	})
}

// checkPoints requires points from 0 to 100 to other members of the round, summing to 100.
func checkPoints(r *domain.AllocationRound, in domain.PeerPoints) error {
	var sum int64
	for _, to := range slices.Sorted(maps.Keys(in.Points)) {
		pts := in.Points[to]
		switch {
		case to == in.Giver:
			return moneyFieldError("points", "An organization does not give points to itself.")
		case !slices.Contains(r.Members, to):
			return moneyFieldError("points", "Points go only to the other organizations in the round.")
		case pts < 0 || pts > 100:
			return moneyFieldError("points", "Each organization gets from 0 to 100 points.")
		}
		sum += pts
	}
	if sum != 100 {
		return moneyFieldError("points", "The points must add up to exactly 100; they add up to "+strconv.FormatInt(sum, 10)+".")
	}
	return nil
}
