package app

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/allocate"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// Round decisions. With DecisionSteering a coordinator or the representative of an
// anchor or steering member organization approves the round, and that one approval
// writes its allocations. With DecisionProposal the coalition decides it by its decision
// rule: opening the round opens a proposal, and the proposal's close approves the round
// (writing its allocations, approved by the voters who agreed) when it passes, or
// declines it (round_proposal.go).
const (
	DecisionSteering = "steering"
	DecisionProposal = "proposal"
)

// RoundInput opens an allocation round.
type RoundInput struct {
	FundID  string             `json:"fund_id"`
	Title   string             `json:"title"`
	Amount  int64              `json:"amount"`
	Method  string             `json:"method"`
	Members []string           `json:"members"`
	Params  domain.RoundParams `json:"params"`
	// Decision is DecisionSteering ("" too) or DecisionProposal, which opens a proposal
	// with ProposalMethod (consent, consensus, majority or supermajority) closing at
	// ProposalClosesAt, with a quorum of half the members.
	Decision         string    `json:"decision"`
	ProposalMethod   string    `json:"proposal_method"`
	ProposalClosesAt time.Time `json:"proposal_closes_at"`
}

// RoundView is a round with its preview: every member's amount and the arithmetic.
type RoundView struct {
	Round domain.AllocationRound `json:"round"`
	Fund  domain.Fund            `json:"fund"`
	// Preview is the allocation as it would be approved now; for an approved round, as it
	// was approved (computed again from the stored inputs only when it was open).
	Preview *allocate.Result `json:"preview,omitempty"`
	// PreviewError says why no preview can be computed yet (a peer round before anyone
	// gave points, a proportional round without confirmed hours).
	PreviewError string                      `json:"preview_error,omitempty"`
	Points       map[string]map[string]int64 `json:"points"`
	Names        map[string]string           `json:"names"`
	// Minutes are each member's confirmed minutes in the round's period.
	Minutes  map[string]int64 `json:"minutes"`
	CanSteer bool             `json:"can_steer"`
}

// OpenRound opens an allocation round. Coordinators and the representatives of anchor
// and steering member organizations may. The amount must be in the fund's pool now,
// and it is checked again at approval.
func (a *App) OpenRound(ctx context.Context, actor Actor, coalitionID string, in RoundInput) (*domain.AllocationRound, error) {
	r := domain.AllocationRound{FundID: in.FundID, Title: strings.TrimSpace(in.Title), Amount: in.Amount, Method: in.Method,
		Members: domain.CleanList(in.Members), Params: in.Params, Status: domain.RoundOpen, Decision: DecisionSteering}
	if in.Decision == DecisionProposal {
		r.Decision = DecisionProposal
	} else if in.Decision != "" && in.Decision != DecisionSteering {
		return nil, moneyFieldError("decision", "Choose steering or proposal.")
	}
	if err := validateRoundInput(r); err != nil {
		return nil, err
	}
	decision := in // the proposal's method and closing time; in is the allocation's input below
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorizeSteer(ctx, tx, actor, coalitionID)
		if err != nil {
			return err
		}
		f, err := tx.FindFund(ctx, p.Coalition.ID, r.FundID)
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			return moneyFieldError("fund_id", "Choose one of the coalition's funds.")
		} else if err != nil {
			return err
		}
		r.CoalitionID, r.Currency, r.OpenedBy = p.Coalition.ID, f.Currency, actor.ID
		in, err := roundInputs(ctx, tx, &r)
		if err != nil {
			return err
		}
		entries, err := tx.ListEntries(ctx, f.ID)
		if err != nil {
			return err
		}
		if pool := balanceOf(*f, toLedgerAll(entries)).Pool; r.Amount > pool {
			return moneyFieldError("amount", "The amount is more than the fund's "+domain.FormatAmount(pool, f.Currency)+" "+f.Currency+" not yet allocated.")
		}
		if r.Method != string(allocate.Peer) { // A peer round cannot be previewed before points are given.
			if _, err := allocate.Allocate(in); err != nil {
				return allocateError(err)
			}
		}
		var proposal *domain.Proposal
		if r.Decision == DecisionProposal {
			if proposal, err = roundProposal(ctx, tx, actor, &r, f, decision); err != nil {
				return err
			}
			r.ProposalID = proposal.ID
		}
		if err := tx.CreateRound(ctx, &r); err != nil {
			return err
		}
		if proposal != nil {
			if err := tx.CreateProposal(ctx, proposal); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "round.open", "allocation_round", r.ID, map[string]any{
			"fund_id": r.FundID, "title": r.Title, "amount": r.Amount, "method": r.Method, "members": r.Members,
			"decision": r.Decision, "proposal_id": r.ProposalID})
	})
	return &r, err
}

// validateRoundInput checks what can be checked without the database.
func validateRoundInput(r domain.AllocationRound) error {
	var v domain.Validation
	domain.CheckText(&v, "title", r.Title, 1, domain.MaxName)
	if r.Amount <= 0 {
		v.Add("amount", "The amount must be more than 0.")
	}
	if !slices.Contains(allocate.Methods, allocate.Method(r.Method)) {
		v.Add("method", "Choose equal, proportional, equity_formula or peer.")
	}
	if len(r.Members) == 0 {
		v.Add("members", "Choose the member organizations in the round.")
	}
	for _, d := range []struct{ field, day string }{{"params.from", r.Params.From}, {"params.to", r.Params.To}} {
		if _, err := time.Parse(time.DateOnly, d.day); d.day != "" && err != nil {
			v.Add(d.field, "Enter a date as YYYY-MM-DD.")
		}
	}
	return v.Err()
}

