package api_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/api"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// openAPIRoutes are the routes that serve the document itself rather than an operation.
var openAPIRoutes = []string{"GET /api/v1/openapi-3.0.json", "GET /api/v1/openapi-3.0.yaml", "GET /api/v1/openapi.json", "GET /api/v1/openapi.yaml"}

// TestOpenAPIDocument checks the served document: JSON, OpenAPI 3.1, and listing exactly
// the operations the server routes under /api/v1.
func TestOpenAPIDocument(t *testing.T) {
	e := newEnv(t)
	r := e.get("/api/v1/openapi.json", "")
	if r.status != 200 {
		t.Fatalf("status %d", r.status)
	}
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	r.json(t, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.1.") {
		t.Errorf("openapi = %q, want 3.1.x", doc.OpenAPI)
	}
	var documented []string
	for path, item := range doc.Paths {
		for method := range item {
			documented = append(documented, strings.ToUpper(method)+" /api/v1"+path)
		}
	}
	slices.Sort(documented)
	ops := api.New(e.app, discardLog()).Operations()
	if !slices.Equal(documented, ops) {
		t.Errorf("served document lists\n%v\nOperations() returns\n%v", documented, ops)
	}
	var routed []string
	for _, p := range e.srv.Routes {
		if strings.Contains(p, " /api/v1/") && !slices.Contains(openAPIRoutes, p) {
			routed = append(routed, p)
		}
	}
	if !slices.Equal(routed, ops) {
		t.Errorf("server routes\n%v\nbut the document lists\n%v", routed, ops)
	}
	if n := len(ops); n < 22 {
		t.Errorf("only %d operations", n)
	}
}

// authExpectations says who may call each operation. A new operation fails
// TestAuthorizationMatrix until it is added: the foundation's here, each feature's in an
// init function of its own test file (authExpectations["GET /api/v1/…"] = "member").
var authExpectations = map[string]string{
	"GET /api/v1/coalitions/{id}/access":                              "member",
	"PUT /api/v1/coalitions/{id}/access/{user_id}":                    "member",
	"GET /api/v1/coalitions":                                          "user",
	"POST /api/v1/coalitions":                                         "user",
	"GET /api/v1/coalitions/{id}":                                     "member",
	"PUT /api/v1/coalitions/{id}":                                     "member",
	"GET /api/v1/coalitions/{id}/memberships":                         "member",
	"GET /api/v1/coalitions/{id}/memberships/{membership_id}":         "member",
	"PUT /api/v1/coalitions/{id}/memberships/{membership_id}":         "member",
	"POST /api/v1/coalitions/{id}/invitations":                        "member",
	"GET /api/v1/coalitions/{id}/invitations":                         "member",
	"POST /api/v1/invitations/{token}/accept":                         "anyone",
	"GET /api/v1/organizations/{id}":                                  "member",
	"PUT /api/v1/organizations/{id}":                                  "member",
	"GET /api/v1/me":                                                  "user",
	"GET /api/v1/me/api-tokens":                                       "user",
	"POST /api/v1/me/api-tokens":                                      "user",
	"DELETE /api/v1/me/api-tokens/{token_id}":                         "user",
	"GET /api/v1/coalitions/{id}/principles":                          "member",
	"POST /api/v1/coalitions/{id}/principles":                         "member",
	"POST /api/v1/coalitions/{id}/principles/{principle_id}/versions": "member",
	"POST /api/v1/coalitions/{id}/adoptions":                          "member",
	"GET /api/v1/coalitions/{id}/equity":                              "member",
	"GET /api/v1/coalitions/{id}/audit-log":                           "member",
	"GET /api/v1/public/coalitions/{slug}":                            "anyone",
	"GET /api/v1/coalitions/{id}/export":                              "member",
	"POST /api/v1/import":                                             "user",
}

