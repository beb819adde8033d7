package web_test

import (
	"context"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/browsertest"
	"github.com/braid-org/braid/internal/domain"
	"github.com/chromedp/chromedp"
)

// TestCoalitionPagesInBrowser loads the coalition, member, invitation, account, public
// and audit pages in a phone-sized Chromium, checks each with axe-core and saves a
// screenshot. It runs only with BRAID_TEST_BROWSER=1.
func TestCoalitionPagesInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	site := newTestSite(t)
	bg := context.Background()
	amina := newTestUser(t, site, "Amina Hassan", "amina@example.org")
	bao := newTestUser(t, site, "Bao Vang", "bao@example.org")
	co := newTestCoalition(t, site, amina, "Twin Cities Housing Justice", true)
	m := addTestMember(t, site, amina, bao, co.ID, "Hmong Tenants United", domain.RoleSteering)
	addTestMember(t, site, amina, amina, co.ID, "Metro Housing Nonprofit", domain.RoleAnchor)
	if _, err := site.App.CreatePrinciple(bg, amina, co.ID, app.PrincipleText{Title: "Those most impacted lead", Body: "Decisions start with them."}); err != nil {
		t.Fatal(err)
	}
	inv, err := site.App.Invite(bg, amina, co.ID, domain.Invitation{OrganizationName: "Somali Youth Voices", Role: domain.RoleMember})
	if err != nil {
		t.Fatal(err)
	}

	visit := func(name, path string) {
		t.Helper()
		browsertest.Visit(t, ctx, site.URL+path)
		browsertest.Screenshot(t, ctx, "coalition-"+name)
	}
	visit("invitation-accept", "/invitations/"+inv.Token)
	visit("public", "/c/"+co.Slug)

	err = chromedp.Do(ctx, chromedp.Navigate(site.URL+"/login"),
		chromedp.SendKeys("#f-email", "amina@example.org"), chromedp.SendKeys("#f-password", testPassword),
		chromedp.Submit("#f-password"), chromedp.WaitVisible(`form[action="/logout"]`))
	if err != nil {
		t.Fatal(err)
	}
	visit("overview", "/coalitions/"+co.ID)
	visit("new", "/coalitions/new")
	visit("edit", "/coalitions/"+co.ID+"/edit")
	visit("members", "/coalitions/"+co.ID+"/members")
	visit("member-edit", "/coalitions/"+co.ID+"/members/"+m.ID)
	visit("invitations", "/coalitions/"+co.ID+"/invitations")
	visit("audit", "/coalitions/"+co.ID+"/audit")
	visit("account", "/account")
}
