package web_test

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/browsertest"
)

// TestProposalsInBrowser: a representative drafts and opens a consensus proposal and
// takes a stance, another blocks without a reason and is told why, then blocks properly;
// the coordinator closes it and everyone reads the outcome with its arithmetic. Every
// page is checked with axe-core and saved as a screenshot named proposal-NN-*.
func TestProposalsInBrowser(t *testing.T) {
	ctx := browsertest.New(t, browsertest.Timeout(3*time.Minute))
	site := newTestSite(t)
	w := newOrgWorld(t, site, "pb")
	w.addMember("Alder", "member", true, "yes", "under_250k")
	w.addMember("Birch", "member", false, "no", "over_5m")
	if _, err := site.App.CreatePrinciple(context.Background(), w.coordinator, w.coalition.ID,
		app.PrincipleText{Title: "Those most impacted lead", Body: "…"}); err != nil {
		t.Fatal(err)
	}
	f := newFlow(t, ctx, site, "proposal")
	signInAs := func(name, email string) {
		f.open(name, "/login")
		f.fill(f.T("login.email"), email)
		f.fill(f.T("login.password"), testPassword)
		f.press(name+"-home", f.T("login.submit"))
	}

	signInAs("alder", "alder@example.org")
	f.open("list-empty", "/coalitions/"+w.coalition.ID)
	f.follow("list", f.T("proposal.link"))
	f.follow("new", f.T("proposal.new_link"))
	f.fill(f.T("proposal.field.title"), "Hold the rally at city hall")
	f.fill(f.T("proposal.field.body"), "Tenants speak first.")
	f.radio(f.T("proposal.field.method"), f.T("proposal.method.consensus")+" — "+f.T("proposal.method_help.consensus"))
	f.tick("Those most impacted lead", f.T("proposal.field.principles"))
	f.press("opened", f.T("proposal.save_open"))
	f.wantText(f.T("proposal.created", "Title", "Hold the rally at city hall"), f.T("proposal.status.open"), "Those most impacted lead")
	f.radio(f.T("proposal.your_stance"), f.T("proposal.position.agree")+" — "+f.T("proposal.position_help.agree"))
	f.press("stance", f.T("proposal.stance_submit"))
	f.wantText(f.T("proposal.stance_saved"), f.T("proposal.stances_heading", "Count", 1))
	page := f.location()
	f.press("signed-out", f.T("nav.sign_out"))

	signInAs("birch", "birch@example.org")
	f.open("birch-proposal", page)
	f.radio(f.T("proposal.your_stance"), f.T("proposal.position.block")+" — "+f.T("proposal.position_help.block"))
	f.choose(f.T("proposal.field.principle"), "Those most impacted lead")
	pressRefused(f, "block-refused", f.T("proposal.stance_submit"))
	f.wantText("A block must give a reason.")
	f.fill(f.T("proposal.field.reason"), "The rally date clashes with the tenants' court hearing.")
	f.press("blocked", f.T("proposal.stance_submit"))
	f.press("signed-out-2", f.T("nav.sign_out"))

	signInAs("coord", "coord-pb@example.org")
	f.open("coord-proposal", page)
	f.press("closed", f.T("proposal.close_submit"))
	f.wantText(f.T("proposal.result.blocked"), "⌈0.5 × 2⌉ = 1; 2 > 1", "1 > 0; 0 = 0; 1 = 1", f.T("proposal.final_note"),
		"The rally date clashes with the tenants' court hearing.")
	f.follow("list-closed", f.T("proposal.list_heading"))
	f.wantText("Hold the rally at city hall", f.T("proposal.result_short.blocked"))
	f.press("signed-out-3", f.T("nav.sign_out"))

	// Birch steps back from the coalition for a while; it shows to everyone.
	signInAs("birch-again", "birch@example.org")
	f.open("stepping-back", "/coalitions/"+w.coalition.ID+"/stepping-back")
	f.radio(f.T("stepback.field.reason"), f.T("stepback.reason.capacity"))
	f.fill(f.T("stepback.field.note"), "Our organizer is on leave until spring.")
	f.press("stepped-back", f.T("stepback.submit"))
	f.wantText(f.T("stepback.recorded"), "Our organizer is on leave until spring.", f.T("stepback.return_submit", "Organization", "Birch"))
}

// pressRefused presses a button whose form is refused (4xx) and checks the page shown.
func pressRefused(f *flow, name, text string) {
	f.t.Helper()
	ctx, cancel := context.WithTimeout(f.ctx, stepTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(buttonByText(text)))
	if err != nil {
		f.fatalf("press %q: %v", text, err)
	}
	if resp == nil || resp.Status < 400 || resp.Status >= 500 {
		f.fatalf("press %q: want a refusal, got %v", text, resp)
	}
	f.checkPage(name)
}
