package api_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

func discardLog() *slog.Logger { return slog.New(slog.DiscardHandler) }

// fixture is a small ecosystem: coalition A (coordinated by "coord", with the
// organization of "rep" as a member) and coalition B (coordinated by "coordB", with the
// organization of "repB"); "outsider" belongs to neither.
type fixture struct {
	*env
	a, b             *domain.Coalition
	memberA, memberB *domain.Membership
	principle        *domain.Principle
	inviteToken      string
	spareTokenID     string
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{env: newEnv(t)}
	coord, rep, coordB, repB := f.user("coord"), f.user("rep"), f.user("coordB"), f.user("repB")
	f.user("outsider")
	f.a = f.coalition(coord, "Housing Justice", true)
	f.b = f.coalition(coordB, "Transit Riders", false)
	f.memberA = f.join(coord, rep, f.a, "Riverside Tenants", domain.RoleMember, true)
	f.memberB = f.join(coordB, repB, f.b, "Bus Riders Union", domain.RoleAnchor, false)
	var err error
	if f.principle, err = f.app.CreatePrinciple(ctx, coord, f.a.ID, app.PrincipleText{Title: "Centre the most impacted", Body: "Those most impacted lead."}); err != nil {
		t.Fatal(err)
	}
	inv, err := f.app.Invite(ctx, coord, f.a.ID, domain.Invitation{OrganizationName: "Eastside Youth"})
	if err != nil {
		t.Fatal(err)
	}
	f.inviteToken = inv.Token
	spare, err := f.app.CreateAPIToken(ctx, rep, "spare")
	if err != nil {
		t.Fatal(err)
	}
	f.spareTokenID = spare.ID
	return f
}

// scenario is one request and what it must answer. Scenarios of a table run in order, so a
// later one may rely on an earlier one's change (an accepted invitation, an adoption).
type scenario struct {
	name    string
	method  string
	path    string
	actor   string // "" for anonymous
	body    string
	reader  func() io.Reader // instead of body, for bodies too large for a string; served in process
	headers map[string]string
	status  int
	want    string            // a fragment of the body
	absent  string            // a fragment the body must not contain
	header  map[string]string // fragments of response headers
}

func (f *fixture) run(t *testing.T, scenarios []scenario) {
	t.Helper()
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			var r response
			if s.reader != nil {
				r = f.inProcess(s.method, s.path, s.actor, s.reader())
			} else {
				r = f.send(s.method, s.path, s.actor, s.body, s.headers)
			}
			if r.status != s.status {
				t.Fatalf("%s %s as %q: status %d, want %d; body: %.400s", s.method, s.path, s.actor, r.status, s.status, r.body)
			}
			if !strings.Contains(r.body, s.want) {
				t.Errorf("body does not contain %q: %.600s", s.want, r.body)
			}
			if s.absent != "" && strings.Contains(r.body, s.absent) {
				t.Errorf("body contains %q: %.600s", s.absent, r.body)
			}
			for k, v := range s.header {
				if !strings.Contains(r.header.Get(k), v) {
					t.Errorf("header %s = %q, want it to contain %q", k, r.header.Get(k), v)
				}
			}
			if r.status >= 400 && r.header.Get("Content-Type") != "application/problem+json" {
				t.Errorf("error Content-Type = %q, want application/problem+json", r.header.Get("Content-Type"))
			}
			if r.status >= 500 {
				t.Errorf("server error: %s", r.body)
			}
		})
	}
}

func ifMatch(v string) map[string]string { return map[string]string{"If-Match": v} }

