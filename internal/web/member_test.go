package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
)

func TestMemberRoster(t *testing.T) {
	site := newTestSite(t)
	amina := newTestUser(t, site, "Amina", "amina@example.org")
	bao := newTestUser(t, site, "Bao", "bao@example.org")
	co := newTestCoalition(t, site, amina, "Housing Justice", false)
	m := addTestMember(t, site, amina, bao, co.ID, "Hmong Tenants United", domain.RoleSteering)
	org := *m.Organization
	org.BipocLed, org.BudgetBand = "yes", domain.BudgetUnder250k
	if _, err := site.App.UpdateOrganization(context.Background(), bao, org, org.Version); err != nil {
		t.Fatal(err)
	}

	res := signIn(t, site, "amina@example.org", testPassword).get("/coalitions/" + co.ID + "/members")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `<a href="/organizations/`+m.OrganizationID+`?from=`+co.ID+`">Hmong Tenants United</a>`, `<td data-label="Role">Steering committee</td>`,
		`<td data-label="Status">Active</td>`, `<td data-label="Budget">Under $250k</td>`, `href="/coalitions/`+co.ID+`/members/`+m.ID+`"`, "Invite an organization")

	// A member sees the roster without the coordinator's edit links.
	res = signIn(t, site, "bao@example.org", testPassword).get("/coalitions/" + co.ID + "/members")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Hmong Tenants United")
	wantNoBody(t, res, `/members/`+m.ID, "Invite an organization")
}

func TestMemberRosterPages(t *testing.T) {
	site := newTestSite(t)
	amina := newTestUser(t, site, "Amina", "amina@example.org")
	co := newTestCoalition(t, site, amina, "Big Coalition", false)
	for i := range 51 {
		addTestMember(t, site, amina, amina, co.ID, fmt.Sprintf("Org %02d", i), domain.RoleMember)
	}
	c := signIn(t, site, "amina@example.org", testPassword)
	res := c.get("/coalitions/" + co.ID + "/members")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Org 00", "Org 49", "Next page")
	wantNoBody(t, res, "Org 50", "First page")
	i := strings.Index(res.Body, `?cursor=`)
	next := res.Body[i : i+strings.Index(res.Body[i:], `"`)]
	res = c.get("/coalitions/" + co.ID + "/members" + next)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Org 50", "First page")
	wantNoBody(t, res, "Org 49", "Next page")

	wantStatus(t, c.get("/coalitions/"+co.ID+"/members?cursor=nope"), http.StatusUnprocessableEntity)
}

func TestMemberEdit(t *testing.T) {
	site := newTestSite(t)
	amina := newTestUser(t, site, "Amina", "amina@example.org")
	bao := newTestUser(t, site, "Bao", "bao@example.org")
	co := newTestCoalition(t, site, amina, "Housing Justice", false)
	m := addTestMember(t, site, amina, bao, co.ID, "Hmong Tenants United", domain.RoleMember)
	path := "/coalitions/" + co.ID + "/members/" + m.ID
	c := signIn(t, site, "amina@example.org", testPassword)

	res := c.get(path)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Membership of Hmong Tenants United", `name="version" value="1"`, `value="member" selected`, `value="active" selected`)

	res = c.post(path, url.Values{"version": {"1"}, "role": {"steering"}, "most_impacted": {"on"}, "status": {"stepping_back"},
		"status_reason": {"Capacity this summer"}})
	wantStatus(t, res, http.StatusSeeOther)
	res = c.get(res.Location)
	wantBody(t, res, "The membership of Hmong Tenants United is saved.", `<td data-label="Role">Steering committee</td>`, "Stepping back", "Capacity this summer")

	res = c.post(path, url.Values{"version": {"2"}, "role": {"boss"}, "status": {"active"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="e-role" class="error">`)

	// A stale version keeps the typed choices and shows what is saved.
	res = c.post(path, url.Values{"version": {"1"}, "role": {"observer"}, "status": {"active"}, "status_reason": {"typed"}})
	wantStatus(t, res, http.StatusPreconditionFailed)
	wantBody(t, res, "Someone else changed this membership", `value="observer" selected`, `value="typed"`, "What is saved now",
		`name="version" value="2"`)

	// A member may not edit memberships; another coalition's membership does not exist here.
	member := signIn(t, site, "bao@example.org", testPassword)
	wantStatus(t, member.get(path), http.StatusForbidden)
	wantStatus(t, member.post(path, url.Values{"version": {"2"}, "role": {"anchor"}, "status": {"active"}}), http.StatusForbidden)
	other := newTestCoalition(t, site, amina, "Transit", false)
	wantStatus(t, c.get("/coalitions/"+other.ID+"/members/"+m.ID), http.StatusNotFound)
	wantSignInRedirect(t, anonymous(t, site).get(path), path)
	wantSignInRedirect(t, anonymous(t, site).post(path, url.Values{"version": {"2"}}), path)
}
