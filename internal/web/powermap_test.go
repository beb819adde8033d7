package web_test

import (
	"net/http"
	"net/url"
	"testing"
)

func TestPowerMapPage(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "pm")
	alder := w.addMember("Alder", "member", true, "yes", "under_250k")
	coord := w.as("coord-pm@example.org")
	base := "/coalitions/" + w.coalition.ID
	target := url.Values{"name": {"Council President Reyes"}, "kind": {"person"}, "campaign": {"Bus lanes"},
		"influence": {"5"}, "stance": {"-1"}, "assessed_on": {"2026-01-10"}}

	bad := url.Values{}
	for k, v := range target {
		bad[k] = v
	}
	bad.Set("stance", "3")
	res := coord.post(base+"/targets", bad)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "Stance is a number from")
	wantStatus(t, coord.post(base+"/targets", target), http.StatusSeeOther)
	ts, err := site.App.PowerMap(t.Context(), w.coordinator, w.coalition.ID)
	if err != nil || len(ts) != 1 {
		t.Fatalf("targets %v %v", ts, err)
	}
	tp := base + "/targets/" + ts[0].ID
	wantStatus(t, coord.post(tp+"/assessments", url.Values{"influence": {"5"}, "stance": {"1"}, "assessed_on": {"2026-04-01"}}), http.StatusSeeOther)
	a := w.as("alder@example.org")
	wantStatus(t, a.post(tp+"/access", url.Values{"organization_id": {alder.membership.OrganizationID}, "strength": {"4"}}), http.StatusSeeOther)
	wantStatus(t, coord.post(tp+"/access", url.Values{"organization_id": {alder.membership.OrganizationID}, "strength": {"4"}}), http.StatusForbidden)

	res = a.get(base + "/power-map")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `<svg class="power-map"`, "Council President Reyes", "Leaning for (2026-04-01)", "influence 5 on 2026-01-10,", "Alder (4)",
		`class="move"`, `class="access"`)
	o := newTestUser(t, site, "Outsider", "outsider-pm@example.org")
	_ = o
	wantStatus(t, w.as("outsider-pm@example.org").get(base+"/power-map"), http.StatusNotFound)
}