func TestCoalitions(t *testing.T) {
	f := newFixture(t)
	a, b := "/api/v1/coalitions/"+f.a.ID, "/api/v1/coalitions/"+f.b.ID
	valid := `{"name":"Housing Justice Now","goal":"Homes for all","theory_of_change":"","issue_areas":["housing"],"geography":"Eastside","phase":"forming","public":true}`
	f.run(t, []scenario{
		{name: "list", method: "GET", path: "/api/v1/coalitions", actor: "coord", status: 200, want: `"name":"Housing Justice"`},
		{name: "list shows only own coalitions", method: "GET", path: "/api/v1/coalitions", actor: "rep", status: 200, want: `"next_cursor":null`},
		{name: "list paged", method: "GET", path: "/api/v1/coalitions?limit=1", actor: "outsider", status: 200, want: `"items":[]`},
		{name: "list anonymous", method: "GET", path: "/api/v1/coalitions", status: 401, want: "Sign in", header: map[string]string{"WWW-Authenticate": "Bearer"}},
		{name: "list limit too large", method: "GET", path: "/api/v1/coalitions?limit=1000", actor: "coord", status: 422, want: `"location":"query.limit"`},
		{name: "bad token", method: "GET", path: "/api/v1/coalitions", headers: map[string]string{"Authorization": "Bearer brd_nope"}, status: 401},
		{name: "create", method: "POST", path: "/api/v1/coalitions", actor: "outsider", body: `{"name":"Clean Air","goal":"Breathe"}`, status: 201,
			want: `"phase":"forming"`, header: map[string]string{"ETag": `"1"`, "Location": "/api/v1/coalitions/"}},
		{name: "create anonymous", method: "POST", path: "/api/v1/coalitions", body: `{"name":"X","goal":"Y"}`, status: 401},
		{name: "create malformed JSON", method: "POST", path: "/api/v1/coalitions", actor: "coord", body: `{"name":"X",`, status: 400,
			want: `"location":"body"`},
		{name: "create not an object", method: "POST", path: "/api/v1/coalitions", actor: "coord", body: `[1,2]`, status: 422},
		{name: "create unknown field", method: "POST", path: "/api/v1/coalitions", actor: "coord", body: `{"name":"X","goal":"Y","colour":"red"}`, status: 422,
			want: `"location":"body.colour"`},
		{name: "create name too long", method: "POST", path: "/api/v1/coalitions", actor: "coord", body: `{"name":"` + strings.Repeat("é", 201) + `","goal":"Y"}`,
			status: 422, want: `"location":"body.name"`},
		{name: "create name of spaces", method: "POST", path: "/api/v1/coalitions", actor: "coord", body: `{"name":"   ","goal":"Y"}`, status: 422,
			want: `"location":"body.name"`},
		{name: "create goal missing", method: "POST", path: "/api/v1/coalitions", actor: "coord", body: `{"name":"X"}`, status: 422, want: "goal"},
		{name: "create wrong type", method: "POST", path: "/api/v1/coalitions", actor: "coord", body: `{"name":7,"goal":"Y"}`, status: 422, want: `"location":"body.name"`},
		{name: "create body over 1 MiB", method: "POST", path: "/api/v1/coalitions", actor: "coord",
			reader: func() io.Reader { return strings.NewReader(`{"name":"X","goal":"` + strings.Repeat("a", 2<<20) + `"}`) }, status: 413},
		{name: "create body of 50 MB", method: "POST", path: "/api/v1/coalitions", actor: "coord",
			reader: func() io.Reader { return io.LimitReader(repeat(' '), 50<<20) }, status: 413},
		{name: "get", method: "GET", path: a, actor: "coord", status: 200, want: `"slug":"housing-justice"`, header: map[string]string{"ETag": `"1"`}},
		{name: "get by slug", method: "GET", path: "/api/v1/coalitions/housing-justice", actor: "rep", status: 200, want: f.a.ID},
		{name: "get another coalition", method: "GET", path: b, actor: "rep", status: 404, want: "not found"},
		{name: "get as outsider", method: "GET", path: a, actor: "outsider", status: 404},
		{name: "get wrong id", method: "GET", path: "/api/v1/coalitions/nope", actor: "coord", status: 404},
		{name: "get anonymous", method: "GET", path: a, status: 401},
		{name: "update without If-Match", method: "PUT", path: a, actor: "coord", body: valid, status: 428, want: `"location":"header.If-Match"`},
		{name: "update If-Match *", method: "PUT", path: a, actor: "coord", body: valid, headers: ifMatch("*"), status: 428},
		{name: "update malformed If-Match", method: "PUT", path: a, actor: "coord", body: valid, headers: ifMatch("one"), status: 412},
		{name: "update as member", method: "PUT", path: a, actor: "rep", body: valid, headers: ifMatch(`"1"`), status: 403},
		{name: "update another coalition", method: "PUT", path: b, actor: "coord", body: valid, headers: ifMatch(`"1"`), status: 404},
		{name: "update unknown phase", method: "PUT", path: a, actor: "coord", body: strings.Replace(valid, "forming", "winning", 1),
			headers: ifMatch(`"1"`), status: 422, want: `"location":"body.phase"`},
		{name: "update partial body", method: "PUT", path: a, actor: "coord", body: `{"name":"X","goal":"Y"}`, headers: ifMatch(`"1"`), status: 422,
			want: "public"},
		{name: "update", method: "PUT", path: a, actor: "coord", body: valid, headers: ifMatch(`"1"`), status: 200,
			want: `"name":"Housing Justice Now"`, header: map[string]string{"ETag": `"2"`}},
		{name: "update stale", method: "PUT", path: a, actor: "coord", body: strings.Replace(valid, "Now", "Later", 1), headers: ifMatch(`"1"`), status: 412,
			want: "Someone else changed"},
		{name: "stale update changed nothing", method: "GET", path: a, actor: "coord", status: 200, want: `"name":"Housing Justice Now"`,
			header: map[string]string{"ETag": `"2"`}},
	})
}

