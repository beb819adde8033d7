package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
)

func TestCoalitionCreate(t *testing.T) {
	site := newTestSite(t)
	newTestUser(t, site, "Amina Coordinator", "amina@example.org")
	c := signIn(t, site, "amina@example.org", testPassword)

	res := c.get("/coalitions/new")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `<label for="f-name">`, `name="goal"`, `<select id="f-phase" name="phase"`, `type="checkbox"`, `value="forming" selected`)

	res = c.post("/coalitions/new", url.Values{"name": {"Fair Transit Now"}, "goal": {"Free buses for all"},
		"theory_of_change": {"Riders organize."}, "issue_areas": {"transit, housing, , Transit"}, "geography": {"Twin Cities"},
		"phase": {"campaign"}, "public": {"on"}})
	wantStatus(t, res, http.StatusSeeOther)
	if !strings.HasPrefix(res.Location, "/coalitions/") {
		t.Fatalf("location %q", res.Location)
	}
	id := strings.TrimPrefix(res.Location, "/coalitions/")

	res = c.get(res.Location)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Fair Transit Now is created", "<h1>Fair Transit Now</h1>", "Free buses for all", "Riders organize.",
		"<li>transit</li><li>housing</li>", "Twin Cities", "Phase: Campaign", "Members (0)",
		`href="/coalitions/`+id+`/members"`, `href="/coalitions/`+id+`/invitations"`, `href="/coalitions/`+id+`/principles"`,
		`href="/coalitions/`+id+`/equity"`, `href="/coalitions/`+id+`/audit"`, `href="/c/fair-transit-now"`, `href="/coalitions/`+id+`/edit"`)
}

func TestCoalitionCreateFormErrors(t *testing.T) {
	site := newTestSite(t)
	newTestUser(t, site, "Amina", "amina@example.org")
	c := signIn(t, site, "amina@example.org", testPassword)

	res := c.post("/coalitions/new", url.Values{"name": {"  "}, "goal": {""}, "geography": {"Saint Paul"}, "phase": {"campaign"}, "public": {"on"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="e-name" class="error">This field is required.`, `id="e-goal" class="error">This field is required.`,
		`aria-invalid="true" aria-describedby="e-name"`, `value="Saint Paul"`, `value="campaign" selected`, `value="on" checked`)

	res = c.post("/coalitions/new", url.Values{"name": {"X"}, "goal": {"Y"}, "phase": {"nope"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="e-phase" class="error">Choose one of the listed phases.`)
	wantNoBody(t, res, ` checked`) // an unticked box stays unticked
}

func TestCoalitionAccess(t *testing.T) {
	site := newTestSite(t)
	amina := newTestUser(t, site, "Amina", "amina@example.org")
	bao := newTestUser(t, site, "Bao", "bao@example.org")
	newTestUser(t, site, "Carmen", "carmen@example.org")
	mine := newTestCoalition(t, site, amina, "Housing Justice", false)
	addTestMember(t, site, amina, bao, mine.ID, "Hmong Tenants United", domain.RoleMember)

	anon := anonymous(t, site)
	for _, path := range []string{"/coalitions/new", "/coalitions/" + mine.ID, "/coalitions/" + mine.ID + "/edit",
		"/coalitions/" + mine.ID + "/members", "/coalitions/" + mine.ID + "/invitations", "/coalitions/" + mine.ID + "/audit", "/account"} {
		wantSignInRedirect(t, anon.get(path), path)
	}
	wantSignInRedirect(t, anon.post("/coalitions/new", url.Values{"name": {"X"}, "goal": {"Y"}}), "/coalitions/new")

	// Someone with no role in the coalition is told it does not exist.
	carmen := signIn(t, site, "carmen@example.org", testPassword)
	for _, path := range []string{"/coalitions/" + mine.ID, "/coalitions/" + mine.ID + "/edit", "/coalitions/" + mine.ID + "/members",
		"/coalitions/" + mine.ID + "/invitations", "/coalitions/" + mine.ID + "/audit", "/c/" + mine.Slug} {
		wantStatus(t, carmen.get(path), http.StatusNotFound)
	}
	wantStatus(t, carmen.post("/coalitions/"+mine.ID+"/edit", url.Values{"name": {"Taken"}, "goal": {"Over"}, "version": {"1"}}), http.StatusNotFound)

	// A member sees the coalition but not the coordinator's buttons, and may not use them.
	member := signIn(t, site, "bao@example.org", testPassword)
	res := member.get("/coalitions/" + mine.ID)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Housing Justice", "Members (1)")
	wantNoBody(t, res, "/edit\"", "/invitations\"")
	wantStatus(t, member.get("/coalitions/"+mine.ID+"/edit"), http.StatusForbidden)
	wantStatus(t, member.get("/coalitions/"+mine.ID+"/invitations"), http.StatusForbidden)
}

func TestCoalitionEdit(t *testing.T) {
	site := newTestSite(t)
	amina := newTestUser(t, site, "Amina", "amina@example.org")
	co := newTestCoalition(t, site, amina, "Housing Justice", false)
	c := signIn(t, site, "amina@example.org", testPassword)

	res := c.get("/coalitions/" + co.ID + "/edit")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `name="version" value="1"`, `value="Housing Justice"`, `value="housing"`)

	form := url.Values{"version": {"1"}, "name": {"Housing Justice Now"}, "goal": {"Homes for all"}, "phase": {"campaign"}, "public": {"on"}}
	res = c.post("/coalitions/"+co.ID+"/edit", form)
	wantStatus(t, res, http.StatusSeeOther)
	res = c.get(res.Location)
	wantBody(t, res, "Changes saved.", "<h1>Housing Justice Now</h1>", "Homes for all", "has a public page")

	res = c.post("/coalitions/"+co.ID+"/edit", url.Values{"version": {"2"}, "name": {""}, "goal": {"Kept goal"}, "phase": {"campaign"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="e-name" class="error">This field is required.`, "Kept goal</textarea>")
}

func TestCoalitionEditStale(t *testing.T) {
	site := newTestSite(t)
	amina := newTestUser(t, site, "Amina", "amina@example.org")
	co := newTestCoalition(t, site, amina, "Housing Justice", false)
	c := signIn(t, site, "amina@example.org", testPassword)

	// Someone else saves first.
	other := *co
	other.Goal = "Their goal"
	if _, err := site.App.UpdateCoalition(context.Background(), amina, other, 1); err != nil {
		t.Fatal(err)
	}
	res := c.post("/coalitions/"+co.ID+"/edit", url.Values{"version": {"1"}, "name": {"My name"}, "goal": {"My goal"},
		"geography": {"My city"}, "phase": {"movement"}})
	wantStatus(t, res, http.StatusPreconditionFailed)
	wantBody(t, res, "Someone else changed this coalition", `value="My name"`, "My goal</textarea>", `value="My city"`,
		"What is saved now", "Their goal", `name="version" value="2"`)

	// Saving again, knowingly, keeps the person's version.
	res = c.post("/coalitions/"+co.ID+"/edit", url.Values{"version": {"2"}, "name": {"My name"}, "goal": {"My goal"}, "phase": {"movement"}})
	wantStatus(t, res, http.StatusSeeOther)
}
