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

// SteppingBackBody is the body by which a member organization steps back.
type SteppingBackBody struct {
	OrganizationID string     `json:"organization_id,omitempty" maxLength:"64" doc:"The member organization stepping back; by default the one you represent."`
	Scope          string     `json:"scope" enum:"coalition,role,workstream" doc:"What it steps back from."`
	WorkstreamID   string     `json:"workstream_id,omitempty" maxLength:"64" doc:"For the workstream scope: a workstream the organization holds a seat in."`
	Reason         string     `json:"reason" enum:"capacity,resources,relationships,strategic,other"`
	Note           string     `json:"note,omitempty" maxLength:"500"`
	Until          *time.Time `json:"until,omitempty" doc:"The planned return, if known."`
}

func (x *API) registerSteppingBacks() {
	tag := "Stepping back"
	huma.Register(x.huma, operation("list-stepping-backs", http.MethodGet, "/coalitions/{id}/stepping-backs", "Who is stepping back, and who stepped back before", tag, signedIn,
		http.StatusNotFound), x.listSteppingBacks)
	huma.Register(x.huma, operation("step-back", http.MethodPost, "/coalitions/{id}/stepping-backs", "Step back from the coalition, a role or a workstream for a while", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict), x.stepBack)
	huma.Register(x.huma, ok200(operation("come-back", http.MethodPost, "/coalitions/{id}/stepping-backs/{stepping_back_id}/return", "Record an organization's return", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict)), x.comeBack)
}

func (x *API) listSteppingBacks(ctx context.Context, in *CoalitionPath) (*struct{ Body []domain.SteppingBack }, error) {
	list, err := x.app.SteppingBacks(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body []domain.SteppingBack }{list}, nil
}

func (x *API) stepBack(ctx context.Context, in *struct {
	CoalitionPath
	Body SteppingBackBody
}) (*struct{ Body *domain.SteppingBack }, error) {
	b := in.Body
	s, err := x.app.StepBack(ctx, httpx.User(ctx), in.ID, app.SteppingBackInput{OrganizationID: b.OrganizationID, Scope: b.Scope, WorkstreamID: b.WorkstreamID,
		Reason: b.Reason, Note: b.Note, Until: b.Until})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.SteppingBack }{s}, nil
}

func (x *API) comeBack(ctx context.Context, in *struct {
	CoalitionPath
	SteppingBackID string `path:"stepping_back_id" maxLength:"64"`
}) (*struct{ Body *domain.SteppingBack }, error) {
	s, err := x.app.ComeBack(ctx, httpx.User(ctx), in.ID, in.SteppingBackID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.SteppingBack }{s}, nil
}