func TestMemberships(t *testing.T) {
	f := newFixture(t)
	ms := "/api/v1/coalitions/" + f.a.ID + "/memberships"
	m := ms + "/" + f.memberA.ID
	change := `{"role":"steering","most_impacted":true,"status":"active"}`
	f.run(t, []scenario{
		{name: "list", method: "GET", path: ms, actor: "rep", status: 200, want: `"name":"Riverside Tenants"`},
		{name: "list paged", method: "GET", path: ms + "?limit=1", actor: "rep", status: 200, want: `"next_cursor":null`},
		{name: "list unknown cursor", method: "GET", path: ms + "?cursor=nope", actor: "rep", status: 422, want: `"location":"query.cursor"`},
		{name: "list another coalition", method: "GET", path: "/api/v1/coalitions/" + f.b.ID + "/memberships", actor: "rep", status: 404},
		{name: "list anonymous", method: "GET", path: ms, status: 401},
		{name: "get", method: "GET", path: m, actor: "rep", status: 200, want: `"most_impacted":true`, header: map[string]string{"ETag": `"1"`}},
		{name: "get another coalition's membership", method: "GET", path: ms + "/" + f.memberB.ID, actor: "coord", status: 404},
		{name: "get wrong id", method: "GET", path: ms + "/nope", actor: "coord", status: 404},
		{name: "update without If-Match", method: "PUT", path: m, actor: "coord", body: change, status: 428},
		{name: "update as member", method: "PUT", path: m, actor: "rep", body: change, headers: ifMatch(`"1"`), status: 403},
		{name: "update unknown role", method: "PUT", path: m, actor: "coord", body: `{"role":"boss","most_impacted":true,"status":"active"}`,
			headers: ifMatch(`"1"`), status: 422, want: `"location":"body.role"`},
		{name: "update reason too long", method: "PUT", path: m, actor: "coord",
			body:    `{"role":"member","most_impacted":true,"status":"stepping_back","status_reason":"` + strings.Repeat("x", 501) + `"}`,
			headers: ifMatch(`"1"`), status: 422, want: `"location":"body.status_reason"`},
		{name: "update another coalition's membership", method: "PUT", path: ms + "/" + f.memberB.ID, actor: "coord", body: change, headers: ifMatch(`"1"`), status: 404},
		{name: "update", method: "PUT", path: m, actor: "coord", body: change, headers: ifMatch(`"1"`), status: 200, want: `"role":"steering"`,
			header: map[string]string{"ETag": `"2"`}},
		{name: "update stale", method: "PUT", path: m, actor: "coord", body: `{"role":"observer","most_impacted":false,"status":"left"}`,
			headers: ifMatch(`"1"`), status: 412},
		{name: "stale update changed nothing", method: "GET", path: m, actor: "coord", status: 200, want: `"role":"steering"`},
	})
}

