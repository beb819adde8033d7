package app

import (
	"context"
	"fmt"
	"slices"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// RoundProposalMethods are the decision methods a round's proposal may use: those with a
// yes or no outcome (a poll has none).
var RoundProposalMethods = []string{"consent", "consensus", "majority", "supermajority"}

// roundProposal builds the open proposal that decides a round r of fund f, without
// storing it: its id is given to the round first.
func roundProposal(ctx context.Context, tx *store.Tx, actor Actor, r *domain.AllocationRound, f *domain.Fund, in RoundInput) (*domain.Proposal, error) {
	method := in.ProposalMethod
	if method == "" {
		method = "majority"
	}
	if !slices.Contains(RoundProposalMethods, method) {
		return nil, moneyFieldError("proposal_method", "Choose consent, consensus, majority or supermajority.")
	}
	body := fmt.Sprintf("Approve the allocation round “%s”: %s %s from the fund “%s”, %s among %d member organizations. "+
		"If this proposal passes, the round is approved and its allocations are written to the ledger, approved by those who agreed; "+
		"if not, the round is declined and nothing is written. The preview, with every member's amount and the arithmetic, is on the round's page.",
		r.Title, domain.FormatAmount(r.Amount, f.Currency), f.Currency, f.Name, r.Method, len(r.Members))
	p := (ProposalInput{Title: "Allocation round: " + r.Title, Body: body, Method: method, Quorum: 0.5, ClosesAt: in.ProposalClosesAt}).proposal(r.CoalitionID)
	if err := checkProposal(ctx, tx, actor, p, ""); err != nil {
		fields := domain.ErrorFields(err)
		if len(fields) > 0 && fields[0].Field == "closes_at" {
			return nil, moneyFieldError("proposal_closes_at", fields[0].Message)
		}
		return nil, err
	}
	if p.ClosesAt.IsZero() {
		return nil, moneyFieldError("proposal_closes_at", "Choose when the proposal closes.")
	}
	settings, err := tx.VoiceSettings(ctx, r.CoalitionID)
	if err != nil {
		return nil, err
	}
	p.ID, p.AuthorID, p.Status, p.StancesBy, p.OpenedAt = store.NewID(), actor.ID, domain.ProposalOpen, settings.StancesBy, &tx.Now
	return p, nil
}

// settleRound runs when a proposal closes: if it decides a round, the round is approved
// (its allocations written, approved by the voters who agreed) when the proposal passed,
// and declined otherwise. A round the fund can no longer cover is declined too, with the
// reason in the audit log; the proposal's close stands either way.
func settleRound(ctx context.Context, tx *store.Tx, p *domain.Proposal, stances []domain.Stance) error {
	r, err := tx.FindRoundOfProposal(ctx, p.CoalitionID, p.ID)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	if r.Status != domain.RoundOpen {
		return nil
	}
	if p.Outcome != nil && p.Outcome.Result == "passed" {
		var approvers []string
		for _, s := range stances {
			if s.Position == "agree" && !slices.Contains(approvers, s.VoterID) {
				approvers = append(approvers, s.VoterID)
			}
		}
		if len(approvers) == 0 { // consent passes without anyone agreeing: the proposal itself approved
			approvers = []string{"proposal:" + p.ID}
		}
		_, err := approveRound(ctx, tx, p.CoalitionID, r.ID, "proposal:"+p.ID, approvers)
		if err == nil {
			return tx.Audit(ctx, p.CoalitionID, "", "round.approve", "allocation_round", r.ID, map[string]any{"proposal": p.ID, "approvers": approvers})
		}
		if code := domain.ErrorCode(err); code != domain.EINVALID && code != domain.ECONFLICT {
			return err
		}
		if err := tx.DeclineRound(ctx, r.ID); err != nil {
			return err
		}
		return tx.Audit(ctx, p.CoalitionID, "", "round.decline", "allocation_round", r.ID, map[string]any{"proposal": p.ID,
			"reason": domain.ErrorMessage(err)})
	}
	if err := tx.DeclineRound(ctx, r.ID); err != nil {
		return err
	}
	return tx.Audit(ctx, p.CoalitionID, "", "round.decline", "allocation_round", r.ID, map[string]any{"proposal": p.ID, "result": p.Outcome.Result})
}
