package api

import (
	"context"
	"github.com/braid-org/braid/internal/app"
	"net/http"
	"strings"

	"github.com/braid-org/braid/internal/bundle"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// bundleSchema documents a bundle in the OpenAPI document by pointing at its own JSON
// Schema, which internal/bundle owns; copying it here would let the two drift.
func bundleSchema() *huma.Schema {
	return &huma.Schema{Type: huma.TypeObject, Description: "A whole coalition (format braid.bundle, version 2; version 1 still imports), described by the JSON Schema " +
		bundle.SchemaURL + "."}
}

type bundleOutput struct {
	ContentType        string `header:"Content-Type"`
	ContentDisposition string `header:"Content-Disposition"`
	Body               []byte
}

func (x *API) registerBundles() {
	export := operation("export-coalition", http.MethodGet, "/coalitions/{id}/export", "Export a coalition as one JSON bundle", "Bundles", signedIn,
		http.StatusForbidden, http.StatusNotFound)
	export.Responses = map[string]*huma.Response{"200": {Description: "The bundle.",
		Content: map[string]*huma.MediaType{"application/json": {Schema: bundleSchema()}}}}
	huma.Register(x.huma, export, x.exportCoalition)

	imp := operation("import-coalition", http.MethodPost, "/import", "Import a coalition from a bundle (deployment administrators)", "Bundles", signedIn,
		http.StatusForbidden, http.StatusConflict)
	imp.MaxBodyBytes = bundle.MaxBundleBytes // the server allows a little more on /import, so huma answers 413 itself
	imp.SkipValidateBody = true              // bundle.Parse checks the document against its own schema
	huma.Register(x.huma, imp, x.importCoalition)
	// Registering a raw body documents it as a binary string; it is a bundle.
	x.huma.OpenAPI().Paths["/import"].Post.RequestBody.Content["application/json"].Schema = bundleSchema()
}

func (x *API) exportCoalition(ctx context.Context, in *struct {
	CoalitionPath
	Include string `query:"include" enum:"health," doc:"health adds the closed check-ins (anonymous responses, never who answered) and the tensions, which a bundle otherwise leaves out. The audit log records the export."`
}) (*bundleOutput, error) {
	b, err := x.app.ExportCoalitionWith(ctx, httpx.User(ctx), in.ID, app.ExportOptions{Health: in.Include == "health"})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	raw, err := bundle.Encode(b)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &bundleOutput{ContentType: "application/json", Body: raw,
		ContentDisposition: `attachment; filename="` + fileName(b.Coalition.Slug) + `.braid.json"`}, nil
}

func (x *API) importCoalition(ctx context.Context, in *struct {
	RawBody []byte `contentType:"application/json"`
}) (*createdCoalition, error) {
	c, err := x.app.ImportBundle(ctx, httpx.User(ctx), in.RawBody)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return renderCreated(c), nil
}

// fileName keeps a slug as a download's file name only when it is plainly safe in a header.
func fileName(slug string) string {
	if slug == "" || len(slug) > 100 || strings.ContainsFunc(slug, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-')
	}) {
		return "coalition"
	}
	return slug
}