func TestInvitations(t *testing.T) {
	f := newFixture(t)
	invs := "/api/v1/coalitions/" + f.a.ID + "/invitations"
	accept := "/api/v1/invitations/" + f.inviteToken + "/accept"
	account := `{"account":{"name":"Ayaan","email":"ayaan@example.org","password":"a long enough password"}}`
	f.run(t, []scenario{
		{name: "create", method: "POST", path: invs, actor: "coord", body: `{"organization_name":"Northside Mothers","role":"steering","most_impacted":true}`,
			status: 201, want: `"accept_url":"/invitations/inv_`},
		{name: "create for a member organization", method: "POST", path: invs, actor: "coord",
			body: `{"organization_id":"` + f.memberA.OrganizationID + `"}`, status: 409, want: `"location":"body.organization_id"`},
		{name: "create without organization", method: "POST", path: invs, actor: "coord", body: `{}`, status: 422, want: `"location":"body.organization_name"`},
		{name: "create as member", method: "POST", path: invs, actor: "rep", body: `{"organization_name":"X"}`, status: 403},
		{name: "create in another coalition", method: "POST", path: "/api/v1/coalitions/" + f.b.ID + "/invitations", actor: "coord",
			body: `{"organization_name":"X"}`, status: 404},
		{name: "list", method: "GET", path: invs, actor: "coord", status: 200, want: `"organization_name":"Northside Mothers"`},
		{name: "list hides tokens", method: "GET", path: invs, actor: "coord", status: 200, want: `"items":[{`, absent: "inv_"},
		{name: "list as member", method: "GET", path: invs, actor: "rep", status: 403},
		{name: "accept without account", method: "POST", path: accept, body: `{}`, status: 422, want: `"location":"body.account.name"`},
		{name: "accept with short password", method: "POST", path: accept, body: `{"account":{"name":"A","email":"a@example.org","password":"short"}}`,
			status: 422, want: `"location":"body.account.password"`},
		{name: "accept with unknown account field", method: "POST", path: accept,
			body: `{"account":{"name":"A","email":"a@example.org","password":"hunter2hunter2","pin":1}}`, status: 422,
			want: `"location":"body.account.pin"`, absent: "hunter2"},
		{name: "accept unknown token", method: "POST", path: "/api/v1/invitations/inv_nope/accept", body: account, status: 404},
		{name: "accept with new account", method: "POST", path: accept, body: account, status: 201, want: `"email":"ayaan@example.org"`},
		{name: "accept twice", method: "POST", path: accept, body: account, status: 409, want: "already been used"},
		{name: "accept twice signed in", method: "POST", path: accept, actor: "outsider", body: `{}`, status: 409},
		{name: "new member listed", method: "GET", path: "/api/v1/coalitions/" + f.a.ID + "/memberships", actor: "coord", status: 200, want: `"name":"Eastside Youth"`},
	})
}

func TestInvitationAcceptedBySignedInUser(t *testing.T) {
	f := newFixture(t)
	inv, err := f.app.Invite(context.Background(), f.users["coord"], f.a.ID, domain.Invitation{OrganizationName: "Outside Org"})
	if err != nil {
		t.Fatal(err)
	}
	f.run(t, []scenario{
		{name: "accept", method: "POST", path: "/api/v1/invitations/" + inv.Token + "/accept", actor: "outsider", body: `{"organization_name":"Outsiders United"}`,
			status: 201, want: `"name":"Outsiders United"`},
		{name: "now a member", method: "GET", path: "/api/v1/coalitions/" + f.a.ID, actor: "outsider", status: 200},
	})
}

