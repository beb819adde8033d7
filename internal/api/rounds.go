package api

import (
	"context"
	"net/http"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// NewRound opens an allocation round.
type NewRound struct {
	FundID  string             `json:"fund_id" maxLength:"64"`
	Title   string             `json:"title" minLength:"1" maxLength:"200"`
	Amount  int64              `json:"amount" minimum:"1" doc:"The pool to split, in minor units (cents)."`
	Method  string             `json:"method" enum:"equal,proportional,equity_formula,peer"`
	Members []string           `json:"members" minItems:"1" maxItems:"5000" doc:"Organization ids of the member organizations in the round."`
	Params  domain.RoundParams `json:"params,omitempty"`
	// How the round is decided.
	Decision         string    `json:"decision,omitempty" enum:"steering,proposal" doc:"steering (default): a coordinator or a steering member's representative approves it. proposal: the coalition decides it with a proposal opened with the round, and the round is approved when the proposal passes, declined otherwise."`
	ProposalMethod   string    `json:"proposal_method,omitempty" enum:"consent,consensus,majority,supermajority" doc:"The proposal's method (default majority)."`
	ProposalClosesAt time.Time `json:"proposal_closes_at,omitempty" doc:"When the proposal closes; required for decision proposal."`
}

// RoundList is a coalition's allocation rounds, newest first.
type RoundList struct {
	Rounds []domain.AllocationRound `json:"rounds"`
}

// RoundPath names a round of a coalition.
type RoundPath struct {
	CoalitionPath
	RoundID string `path:"round_id" maxLength:"64"`
}

// NewPoints are the points one member organization gives the others in a peer round.
type NewPoints struct {
	GiverOrganizationID string           `json:"giver_organization_id" maxLength:"64" doc:"An organization you represent."`
	Points              map[string]int64 `json:"points" doc:"Organization id → points, 0 to 100 each, summing to exactly 100."`
}

func (x *API) registerRounds() {
	huma.Register(x.huma, operation("list-allocation-rounds", http.MethodGet, "/coalitions/{id}/allocation-rounds", "List allocation rounds", "Money", signedIn,
		http.StatusNotFound), x.listRounds)
	huma.Register(x.huma, operation("open-allocation-round", http.MethodPost, "/coalitions/{id}/allocation-rounds", "Open an allocation round", "Money", signedIn,
		http.StatusForbidden, http.StatusNotFound), x.openRound)
	huma.Register(x.huma, operation("get-allocation-round", http.MethodGet, "/coalitions/{id}/allocation-rounds/{round_id}", "A round with its preview: every member's amount and the arithmetic", "Money", signedIn,
		http.StatusNotFound), x.getRound)
	approve := operation("approve-allocation-round", http.MethodPost, "/coalitions/{id}/allocation-rounds/{round_id}/approve", "Approve a round and write its allocations to the ledger", "Money", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict)
	approve.DefaultStatus = http.StatusOK
	huma.Register(x.huma, approve, x.approveRound)
	points := operation("give-peer-points", http.MethodPost, "/coalitions/{id}/allocation-rounds/{round_id}/points", "Give a member organization's points in a peer round", "Money", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict)
	points.DefaultStatus = http.StatusNoContent
	huma.Register(x.huma, points, x.givePoints)
}

func (x *API) listRounds(ctx context.Context, in *CoalitionPath) (*struct{ Body RoundList }, error) {
	rs, err := x.app.Rounds(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body RoundList }{RoundList{Rounds: orEmpty(rs)}}, nil
}

func (x *API) openRound(ctx context.Context, in *struct {
	CoalitionPath
	Body NewRound
}) (*struct{ Body *domain.AllocationRound }, error) {
	b := in.Body
	r, err := x.app.OpenRound(ctx, httpx.User(ctx), in.ID, app.RoundInput{FundID: b.FundID, Title: b.Title, Amount: b.Amount,
		Method: b.Method, Members: b.Members, Params: b.Params, Decision: b.Decision, ProposalMethod: b.ProposalMethod, ProposalClosesAt: b.ProposalClosesAt})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.AllocationRound }{r}, nil
}

func (x *API) getRound(ctx context.Context, in *RoundPath) (*struct{ Body *app.RoundView }, error) {
	v, err := x.app.Round(ctx, httpx.User(ctx), in.ID, in.RoundID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *app.RoundView }{v}, nil
}

func (x *API) approveRound(ctx context.Context, in *RoundPath) (*struct{ Body *domain.AllocationRound }, error) {
	r, err := x.app.ApproveRound(ctx, httpx.User(ctx), in.ID, in.RoundID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.AllocationRound }{r}, nil
}

func (x *API) givePoints(ctx context.Context, in *struct {
	RoundPath
	Body NewPoints
}) (*struct{}, error) {
	err := x.app.GivePoints(ctx, httpx.User(ctx), in.ID, in.RoundID, domain.PeerPoints{Giver: in.Body.GiverOrganizationID, Points: in.Body.Points})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{}{}, nil
}
