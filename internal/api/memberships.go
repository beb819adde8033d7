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

// MembershipChange is the body that replaces what a coordinator may change about a
// membership.
type MembershipChange struct {
	Role         membershipRole   `json:"role"`
	MostImpacted bool             `json:"most_impacted" doc:"Whether this organization's community is among those most impacted by the coalition's issue."`
	Status       membershipStatus `json:"status"`
	StatusReason string           `json:"status_reason,omitempty" maxLength:"500" doc:"Why the organization is stepping back or left."`
}

// MembershipPath names a membership of a coalition in the path.
type MembershipPath struct {
	CoalitionPath
	MembershipID string `path:"membership_id" maxLength:"64"`
}

type membershipOutput struct {
	ETag string `header:"ETag" doc:"The version, for If-Match."`
	Body *domain.Membership
}

func (x *API) registerMemberships() {
	huma.Register(x.huma, operation("list-memberships", http.MethodGet, "/coalitions/{id}/memberships", "List a coalition's memberships", "Memberships", signedIn,
		http.StatusNotFound), x.listMemberships)
	huma.Register(x.huma, operation("get-membership", http.MethodGet, "/coalitions/{id}/memberships/{membership_id}", "Get a membership", "Memberships", signedIn,
		http.StatusNotFound), x.getMembership)
	huma.Register(x.huma, operation("update-membership", http.MethodPut, "/coalitions/{id}/memberships/{membership_id}", "Change a membership's role, flag or status", "Memberships", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusPreconditionFailed, http.StatusPreconditionRequired), x.updateMembership)
}

func (x *API) listMemberships(ctx context.Context, in *struct {
	CoalitionPath
	PageQuery
}) (*pageOutput[domain.Membership], error) {
	p, err := x.app.Members(ctx, httpx.User(ctx), in.ID, in.Cursor, in.Limit)
	if err != nil {
		return nil, x.fail(ctx, err, pagingFields)
	}
	return newPage(p.Items, p.NextCursor, "/coalitions/"+url.PathEscape(in.ID)+"/memberships", in.Limit), nil
}

func (x *API) getMembership(ctx context.Context, in *MembershipPath) (*membershipOutput, error) {
	m, err := x.app.Membership(ctx, httpx.User(ctx), in.ID, in.MembershipID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &membershipOutput{ETag: etag(m.Version), Body: m}, nil
}

func (x *API) updateMembership(ctx context.Context, in *struct {
	MembershipPath
	Precondition
	Body MembershipChange
}) (*membershipOutput, error) {
	version, err := in.version()
	if err != nil {
		return nil, err
	}
	b := in.Body
	m, err := x.app.UpdateMembership(ctx, httpx.User(ctx), in.ID, in.MembershipID,
		app.MembershipChange{Role: string(b.Role), MostImpacted: b.MostImpacted, Status: string(b.Status), StatusReason: b.StatusReason}, version)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &membershipOutput{ETag: etag(m.Version), Body: m}, nil
}
