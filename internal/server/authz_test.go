package server_test

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/braid-org/braid/internal/api"
)

// Expected outcomes per role. ok is 2xx, or a redirect anywhere but the sign-in page;
// login is, on the web, 303 to /login?next=<the page> and, on the API, 401; 403 and 404
// are those statuses. Someone without a role in coalition A is told it does not exist
// (404), never that they may not see it (403), which would reveal that it does.
const (
	//           anon  outsider observer member nonrep facil coord admin
	public    = "ok    ok       ok       ok     ok     ok    ok    ok"
	signedIn  = "login ok       ok       ok     ok     ok    ok    ok"
	view      = "login 404      ok       ok     ok     ok    ok    ok" // any access role in A, and admins
	manage    = "login 404      403      403    403    403   ok    ok" // A's coordinator, and admins
	principle = "login 404      403      403    403    ok    ok    ok" // A's coordinator and facilitators, and admins
	represent = "login 404      403      ok     403    403   403   ok" // Org One's representatives, and admins
	adminOnly = "login 403      403      403    403    403   403   ok" // deployment administrators
)

// entry is one route of the server: how to send a valid request for coalition A's
// records, and who may.
type entry struct {
	route string                            // the pattern exactly as registered
	want  string                            // one of the expectations above
	body  func(f *fixture, role string) any // a body that succeeds for an allowed role
	query string                            // appended to the path; may name {parameters} too
	// params overrides f.ids for this entry's path parameters, for a route that needs a
	// record other than the fixture's usual one (a draft where the usual one is open).
	params func(f *fixture) map[string]string
	etag   func(f *fixture) int // the version an update names in If-Match
}

func (e entry) api() bool { return strings.Contains(e.route, " /api/") }

// mutates reports whether the route changes state, so that each cell needs a fresh fixture.
func (e entry) mutates() bool { return !strings.HasPrefix(e.route, "GET ") }

func form(kv ...string) func(*fixture, string) any {
	return func(*fixture, string) any {
		v := url.Values{}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Add(kv[i], kv[i+1])
		}
		return v
	}
}

func jsonBody(v map[string]any) func(*fixture, string) any {
	return func(*fixture, string) any { return v }
}

var (
	principleForm = form("title", "Listen first", "body", "Before deciding.")
	principleJSON = jsonBody(map[string]any{"title": "Listen first", "body": "Before deciding."})
	coalitionVer  = func(f *fixture) int { return f.a.Version }
	membershipVer = func(f *fixture) int { return f.m1.Version }
	orgVer        = func(f *fixture) int { return f.m1.Organization.Version }
	account       = map[string]any{"name": "Newcomer", "email": "newcomer@example.org", "password": testPassword}
)

// Org One adopts the current version of A's principle.
func adoptionForm(f *fixture, _ string) any {
	return url.Values{"membership_id": {f.m1.ID}, "principle_version_id": {f.principle.Current.ID}}
}

func adoptionJSON(f *fixture, _ string) any {
	return map[string]any{"membership_id": f.m1.ID, "principle_version_id": f.principle.Current.ID}
}

