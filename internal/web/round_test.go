package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
)

func TestRoundPages(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "ro")
	alder := w.addMember("Alder", "steering", true, "yes", "under_250k")
	birch := w.addMember("Birch", "member", false, "no", "over_5m")
	ctx := context.Background()
	fund, err := site.App.CreateFund(ctx, w.coordinator, w.coalition.ID, app.FundInput{Name: "Grant", HolderName: "Sponsor", Currency: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := site.App.RecordEntry(ctx, w.coordinator, w.coalition.ID, fund.ID, app.EntryInput{Kind: "received", Amount: 100_00, Currency: "USD"}); err != nil {
		t.Fatal(err)
	}
	base := "/coalitions/" + w.coalition.ID + "/allocation-rounds"
	steer := w.as("alder@example.org") // a steering member's representative
	members := []string{alder.membership.OrganizationID, birch.membership.OrganizationID}
	open := url.Values{"fund_id": {fund.ID}, "title": {"Spring"}, "amount": {"100.01"}, "method": {"equal"}, "members": members}

	bad := url.Values{"fund_id": {fund.ID}, "title": {"Spring"}, "amount": {"100.001"}, "method": {"equal"}, "members": members}
	res := steer.post(base, bad)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "no fractions of a cent")
	res = steer.post(base, url.Values{"fund_id": {fund.ID}, "title": {"Big"}, "amount": {"100.01"}, "method": {"equal"}, "members": members})
	wantStatus(t, res, http.StatusUnprocessableEntity) // the pool holds 100.00
	wantBody(t, res, "not yet allocated")
	open.Set("amount", "99.99")
	res = steer.post(base, open)
	wantStatus(t, res, http.StatusSeeOther)
	roundURL := res.Location
	if !strings.HasPrefix(roundURL, base+"/") {
		t.Fatalf("open redirects to %q", roundURL)
	}
	// 9,999 cents / 2 = 4,999.5 each; one leftover cent to the id that sorts first.
	res = steer.get(roundURL)
	wantBody(t, res, "49.99", "50.00", "1 cent</span>", "Approve and write to the ledger", "largest fractions of a cent")
	member := w.as("birch@example.org")
	wantNoBody(t, member.get(roundURL), "Approve and write to the ledger")
	wantStatus(t, member.post(roundURL+"/approve", url.Values{}), http.StatusForbidden)
	wantStatus(t, steer.post(roundURL+"/approve", url.Values{}), http.StatusSeeOther)
	res = steer.post(roundURL+"/approve", url.Values{})
	wantStatus(t, res, http.StatusConflict)
	wantBody(t, res, "already been approved")
	wantBody(t, member.get(roundURL), "Result: who received what", "Approved")
	wantBody(t, member.get("/coalitions/"+w.coalition.ID+"/funds/"+fund.ID), "Spring", "Compensation ratio")
	wantStatus(t, member.get(base+"/nope"), http.StatusNotFound)
}

// A round the coalition decides: opened from the form with a proposal, which the round's
// page links to, and no approve button.
func TestRoundDecidedByProposalPage(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "rp")
	alder := w.addMember("Alder", "steering", true, "yes", "under_250k")
	birch := w.addMember("Birch", "member", false, "no", "over_5m")
	ctx := context.Background()
	fund, err := site.App.CreateFund(ctx, w.coordinator, w.coalition.ID, app.FundInput{Name: "Grant", HolderName: "Sponsor", Currency: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := site.App.RecordEntry(ctx, w.coordinator, w.coalition.ID, fund.ID, app.EntryInput{Kind: "received", Amount: 100_00, Currency: "USD"}); err != nil {
		t.Fatal(err)
	}
	base := "/coalitions/" + w.coalition.ID + "/allocation-rounds"
	steer := w.as("alder@example.org")
	form := url.Values{"fund_id": {fund.ID}, "title": {"Spring"}, "amount": {"50"}, "method": {"equal"},
		"members": {alder.membership.OrganizationID, birch.membership.OrganizationID}, "decision": {"proposal"}, "proposal_method": {"consent"}}
	res := steer.post(base, form)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "Choose when the proposal closes.")
	form.Set("proposal_closes_at", time.Now().UTC().Add(72*time.Hour).Format("2006-01-02T15:04"))
	res = steer.post(base, form)
	wantStatus(t, res, http.StatusSeeOther)
	round := res.Location
	res = steer.get(round)
	wantBody(t, res, "The coalition decides this round with a proposal:")
	wantNoBody(t, res, `action="`+round+`/approve"`)
	wantStatus(t, steer.post(round+"/approve", url.Values{}), http.StatusConflict)
}
