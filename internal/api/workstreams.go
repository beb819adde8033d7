package api

import (
	"context"
	"net/http"
	"net/url"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// Enumerations of the clarity records, documented in the OpenAPI schema.
type (
	workstreamRole string
	taskStatus     string
	meetingKind    string
)

func (workstreamRole) Schema(huma.Registry) *huma.Schema { return enum(domain.WorkstreamRoles) }
func (taskStatus) Schema(huma.Registry) *huma.Schema     { return enum(domain.TaskStatuses) }
func (meetingKind) Schema(huma.Registry) *huma.Schema    { return enum(domain.MeetingKinds) }

// WorkstreamText is the name and description of a workstream.
type WorkstreamText struct {
	Name        string `json:"name" minLength:"1" maxLength:"200"`
	Description string `json:"description,omitempty" maxLength:"20000"`
}

// NewSeat gives a member organization, and optionally one of its people, a role in a workstream.
type NewSeat struct {
	OrganizationID string         `json:"organization_id" maxLength:"64" doc:"A member organization of the coalition."`
	PersonID       string         `json:"person_id,omitempty" maxLength:"64" doc:"A person affiliated with that organization."`
	Role           workstreamRole `json:"role"`
}

// WorkstreamPath names a workstream of a coalition.
type WorkstreamPath struct {
	CoalitionPath
	WorkstreamID string `path:"workstream_id" maxLength:"64"`
}

type workstreamOutput struct {
	ETag string `header:"ETag" doc:"The version, for If-Match."`
	Body *domain.Workstream
}

type createdWorkstream struct {
	ETag     string `header:"ETag" doc:"The version, for If-Match."`
	Location string `header:"Location"`
	Body     *domain.Workstream
}

func (x *API) registerWorkstreams() {
	huma.Register(x.huma, operation("list-workstreams", http.MethodGet, "/coalitions/{id}/workstreams", "List workstreams with their leads, co-leads and members", "Workstreams", signedIn,
		http.StatusNotFound), x.listWorkstreams)
	huma.Register(x.huma, operation("create-workstream", http.MethodPost, "/coalitions/{id}/workstreams", "Define a workstream", "Workstreams", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict), x.createWorkstream)
	huma.Register(x.huma, operation("get-workstream", http.MethodGet, "/coalitions/{id}/workstreams/{workstream_id}", "Get a workstream", "Workstreams", signedIn,
		http.StatusNotFound), x.getWorkstream)
	huma.Register(x.huma, operation("update-workstream", http.MethodPut, "/coalitions/{id}/workstreams/{workstream_id}", "Rename or redescribe a workstream", "Workstreams", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusPreconditionFailed, http.StatusPreconditionRequired), x.updateWorkstream)
	huma.Register(x.huma, operation("add-workstream-member", http.MethodPost, "/coalitions/{id}/workstreams/{workstream_id}/members", "Give an organization a role in a workstream", "Workstreams", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict), x.addSeat)
	huma.Register(x.huma, operation("remove-workstream-member", http.MethodDelete, "/coalitions/{id}/workstreams/{workstream_id}/members/{seat_id}", "Remove an organization's role in a workstream", "Workstreams", signedIn,
		http.StatusForbidden, http.StatusNotFound), x.removeSeat)
}

func (x *API) listWorkstreams(ctx context.Context, in *CoalitionPath) (*struct{ Body []domain.Workstream }, error) {
	ws, err := x.app.Workstreams(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body []domain.Workstream }{orEmpty(ws)}, nil
}

func (x *API) createWorkstream(ctx context.Context, in *struct {
	CoalitionPath
	Body WorkstreamText
}) (*createdWorkstream, error) {
	w, err := x.app.CreateWorkstream(ctx, httpx.User(ctx), in.ID, app.WorkstreamText(in.Body))
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &createdWorkstream{ETag: etag(w.Version), Location: Prefix + "/coalitions/" + url.PathEscape(w.CoalitionID) + "/workstreams/" + w.ID, Body: w}, nil
}

func (x *API) getWorkstream(ctx context.Context, in *WorkstreamPath) (*workstreamOutput, error) {
	w, err := x.app.Workstream(ctx, httpx.User(ctx), in.ID, in.WorkstreamID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &workstreamOutput{ETag: etag(w.Version), Body: w}, nil
}

func (x *API) updateWorkstream(ctx context.Context, in *struct {
	WorkstreamPath
	Precondition
	Body WorkstreamText
}) (*workstreamOutput, error) {
	version, err := in.version()
	if err != nil {
		return nil, err
	}
	w, err := x.app.UpdateWorkstream(ctx, httpx.User(ctx), in.ID, in.WorkstreamID, app.WorkstreamText(in.Body), version)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &workstreamOutput{ETag: etag(w.Version), Body: w}, nil
}

func (x *API) addSeat(ctx context.Context, in *struct {
	WorkstreamPath
	Body NewSeat
}) (*struct{ Body *domain.WorkstreamMember }, error) {
	s, err := x.app.AddSeat(ctx, httpx.User(ctx), in.ID, in.WorkstreamID, app.Seat{OrganizationID: in.Body.OrganizationID,
		PersonID: in.Body.PersonID, Role: string(in.Body.Role)})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.WorkstreamMember }{s}, nil
}

func (x *API) removeSeat(ctx context.Context, in *struct {
	WorkstreamPath
	SeatID string `path:"seat_id" maxLength:"64"`
}) (*struct{}, error) {
	if err := x.app.RemoveSeat(ctx, httpx.User(ctx), in.ID, in.WorkstreamID, in.SeatID); err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{}{}, nil
}
