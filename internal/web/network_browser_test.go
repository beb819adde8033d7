package web_test

import (
	"context"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/browsertest"
	"github.com/braid-org/braid/internal/domain"
	"github.com/chromedp/chromedp"
)

// TestNetworkPagesInBrowser loads the relationships, ecosystem and ecosystem-choice
// pages in a phone-sized Chromium, checks each with axe-core, checks that the drawing
// was drawn (Cytoscape's canvases in the drawing box) and saves screenshots. It runs only
// with BRAID_TEST_BROWSER=1.
func TestNetworkPagesInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	site := newTestSite(t)
	w := newOrgWorld(t, site, "nb")
	alder := w.addMember("Alder", "member", true, "yes", "under_250k")
	birch := w.addMember("Birch", "member", false, "no", "over_5m")
	cedar := w.addMember("Cedar", "member", false, "not_said", "not_said")
	bg := context.Background()
	for _, p := range [][2]orgMember{{alder, birch}, {birch, cedar}} {
		_, err := site.App.RecordRelationship(bg, p[0].user, w.coalition.ID, domain.Relationship{OrganizationID: p[0].membership.OrganizationID,
			OtherOrganizationID: p[1].membership.OrganizationID, Kind: "worked_together", Depth: 3})
		if err != nil {
			t.Fatal(err)
		}
	}
	err := chromedp.Do(ctx, chromedp.Navigate(site.URL+"/login"),
		chromedp.SendKeys("#f-email", "birch@example.org"), chromedp.SendKeys("#f-password", testPassword),
		chromedp.Submit("#f-password"), chromedp.WaitVisible(`form[action="/logout"]`))
	if err != nil {
		t.Fatal(err)
	}
	base := site.URL + "/coalitions/" + w.coalition.ID
	browsertest.Visit(t, ctx, base+"/relationships")
	browsertest.Screenshot(t, ctx, "network-relationships")
	browsertest.Visit(t, ctx, base+"/network")
	step, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(step, chromedp.WaitVisible("#network-drawing canvas"), chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatalf("the drawing was not drawn: %v", err)
	}
	legend, err := chromedp.Run(step, chromedp.Evaluate[int](`document.querySelectorAll("#network-legend li").length`))
	if err != nil || legend == 0 {
		t.Errorf("legend entries: %d, %v", legend, err)
	}
	browsertest.CheckA11y(t, ctx, "ecosystem page after drawing")
	browsertest.Screenshot(t, ctx, "network-ecosystem")
	browsertest.Visit(t, ctx, base+"/impact")
	browsertest.Screenshot(t, ctx, "network-impact")
	browsertest.Visit(t, ctx, base+"/silos")
	browsertest.Screenshot(t, ctx, "network-silos")
	browsertest.Visit(t, ctx, base+"/network/changes?since=2020-01-01")
	browsertest.Screenshot(t, ctx, "network-changes")
	if _, err := site.App.CreateTarget(bg, w.coordinator, w.coalition.ID, domain.Target{Name: "Mayor Lin", Kind: "person"},
		domain.TargetAssessment{Influence: 5, Stance: -1, AssessedOn: "2026-01-10"}); err != nil {
		t.Fatal(err)
	}
	browsertest.Visit(t, ctx, base+"/power-map")
	browsertest.Screenshot(t, ctx, "network-power-map")
	browsertest.Visit(t, ctx, site.URL+"/network")
	browsertest.Screenshot(t, ctx, "network-choose")
}
