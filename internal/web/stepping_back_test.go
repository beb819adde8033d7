package web_test

import (
	"net/http"
	"net/url"
	"testing"
)

// TestSteppingBackPage: a representative steps back with a reason and a note, visible to
// another member; bad input is shown on the form; the representative comes back.
func TestSteppingBackPage(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "sb")
	w.addMember("Alder", "member", true, "yes", "under_250k")
	w.addMember("Birch", "member", false, "no", "over_5m")
	alder, birch := w.as("alder@example.org"), w.as("birch@example.org")
	page := "/coalitions/" + w.coalition.ID + "/stepping-back"
	wantBody(t, alder.get(page), "No organization is stepping back.", "Step back for a while")

	res := alder.post(page, url.Values{"scope": {"coalition"}, "reason": {"tired"}, "note": {"Kept note"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "Kept note</textarea>", `id="e-reason"`)
	res = alder.post(page, url.Values{"scope": {"coalition"}, "reason": {"capacity"}, "note": {"Our organizer is on leave."}, "until": {"2099-01-31"}})
	wantStatus(t, res, http.StatusSeeOther)
	res = birch.get(page)
	wantBody(t, res, "Alder", "from the coalition", "Capacity", "Our organizer is on leave.", "planned return 2099-01-31")
	wantNoBody(t, res, "Alder is back")
	res = alder.get(page)
	wantBody(t, res, "Alder is back")
	wantStatus(t, alder.post(page, url.Values{"scope": {"coalition"}, "reason": {"capacity"}}), http.StatusConflict)
}
