package api

import (
	"context"
	"net/http"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// CurrentUser is the signed-in user and the organizations they represent.
type CurrentUser struct {
	User          *domain.User          `json:"user"`
	Organizations []domain.Organization `json:"organizations"`
}

// NewAPIToken is the body that creates a personal API token.
type NewAPIToken struct {
	Name string `json:"name" minLength:"1" maxLength:"200" doc:"What the token is for, e.g. \"reporting script\"."`
}

// APITokenList is the signed-in user's tokens, without their secrets.
type APITokenList struct {
	Items []domain.APIToken `json:"items"`
}

func (x *API) registerMe() {
	huma.Register(x.huma, operation("get-me", http.MethodGet, "/me", "Get the signed-in user and their organizations", "Me", signedIn), x.me)
	huma.Register(x.huma, operation("list-api-tokens", http.MethodGet, "/me/api-tokens", "List your API tokens", "Me", signedIn), x.listTokens)
	huma.Register(x.huma, operation("create-api-token", http.MethodPost, "/me/api-tokens", "Create an API token; its secret is shown only now", "Me", signedIn),
		x.createToken)
	huma.Register(x.huma, operation("revoke-api-token", http.MethodDelete, "/me/api-tokens/{token_id}", "Revoke one of your API tokens", "Me", signedIn,
		http.StatusNotFound), x.revokeToken)
}

func (x *API) me(ctx context.Context, _ *struct{}) (*struct{ Body CurrentUser }, error) {
	u := httpx.User(ctx)
	orgs, err := x.app.MyOrganizations(ctx, u)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body CurrentUser }{CurrentUser{User: u, Organizations: orEmpty(orgs)}}, nil
}

func (x *API) listTokens(ctx context.Context, _ *struct{}) (*struct{ Body APITokenList }, error) {
	list, err := x.app.ListAPITokens(ctx, httpx.User(ctx))
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body APITokenList }{APITokenList{orEmpty(list)}}, nil
}

func (x *API) createToken(ctx context.Context, in *struct{ Body NewAPIToken }) (*struct{ Body *domain.APIToken }, error) {
	t, err := x.app.CreateAPIToken(ctx, httpx.User(ctx), in.Body.Name)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.APIToken }{t}, nil
}

func (x *API) revokeToken(ctx context.Context, in *struct {
	TokenID string `path:"token_id" maxLength:"64"`
}) (*struct{}, error) {
	if err := x.app.RevokeAPIToken(ctx, httpx.User(ctx), in.TokenID); err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{}{}, nil
}
