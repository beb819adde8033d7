package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestRelationshipsAndEcosystemPages(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "net")
	alder := w.addMember("Alder", "member", true, "yes", "under_250k")
	birch := w.addMember("Birch", "member", false, "no", "over_5m")
	w.addMember("Cedar", "member", false, "not_said", "not_said")
	base := "/coalitions/" + w.coalition.ID
	a := w.as("alder@example.org")
	b := w.as("birch@example.org")
	record := url.Values{"organization_id": {alder.membership.OrganizationID}, "other_organization_id": {birch.membership.OrganizationID},
		"kind": {"mentoring"}, "depth": {"2"}, "since": {"2024-02-01"}, "note": {"Youth program"}}

	// Bad input stays on the page with the message and the typed note.
	bad := url.Values{}
	for k, v := range record {
		bad[k] = v
	}
	bad.Set("depth", "6")
	res := a.post(base+"/relationships", bad)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "Depth is a number from 1 to 5.", "Youth program</textarea>")
	bad.Set("depth", "3")
	bad.Set("other_organization_id", alder.membership.OrganizationID)
	wantStatus(t, a.post(base+"/relationships", bad), http.StatusUnprocessableEntity)
	// Birch may not record for Alder.
	wantStatus(t, b.post(base+"/relationships", record), http.StatusForbidden)

	wantStatus(t, a.post(base+"/relationships", record), http.StatusSeeOther)
	wantStatus(t, a.post(base+"/relationships", record), http.StatusConflict) // duplicate submit

	// Birch sees it waiting and confirms with depth 4: the mean is 3.0.
	res = b.get(base + "/relationships")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Waiting for your organization", "Alder says of Birch: Mentoring, depth 2.")
	res = a.get(base + "/relationships")
	wantNoBody(t, res, "Waiting for your organization")
	list, err := site.App.Relationships(t.Context(), w.coordinator, w.coalition.ID)
	if err != nil || len(list) != 1 {
		t.Fatalf("relationships = %v, %v", list, err)
	}
	wantStatus(t, b.post(base+"/relationships/"+list[0].ID+"/confirm", url.Values{"depth": {"4"}}), http.StatusSeeOther)
	res = w.as("coord-net@example.org").get(base + "/relationships")
	wantBody(t, res, "<td data-label=\"Depth\">3.0</td>")
	if !strings.Contains(res.Body, "Alder: 2; Birch: 4") && !strings.Contains(res.Body, "Birch: 4; Alder: 2") { // A is the smaller ID
		t.Errorf("each side's depth is not shown: %s", res.Body)
	}

	// Alder changes its account; a stale version is refused.
	change := url.Values{"kind": {"funding"}, "depth": {"3"}, "version": {"1"}}
	wantStatus(t, a.post(base+"/relationships/"+list[0].ID, change), http.StatusSeeOther)
	wantStatus(t, a.post(base+"/relationships/"+list[0].ID, change), http.StatusPreconditionFailed)

	// The ecosystem page: figures, the table and the drawing's data source.
	res = a.get(base + "/network?size=betweenness&colour=bipoc_led")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Ecosystem of Coalition net", "Organizations and their figures", `data-colour="bipoc_led"`,
		`data-src="/api/v1/network?coalition=`, "Credited together on a win")
	wantStatus(t, a.get("/api/v1/network?coalition="+w.coalition.ID), http.StatusOK)

	// The silo matrix and the changes since a date.
	res = a.get(base + "/silos")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Silos between issue areas")
	res = a.get(base + "/network/changes?since=2020-01-01")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "1 relationship gained")
	res = a.get(base + "/network/changes?since=last+year")
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "Write the date as YYYY-MM-DD.")

	// Several coalitions: the chooser, then one the reader does not belong to is not found.
	res = a.get("/network")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Show the ecosystem")
	wantNoBody(t, res, "Show the whole deployment")
	wantStatus(t, a.get("/network?coalition="+w.coalition.ID), http.StatusOK)
	wantStatus(t, a.get("/network?coalition=nope"), http.StatusNotFound)
	wantStatus(t, a.get("/network?scope=deployment"), http.StatusForbidden)

	// Withdraw, and outsiders see nothing.
	wantStatus(t, a.post(base+"/relationships/"+list[0].ID+"/delete", url.Values{}), http.StatusSeeOther)
	outsider := newTestUser(t, site, "Outsider", "outsider-net@example.org")
	_ = outsider
	o := w.as("outsider-net@example.org")
	wantStatus(t, o.get(base+"/relationships"), http.StatusNotFound)
	wantStatus(t, o.get(base+"/network"), http.StatusNotFound)
}