// matrix lists every route of the foundation; each feature adds its own in a file of its
// own (authz_<feature>_test.go) with func init() { featureMatrix = append(featureMatrix, …) }.
// A route missing from both fails the test.
var matrix = []entry{
	// Public pages, operations and the API document.
	{route: "GET /{$}", want: public},
	{route: "GET /login", want: public},
	{route: "POST /login", want: public, body: form("email", "member@example.org", "password", testPassword, "next", "/")},
	{route: "POST /logout", want: public},
	{route: "POST /language", want: public, body: form("lang", "es", "next", "/")},
	{route: "GET /static/{hash}/{path...}", want: public},
	{route: "GET /healthz", want: public},
	{route: "GET /readyz", want: public},
	{route: "GET /metrics", want: public},
	{route: "GET /c/{slug}", want: public},
	{route: "GET /api/v1/public/coalitions/{slug}", want: public},
	{route: "GET /api/v1/openapi.json", want: public},
	{route: "GET /api/v1/openapi.yaml", want: public},
	{route: "GET /api/v1/openapi-3.0.json", want: public},
	{route: "GET /api/v1/openapi-3.0.yaml", want: public},
	// Invitation links: whoever holds the token may accept (a new account when anonymous).
	{route: "GET /invitations/{token}", want: public},
	{route: "POST /invitations/{token}", want: public, body: form("name", "Newcomer", "email", "newcomer@example.org",
		"password", testPassword, "organization_name", "Newcomers")},
	{route: "POST /api/v1/invitations/{token}/accept", want: public, body: jsonBody(map[string]any{"account": account, "organization_name": "Newcomers"})},

	// One's own account, and creating coalitions.
	{route: "GET /account", want: signedIn},
	{route: "POST /account/tokens", want: signedIn, body: form("name", "script")},
	{route: "POST /account/tokens/{id}/delete", want: signedIn},
	{route: "GET /api/v1/me", want: signedIn},
	{route: "GET /api/v1/me/api-tokens", want: signedIn},
	{route: "POST /api/v1/me/api-tokens", want: signedIn, body: jsonBody(map[string]any{"name": "script"})},
	{route: "DELETE /api/v1/me/api-tokens/{token_id}", want: signedIn},
	{route: "GET /coalitions/new", want: signedIn},
	{route: "POST /coalitions/new", want: signedIn, body: form("name", "New coalition", "goal", "Win", "phase", "forming")},
	{route: "GET /api/v1/coalitions", want: signedIn},
	{route: "POST /api/v1/coalitions", want: signedIn, body: jsonBody(map[string]any{"name": "New coalition", "goal": "Win"})},
	{route: "POST /api/v1/import", want: adminOnly, body: importBundle},

	// Viewing coalition A.
	{route: "GET /coalitions/{id}", want: view},
	{route: "GET /coalitions/{id}/members", want: view},
	{route: "GET /coalitions/{id}/principles", want: view},
	{route: "GET /coalitions/{id}/equity", want: view},
	{route: "GET /coalitions/{id}/audit", want: view},
	{route: "GET /coalitions/{id}/access", want: view},
	{route: "GET /api/v1/coalitions/{id}", want: view},
	{route: "GET /api/v1/coalitions/{id}/memberships", want: view},
	{route: "GET /api/v1/coalitions/{id}/memberships/{membership_id}", want: view},
	{route: "GET /api/v1/coalitions/{id}/principles", want: view},
	{route: "GET /api/v1/coalitions/{id}/equity", want: view, query: "?dimension=leadership"},
	{route: "GET /api/v1/coalitions/{id}/audit-log", want: view},

	// Managing coalition A.
	{route: "GET /coalitions/{id}/edit", want: manage},
	{route: "POST /coalitions/{id}/edit", want: manage, body: func(f *fixture, _ string) any {
		return url.Values{"name": {"Coalition A"}, "goal": {"Win more"}, "public": {"on"}, "version": {itoa(f.a.Version)}}
	}},
	{route: "PUT /api/v1/coalitions/{id}", want: manage, etag: coalitionVer, body: jsonBody(map[string]any{"name": "Coalition A", "goal": "Win more",
		"theory_of_change": "", "issue_areas": []string{}, "geography": "", "phase": "forming", "public": true})},
	{route: "GET /coalitions/{id}/members/{membership_id}", want: manage},
	{route: "POST /coalitions/{id}/members/{membership_id}", want: manage, body: func(f *fixture, _ string) any {
		return url.Values{"role": {"steering"}, "status": {"active"}, "version": {itoa(f.m1.Version)}}
	}},
	{route: "PUT /api/v1/coalitions/{id}/memberships/{membership_id}", want: manage, etag: membershipVer,
		body: jsonBody(map[string]any{"role": "steering", "most_impacted": true, "status": "active"})},
	{route: "POST /coalitions/{id}/access/{user_id}", want: manage, body: form("role", "facilitator")}, // the observer becomes a facilitator
	{route: "GET /coalitions/{id}/invitations", want: manage},
	{route: "POST /coalitions/{id}/invitations", want: manage, body: form("organization_name", "Invited", "role", "member")},
	{route: "GET /api/v1/coalitions/{id}/invitations", want: manage},
	{route: "POST /api/v1/coalitions/{id}/invitations", want: manage, body: jsonBody(map[string]any{"organization_name": "Invited", "role": "member"})},
	{route: "POST /coalitions/{id}/principles", want: principle, body: principleForm},
	{route: "POST /coalitions/{id}/principles/{principle_id}/versions", want: principle, body: principleForm},
	{route: "POST /api/v1/coalitions/{id}/principles", want: principle, body: principleJSON},
	{route: "POST /api/v1/coalitions/{id}/principles/{principle_id}/versions", want: principle, body: principleJSON},
	{route: "GET /api/v1/coalitions/{id}/export", want: manage},
	{route: "GET /api/v1/coalitions/{id}/access", want: view},
	{route: "PUT /api/v1/coalitions/{id}/access/{user_id}", want: manage, body: jsonBody(map[string]any{"role": "facilitator"})},

	// Org One's profile: visible to those who share a coalition with it, editable by its
	// representatives; and its adoption of A's principle.
	{route: "GET /organizations/{id}", want: view},
	{route: "GET /api/v1/organizations/{id}", want: view},
	{route: "GET /organizations/{id}/edit", want: represent},
	{route: "POST /organizations/{id}/edit", want: represent, body: func(f *fixture, _ string) any {
		return url.Values{"name": {"Org One"}, "kind": {"nonprofit"}, "budget_band": {"not_said"}, "bipoc_led": {"yes"},
			"staff_size": {"3"}, "listed": {"on"}, "public_fields": {"mission"}, "version": {itoa(f.m1.Organization.Version)}}
	}},
	{route: "PUT /api/v1/organizations/{id}", want: represent, etag: orgVer, body: jsonBody(map[string]any{"name": "Org One",
		"kind": "nonprofit", "mission": "", "website": "", "geographies": []string{}, "issue_areas": []string{}, "skills": []any{},
		"languages": []string{}, "budget_band": "not_said", "staff_size": 3, "bipoc_led": "yes", "identity": "",
		"visibility": map[string]any{"listed": true, "fields": []string{"mission"}}})},
	{route: "POST /coalitions/{id}/adoptions", want: represent, body: adoptionForm},
	{route: "POST /api/v1/coalitions/{id}/adoptions", want: represent, body: adoptionJSON},
}

