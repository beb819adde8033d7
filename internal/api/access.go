package api

import (
	"context"
	"net/http"

	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/store"
	"github.com/danielgtaylor/huma/v2"
)

// AccessChange sets someone's access role in a coalition.
type AccessChange struct {
	Role accessRole `json:"role" doc:"coordinator, facilitator, member or observer."`
}

// AccessPath names a person with access to a coalition.
type AccessPath struct {
	CoalitionPath
	UserID string `path:"user_id" maxLength:"64"`
}

type accessList struct {
	Body struct {
		Items []store.AccessWithUser `json:"items"`
	}
}

func (x *API) registerAccess() {
	huma.Register(x.huma, operation("list-access", http.MethodGet, "/coalitions/{id}/access", "List who has which access role in a coalition", "Access", signedIn,
		http.StatusNotFound), x.listAccess)
	huma.Register(x.huma, operation("set-access", http.MethodPut, "/coalitions/{id}/access/{user_id}", "Change someone's access role", "Access", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict), x.setAccess)
}

func (x *API) listAccess(ctx context.Context, in *CoalitionPath) (*accessList, error) {
	list, err := x.app.Access(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	out := &accessList{}
	out.Body.Items = list
	return out, nil
}

func (x *API) setAccess(ctx context.Context, in *struct {
	AccessPath
	Body AccessChange
}) (*accessList, error) {
	if err := x.app.SetAccessRole(ctx, httpx.User(ctx), in.ID, in.UserID, string(in.Body.Role)); err != nil {
		return nil, x.fail(ctx, err)
	}
	return x.listAccess(ctx, &in.CoalitionPath)
}
