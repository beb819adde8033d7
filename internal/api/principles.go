package api

import (
	"context"
	"net/http"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// PrincipleText is the body of a new principle or of a new version of one.
type PrincipleText struct {
	Title string `json:"title" minLength:"1" maxLength:"200"`
	Body  string `json:"body" minLength:"1" maxLength:"20000"`
}

// NewAdoption is the body by which a member organization adopts a principle version.
type NewAdoption struct {
	MembershipID       string `json:"membership_id" maxLength:"64" doc:"The membership of an organization you represent."`
	PrincipleVersionID string `json:"principle_version_id" maxLength:"64"`
}

// PrincipleList is a coalition's principles, each with every version, and the adoptions
// of those versions by member organizations.
type PrincipleList struct {
	Principles []domain.Principle `json:"principles"`
	Adoptions  []domain.Adoption  `json:"adoptions"`
}

func (x *API) registerPrinciples() {
	huma.Register(x.huma, operation("list-principles", http.MethodGet, "/coalitions/{id}/principles", "List principles with their versions and adoptions", "Principles", signedIn,
		http.StatusNotFound), x.listPrinciples)
	huma.Register(x.huma, operation("create-principle", http.MethodPost, "/coalitions/{id}/principles", "Add a principle", "Principles", signedIn,
		http.StatusForbidden, http.StatusNotFound), x.createPrinciple)
	huma.Register(x.huma, operation("revise-principle", http.MethodPost, "/coalitions/{id}/principles/{principle_id}/versions", "Add a version of a principle", "Principles", signedIn,
		http.StatusForbidden, http.StatusNotFound), x.revisePrinciple)
	huma.Register(x.huma, operation("adopt-principle", http.MethodPost, "/coalitions/{id}/adoptions", "Adopt a principle version for a member organization", "Principles", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict), x.adopt)
}

func (x *API) listPrinciples(ctx context.Context, in *CoalitionPath) (*struct{ Body PrincipleList }, error) {
	ps, ads, err := x.app.Principles(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body PrincipleList }{PrincipleList{Principles: orEmpty(ps), Adoptions: orEmpty(ads)}}, nil
}

func (x *API) createPrinciple(ctx context.Context, in *struct {
	CoalitionPath
	Body PrincipleText
}) (*struct{ Body *domain.Principle }, error) {
	p, err := x.app.CreatePrinciple(ctx, httpx.User(ctx), in.ID, app.PrincipleText{Title: in.Body.Title, Body: in.Body.Body})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.Principle }{p}, nil
}

func (x *API) revisePrinciple(ctx context.Context, in *struct {
	CoalitionPath
	PrincipleID string `path:"principle_id" maxLength:"64"`
	Body        PrincipleText
}) (*struct{ Body *domain.PrincipleVersion }, error) {
	v, err := x.app.RevisePrinciple(ctx, httpx.User(ctx), in.ID, in.PrincipleID, app.PrincipleText{Title: in.Body.Title, Body: in.Body.Body})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.PrincipleVersion }{v}, nil
}

func (x *API) adopt(ctx context.Context, in *struct {
	CoalitionPath
	Body NewAdoption
}) (*struct{ Body *domain.Adoption }, error) {
	ad, err := x.app.Adopt(ctx, httpx.User(ctx), in.ID, in.Body.MembershipID, in.Body.PrincipleVersionID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.Adoption }{ad}, nil
}
