package web_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/browsertest"
	"github.com/braid-org/braid/internal/domain"
	"github.com/chromedp/chromedp"
)

// TestWinsFlowInBrowser walks phases and wins in a phone-sized Chromium, only through the
// pages: the coordinator logs a win crediting two organizations with different weights,
// moves the coalition from forming to campaign with a retrospective, and reads the
// timeline on the coalition page; an anonymous visitor reads the public win with its
// credit lines. Every page shown, forms sent with errors included, passes axe-core and is
// saved as a screenshot named wins-NN-*. It runs only with BRAID_TEST_BROWSER=1.
func TestWinsFlowInBrowser(t *testing.T) {
	ctx := browsertest.New(t, browsertest.Timeout(3*time.Minute))
	site := newTestSite(t)
	amina := newTestUser(t, site, "Amina Hassan", "amina@example.org")
	co := newTestCoalition(t, site, amina, "Twin Cities Housing Justice", true)
	hmong := addTestMember(t, site, amina, amina, co.ID, "Hmong Tenants United", domain.RoleSteering)
	addTestMember(t, site, amina, amina, co.ID, "Somali Youth Voices", domain.RoleMember)
	org := *hmong.Organization
	org.Visibility.Listed = true
	if _, err := site.App.UpdateOrganization(context.Background(), amina, org, org.Version); err != nil {
		t.Fatal(err)
	}
	f := newFlow(t, ctx, site, "wins")

	f.open("sign-in", "/login")
	f.fill(f.T("login.email"), "amina@example.org")
	f.fill(f.T("login.password"), testPassword)
	f.press("home", f.T("login.submit"))
	f.open("overview", "/coalitions/"+co.ID)
	f.wantText(f.T("timeline.heading"), f.T("timeline.always"))

	// A win with two credited organizations, the first with three times the weight. A
	// negative weight first: the form comes back with the error and the typed values.
	f.follow("wins-empty", f.T("win.link"))
	f.wantText(f.T("win.none"))
	f.follow("win-new", f.T("win.new_link"))
	f.fill(f.T("win.field_title"), "Council scheduled a hearing")
	f.choose(f.T("win.kind"), f.T("win.kind.policy"))
	f.choose(f.T("win.size"), f.T("win.size.milestone"))
	f.fill(f.T("win.description"), "After 300 calls, the council put the ordinance on the agenda.")
	f.tick(f.T("win.public"))
	f.tick("Hmong Tenants United", f.T("win.credits"))
	f.fill(f.T("win.contribution", "Organization", "Hmong Tenants United"), "Drafted the ordinance with tenants")
	f.fill(f.T("win.weight", "Organization", "Hmong Tenants United"), "-3")
	f.tick("Somali Youth Voices", f.T("win.credits"))
	f.fill(f.T("win.contribution", "Organization", "Somali Youth Voices"), "Turned out 40 people to testify")
	f.pressExpecting("win-error", f.T("win.create"), 422)
	f.wantText(f.T("win.error.weight"))
	// (chromedp cannot clear this field after the reload; the page's own script can.)
	f.eval(fmt.Sprintf(`(%s).value = ""`, fieldByLabel(f.T("win.weight", "Organization", "Hmong Tenants United"), "")))
	f.fill(f.T("win.weight", "Organization", "Hmong Tenants United"), "3")
	f.press("wins", f.T("win.create"))
	// Weights 3 and 1 (left blank): shares 3/4 and 1/4.
	f.wantText(f.T("win.created", "Title", "Council scheduled a hearing"), "Hmong Tenants United — Drafted the ordinance with tenants",
		f.T("win.share", "Share", "75.0%"), "Somali Youth Voices — Turned out 40 people to testify", f.T("win.share", "Share", "25.0%"))

	// The move from forming to campaign needs its retrospective.
	f.open("overview-with-win", "/coalitions/"+co.ID)
	f.wantText("Council scheduled a hearing")
	f.follow("phase", f.T("phase.link"))
	f.choose(f.T("phase.to_phase"), f.T("common.phase.campaign"))
	f.fill(f.T("phase.learned"), "Listening sessions in three languages built trust.")
	f.fill(f.T("phase.carry_forward"), "   ") // blank, which the browser lets through and the server refuses
	f.pressExpecting("phase-error", f.T("phase.move_submit"), 422)
	f.wantText(f.T("phase.error.carry_forward"))
	f.eval(fmt.Sprintf(`(%s).value = ""`, fieldByLabel(f.T("phase.carry_forward"), "")))
	f.fill(f.T("phase.carry_forward"), "Monthly meals and interpretation at every meeting.")
	f.press("overview-campaign", f.T("phase.move_submit"))
	f.wantText(f.T("phase.moved", "Phase", f.T("common.phase.campaign")), f.T("coalition.phase_is", "Phase", f.T("common.phase.campaign")),
		"Listening sessions in three languages built trust.")
	f.follow("phase-history", f.T("timeline.phase_history"))
	f.wantText(f.T("phase.move_line", "From", f.T("common.phase.forming"), "To", f.T("common.phase.campaign")))

	// The edit form of the win, then the public page as an anonymous visitor.
	f.open("wins-list", "/coalitions/"+co.ID+"/wins")
	f.follow("win-edit", f.T("win.edit_link", "Title", "Council scheduled a hearing"))
	f.press("sign-out", f.T("nav.sign_out"))
	f.open("public", "/c/"+co.Slug)
	f.wantText(f.T("win.public_heading"), "Council scheduled a hearing", "Hmong Tenants United — Drafted the ordinance with tenants",
		f.T("win.unlisted_org")+" — Turned out 40 people to testify")
	f.wantNoText("Somali Youth Voices")
}

// pressExpecting clicks the button with the text, expects the page it leads to to answer
// status (a form shown again with its errors), and checks that page.
func (f *flow) pressExpecting(name, text string, status int64) {
	f.t.Helper()
	ctx, cancel := context.WithTimeout(f.ctx, stepTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(buttonByText(text)))
	if err != nil {
		f.fatalf("press %q: %v", text, err)
	}
	f.checkPage(name)
	if resp == nil || resp.Status != status {
		f.fatalf("%s", fmt.Sprintf("press %q: response %v, want status %d", text, resp, status))
	}
}
