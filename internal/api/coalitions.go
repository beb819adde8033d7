package api

import (
	"context"
	"net/http"
	"net/url"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// NewCoalition is the body that creates a coalition.
type NewCoalition struct {
	Name           string   `json:"name" minLength:"1" maxLength:"200"`
	Goal           string   `json:"goal" minLength:"1" maxLength:"20000" doc:"The shared goal."`
	TheoryOfChange string   `json:"theory_of_change,omitempty" maxLength:"20000"`
	IssueAreas     []string `json:"issue_areas,omitempty" maxItems:"50" maxLength:"200"`
	Geography      string   `json:"geography,omitempty" maxLength:"500"`
	Phase          phase    `json:"phase,omitempty" doc:"Defaults to forming."`
	Public         bool     `json:"public,omitempty" doc:"Whether the coalition has a public page."`
}

// CoalitionChange is the body that replaces a coalition's editable fields; every field
// must be sent, so that a partial body never clears a field by accident.
type CoalitionChange struct {
	Name           string   `json:"name" minLength:"1" maxLength:"200"`
	Goal           string   `json:"goal" minLength:"1" maxLength:"20000"`
	TheoryOfChange string   `json:"theory_of_change" maxLength:"20000"`
	IssueAreas     []string `json:"issue_areas" maxItems:"50" maxLength:"200"`
	Geography      string   `json:"geography" maxLength:"500"`
	Phase          phase    `json:"phase,omitempty" doc:"Optional; if sent, it must be the current phase. Moving to another phase takes a retrospective: POST /coalitions/{id}/phase-changes."`
	Public         bool     `json:"public"`
}

// CoalitionPath names a coalition in the path.
type CoalitionPath struct {
	ID string `path:"id" maxLength:"64" doc:"The coalition's id or slug."`
}

type coalitionOutput struct {
	ETag string `header:"ETag" doc:"The version, for If-Match."`
	Body *domain.Coalition
}

func renderCoalition(c *domain.Coalition) *coalitionOutput {
	return &coalitionOutput{ETag: etag(c.Version), Body: c}
}

type createdCoalition struct {
	ETag     string `header:"ETag" doc:"The version, for If-Match."`
	Location string `header:"Location" doc:"The new coalition."`
	Body     *domain.Coalition
}

func renderCreated(c *domain.Coalition) *createdCoalition {
	return &createdCoalition{ETag: etag(c.Version), Location: Prefix + "/coalitions/" + url.PathEscape(c.ID), Body: c}
}

func (x *API) registerCoalitions() {
	huma.Register(x.huma, operation("list-coalitions", http.MethodGet, "/coalitions", "List the coalitions you belong to", "Coalitions", signedIn),
		x.listCoalitions)
	huma.Register(x.huma, operation("create-coalition", http.MethodPost, "/coalitions", "Create a coalition; you become its coordinator", "Coalitions", signedIn),
		x.createCoalition)
	huma.Register(x.huma, operation("get-coalition", http.MethodGet, "/coalitions/{id}", "Get a coalition", "Coalitions", signedIn, http.StatusNotFound),
		x.getCoalition)
	huma.Register(x.huma, operation("update-coalition", http.MethodPut, "/coalitions/{id}", "Replace a coalition's editable fields", "Coalitions", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusPreconditionFailed, http.StatusPreconditionRequired), x.updateCoalition)
}

func (x *API) listCoalitions(ctx context.Context, in *struct{ PageQuery }) (*pageOutput[domain.Coalition], error) {
	p, err := x.app.Coalitions(ctx, httpx.User(ctx), in.Cursor, in.Limit)
	if err != nil {
		return nil, x.fail(ctx, err, pagingFields)
	}
	return newPage(p.Items, p.NextCursor, "/coalitions", in.Limit), nil
}

func (x *API) createCoalition(ctx context.Context, in *struct{ Body NewCoalition }) (*createdCoalition, error) {
	b := in.Body
	c, err := x.app.CreateCoalition(ctx, httpx.User(ctx), domain.Coalition{Name: b.Name, Goal: b.Goal, TheoryOfChange: b.TheoryOfChange,
		IssueAreas: b.IssueAreas, Geography: b.Geography, Phase: string(b.Phase), Public: b.Public})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return renderCreated(c), nil
}

func (x *API) getCoalition(ctx context.Context, in *CoalitionPath) (*coalitionOutput, error) {
	c, _, err := x.app.Coalition(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return renderCoalition(c), nil
}

func (x *API) updateCoalition(ctx context.Context, in *struct {
	CoalitionPath
	Precondition
	Body CoalitionChange
}) (*coalitionOutput, error) {
	version, err := in.version()
	if err != nil {
		return nil, err
	}
	b := in.Body
	c, err := x.app.UpdateCoalition(ctx, httpx.User(ctx), domain.Coalition{ID: in.ID, Name: b.Name, Goal: b.Goal, TheoryOfChange: b.TheoryOfChange,
		IssueAreas: b.IssueAreas, Geography: b.Geography, Phase: string(b.Phase), Public: b.Public}, version)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return renderCoalition(c), nil
}
