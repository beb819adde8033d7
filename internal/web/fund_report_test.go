package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
)

func TestFundReportPages(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "fr")
	alder := w.addMember("Alder", "member", true, "yes", "under_250k")
	w.addMember("Birch", "member", false, "no", "over_5m")
	ctx := context.Background()
	fund, err := site.App.CreateFund(ctx, w.coordinator, w.coalition.ID, app.FundInput{Name: "Tenant grant", HolderName: "Sponsor", Funder: "Foundation", Currency: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []app.EntryInput{{Kind: "received", Amount: 1_000_050}, {Kind: "fee", Amount: 50},
		{Kind: "allocated", Amount: 400_000, OrganizationID: alder.membership.OrganizationID},
		{Kind: "paid_out", Amount: 150_000, OrganizationID: alder.membership.OrganizationID}} {
		in.Currency = "USD"
		if _, err := site.App.RecordEntry(ctx, w.coordinator, w.coalition.ID, fund.ID, in); err != nil {
			t.Fatal(err)
		}
	}
	member := w.as("alder@example.org")
	base := "/coalitions/" + w.coalition.ID + "/funds/" + fund.ID
	wantBody(t, member.get(base), `href="`+base+`/report"`)

	// Every member sees the report: 10,000.50 received − 0.50 fee − 4,000 allocated
	// leaves 6,000.00 to allocate; Alder was allocated 4,000.00, paid 1,500.00, owed 2,500.00.
	res := member.get(base + "/report")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Report: Tenant grant", "The whole life of the fund", "10,000.50", "6,000.00", "2,500.00", "Foundation",
		"Intact: every entry matches its hash.", `href="`+base+`/report.csv"`)
	if row := tableRow(t, res.Body, "By member", "Alder"); row != "Alder BIPOC-led Yes 4,000.00 1,500.00 2,500.00" {
		t.Errorf("Alder's row = %q", row)
	}
	// A period before any entry: everything in the period is 0, the balance carries over.
	res = member.get(base + "/report?from=2000-01-01&to=2000-12-31")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "2000-01-01 to 2000-12-31", `href="`+base+`/report.csv?from=2000-01-01&amp;to=2000-12-31"`)
	// A period that does not read shows the error at the field.
	res = member.get(base + "/report?from=2001-01-01&to=2000-12-31")
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="e-rp-to"`, "comes before its start")

	// The CSV: one table, amounts without separators.
	res = member.get(base + "/report.csv")
	wantStatus(t, res, http.StatusOK)
	lines := strings.Split(strings.TrimSpace(res.Body), "\n")
	if len(lines) < 6 || !strings.HasPrefix(lines[0], "section,organization,") ||
		lines[3] != "closing,,,,,10000.50,4000.00,1500.00,0.50,6000.00,2500.00,8500.00,USD,," {
		t.Errorf("CSV:\n%s", res.Body)
	}
	wantBody(t, res, "member,Alder,yes,true,under_250k,,4000.00,1500.00,,,2500.00,,USD,,", "group,bipoc_led=yes,")
	wantStatus(t, member.get(base+"/report.csv?from=nope"), http.StatusUnprocessableEntity)

	newTestUser(t, site, "Outsider", "out-fr@example.org")
	outsider := w.as("out-fr@example.org")
	wantStatus(t, outsider.get(base+"/report"), http.StatusNotFound)
	wantStatus(t, outsider.get(base+"/report.csv"), http.StatusNotFound)
	wantStatus(t, member.get("/coalitions/"+w.coalition.ID+"/funds/nope/report"), http.StatusNotFound)
}
