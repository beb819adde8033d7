package web_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

func TestPublicCoalitionPage(t *testing.T) {
	site := newTestSite(t)
	ctx := context.Background()
	amina := newTestUser(t, site, "Amina", "amina@example.org")
	bao := newTestUser(t, site, "Bao", "bao@example.org")
	co := newTestCoalition(t, site, amina, "Housing Justice", true)

	listed := addTestMember(t, site, amina, bao, co.ID, "Hmong Tenants United", domain.RoleSteering)
	org := *listed.Organization
	org.Mission, org.Identity, org.BudgetBand, org.Website = "Tenants organizing tenants.", "Secret identity text", domain.BudgetUnder250k, "https://htu.example.org"
	org.Visibility = domain.Visibility{Listed: true, Fields: []string{"mission", "website"}}
	if _, err := site.App.UpdateOrganization(ctx, bao, org, org.Version); err != nil {
		t.Fatal(err)
	}
	hidden := addTestMember(t, site, amina, amina, co.ID, "Quiet Org", domain.RoleMember)
	qo := *hidden.Organization
	qo.Visibility.Listed = false
	if _, err := site.App.UpdateOrganization(ctx, amina, qo, qo.Version); err != nil {
		t.Fatal(err)
	}
	pr, err := site.App.CreatePrinciple(ctx, amina, co.ID, app.PrincipleText{Title: "Old title", Body: "Old body"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := site.App.RevisePrinciple(ctx, amina, co.ID, pr.ID, app.PrincipleText{Title: "Those most impacted lead", Body: "Centre their voices."}); err != nil {
		t.Fatal(err)
	}

	res := anonymous(t, site).get("/c/" + co.Slug)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "<h1>Housing Justice</h1>", "Goal of Housing Justice", "<h3>Hmong Tenants United</h3>", "Steering committee",
		"Tenants organizing tenants.", `<a href="https://htu.example.org" rel="nofollow noopener">`, "And 1 organization not listed.",
		"Those most impacted lead", "Centre their voices.")
	wantNoBody(t, res, "Quiet Org", "Secret identity text", "Under $250k", "Old title")

	// A coalition without a public page does not exist publicly, even to its coordinator.
	private := newTestCoalition(t, site, amina, "Private Matters", false)
	wantStatus(t, anonymous(t, site).get("/c/"+private.Slug), http.StatusNotFound)
	wantStatus(t, signIn(t, site, "amina@example.org", testPassword).get("/c/"+private.Slug), http.StatusNotFound)
	wantStatus(t, anonymous(t, site).get("/c/no-such-coalition"), http.StatusNotFound)
}