// authorizeSteer authorizes a coordinator or a steering member's representative.
func authorizeSteer(ctx context.Context, tx *store.Tx, actor Actor, coalitionID string) (Permission, error) {
	p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
	if err != nil {
		return p, err
	}
	ok, err := canSteer(ctx, tx, actor, p)
	if err != nil {
		return p, err
	}
	if !ok {
		return p, domain.Errorf(domain.EFORBIDDEN, "Only coordinators and the representatives of steering members can open and approve allocation rounds.")
	}
	return p, nil
}

// roundInputs builds the input of the allocation from the round and the database: the
// members' confirmed minutes in the period (minutes, not hours, so the weights are whole
// numbers; proportions are the same), their attributes, and the peer points.
func roundInputs(ctx context.Context, tx *store.Tx, r *domain.AllocationRound) (allocate.Round, error) {
	ms, err := tx.ListMemberships(ctx, r.CoalitionID, "", 0)
	if err != nil {
		return allocate.Round{}, err
	}
	byOrg := map[string]domain.Membership{}
	for _, m := range ms {
		if m.Counts() {
			byOrg[m.OrganizationID] = m
		}
	}
	minutes, err := tx.ConfirmedMinutes(ctx, r.CoalitionID, r.Params.From, r.Params.To)
	if err != nil {
		return allocate.Round{}, err
	}
	in := allocate.Round{Pool: r.Amount, Method: allocate.Method(r.Method), Min: r.Params.Min, Max: r.Params.Max,
		Formula: allocate.Formula{Base: r.Params.Base, EqualPercent: r.Params.EqualPercent, BipocLedWeight: orOne(r.Params.BipocLedWeight),
			MostImpactedWeight: orOne(r.Params.MostImpactedWeight), SmallBudgetWeight: orOne(r.Params.SmallBudgetWeight)}}
	for _, id := range r.Members {
		m, ok := byOrg[id]
		if !ok {
			return allocate.Round{}, moneyFieldError("members", "Every organization in a round must be a current member of the coalition.")
		}
		in.Members = append(in.Members, allocate.Member{OrganizationID: id, Hours: float64(minutes[id]),
			BipocLed: m.Organization.BipocLed == "yes", MostImpacted: m.MostImpacted,
			SmallBudget: m.Organization.BudgetBand == domain.BudgetUnder250k || m.Organization.BudgetBand == domain.Budget250kTo1m})
	}
	if r.ID != "" {
		if in.Points, err = tx.ListPoints(ctx, r.ID); err != nil {
			return allocate.Round{}, err
		}
	}
	return in, nil
}

// orOne reads an unset multiplier (0) as 1, which adds no weight.
func orOne(w float64) float64 {
	if w == 0 {
		return 1
	}
	return w
}

// allocateError turns the allocate package's input errors into field errors.
func allocateError(err error) error {
	var ie *allocate.InputError
	if errors.As(err, &ie) {
		field := ie.Field
		if strings.HasPrefix(field, "formula.") {
			field = "params." + strings.TrimPrefix(field, "formula.")
		} else if field == "min" || field == "max" {
			field = "params." + field
		} else if field == "pool" {
			field = "amount"
		}
		r, n := []rune(ie.Message), 0
		if len(r) > 0 {
			n = 1
		}
		return moneyFieldError(field, strings.ToUpper(string(r[:n]))+string(r[n:])+".")
	}
	return err
}

// Rounds returns a coalition's allocation rounds, newest first.
func (a *App) Rounds(ctx context.Context, actor Actor, coalitionID string) ([]domain.AllocationRound, error) {
	var out []domain.AllocationRound
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		out, err = tx.ListRounds(ctx, p.Coalition.ID)
		return err
	})
	return out, err
}

// Round returns a round with its preview; every member may see it.
func (a *App) Round(ctx context.Context, actor Actor, coalitionID, roundID string) (*RoundView, error) {
	var v RoundView
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		r, err := tx.FindRound(ctx, p.Coalition.ID, roundID)
		if err != nil {
			return err
		}
		f, err := tx.FindFund(ctx, p.Coalition.ID, r.FundID)
		if err != nil {
			return err
		}
		v.Round, v.Fund = *r, *f
		if v.CanSteer, err = canSteer(ctx, tx, actor, p); err != nil {
			return err
		}
		in, err := roundInputs(ctx, tx, r)
		if err != nil {
			return err
		}
		v.Points, v.Minutes = in.Points, map[string]int64{}
		for _, m := range in.Members {
			v.Minutes[m.OrganizationID] = int64(m.Hours)
		}
		if res, err := allocate.Allocate(in); err != nil {
			v.PreviewError = domain.ErrorMessage(allocateError(err))
		} else {
			v.Preview = &res
		}
		v.Names, err = entryNames(ctx, tx, p.Coalition.ID, nil)
		return err
	})
	return &v, err
}

// CanSteer reports whether actor may open and approve rounds in the coalition.
func (a *App) CanSteer(ctx context.Context, actor Actor, coalitionID string) (bool, error) {
	var ok bool
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		ok, err = canSteer(ctx, tx, actor, p)
		return err
	})
	return ok, err
}
