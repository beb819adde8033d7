package api

import (
	"context"
	"net/http"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// NewThanks is the coalition's thanks to an organization for a win.
type NewThanks struct {
	OrganizationID string `json:"organization_id" minLength:"1" maxLength:"64"`
	Message        string `json:"message" minLength:"1" maxLength:"500"`
}

// ThanksList is thanks, newest first.
type ThanksList struct {
	Thanks []domain.Thanks `json:"thanks"`
}

func (x *API) registerThanks() {
	huma.Register(x.huma, operation("send-thanks", http.MethodPost, "/coalitions/{id}/wins/{win_id}/thanks",
		"Thank an organization for a win; the thanks shows on its profile", "Wins", signedIn, http.StatusForbidden, http.StatusNotFound), x.sendThanks)
	huma.Register(x.huma, operation("list-coalition-thanks", http.MethodGet, "/coalitions/{id}/thanks", "The thanks a coalition sent", "Wins", signedIn,
		http.StatusNotFound), x.coalitionThanks)
	huma.Register(x.huma, operation("list-organization-thanks", http.MethodGet, "/organizations/{id}/thanks",
		"The thanks an organization received from the coalitions you share with it", "Organizations", signedIn), x.organizationThanks)
}

func (x *API) sendThanks(ctx context.Context, in *struct {
	WinPath
	Body NewThanks
}) (*struct{ Body *domain.Thanks }, error) {
	th, err := x.app.SendThanks(ctx, httpx.User(ctx), in.ID, in.WinID, in.Body.OrganizationID, in.Body.Message)
	return body(x, ctx, th, err)
}

func (x *API) coalitionThanks(ctx context.Context, in *CoalitionPath) (*struct{ Body ThanksList }, error) {
	list, err := x.app.CoalitionThanks(ctx, httpx.User(ctx), in.ID)
	return body(x, ctx, ThanksList{Thanks: orEmpty(list)}, err)
}

func (x *API) organizationThanks(ctx context.Context, in *OrganizationPath) (*struct{ Body ThanksList }, error) {
	list, err := x.app.ThanksReceived(ctx, httpx.User(ctx), in.ID)
	return body(x, ctx, ThanksList{Thanks: orEmpty(list)}, err)
}
