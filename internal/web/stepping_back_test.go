package web_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/braid-org/braid/internal/app"
)

// TestSteppingBackPage: a representative steps back with a reason and a note, visible to
// another member; bad input is shown on the form; the representative comes back.
func TestSteppingBackPage(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "sb")
	w.addMember("Alder", "member", true, "yes", "under_250k")
	birchOrg := w.addMember("Birch", "member", false, "no", "over_5m")
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

	// From one workstream: offered once the coalition has workstreams; a seat is needed.
	wantNoBody(t, birch.get(page), `value="workstream"`)
	ctx := context.Background()
	ws, err := site.App.CreateWorkstream(ctx, w.coordinator, w.coalition.ID, app.WorkstreamText{Name: "Research"})
	if err != nil {
		t.Fatal(err)
	}
	wantBody(t, birch.get(page), `value="workstream"`, `<option value="`+ws.ID+`">Research</option>`)
	res = birch.post(page, url.Values{"scope": {"workstream"}, "workstream_id": {ws.ID}, "reason": {"strategic"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="e-workstream_id"`, "This organization has no seat in that workstream.", `<option value="`+ws.ID+`" selected>`)
	if _, err := site.App.AddSeat(ctx, w.coordinator, w.coalition.ID, ws.ID, app.Seat{OrganizationID: birchOrg.org.ID, Role: "member"}); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, birch.post(page, url.Values{"scope": {"workstream"}, "workstream_id": {ws.ID}, "reason": {"strategic"}}), http.StatusSeeOther)
	wantBody(t, alder.get(page), "from the workstream Research")
}
