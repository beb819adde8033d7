package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// TestWorkPages walks the clarity pages as a coordinator and a member: define a
// workstream with a lead, schedule a meeting, note an action item and turn it into a
// task, record attendance, and see the roles view and the member's tasks.
func TestWorkPages(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "wk")
	alder := w.addMember("Alder", "member", true, "yes", "under_250k")
	birch := w.addMember("Birch", "member", false, "no", "over_5m")
	coord := w.as("coord-wk@example.org")
	member := w.as("alder@example.org")
	base := "/coalitions/" + w.coalition.ID
	ctx := context.Background()

	wantStatus(t, coord.post(base+"/workstreams", url.Values{"name": {"Lobbying"}, "description": {"City council"}}), http.StatusSeeOther)
	res := coord.post(base+"/workstreams", url.Values{"name": {"Lobbying"}})
	wantStatus(t, res, http.StatusConflict)
	wantBody(t, res, "Choose another name.")
	wss, err := site.App.Workstreams(ctx, w.coordinator, w.coalition.ID)
	if err != nil || len(wss) != 1 {
		t.Fatalf("workstreams = %v, %v", wss, err)
	}
	ws := wss[0]
	res = coord.get(base + "/roles")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Lobbying", "No organization yet")
	wantStatus(t, coord.post(base+"/workstreams/"+ws.ID+"/members", url.Values{"organization_id": {alder.org.ID}, "role": {"lead"}}), http.StatusSeeOther)
	res = coord.get(base + "/roles")
	wantBody(t, res, "Only one organization")
	wantNoBody(t, res, "No lead yet")
	wantStatus(t, member.post(base+"/workstreams", url.Values{"name": {"Mine"}}), http.StatusForbidden)

	// A meeting that ends before it starts is refused on the page, with the typed title kept.
	meeting := url.Values{"title": {"March steering"}, "kind": {"meeting"}, "starts_at": {"2025-03-04T18:00"}, "ends_at": {"2025-03-04T17:00"},
		"time_zone": {"America/Chicago"}, "languages": {"English, Spanish"}, "agenda": {"Welcome | Ana | 10\nHearing plan"}}
	res = coord.post(base+"/meetings", meeting)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "The meeting must end after it starts.", `value="March steering"`)
	meeting.Set("ends_at", "2025-03-04T19:30")
	res = coord.post(base+"/meetings", meeting)
	wantStatus(t, res, http.StatusSeeOther)
	mpath := res.Location
	ms, _ := site.App.Meetings(ctx, w.coordinator, w.coalition.ID, nil, nil)
	if len(ms) != 1 || ms[0].StartsAt.Format("15:04") != "00:00" { // 18:00 in Chicago (UTC−6 in early March) is 00:00 UTC
		t.Fatalf("meetings = %+v", ms)
	}
	m := ms[0]

	// Notes are Markdown, sanitised.
	edit := url.Values{"version": {"1"}, "title": {"March steering"}, "kind": {"meeting"}, "starts_at": {"2025-03-04T18:00"},
		"ends_at": {"2025-03-04T19:30"}, "time_zone": {"America/Chicago"}, "languages": {"English, Spanish"}, "agenda": {"Welcome | Ana | 10"}, "notes": {"## Summary\n\n**Testify** on the 20th.\n\n<script>alert(1)</script>"}}
	wantStatus(t, coord.post(mpath+"/edit", edit), http.StatusSeeOther)
	wantStatus(t, coord.post(mpath+"/edit", edit), http.StatusPreconditionFailed) // the same version again
	wantStatus(t, member.get(mpath+"/edit"), http.StatusForbidden)

	wantStatus(t, coord.post(mpath+"/decisions", url.Values{"text": {"We testify."}}), http.StatusSeeOther)
	wantStatus(t, coord.post(mpath+"/action-items", url.Values{"text": {"Book the bus"}, "due_on": {"2025-03-15"}}), http.StatusSeeOther)
	rec, _ := site.App.Meeting(ctx, w.coordinator, w.coalition.ID, m.ID)
	item := rec.ActionItems[0]
	res = member.post(mpath+"/action-items/"+item.ID+"/task", url.Values{"workstream_id": {ws.ID}, "owner_organization_id": {"not-a-member"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "This organization is not a member of the coalition.")
	wantStatus(t, member.post(mpath+"/action-items/"+item.ID+"/task", url.Values{"workstream_id": {ws.ID}, "owner_organization_id": {alder.org.ID}, "due_on": {"2025-03-15"}}), http.StatusSeeOther)
	wantStatus(t, member.post(mpath+"/action-items/"+item.ID+"/task", url.Values{"workstream_id": {ws.ID}, "owner_organization_id": {alder.org.ID}}), http.StatusConflict)

	// Attendance: the member records for Alder, not for Birch; a duplicate is refused.
	wantStatus(t, member.post(mpath+"/attendance", url.Values{"organization_id": {alder.org.ID}}), http.StatusSeeOther)
	res = member.post(mpath+"/attendance", url.Values{"organization_id": {alder.org.ID}})
	wantStatus(t, res, http.StatusConflict)
	wantBody(t, res, "This attendance is already recorded.")
	wantStatus(t, member.post(mpath+"/attendance", url.Values{"organization_id": {birch.org.ID}}), http.StatusForbidden)

	res = member.get(mpath)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "<h2>Summary</h2>", "<strong>Testify</strong>", "We testify.", "Became a task", "1 member organization attended.",
		"Tue 2025-03-04 18:00–19:30 CST", "Welcome — Ana", "English, Spanish")
	wantNoBody(t, res, "<script>alert", "Change details, agenda or notes")

	res = member.get(base + "/tasks")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "My organization&#39;s tasks", "Book the bus", "Overdue") // due 2025-03-15, long past
	tasks, _ := site.App.Tasks(ctx, w.coordinator, w.coalition.ID, app.TaskQuery{})
	wantStatus(t, member.post(base+"/tasks/"+tasks[0].ID+"/status", url.Values{"status": {"done"}, "version": {"1"}}), http.StatusSeeOther)
	res = member.get(base + "/tasks")
	wantNoBody(t, res, `class="overdue"`)
	res = coord.post(base+"/tasks", url.Values{"title": {"Call"}, "workstream_id": {ws.ID}, "owner_organization_id": {"elsewhere"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `value="Call"`)

	// Commitments: recorded by the coordinator, shown to members as plain counts.
	wantStatus(t, coord.post(base+"/commitments", url.Values{"membership_id": {alder.membership.ID}, "text": {"Two meetings a month"}, "agreed_on": {"2025-01-15"}}), http.StatusSeeOther)
	cs, _ := site.App.Commitments(ctx, w.coordinator, w.coalition.ID)
	if len(cs) != 1 {
		t.Fatalf("commitments = %+v", cs)
	}
	rec1 := url.Values{"period_start": {"2025-03-01"}, "period_end": {"2025-03-31"}, "kept": {"no"}, "note": {"Staff out sick"}}
	wantStatus(t, coord.post(base+"/commitments/"+cs[0].ID+"/records", rec1), http.StatusSeeOther)
	wantStatus(t, coord.post(base+"/commitments/"+cs[0].ID+"/records", rec1), http.StatusConflict)
	res = coord.post(base+"/commitments/"+cs[0].ID+"/records", url.Values{"period_start": {"2025-04-30"}, "period_end": {"2025-04-01"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "The period must not end before it starts.")
	wantStatus(t, member.post(base+"/commitments", url.Values{"membership_id": {alder.membership.ID}, "text": {"x"}}), http.StatusForbidden)
	res = member.get(base + "/commitments")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Two meetings a month", "In all: 0 of 1 recorded period kept.", "Not this time", "Staff out sick")
	wantNoBody(t, res, "Record a commitment")

	// Another coalition's meeting is not found through this one.
	other := newTestCoalition(t, site, w.coordinator, "Other wk", false)
	wantStatus(t, coord.get("/coalitions/"+other.ID+"/meetings/"+m.ID), http.StatusNotFound)
	wantStatus(t, coord.get(base+"/meetings/nope"), http.StatusNotFound)
}

// TestWorkCatalogFamilies checks the message ids built from the clarity vocabularies.
func TestWorkCatalogFamilies(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		b, err := os.ReadFile("i18n/locales/work." + lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var cat map[string]any
		if err := json.Unmarshal(b, &cat); err != nil {
			t.Fatal(err)
		}
		for prefix, values := range map[string][]string{"work.role.": domain.WorkstreamRoles, "work.status.": domain.TaskStatuses, "work.kind.": domain.MeetingKinds} {
			for _, v := range values {
				if _, ok := cat[prefix+v]; !ok {
					t.Errorf("%s: no message for %s%s", lang, prefix, v)
				}
			}
		}
		for k := range cat {
			if !strings.HasPrefix(k, "work.") && !strings.HasPrefix(k, "audit.action.") && !strings.HasPrefix(k, "equity.") {
				t.Errorf("%s: %s does not belong in the work catalog", lang, k)
			}
		}
	}
}