func TestOrganizations(t *testing.T) {
	f := newFixture(t)
	org := "/api/v1/organizations/" + f.memberA.OrganizationID
	profile := `{"name":"Riverside Tenants Union","kind":"community_group","mission":"Homes","website":"","geographies":["Riverside"],
		"issue_areas":["housing"],"skills":[{"name":"canvassing","level":"can_teach"}],"languages":["so"],"budget_band":"under_250k",
		"staff_size":3,"bipoc_led":"yes","identity":"Somali elders","visibility":{"listed":true,"fields":["mission"]}}`
	f.run(t, []scenario{
		{name: "get", method: "GET", path: org, actor: "rep", status: 200, want: `"name":"Riverside Tenants"`, header: map[string]string{"ETag": `"1"`}},
		{name: "get as co-member", method: "GET", path: org, actor: "coord", status: 200},
		{name: "get from another coalition", method: "GET", path: org, actor: "repB", status: 404},
		{name: "get wrong id", method: "GET", path: "/api/v1/organizations/nope", actor: "rep", status: 404},
		{name: "get anonymous", method: "GET", path: org, status: 401},
		{name: "update without If-Match", method: "PUT", path: org, actor: "rep", body: profile, status: 428},
		{name: "update as co-member", method: "PUT", path: org, actor: "coord", body: profile, headers: ifMatch(`"1"`), status: 403},
		{name: "update from another coalition", method: "PUT", path: org, actor: "repB", body: profile, headers: ifMatch(`"1"`), status: 404},
		{name: "update unknown budget band", method: "PUT", path: org, actor: "rep", body: strings.Replace(profile, "under_250k", "huge", 1),
			headers: ifMatch(`"1"`), status: 422, want: `"location":"body.budget_band"`},
		{name: "update unknown public field", method: "PUT", path: org, actor: "rep", body: strings.Replace(profile, `["mission"]`, `["secrets"]`, 1),
			headers: ifMatch(`"1"`), status: 422, want: `body.visibility.fields`},
		{name: "update mission too long", method: "PUT", path: org, actor: "rep", body: strings.Replace(profile, `"Homes"`, `"`+strings.Repeat("h", 20001)+`"`, 1),
			headers: ifMatch(`"1"`), status: 422, want: `"location":"body.mission"`},
		{name: "update negative staff", method: "PUT", path: org, actor: "rep", body: strings.Replace(profile, `"staff_size":3`, `"staff_size":-1`, 1),
			headers: ifMatch(`"1"`), status: 422, want: `"location":"body.staff_size"`},
		{name: "update missing field", method: "PUT", path: org, actor: "rep", body: `{"name":"X"}`, headers: ifMatch(`"1"`), status: 422, want: "visibility"},
		{name: "update", method: "PUT", path: org, actor: "rep", body: profile, headers: ifMatch(`"1"`), status: 200, want: `"bipoc_led":"yes"`,
			header: map[string]string{"ETag": `"2"`}},
		{name: "update stale", method: "PUT", path: org, actor: "rep", body: strings.Replace(profile, "Union", "Club", 1), headers: ifMatch(`"1"`), status: 412},
		{name: "stale update changed nothing", method: "GET", path: org, actor: "rep", status: 200, want: `"name":"Riverside Tenants Union"`},
	})
}

func TestMe(t *testing.T) {
	f := newFixture(t)
	f.run(t, []scenario{
		{name: "me", method: "GET", path: "/api/v1/me", actor: "rep", status: 200, want: `"name":"Riverside Tenants"`},
		{name: "me hides password hash", method: "GET", path: "/api/v1/me", actor: "rep", status: 200, want: `"email":"rep@example.org"`, absent: "argon2"},
		{name: "me anonymous", method: "GET", path: "/api/v1/me", status: 401},
		{name: "tokens", method: "GET", path: "/api/v1/me/api-tokens", actor: "rep", status: 200, want: `"name":"spare"`},
		{name: "create token", method: "POST", path: "/api/v1/me/api-tokens", actor: "rep", body: `{"name":"script"}`, status: 201, want: `"token":"brd_`},
		{name: "create token without name", method: "POST", path: "/api/v1/me/api-tokens", actor: "rep", body: `{"name":"  "}`, status: 422, want: `"location":"body.name"`},
		{name: "revoke someone else's token", method: "DELETE", path: "/api/v1/me/api-tokens/" + f.spareTokenID, actor: "coord", status: 404},
		{name: "revoke unknown token", method: "DELETE", path: "/api/v1/me/api-tokens/nope", actor: "rep", status: 404},
		{name: "revoke", method: "DELETE", path: "/api/v1/me/api-tokens/" + f.spareTokenID, actor: "rep", status: 204},
		{name: "revoke anonymous", method: "DELETE", path: "/api/v1/me/api-tokens/" + f.spareTokenID, status: 401},
	})
}

