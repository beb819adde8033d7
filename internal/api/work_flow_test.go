package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
)

// TestWorkAPI walks workstreams, tasks, meetings and attendance through the API,
// including the bad input the issue names: each gets a problem document and writes nothing.
func TestWorkAPI(t *testing.T) {
	e := newEnv(t)
	coord, rep := e.user("coord"), e.user("rep")
	other := e.user("other")
	c := e.coalition(coord, "Housing", false)
	m := e.join(coord, rep, c, "Tenants United", domain.RoleMember, true)
	oc := e.coalition(other, "Transit", false)
	om := e.join(other, other, oc, "Riders", domain.RoleMember, false)
	base := "/api/v1/coalitions/" + c.ID
	post := func(path, actor, body string) response {
		t.Helper()
		return e.send(http.MethodPost, base+path, actor, body, nil)
	}
	want := func(r response, status int, fragment string) {
		t.Helper()
		if r.status != status || !strings.Contains(r.body, fragment) {
			t.Fatalf("status %d, want %d with %q:\n%.500s", r.status, status, fragment, r.body)
		}
	}

	r := post("/workstreams", "coord", `{"name": "Lobbying"}`)
	want(r, http.StatusCreated, `"name":"Lobbying"`)
	var ws domain.Workstream
	r.json(t, &ws)
	want(post("/workstreams", "coord", `{"name": "Lobbying"}`), http.StatusConflict, "already has a workstream")
	want(post("/workstreams", "coord", `{"name": `), http.StatusBadRequest, "")
	want(post("/workstreams/"+ws.ID+"/members", "coord", `{"organization_id": "`+m.OrganizationID+`", "role": "boss"}`), http.StatusUnprocessableEntity, "role")
	want(post("/workstreams/"+ws.ID+"/members", "coord", `{"organization_id": "`+m.OrganizationID+`", "role": "lead"}`), http.StatusCreated, `"role":"lead"`)

	// A task owned by a non-member is refused, and nothing is written.
	r = post("/tasks", "rep", `{"workstream_id": "`+ws.ID+`", "title": "Call", "owner_organization_id": "`+om.OrganizationID+`"}`)
	want(r, http.StatusUnprocessableEntity, "body.owner_organization_id")
	want(e.get(base+"/tasks", "rep"), http.StatusOK, "[]")
	r = post("/tasks", "rep", `{"workstream_id": "`+ws.ID+`", "title": "Call", "owner_organization_id": "`+m.OrganizationID+`", "due_on": "2025-03-20"}`)
	want(r, http.StatusCreated, `"status":"open"`)
	if r.header.Get("ETag") != `"1"` || !strings.HasPrefix(r.header.Get("Location"), base+"/tasks/") {
		t.Errorf("ETag %q Location %q", r.header.Get("ETag"), r.header.Get("Location"))
	}
	var task domain.Task
	r.json(t, &task)
	put := `{"workstream_id": "` + ws.ID + `", "title": "Call", "owner_organization_id": "` + m.OrganizationID + `", "status": "done"}`
	want(e.send(http.MethodPut, base+"/tasks/"+task.ID, "rep", put, nil), http.StatusPreconditionRequired, "If-Match")
	want(e.send(http.MethodPut, base+"/tasks/"+task.ID, "rep", put, map[string]string{"If-Match": `"1"`}), http.StatusOK, `"done_at":"20`)
	want(e.send(http.MethodPut, base+"/tasks/"+task.ID, "rep", put, map[string]string{"If-Match": `"1"`}), http.StatusPreconditionFailed, "")
	// Another coalition's id through this one, and this coalition's task through another: 404.
	want(e.get("/api/v1/coalitions/"+oc.ID+"/tasks/"+task.ID, "other"), http.StatusNotFound, "")
	want(e.get(base+"/tasks/"+task.ID, "other"), http.StatusNotFound, "")
	want(e.get(base+"/tasks/nope", "rep"), http.StatusNotFound, "")

	// A meeting ending before it starts is refused.
	meeting := `{"title": "Steering", "kind": "meeting", "starts_at": "2025-04-01T18:00:00-05:00", "ends_at": "2025-04-01T17:00:00-05:00"}`
	want(post("/meetings", "coord", meeting), http.StatusUnprocessableEntity, "body.ends_at")
	want(e.get(base+"/meetings", "rep"), http.StatusOK, "[]")
	r = post("/meetings", "coord", strings.Replace(meeting, "17:00", "19:30", 1))
	want(r, http.StatusCreated, `"starts_at":"2025-04-01T23:00:00Z"`)
	var mt domain.Meeting
	r.json(t, &mt)
	want(post("/meetings", "rep", strings.Replace(meeting, "17:00", "19:30", 1)), http.StatusForbidden, "")

	// Attendance: a duplicate is refused; a member records only for its own organization.
	att := `{"organization_id": "` + m.OrganizationID + `"}`
	want(post("/meetings/"+mt.ID+"/attendance", "rep", att), http.StatusCreated, `"organization_id"`)
	want(post("/meetings/"+mt.ID+"/attendance", "coord", att), http.StatusConflict, "already recorded")
	want(post("/meetings/"+mt.ID+"/attendance", "coord", `{"organization_id": "`+om.OrganizationID+`"}`), http.StatusUnprocessableEntity, "not a member")
	want(post("/meetings/"+mt.ID+"/turnout", "coord", `{"organization_id": "`+m.OrganizationID+`", "people": 5}`), http.StatusUnprocessableEntity, "events only")

	// An action item becomes a task once.
	r = post("/meetings/"+mt.ID+"/action-items", "coord", `{"text": "Book the bus"}`)
	want(r, http.StatusCreated, `"task_id":""`)
	var item domain.ActionItem
	r.json(t, &item)
	conv := `{"workstream_id": "` + ws.ID + `", "owner_organization_id": "` + m.OrganizationID + `"}`
	want(post("/meetings/"+mt.ID+"/action-items/"+item.ID+"/task", "rep", conv), http.StatusCreated, `"meeting_id":"`+mt.ID+`"`)
	want(post("/meetings/"+mt.ID+"/action-items/"+item.ID+"/task", "rep", conv), http.StatusConflict, "already a task")
	want(e.get(base+"/meetings/"+mt.ID, "rep"), http.StatusOK, `"action_items":[{`)

	// The equity report takes the new dimensions.
	want(e.get(base+"/equity?dimension=attendance", "rep"), http.StatusOK, `"total":1`)
	want(e.get(base+"/equity?dimension=tasks_led", "rep"), http.StatusOK, `"dimension":"tasks_led"`)
}
