package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

// invitationLinkRE finds the new invitation's link in its read-only, wrapping text box.
var invitationLinkRE = regexp.MustCompile(`<textarea id="invitation-link"[^>]* readonly[^>]*>(http://[^<]+/invitations/(inv_[A-Za-z0-9_-]+))</textarea>`)

func TestInvitationCreate(t *testing.T) {
	site := newTestSite(t)
	amina := newTestUser(t, site, "Amina", "amina@example.org")
	co := newTestCoalition(t, site, amina, "Housing Justice", false)
	c := signIn(t, site, "amina@example.org", testPassword)
	path := "/coalitions/" + co.ID + "/invitations"

	res := c.get(path)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Invite an organization", `<label for="f-organization_name">`, "No invitations yet.")

	res = c.post(path, url.Values{"organization_name": {"Somali Youth Voices"}, "email": {"hodan@example.org"}, "role": {"steering"}, "most_impacted": {"on"}})
	wantStatus(t, res, http.StatusOK)
	match := invitationLinkRE.FindStringSubmatch(res.Body)
	if match == nil || !strings.HasPrefix(match[1], site.URL+"/invitations/") {
		t.Fatalf("no absolute invitation link in\n%s", res.Body)
	}
	wantBody(t, res, "readonly", "Invitation link for Somali Youth Voices", "Somali Youth Voices", "hodan@example.org", "Open", "most impacted")

	// The link is shown once; the list does not repeat it.
	res = c.get(path)
	wantNoBody(t, res, match[2])
	wantBody(t, res, "Somali Youth Voices", "Open")

	// The link works.
	wantStatus(t, anonymous(t, site).get("/invitations/"+match[2]), http.StatusOK)

	res = c.post(path, url.Values{"organization_name": {""}, "email": {"x@example.org"}, "role": {"member"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="e-organization_name" class="error">Name the organization you are inviting.`, `value="x@example.org"`)
}

func TestInvitationAcceptNewAccount(t *testing.T) {
	site := newTestSite(t)
	amina := newTestUser(t, site, "Amina", "amina@example.org")
	co := newTestCoalition(t, site, amina, "Housing Justice", false)
	inv, err := site.App.Invite(context.Background(), amina, co.ID, domain.Invitation{OrganizationName: "Somali Youth Voices", Email: "hodan@example.org", Role: domain.RoleSteering})
	if err != nil {
		t.Fatal(err)
	}
	path := "/invitations/" + inv.Token
	c := anonymous(t, site)

	res := c.get(path)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Join Housing Justice", "Somali Youth Voices is invited to join this coalition and sit on its steering committee.",
		`value="Somali Youth Voices"`, `value="hodan@example.org"`, `autocomplete="new-password"`,
		`href="/login?next=`+url.QueryEscape(path)+`"`)

	// A short password is a form error; the name is kept, the password is not.
	res = c.post(path, url.Values{"name": {"Hodan"}, "email": {"hodan@example.org"}, "password": {"short"}, "organization_name": {"Somali Youth Voices"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="e-password" class="error">Use at least 10 characters.`, `value="Hodan"`)
	wantNoBody(t, res, `value="short"`)

	res = c.post(path, url.Values{"name": {"Hodan"}, "email": {"hodan@example.org"}, "password": {testPassword}, "organization_name": {"Somali Youth Voices"}})
	wantStatus(t, res, http.StatusSeeOther)
	if !regexp.MustCompile(`^/organizations/[^/]+/edit$`).MatchString(res.Location) {
		t.Fatalf("redirect to %q, want the organization's edit page", res.Location)
	}
	// The person is signed in, sees the welcome, and is a member of the coalition.
	res = c.get(res.Location)
	wantBody(t, res, "Welcome — fill in your organization")
	res = c.get("/coalitions/" + co.ID + "/members")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Somali Youth Voices", "Steering committee")

	// The link works once.
	res = c.post(path, url.Values{})
	wantStatus(t, res, http.StatusConflict)
	wantBody(t, res, "This invitation has already been used.")
	wantStatus(t, anonymous(t, site).get(path), http.StatusConflict)
	wantStatus(t, anonymous(t, site).post(path, url.Values{"name": {"X"}, "email": {"x@example.org"}, "password": {testPassword}}), http.StatusConflict)
}

func TestInvitationAcceptSignedIn(t *testing.T) {
	site := newTestSite(t)
	amina := newTestUser(t, site, "Amina", "amina@example.org")
	bao := newTestUser(t, site, "Bao", "bao@example.org")
	housing := newTestCoalition(t, site, amina, "Housing Justice", false)
	transit := newTestCoalition(t, site, amina, "Fair Transit", false)
	m := addTestMember(t, site, amina, bao, housing.ID, "Hmong Tenants United", domain.RoleMember)
	inv, err := site.App.Invite(context.Background(), amina, transit.ID, domain.Invitation{OrganizationName: "hmong tenants united"})
	if err != nil {
		t.Fatal(err)
	}
	path := "/invitations/" + inv.Token
	c := signIn(t, site, "bao@example.org", testPassword)

	res := c.get(path)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `<select id="f-organization_id" name="organization_id"`, `<option value="">A new organization`,
		`<option value="`+m.OrganizationID+`" selected>Hmong Tenants United</option>`)
	wantNoBody(t, res, `name="password"`)

	res = c.post(path, url.Values{"organization_id": {m.OrganizationID}})
	wantStatus(t, res, http.StatusSeeOther)
	if res.Location != "/organizations/"+m.OrganizationID+"/edit" {
		t.Fatalf("location %q", res.Location)
	}
	// One organization, now in both coalitions.
	res = c.get("/coalitions/" + transit.ID + "/members")
	wantBody(t, res, `href="/organizations/`+m.OrganizationID+`?from=`+transit.ID+`"`)
	wantStatus(t, c.post(path, url.Values{"organization_id": {m.OrganizationID}}), http.StatusConflict)
}

func TestInvitationUnknownOrExpired(t *testing.T) {
	site := newTestSite(t)
	amina := newTestUser(t, site, "Amina", "amina@example.org")
	co := newTestCoalition(t, site, amina, "Housing Justice", false)
	site.App.InvitationTTL = -time.Minute
	inv, err := site.App.Invite(context.Background(), amina, co.ID, domain.Invitation{OrganizationName: "Late Org"})
	if err != nil {
		t.Fatal(err)
	}
	c := anonymous(t, site)
	res := c.get("/invitations/" + inv.Token)
	wantStatus(t, res, http.StatusNotFound)
	wantBody(t, res, "This invitation has expired")
	wantStatus(t, c.post("/invitations/"+inv.Token, url.Values{"name": {"X"}, "email": {"x@example.org"}, "password": {testPassword}}), http.StatusNotFound)
	wantStatus(t, c.get("/invitations/inv_unknown"), http.StatusNotFound)

	// Expired links show as such to the coordinator.
	res = signIn(t, site, "amina@example.org", testPassword).get("/coalitions/" + co.ID + "/invitations")
	wantBody(t, res, "Late Org", "Expired")
}
