package web_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/braid-org/braid/internal/app"
)

// A task's fields change on its edit page: a non-member owner is refused at the field
// with the typed values kept, a stale version says so, and another coalition's task is
// not found.
func TestTaskEdit(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "te")
	alder := w.addMember("Alder", "member", true, "yes", "under_250k")
	birch := w.addMember("Birch", "member", false, "no", "over_5m")
	coord := w.as("coord-te@example.org")
	ctx := context.Background()
	ws, err := site.App.CreateWorkstream(ctx, w.coordinator, w.coalition.ID, app.WorkstreamText{Name: "Lobbying"})
	if err != nil {
		t.Fatal(err)
	}
	task, err := site.App.CreateTask(ctx, w.coordinator, w.coalition.ID, app.TaskInput{WorkstreamID: ws.ID, Title: "Book the bus", OwnerOrgID: alder.org.ID, DueOn: "2025-03-15"})
	if err != nil {
		t.Fatal(err)
	}
	base := "/coalitions/" + w.coalition.ID + "/tasks"
	edit := base + "/" + task.ID + "/edit"

	res := coord.get(base)
	wantBody(t, res, `href="`+edit+`"`)
	res = coord.get(edit)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `value="Book the bus"`, `name="version" value="1"`, `value="2025-03-15"`, `<option value="`+alder.org.ID+`" selected>`)

	change := url.Values{"version": {"1"}, "title": {"Book two buses"}, "workstream_id": {ws.ID}, "owner_organization_id": {"not-a-member"},
		"due_on": {"2025-03-20"}, "status": {"in_progress"}, "description": {"For 80 people"}}
	res = coord.post(edit, change)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "This organization is not a member of the coalition.", `value="Book two buses"`, "For 80 people")

	change.Set("owner_organization_id", birch.org.ID)
	res = coord.post(edit, change)
	wantStatus(t, res, http.StatusSeeOther)
	wantBody(t, coord.get(res.Location), "Task “Book two buses” saved.", "For 80 people", "2025-03-20")
	got, err := site.App.Task(ctx, w.coordinator, w.coalition.ID, task.ID)
	if err != nil || got.OwnerOrgID != birch.org.ID || got.Status != "in_progress" || got.Version != 2 {
		t.Fatalf("after save: %+v, %v", got, err)
	}

	// The same version again is stale: nothing changes, the form keeps the typing and now
	// names version 2.
	change.Set("title", "Book three buses")
	res = coord.post(edit, change)
	wantStatus(t, res, http.StatusPreconditionFailed)
	wantBody(t, res, "Someone else changed this task", `value="Book three buses"`, `name="version" value="2"`)

	other := newTestCoalition(t, site, w.coordinator, "Other te", false)
	wantStatus(t, coord.get("/coalitions/"+other.ID+"/tasks/"+task.ID+"/edit"), http.StatusNotFound)
	wantStatus(t, coord.post("/coalitions/"+other.ID+"/tasks/"+task.ID+"/edit", change), http.StatusNotFound)
	wantStatus(t, coord.get(base+"/nope/edit"), http.StatusNotFound)
}
