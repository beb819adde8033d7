package web_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

// The impact page shows each section with its figures; another coalition's is not found.
func TestImpactPage(t *testing.T) {
	s := newWinSite(t)
	ctx := context.Background()
	if _, err := s.site.App.RecordRelationship(ctx, s.coord, s.co.ID, domain.Relationship{OrganizationID: s.hmong.OrganizationID,
		OtherOrganizationID: s.sy.OrganizationID, Kind: "worked_together", Depth: 4}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.site.App.CreateWin(ctx, s.coord, s.co.ID, domain.Win{Date: time.Now().UTC().Format(domain.DateLayout), Title: "Hearing", Kind: "policy", Size: "milestone",
		Credits: []domain.Credit{{OrganizationID: s.hmong.OrganizationID, Weight: 3}, {OrganizationID: s.sy.OrganizationID, Weight: 1}}}); err != nil {
		t.Fatal(err)
	}
	c := signIn(t, s.site, "amina@example.org", testPassword)
	wantBody(t, c.get("/coalitions/"+s.co.ID), `href="/coalitions/`+s.co.ID+`/impact"`)
	res := c.get("/coalitions/" + s.co.ID + "/impact")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "1 relationship among current members today, mean depth 4.0 of 5.",
		"0.0%</strong> of member pairs acted together in the last year (0 of 1 pairs).",
		"1 in the last twelve months, 0 in the twelve before.", "Policy: 1")
	other := newTestCoalition(t, s.site, s.coord, "Transit", false)
	wantStatus(t, signIn(t, s.site, "amina@example.org", testPassword).get("/coalitions/"+other.ID+"/impact"), http.StatusOK)
	newTestUser(t, s.site, "Stranger", "stranger@example.org")
	wantStatus(t, signIn(t, s.site, "stranger@example.org", testPassword).get("/coalitions/"+s.co.ID+"/impact"), http.StatusNotFound)
}
