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
	visit("organization", "/organizations/"+m.OrganizationID+"?from="+co.ID)
	visit("access", "/coalitions/"+co.ID+"/access")

	// The last coordinator trying to step down gets the page back with the error at her
	// form, which must pass axe too. Each step fails fast rather than at the session's end.
	step, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(step, chromedp.SetValue(fieldByLabel("Role", "Amina Hassan"), "observer"),
		chromedp.Click(buttonByText("Save the role of Amina Hassan")))
	if err != nil {
		t.Fatal(err)
	}
	if resp == nil || resp.Status != 409 {
		t.Fatalf("stepping down as the last coordinator: response %+v, want 409", resp)
	}
	browsertest.CheckA11y(t, ctx, "access page with an error")
	browsertest.Screenshot(t, ctx, "coalition-access-error")

	// Showing the invitation link once, after creating an invitation.
	err = chromedp.Do(step, chromedp.Navigate(site.URL+"/coalitions/"+co.ID+"/invitations"),
		chromedp.SendKeys(fieldByLabel("Organization name", ""), "Minneapolis Renters Coalition for Language Justice"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(step, chromedp.Click(buttonByText("Create the invitation link"))); err != nil {
		t.Fatal(err)
	}
	browsertest.CheckA11y(t, ctx, "invitation link")
	browsertest.Screenshot(t, ctx, "coalition-invitation-link")
	full, err := chromedp.Run(step, chromedp.Evaluate[bool](`(() => {
		const l = document.getElementById("invitation-link");
		return l.scrollWidth <= l.clientWidth && l.scrollHeight <= l.clientHeight + 1;
	})()`))
	if err != nil || !full {
		t.Errorf("the invitation link does not show whole on a phone (err %v)", err)
	}
}
