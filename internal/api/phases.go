package api

import (
	"context"
	"net/http"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/momentum"
	"github.com/danielgtaylor/huma/v2"
)

// NewPhaseChange is the body that moves a coalition to another phase, with the short
// retrospective every move needs.
type NewPhaseChange struct {
	ToPhase      phase  `json:"to_phase" doc:"The phase to move to; not the current one."`
	On           string `json:"on,omitempty" format:"date" doc:"The day of the move (YYYY-MM-DD): today when omitted; not in the future, not before the previous move."`
	Learned      string `json:"learned" minLength:"1" maxLength:"20000" doc:"What the coalition learned in the phase it leaves."`
	CarryForward string `json:"carry_forward" minLength:"1" maxLength:"20000" doc:"What it carries forward into the next phase."`
}

// PhaseChangeList is a coalition's phase history, oldest first.
type PhaseChangeList struct {
	PhaseChanges []domain.PhaseChange `json:"phase_changes"`
}

func (x *API) registerPhases() {
	huma.Register(x.huma, operation("list-phase-changes", http.MethodGet, "/coalitions/{id}/phase-changes", "List a coalition's moves between phases, with their retrospectives", "Phases", signedIn,
		http.StatusNotFound), x.listPhaseChanges)
	huma.Register(x.huma, operation("move-phase", http.MethodPost, "/coalitions/{id}/phase-changes", "Move a coalition to another phase, with a retrospective", "Phases", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict), x.movePhase)
	huma.Register(x.huma, operation("get-timeline", http.MethodGet, "/coalitions/{id}/timeline", "Get a coalition's phases, each with the wins dated in it", "Phases", signedIn,
		http.StatusNotFound), x.timeline)
	huma.Register(x.huma, operation("get-momentum", http.MethodGet, "/coalitions/{id}/momentum", "Get a coalition's momentum by month, and the members to reach out to", "Phases", signedIn,
		http.StatusNotFound), x.momentum)
}

func (x *API) listPhaseChanges(ctx context.Context, in *CoalitionPath) (*struct{ Body PhaseChangeList }, error) {
	list, err := x.app.PhaseChanges(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body PhaseChangeList }{PhaseChangeList{PhaseChanges: orEmpty(list)}}, nil
}

func (x *API) movePhase(ctx context.Context, in *struct {
	CoalitionPath
	Body NewPhaseChange
}) (*struct{ Body *domain.PhaseChange }, error) {
	b := in.Body
	pc, err := x.app.MovePhase(ctx, httpx.User(ctx), in.ID, app.PhaseMove{ToPhase: string(b.ToPhase), On: b.On, Learned: b.Learned, CarryForward: b.CarryForward})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.PhaseChange }{pc}, nil
}

// MomentumQuery chooses how many months the momentum table covers.
type MomentumQuery struct {
	CoalitionPath
	Months int `query:"months" minimum:"1" maximum:"36" default:"12" doc:"How many calendar months, ending with the current one."`
}

func (x *API) momentum(ctx context.Context, in *MomentumQuery) (*struct{ Body *momentum.Momentum }, error) {
	m, err := x.app.Momentum(ctx, httpx.User(ctx), in.ID, in.Months)
	return body(x, ctx, m, err)
}

func (x *API) timeline(ctx context.Context, in *CoalitionPath) (*struct{ Body *app.Timeline }, error) {
	tl, err := x.app.Timeline(ctx, httpx.User(ctx), in.ID)
	return body(x, ctx, tl, err)
}
