package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestAsksOffersFlow posts an ask, responds for another organization, marks it fulfilled
// and reads the reciprocity view, through the pages.
func TestAsksOffersFlow(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "ao")
	alder := w.addMember("Alder", "member", true, "yes", "under_250k")
	birch := w.addMember("Birch", "member", false, "no", "over_5m")
	base := "/coalitions/" + w.coalition.ID + "/asks-offers"
	a, b := w.as("alder@example.org"), w.as("birch@example.org")

	res := a.post(base, url.Values{"kind": {"ask"}, "organization_id": {alder.org.ID}, "title": {""}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	res = a.post(base, url.Values{"kind": {"ask"}, "organization_id": {birch.org.ID}, "title": {"Not ours"}})
	wantStatus(t, res, http.StatusForbidden)
	res = a.post(base, url.Values{"kind": {"ask"}, "organization_id": {alder.org.ID}, "title": {"Legal review of our testimony by Friday"}, "needed_by": {"2026-12-04"}})
	wantStatus(t, res, http.StatusSeeOther)
	asks, err := site.App.AsksOffers(t.Context(), alder.user, w.coalition.ID)
	if err != nil || len(asks) != 1 {
		t.Fatalf("asks = %v, %v", asks, err)
	}
	id := asks[0].ID
	wantBody(t, b.get(base), "Legal review of our testimony by Friday", "needed by 2026-12-04", "Respond")
	wantStatus(t, b.post(base+"/"+id+"/responses", url.Values{"organization_id": {birch.org.ID}, "body": {"Our lawyer can read it Thursday."}}), http.StatusSeeOther)
	res = b.post(base+"/"+id+"/responses", url.Values{"organization_id": {birch.org.ID}, "body": {"Again"}})
	wantStatus(t, res, http.StatusConflict)
	asks, _ = site.App.AsksOffers(t.Context(), alder.user, w.coalition.ID)
	page := a.get(base)
	wantBody(t, page, "Fulfilled by Birch")
	wantStatus(t, a.post(base+"/"+id+"/fulfil", url.Values{"response_id": {asks[0].Responses[0].ID}}), http.StatusSeeOther)
	page = a.get(base)
	wantBody(t, page, "Birch helped Alder.", "one way only")
	if row := tableRow(t, page.Body, "Help given and received", "Birch"); !strings.Contains(row, "Birch 1 0") {
		t.Errorf("Birch row = %q", row)
	}
	// The equity report offers the help dimensions.
	wantBody(t, a.get("/coalitions/"+w.coalition.ID+"/equity?dimension=help_given"), "Help given (fulfilled asks and offers)")
}