// TestAuthorizationMatrix sends every operation anonymously (401 unless it is open to
// anyone) and, for those scoped to a coalition or organization, as a signed-in user who
// has no part in it (404, so that its existence is not revealed).
func TestAuthorizationMatrix(t *testing.T) {
	f := newFixture(t)
	x := api.New(f.app, discardLog())
	public := x.PublicOperations()
	fill := strings.NewReplacer("{id}", f.a.ID, "{membership_id}", f.memberA.ID, "{token}", f.inviteToken,
		"{principle_id}", f.principle.ID, "{token_id}", f.spareTokenID, "{user_id}", f.users["rep"].ID, "{slug}", f.a.Slug)
	for _, op := range x.Operations() {
		who, ok := authExpectations[op]
		if !ok {
			t.Errorf("%s has no authorization expectation", op)
			continue
		}
		if (who == "anyone") != slices.Contains(public, op) {
			t.Errorf("%s: expected %s, but PublicOperations says otherwise", op, who)
		}
		method, path, _ := strings.Cut(op, " ")
		path = fill.Replace(path)
		if strings.Contains(op, "/organizations/") {
			path = strings.Replace(path, f.a.ID, f.memberA.OrganizationID, 1)
		}
		body := ""
		if method == http.MethodPost || method == http.MethodPut {
			body = "{}"
		}
		anon := f.send(method, path, "", body, nil)
		if who != "anyone" && anon.status != http.StatusUnauthorized {
			t.Errorf("%s anonymous: status %d, want 401", op, anon.status)
		}
		if who == "anyone" && (anon.status == http.StatusUnauthorized || anon.status >= 500) {
			t.Errorf("%s anonymous: status %d", op, anon.status)
		}
		if who == "member" {
			r := f.send(method, path, "outsider", body, ifMatch(`"1"`))
			if r.status != http.StatusNotFound && r.status != http.StatusUnprocessableEntity {
				t.Errorf("%s as outsider: status %d, want 404 (or 422 for a body the schema refuses first)", op, r.status)
			}
		}
	}
}

// TestResponsesMatchSchema validates sample responses against the schemas the document
// declares for them.
func TestResponsesMatchSchema(t *testing.T) {
	f := newFixture(t)
	doc := f.get("/api/v1/openapi.json", "")
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	parsed, err := jsonschema.UnmarshalJSON(strings.NewReader(doc.body))
	if err != nil {
		t.Fatal(err)
	}
	const base = "https://braid.example/openapi.json"
	if err := c.AddResource(base, parsed); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ path, schema string }{
		{"/api/v1/coalitions/" + f.a.ID, "Coalition"},
		{"/api/v1/coalitions", "PageCoalition"},
		{"/api/v1/coalitions/" + f.a.ID + "/memberships", "PageMembership"},
		{"/api/v1/coalitions/" + f.a.ID + "/principles", "PrincipleList"},
		{"/api/v1/coalitions/" + f.a.ID + "/equity?dimension=leadership", "EquityReport"},
		{"/api/v1/coalitions/" + f.a.ID + "/audit-log", "PageAuditEntry"},
		{"/api/v1/coalitions/" + f.a.ID + "/invitations", "InvitationList"},
		{"/api/v1/me", "CurrentUser"},
		{"/api/v1/public/coalitions/" + f.a.Slug, "PublicCoalition"},
		{"/api/v1/coalitions/nope", "ErrorModel"},
	}
	for _, tc := range cases {
		sch, err := c.Compile(base + "#/components/schemas/" + tc.schema)
		if err != nil {
			t.Fatalf("%s: %v", tc.schema, err)
		}
		r := f.get(tc.path, "coord")
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(r.body))
		if err != nil {
			t.Fatalf("GET %s: %v", tc.path, err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("GET %s does not match %s: %v\n%.500s", tc.path, tc.schema, err, r.body)
		}
	}

	// The keys GET /coalitions/{id} must always carry, as the document requires them.
	var coalition struct {
		Required []string `json:"required"`
	}
	var d struct {
		Components struct {
			Schemas map[string]json.RawMessage `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal([]byte(doc.body), &d); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(d.Components.Schemas["Coalition"], &coalition); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "slug", "name", "goal", "phase", "public", "version", "created_at", "updated_at"} {
		if !slices.Contains(coalition.Required, k) {
			t.Errorf("Coalition schema does not require %q", k)
		}
	}
}
