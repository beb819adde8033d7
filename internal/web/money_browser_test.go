package web_test

import (
	"testing"
	"time"

	"github.com/braid-org/braid/internal/browsertest"
)

// TestMoneyFlowInBrowser walks the money story through the pages in a phone-sized
// Chromium: a coordinator adds a fund, records the grant received, and reads the fund
// page with its balance and intact chain. Every page is checked with axe-core and
// saved as a screenshot named money-NN-*.
func TestMoneyFlowInBrowser(t *testing.T) {
	ctx := browsertest.New(t, browsertest.Timeout(4*time.Minute))
	site := newTestSite(t)
	w := newOrgWorld(t, site, "mb")
	w.addMember("Riverside", "steering", true, "yes", "under_250k")
	w.addMember("Northside", "member", false, "no", "1m_5m")
	f := newFlow(t, ctx, site, "money")

	f.open("login", "/login")
	f.fill(f.T("login.email"), "coord-mb@example.org")
	f.fill(f.T("login.password"), testPassword)
	f.press("home", f.T("login.submit"))
	f.open("coalition", "/coalitions/"+w.coalition.ID)
	f.follow("funds-empty", f.T("money.coalition_link"))
	f.fill(f.T("money.fund.name"), "Tenant power grant")
	f.fill(f.T("money.fund.holder"), "Neighborhood Fiscal Sponsor")
	f.fill(f.T("money.fund.funder"), "Community Foundation")
	f.press("fund-created", f.T("money.fund.add_submit"))
	f.wantText(f.T("money.fund.created", "Name", "Tenant power grant"), f.T("money.entries.none"))

	f.fill(f.T("money.entry.amount_field"), "12,000.00")
	f.fill(f.T("money.entry.memo"), "Grant, first half")
	f.press("entry-recorded", f.T("money.entry.record_submit"))
	f.wantText(f.T("money.entry.recorded", "Seq", 1, "Kind", f.T("money.kind.received")), "12,000.00 USD", "Grant, first half",
		f.T("money.chain.intact", "Count", 1))
	f.follow("funds", f.T("money.funds.back", "Coalition", w.coalition.Name))
	f.wantText("Tenant power grant", "Neighborhood Fiscal Sponsor")
}
