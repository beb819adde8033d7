package api

import (
	"context"
	"net/http"

	"github.com/braid-org/braid/internal/app"
	"github.com/danielgtaylor/huma/v2"
)

func (x *API) registerPublic() {
	huma.Register(x.huma, operation("get-public-coalition", http.MethodGet, "/public/coalitions/{slug}", "Get a coalition's public page", "Public", anyone,
		http.StatusNotFound), x.publicCoalition)
}

func (x *API) publicCoalition(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"100" doc:"The coalition's slug (or id)."`
}) (*struct{ Body *app.PublicCoalition }, error) {
	page, err := x.app.PublicCoalitionPage(ctx, in.Slug)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	page.Members = orEmpty(page.Members)
	page.Principles = orEmpty(page.Principles)
	for i := range page.Members {
		if page.Members[i].Fields == nil {
			page.Members[i].Fields = map[string]any{}
		}
	}
	return &struct{ Body *app.PublicCoalition }{page}, nil
}