// featureMatrix holds the entries of features beyond the foundation.
var featureMatrix []entry

// allEntries returns the foundation's entries followed by every feature's.
func allEntries() []entry { return append(slices.Clone(matrix), featureMatrix...) }

// TestAuthorizationMatrix sends a valid request for every route × role and checks the
// outcome. It fails when a route has no entry, when an entry names no route, and when a
// cell's outcome differs from the policy. A state-changing cell that should succeed gets a
// fresh fixture; those that should be refused share one, which a refusal leaves as it was
// (and a wrongly allowed one fails its own cell). Every cell runs in parallel.
func TestAuthorizationMatrix(t *testing.T) {
	shared, refused := newFixture(t), newFixture(t)
	checkCoverage(t, shared)

	var mu sync.Mutex
	got := map[string]map[string]string{} // route → role → status as shown in the summary
	t.Run("cells", func(t *testing.T) {
		for _, e := range allEntries() {
			want := strings.Fields(e.want)
			if len(want) != len(roles) {
				t.Fatalf("%s: %d expectations for %d roles", e.route, len(want), len(roles))
			}
			for i, role := range roles {
				t.Run(e.route+" as "+role, func(t *testing.T) {
					t.Parallel()
					f := shared
					switch {
					case e.mutates() && want[i] == "ok":
						f = newFixture(t)
					case e.mutates():
						f = refused
					}
					req := f.request(t, e, role)
					rec := httptest.NewRecorder()
					f.srv.ServeHTTP(rec, req)
					out, shown := outcome(e, req, rec)
					if out != want[i] {
						shown += "*"
						detail := rec.Body.String()
						if strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
							detail = "(an HTML page)"
						}
						t.Errorf("%s as %s: got %s (status %d, Location %q), want %s\n%.300s",
							e.route, role, out, rec.Code, rec.Header().Get("Location"), want[i], detail)
					}
					mu.Lock()
					defer mu.Unlock()
					if got[e.route] == nil {
						got[e.route] = map[string]string{}
					}
					got[e.route][role] = shown
				})
			}
		}
	})
	t.Log(summary(got))
}