func TestPrinciples(t *testing.T) {
	f := newFixture(t)
	ps := "/api/v1/coalitions/" + f.a.ID + "/principles"
	versions := ps + "/" + f.principle.ID + "/versions"
	adopt := `{"membership_id":"` + f.memberA.ID + `","principle_version_id":"` + f.principle.Current.ID + `"}`
	f.run(t, []scenario{
		{name: "list", method: "GET", path: ps, actor: "rep", status: 200, want: `"versions":[{`},
		{name: "list another coalition", method: "GET", path: "/api/v1/coalitions/" + f.b.ID + "/principles", actor: "rep", status: 404},
		{name: "create", method: "POST", path: ps, actor: "coord", body: `{"title":"Share resources","body":"Money follows the work."}`, status: 201,
			want: `"version":1`},
		{name: "create as member", method: "POST", path: ps, actor: "rep", body: `{"title":"T","body":"B"}`, status: 403},
		{name: "create title too long", method: "POST", path: ps, actor: "coord", body: `{"title":"` + strings.Repeat("t", 201) + `","body":"B"}`,
			status: 422, want: `"location":"body.title"`},
		{name: "revise", method: "POST", path: versions, actor: "coord", body: `{"title":"Centre the most impacted","body":"They lead and decide."}`,
			status: 201, want: `"version":2`},
		{name: "revise unknown principle", method: "POST", path: ps + "/nope/versions", actor: "coord", body: `{"title":"T","body":"B"}`, status: 404},
		{name: "adopt", method: "POST", path: "/api/v1/coalitions/" + f.a.ID + "/adoptions", actor: "rep", body: adopt, status: 201,
			want: `"membership_id":"` + f.memberA.ID},
		{name: "adopt twice", method: "POST", path: "/api/v1/coalitions/" + f.a.ID + "/adoptions", actor: "rep", body: adopt, status: 409, want: "already adopted"},
		{name: "adopt for another organization", method: "POST", path: "/api/v1/coalitions/" + f.a.ID + "/adoptions", actor: "coord", body: adopt, status: 403},
		{name: "adopt another coalition's membership", method: "POST", path: "/api/v1/coalitions/" + f.a.ID + "/adoptions", actor: "repB",
			body: `{"membership_id":"` + f.memberB.ID + `","principle_version_id":"` + f.principle.Current.ID + `"}`, status: 404},
		{name: "adopt unknown version", method: "POST", path: "/api/v1/coalitions/" + f.a.ID + "/adoptions", actor: "rep",
			body: `{"membership_id":"` + f.memberA.ID + `","principle_version_id":"nope"}`, status: 404},
		{name: "adoptions listed", method: "GET", path: ps, actor: "coord", status: 200, want: `"adoptions":[{`},
	})
}

func TestEquityRequests(t *testing.T) {
	f := newFixture(t)
	eq := "/api/v1/coalitions/" + f.a.ID + "/equity"
	f.run(t, []scenario{
		{name: "report", method: "GET", path: eq + "?dimension=leadership", actor: "rep", status: 200, want: `"dimension":"leadership"`},
		{name: "report for a period", method: "GET", path: eq + "?dimension=leadership&from=2024-01-01&to=2099-12-31", actor: "rep", status: 200,
			want: `"from":"2024-01-01","to":"2099-12-31"`},
		{name: "unknown dimension", method: "GET", path: eq + "?dimension=vibes", actor: "rep", status: 422, want: `"location":"query.dimension"`},
		{name: "no dimension", method: "GET", path: eq, actor: "rep", status: 422, want: "dimension"},
		{name: "bad date", method: "GET", path: eq + "?dimension=leadership&from=2024-13-45", actor: "rep", status: 422, want: "query.from"},
		{name: "period backwards", method: "GET", path: eq + "?dimension=leadership&from=2024-02-01&to=2024-01-01", actor: "rep", status: 422,
			want: `"location":"query.to"`},
		{name: "another coalition", method: "GET", path: "/api/v1/coalitions/" + f.b.ID + "/equity?dimension=leadership", actor: "rep", status: 404},
		{name: "anonymous", method: "GET", path: eq + "?dimension=leadership", status: 401},
	})
}

