package web_test

import (
	"context"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/browsertest"
)

// TestMoneyFlowInBrowser walks the money story through the pages in a phone-sized
// Chromium: a coordinator adds a fund, records the grant received, reads the fund page
// with its balance and intact chain, then opens, previews and approves a round, logs, confirms and imports
// contributions, and reads the fund's funder report. Every page is checked with axe-core and
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

	// A round: opened, previewed with its arithmetic, approved into the ledger.
	f.follow("rounds-empty", f.T("money.rounds.link"))
	f.fill(f.T("money.round.title_field"), "Spring stipends")
	f.fill(f.T("money.round.amount"), "1,000.01")
	f.press("round-opened", f.T("money.round.open_submit"))
	f.wantText(f.T("money.round.opened", "Title", "Spring stipends"), f.T("money.round.preview_heading"), "500.01", "500.00",
		f.T("money.round.leftover", "Count", 1))
	f.press("round-approved", f.T("money.round.approve_submit"))
	f.wantText(f.T("money.round.approved", "Title", "Spring stipends"), f.T("money.round.result_heading"), f.T("money.compensation.heading"))
	f.follow("fund-after-round", "Tenant power grant")
	f.wantText("10,999.99 USD", "Spring stipends", f.T("money.chain.intact", "Count", 3))

	// Contributions: one logged and confirmed, then two more imported from CSV after
	// their preview.
	f.follow("contributions-empty", f.T("money.contributions.link"))
	f.choose(f.T("money.contribution.organization"), "Riverside")
	f.fill(f.T("money.contribution.hours"), "2.5")
	f.choose(f.T("money.contribution.kind"), f.T("money.contribution.kind.childcare"))
	f.fill(f.T("money.contribution.description"), "Childcare at the assembly")
	f.press("contribution-logged", f.T("money.contribution.log_submit"))
	f.wantText("Riverside", "Childcare at the assembly", f.T("money.contribution.not_confirmed"))
	f.press("contribution-confirmed", f.T("money.contribution.confirm"))
	f.wantText(f.T("money.contribution.confirmed_by", "Name", "Coordinator mb"))
	f.follow("import", f.T("money.import.link"))
	f.fill(f.T("money.import.paste"), "organization,date,hours,kind,description\nRiverside,2025-02-01,3,organizing,Door knocking\nNorthside,2025-02-02,1.25,research,Rent data\n")
	f.press("import-preview", f.T("money.import.check_submit"))
	f.wantText(f.T("money.import.ready", "Count", 2), "Door knocking", "Rent data")
	f.press("import-written", f.T("money.import.confirm_submit", "Count", 2))
	f.wantText(f.T("money.import.written", "Count", 2), f.T("money.contributions.totals", "Count", 3, "Hours", "6.75", "Confirmed", "6.75"))

	// The funder report of the fund, reached from its page.
	funds, err := site.App.Funds(context.Background(), w.coordinator, w.coalition.ID)
	if err != nil || len(funds) != 1 {
		t.Fatalf("funds: %v %v", funds, err)
	}
	f.open("fund", "/coalitions/"+w.coalition.ID+"/funds/"+funds[0].ID)
	f.follow("fund-report", f.T("money.report.link"))
	f.wantText(f.T("money.report.heading", "Fund", "Tenant power grant"), "12,000.00", "1,000.01", f.T("money.report.groups_heading"))
}