// outcome classifies a response, and returns the status as the summary shows it: with
// "L" when it sends the person to sign in.
func outcome(e entry, req *http.Request, rec *httptest.ResponseRecorder) (string, string) {
	code, loc := rec.Code, rec.Header().Get("Location")
	shown := strconv.Itoa(code)
	switch {
	case e.api() && code == http.StatusUnauthorized:
		return "login", shown + "L"
	case !e.api() && code == http.StatusSeeOther && loc == "/login?next="+url.QueryEscape(req.URL.RequestURI()):
		return "login", shown + "L"
	case strings.HasPrefix(loc, "/login"):
		return shown + " to " + loc, shown + "?"
	case code >= 200 && code < 400:
		return "ok", shown
	}
	return shown, shown
}

// checkCoverage fails for a route without an entry, an entry without a route, an API
// operation the server does not route, and an API entry whose anonymous expectation
// disagrees with the operation's declared security.
func checkCoverage(t *testing.T, f *fixture) {
	t.Helper()
	entries := map[string]entry{}
	for _, e := range allEntries() {
		if _, dup := entries[e.route]; dup {
			t.Errorf("route %s appears twice in the matrix", e.route)
		}
		entries[e.route] = e
	}
	for _, r := range f.srv.Routes {
		if _, ok := entries[r]; !ok {
			t.Errorf("route %s has no authorization expectation: add it to the matrix", r)
		}
	}
	for r := range entries {
		if !slices.Contains(f.srv.Routes, r) {
			t.Errorf("the matrix names %s, which is not a route any more: remove it", r)
		}
	}
	x := api.New(f.app, slog.New(slog.DiscardHandler))
	for _, op := range x.Operations() {
		if !slices.Contains(f.srv.Routes, op) {
			t.Errorf("API operation %s is not in srv.Routes", op)
		}
	}
	open := x.PublicOperations()
	for r, e := range entries {
		anonOK := strings.Fields(e.want)[0] == "ok"
		if e.api() && slices.Contains(open, r) != anonOK {
			t.Errorf("%s: the matrix expects %q of anonymous visitors, but PublicOperations disagrees", r, strings.Fields(e.want)[0])
		}
	}
	if t.Failed() {
		t.FailNow()
	}
}

// summary renders the statuses as a table of routes by roles; * marks a failing cell.
func summary(got map[string]map[string]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-66s", "route")
	for _, role := range roles {
		fmt.Fprintf(&b, "%-9s", role)
	}
	cells := 0
	for _, e := range allEntries() {
		fmt.Fprintf(&b, "\n%-66s", e.route)
		for _, role := range roles {
			fmt.Fprintf(&b, "%-9s", got[e.route][role])
			cells++
		}
	}
	fmt.Fprintf(&b, "\n%d routes × %d roles = %d cells", len(allEntries()), len(roles), cells)
	return b.String()
}

func itoa(n int) string { return strconv.Itoa(n) }