func TestAuditLog(t *testing.T) {
	f := newFixture(t)
	log := "/api/v1/coalitions/" + f.a.ID + "/audit-log"
	f.run(t, []scenario{
		{name: "list", method: "GET", path: log, actor: "rep", status: 200, want: `"action":"coalition.create"`},
		{name: "first page", method: "GET", path: log + "?limit=1", actor: "rep", status: 200, want: `"action":"invitation.create"`,
			header: map[string]string{"Link": `rel="next"`}},
		{name: "bad cursor", method: "GET", path: log + "?cursor=abc", actor: "rep", status: 422, want: "query.cursor"},
		{name: "another coalition", method: "GET", path: "/api/v1/coalitions/" + f.b.ID + "/audit-log", actor: "rep", status: 404},
		{name: "anonymous", method: "GET", path: log, status: 401},
	})
}

func TestPublicPage(t *testing.T) {
	f := newFixture(t)
	f.run(t, []scenario{
		{name: "a new member is not listed", method: "GET", path: "/api/v1/public/coalitions/housing-justice", status: 200, want: `"unlisted_count":1`},
	})
	org := *f.memberA.Organization
	org.Visibility = domain.Visibility{Listed: true, Fields: []string{"mission"}}
	if _, err := f.app.UpdateOrganization(context.Background(), f.users["rep"], org, org.Version); err != nil {
		t.Fatal(err)
	}
	f.run(t, []scenario{
		{name: "public", method: "GET", path: "/api/v1/public/coalitions/housing-justice", status: 200, want: `"name":"Riverside Tenants"`},
		{name: "not public", method: "GET", path: "/api/v1/public/coalitions/transit-riders", status: 404},
		{name: "unknown", method: "GET", path: "/api/v1/public/coalitions/nope", status: 404},
		{name: "signed in", method: "GET", path: "/api/v1/public/coalitions/housing-justice", actor: "outsider", status: 200},
	})
}

// TestPagination walks every page of a list through next_cursor and the Link header.
func TestPagination(t *testing.T) {
	f := newFixture(t)
	for i := range 4 {
		f.coalition(f.users["coord"], "Extra "+string(rune('A'+i)), false)
	}
	seen := map[string]bool{}
	path := "/api/v1/coalitions?limit=2"
	for pages := 0; path != ""; pages++ {
		if pages > 5 {
			t.Fatal("too many pages")
		}
		r := f.get(path, "coord")
		var p struct {
			Items      []domain.Coalition `json:"items"`
			NextCursor *string            `json:"next_cursor"`
		}
		r.json(t, &p)
		for _, c := range p.Items {
			if seen[c.ID] {
				t.Errorf("%s listed twice", c.Name)
			}
			seen[c.ID] = true
		}
		path = ""
		if p.NextCursor != nil {
			link := r.header.Get("Link")
			if !strings.HasPrefix(link, "</api/v1/coalitions?") || !strings.HasSuffix(link, `>; rel="next"`) {
				t.Fatalf("Link = %q", link)
			}
			path = strings.TrimSuffix(strings.TrimPrefix(link, "<"), `>; rel="next"`)
		} else if r.header.Get("Link") != "" {
			t.Errorf("last page has a Link header: %q", r.header.Get("Link"))
		}
	}
	if len(seen) != 5 {
		t.Errorf("saw %d coalitions, want 5 (Housing Justice and 4 extra)", len(seen))
	}
}
