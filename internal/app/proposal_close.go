package app

import (
	"context"
	"fmt"
	"time"

	"github.com/braid-org/braid/internal/decide"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// Closing a proposal happens exactly once. Nothing runs at the closing time: the first
// request that reads or writes the proposal after its time has come closes it, in a write
// transaction that first takes the proposal's row lock (store.LockProposal) and then
// re-checks that it is still open. A stance, which takes the same lock, is therefore
// either committed before the close (and counted) or sees the proposal closed (and is
// refused); of two requests closing at once, the second finds it closed and does
// nothing. The database refuses any change to a closed proposal or its stances, so the
// stored outcome cannot be edited afterwards.

// CloseProposal closes an open proposal before its closing time. Facilitators and
// coordinators may; the outcome is computed from the stances taken so far.
func (a *App) CloseProposal(ctx context.Context, actor Actor, coalitionID, id string) (*domain.Proposal, error) {
	var p *domain.Proposal
	err := a.write(ctx, func(tx *store.Tx) error {
		perm, err := authorize(ctx, tx, actor, coalitionID, ManageProposals)
		if err != nil {
			return err
		}
		if _, err := tx.LockProposal(ctx, perm.Coalition.ID, id); err != nil {
			return err
		}
		if p, err = tx.FindProposal(ctx, perm.Coalition.ID, id); err != nil {
			return err
		}
		if p.Status != domain.ProposalOpen {
			return domain.Errorf(domain.ECONFLICT, "Only an open proposal can be closed; this proposal is %s.", p.Status)
		}
		closedAt := tx.Now
		if p.Due(tx.Now) {
			closedAt = p.ClosesAt
		}
		return closeLocked(ctx, tx, p, actor.ID, closedAt)
	})
	return p, err
}

// closeDue closes the coalition's proposals whose time has come (only proposalID when set).
func (a *App) closeDue(ctx context.Context, coalitionID, proposalID string) error {
	return a.write(ctx, func(tx *store.Tx) error {
		ids, err := tx.DueProposals(ctx, coalitionID)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if proposalID != "" && id != proposalID {
				continue
			}
			if _, err := closeIfDue(ctx, tx, coalitionID, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// closeIfDue closes one proposal when it is open and its time has come, and reports
// whether it did. The caller's transaction must not have locked other proposals' rows
// in another order; each call locks one.
func closeIfDue(ctx context.Context, tx *store.Tx, coalitionID, id string) (bool, error) {
	locked, err := tx.LockProposal(ctx, coalitionID, id)
	if err != nil || !locked {
		return false, err
	}
	p, err := tx.FindProposal(ctx, coalitionID, id)
	if err != nil || !p.Due(tx.Now) {
		return false, err
	}
	// A late close is dated at the closing time: no stance was accepted after it.
	return true, closeLocked(ctx, tx, p, "", p.ClosesAt)
}

// closeLocked counts the stances of a locked open proposal, stores the outcome and
// closes it, with an audit entry (by actorID, "" when closed by the clock).
func closeLocked(ctx context.Context, tx *store.Tx, p *domain.Proposal, actorID string, closedAt time.Time) error {
	stances, err := tx.ListStances(ctx, p.ID)
	if err != nil {
		return err
	}
	eligible, err := eligibleVoters(ctx, tx, p.CoalitionID, p.StancesBy)
	if err != nil {
		return err
	}
	in, excluded := decideInput(p, eligible, stances)
	out, err := decide.Decide(in)
	if err != nil {
		// Every stance was validated when taken; an error here is a bug, not bad input.
		return fmt.Errorf("count proposal %s: %w", p.ID, err)
	}
	p.Outcome = outcomeOf(out, excluded)
	if err := tx.CloseProposal(ctx, p, closedAt); err != nil {
		return err
	}
	if err := tx.Audit(ctx, p.CoalitionID, actorID, "proposal.close", "proposal", p.ID, map[string]any{
		"result": p.Outcome.Result, "participants": p.Outcome.Counts.Participants, "eligible": p.Outcome.Counts.Eligible,
		"by_clock": actorID == ""}); err != nil {
		return err
	}
	return settleRound(ctx, tx, p, stances)
}

// decideInput builds the count's input. Stances of voters who are no longer eligible
// (their organization stepped back or left) are left out and counted in excluded.
func decideInput(p *domain.Proposal, eligible []string, stances []domain.Stance) (decide.Proposal, int) {
	in := decide.Proposal{Method: decide.Method(p.Method), Eligible: eligible, Quorum: p.Quorum}
	for _, o := range p.Options {
		in.Options = append(in.Options, o.ID)
	}
	isEligible := make(map[string]bool, len(eligible))
	for _, id := range eligible {
		isEligible[id] = true
	}
	excluded := 0
	for _, s := range stances {
		if !isEligible[s.VoterID] {
			excluded++
			continue
		}
		in.Stances = append(in.Stances, decideStance(s))
	}
	return in, excluded
}

func decideStance(s domain.Stance) decide.Stance {
	return decide.Stance{VoterID: s.VoterID, Position: decide.Position(s.Position), Reason: s.Reason,
		PrincipleID: s.PrincipleID, Choice: s.Choice, Ranking: s.Ranking}
}

// eligibleVoters lists who may take a stance: by organization, the member organizations
// that are active (not stepping back, not left) and not observers; by person, the people
// with the coordinator, facilitator or member access role.
func eligibleVoters(ctx context.Context, tx *store.Tx, coalitionID, stancesBy string) ([]string, error) {
	var out []string
	if stancesBy == domain.StancesByPerson {
		access, err := tx.ListAccess(ctx, coalitionID)
		if err != nil {
			return nil, err
		}
		for _, a := range access {
			if a.Role != domain.AccessObserver {
				out = append(out, a.UserID)
			}
		}
		return out, nil
	}
	members, err := tx.ListMemberships(ctx, coalitionID, "", 0)
	if err != nil {
		return nil, err
	}
	away, err := steppedBack(ctx, tx, coalitionID)
	if err != nil {
		return nil, err
	}
	for _, m := range members {
		if memberVotes(m) && !away[m.OrganizationID] {
			out = append(out, m.OrganizationID)
		}
	}
	return out, nil
}

// memberVotes reports whether a membership speaks on proposals: active and not an observer.
func memberVotes(m domain.Membership) bool {
	return m.Status == domain.StatusActive && m.Role != domain.RoleObserver
}

// steppedBack returns the organizations stepping back from the coalition now (see
// stepping_back.go); a membership with status stepping_back is left out by memberVotes.
func steppedBack(ctx context.Context, tx *store.Tx, coalitionID string) (map[string]bool, error) {
	return tx.SteppedBackFromCoalition(ctx, coalitionID, tx.Now)
}

// outcomeOf turns the count into the stored outcome.
func outcomeOf(o decide.Outcome, excluded int) *domain.Outcome {
	out := &domain.Outcome{Result: string(o.Result), Winner: o.Winner, Tied: orNone(o.Tied), Excluded: excluded,
		Counts: domain.OutcomeCounts{Eligible: o.Counts.Eligible, Required: o.Counts.Required, Participants: o.Counts.Participants,
			Agree: o.Counts.Agree, Disagree: o.Counts.Disagree, Abstain: o.Counts.Abstain, StandAside: o.Counts.StandAside,
			Block: o.Counts.Block, Options: tallies(o.Counts.Options)},
		Blocks: []domain.OutcomeBlock{}, Rounds: []domain.RunoffRound{}, Explanation: []domain.OutcomeLine{}}
	for _, b := range o.Blocks {
		out.Blocks = append(out.Blocks, domain.OutcomeBlock{VoterID: b.VoterID, PrincipleID: b.PrincipleID, Reason: b.Reason})
	}
	for _, r := range o.Rounds {
		out.Rounds = append(out.Rounds, domain.RunoffRound{Number: r.Number, Tallies: tallies(r.Tallies), Continuing: r.Continuing,
			Exhausted: r.Exhausted, Eliminated: r.Eliminated, TieBreak: r.TieBreak, Transfers: tallies(r.Transfers), NewlyExhausted: r.NewlyExhausted})
	}
	for _, l := range o.Explanation {
		values := make(map[string]int, len(l.Values))
		for _, v := range l.Values {
			values[v.Name] = v.N
		}
		out.Explanation = append(out.Explanation, domain.OutcomeLine{Rule: l.Rule, Holds: l.Holds, Values: values, Threshold: l.Threshold,
			TieBreak: l.TieBreak, Arithmetic: l.Arithmetic, Options: orNone(l.Options), Text: l.Text})
	}
	return out
}

func tallies(ts []decide.Tally) []domain.OptionTally {
	out := make([]domain.OptionTally, 0, len(ts))
	for _, t := range ts {
		out = append(out, domain.OptionTally{Option: t.Option, Votes: t.Votes})
	}
	return out
}

func orNone(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// CloseDueInTx closes, within tx, the coalition's open proposals whose closing time has
// passed. It is for loaders such as the demo, which write history in one transaction.
func CloseDueInTx(ctx context.Context, tx *store.Tx, coalitionID string) error {
	ids, err := tx.DueProposals(ctx, coalitionID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := closeIfDue(ctx, tx, coalitionID, id); err != nil {
			return err
		}
	}
	return nil
}
