package api_test

import (
	"strings"
	"testing"
)

func TestAccess(t *testing.T) {
	f := newFixture(t)
	list := "/api/v1/coalitions/" + f.a.ID + "/access"
	rep := list + "/" + f.users["rep"].ID
	f.run(t, []scenario{
		{name: "list", method: "GET", path: list, actor: "rep", status: 200, want: `"role":"coordinator"`},
		{name: "list shows emails to the coordinator", method: "GET", path: list, actor: "coord", status: 200, want: `"user_email":"rep@example.org"`},
		{name: "list another coalition", method: "GET", path: "/api/v1/coalitions/" + f.b.ID + "/access", actor: "rep", status: 404},
		{name: "list anonymous", method: "GET", path: list, status: 401},
		{name: "set as member", method: "PUT", path: rep, actor: "rep", body: `{"role":"coordinator"}`, status: 403},
		{name: "set as outsider", method: "PUT", path: rep, actor: "outsider", body: `{"role":"observer"}`, status: 404},
		{name: "set unknown role", method: "PUT", path: rep, actor: "coord", body: `{"role":"queen"}`, status: 422, want: `"location":"body.role"`},
		{name: "set someone without access", method: "PUT", path: list + "/" + f.users["outsider"].ID, actor: "coord", body: `{"role":"observer"}`, status: 404},
		{name: "last coordinator steps down", method: "PUT", path: list + "/" + f.users["coord"].ID, actor: "coord", body: `{"role":"member"}`, status: 409},
		{name: "make a facilitator", method: "PUT", path: rep, actor: "coord", body: `{"role":"facilitator"}`, status: 200, want: `"role":"facilitator"`},
		{name: "the facilitator may add a principle", method: "POST", path: "/api/v1/coalitions/" + f.a.ID + "/principles", actor: "rep",
			body: `{"title":"Speed of trust","body":"We move at the speed of trust."}`, status: 201},
	})
}

// TestAccessHidesEmailsFromMembers checks that members see who has which role but not
// their email addresses.
func TestAccessHidesEmailsFromMembers(t *testing.T) {
	f := newFixture(t)
	res := f.get("/api/v1/coalitions/"+f.a.ID+"/access", "rep")
	if res.status != 200 || strings.Contains(res.body, "@example.org") {
		t.Errorf("member's view of access: %d %s", res.status, res.body)
	}
}
