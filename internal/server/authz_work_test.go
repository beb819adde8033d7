package server_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// Expectations of the clarity routes (workstreams, tasks, meetings), beyond the foundation's.
const (
	//           anon  outsider observer member nonrep facil coord admin
	contribute = "login 404      403      ok     ok     ok    ok    ok" // any access role but observer
	facilitate = "login 404      403      403    403    ok    ok    ok" // facilitators and coordinators
	attendOne  = "login 404      403      ok     403    ok    ok    ok" // for Org One: its representatives, facilitators, coordinators
	attendTwo  = "login 404      403      403    ok     ok    ok    ok" // for Org Two: likewise
)

func init() {
	fixtureSetups = append(fixtureSetups, workFixture)
	task := func(f *fixture, _ string) any {
		return map[string]any{"workstream_id": f.ids["workstream_id"], "title": "Call the council", "owner_organization_id": f.m1.OrganizationID, "due_on": "2025-05-01"}
	}
	meeting := jsonBody(map[string]any{"title": "Steering", "kind": "meeting", "starts_at": "2025-04-01T18:00:00-05:00", "ends_at": "2025-04-01T19:30:00-05:00"})
	orgOne := func(extra ...any) func(f *fixture, _ string) any {
		return func(f *fixture, _ string) any {
			m := map[string]any{"organization_id": f.m1.OrganizationID}
			for i := 0; i+1 < len(extra); i += 2 {
				m[extra[i].(string)] = extra[i+1]
			}
			return m
		}
	}
	meetingForm := form("title", "Steering", "kind", "meeting", "starts_at", "2025-04-01T18:00", "ends_at", "2025-04-01T19:30", "time_zone", "America/Chicago")
	featureMatrix = append(featureMatrix,
		// Web pages.
		entry{route: "GET /coalitions/{id}/workstreams", want: view},
		entry{route: "POST /coalitions/{id}/workstreams", want: manage, body: form("name", "Research")},
		entry{route: "POST /coalitions/{id}/workstreams/{workstream_id}/members", want: manage, body: func(f *fixture, _ string) any {
			return url.Values{"organization_id": {f.ids["org_two_id"]}, "role": {"co_lead"}}
		}},
		entry{route: "POST /coalitions/{id}/workstreams/{workstream_id}/members/{seat_id}/delete", want: manage},
		entry{route: "GET /coalitions/{id}/roles", want: view},
		entry{route: "GET /coalitions/{id}/tasks", want: view},
		entry{route: "POST /coalitions/{id}/tasks", want: contribute, body: func(f *fixture, _ string) any {
			return url.Values{"workstream_id": {f.ids["workstream_id"]}, "title": {"Call the council"}, "owner_organization_id": {f.m1.OrganizationID}}
		}},
		entry{route: "POST /coalitions/{id}/tasks/{task_id}/status", want: contribute, body: form("status", "done", "version", "1")},
		entry{route: "GET /coalitions/{id}/tasks/{task_id}/edit", want: contribute},
		entry{route: "POST /coalitions/{id}/tasks/{task_id}/edit", want: contribute, body: func(f *fixture, _ string) any {
			return url.Values{"version": {"1"}, "workstream_id": {f.ids["workstream_id"]}, "title": {"Knock on 200 doors"},
				"owner_organization_id": {f.m1.OrganizationID}, "status": {"in_progress"}}
		}},
		entry{route: "GET /coalitions/{id}/meetings", want: view},
		entry{route: "POST /coalitions/{id}/meetings", want: facilitate, body: meetingForm},
		entry{route: "GET /coalitions/{id}/meetings/{meeting_id}", want: view},
		entry{route: "GET /coalitions/{id}/meetings/{meeting_id}/edit", want: facilitate},
		entry{route: "POST /coalitions/{id}/meetings/{meeting_id}/edit", want: facilitate, body: func(f *fixture, r string) any {
			v := meetingForm(f, r).(url.Values)
			v.Set("version", "1")
			return v
		}},
		entry{route: "POST /coalitions/{id}/meetings/{meeting_id}/decisions", want: facilitate, body: form("text", "We go.")},
		entry{route: "POST /coalitions/{id}/meetings/{meeting_id}/action-items", want: facilitate, body: form("text", "Print flyers")},
		entry{route: "POST /coalitions/{id}/meetings/{meeting_id}/action-items/{action_item_id}/task", want: contribute, body: func(f *fixture, _ string) any {
			return url.Values{"workstream_id": {f.ids["workstream_id"]}, "owner_organization_id": {f.m1.OrganizationID}}
		}},
		entry{route: "POST /coalitions/{id}/meetings/{meeting_id}/attendance", want: attendOne, body: func(f *fixture, _ string) any {
			return url.Values{"organization_id": {f.m1.OrganizationID}}
		}},
		entry{route: "POST /coalitions/{id}/meetings/{meeting_id}/attendance/{attendance_id}/delete", want: attendTwo},
		entry{route: "POST /coalitions/{id}/meetings/{meeting_id}/turnout", want: attendOne, body: func(f *fixture, _ string) any {
			return url.Values{"organization_id": {f.m1.OrganizationID}, "people": {"12"}}
		}},
		entry{route: "GET /calendar/{file}", want: public}, // the secret is the credential: anyone holding it reads
		entry{route: "POST /coalitions/{id}/calendar-feed", want: view},
		entry{route: "POST /coalitions/{id}/calendar-feed/delete", want: view},
		entry{route: "GET /api/v1/coalitions/{id}/calendar-feed", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/calendar-feed", want: view},
		entry{route: "DELETE /api/v1/coalitions/{id}/calendar-feed", want: view},
		entry{route: "GET /coalitions/{id}/commitments", want: view},
		entry{route: "POST /coalitions/{id}/commitments", want: facilitate, body: func(f *fixture, _ string) any {
			return url.Values{"membership_id": {f.m1.ID}, "text": {"Two meetings a month"}}
		}},
		entry{route: "POST /coalitions/{id}/commitments/{commitment_id}/records", want: facilitate,
			body: form("period_start", "2025-03-01", "period_end", "2025-03-31", "kept", "yes")},
		entry{route: "GET /api/v1/coalitions/{id}/commitments", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/commitments", want: facilitate, body: func(f *fixture, _ string) any {
			return map[string]any{"membership_id": f.m1.ID, "text": "Two meetings a month"}
		}},
		entry{route: "POST /api/v1/coalitions/{id}/commitments/{commitment_id}/records", want: facilitate,
			body: jsonBody(map[string]any{"period_start": "2025-03-01", "period_end": "2025-03-31", "kept": true})},
		// API.
		entry{route: "GET /api/v1/coalitions/{id}/workstreams", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/workstreams", want: manage, body: jsonBody(map[string]any{"name": "Research"})},
		entry{route: "GET /api/v1/coalitions/{id}/workstreams/{workstream_id}", want: view},
		entry{route: "PUT /api/v1/coalitions/{id}/workstreams/{workstream_id}", want: manage, etag: func(*fixture) int { return 1 },
			body: jsonBody(map[string]any{"name": "Policy"})},
		entry{route: "POST /api/v1/coalitions/{id}/workstreams/{workstream_id}/members", want: manage, body: func(f *fixture, _ string) any {
			return map[string]any{"organization_id": f.ids["org_two_id"], "role": "co_lead"}
		}},
		entry{route: "DELETE /api/v1/coalitions/{id}/workstreams/{workstream_id}/members/{seat_id}", want: manage},
		entry{route: "GET /api/v1/coalitions/{id}/tasks", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/tasks", want: contribute, body: task},
		entry{route: "GET /api/v1/coalitions/{id}/tasks/{task_id}", want: view},
		entry{route: "PUT /api/v1/coalitions/{id}/tasks/{task_id}", want: contribute, etag: func(*fixture) int { return 1 }, body: task},
		entry{route: "GET /api/v1/coalitions/{id}/meetings", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/meetings", want: facilitate, body: meeting},
		entry{route: "GET /api/v1/coalitions/{id}/meetings/{meeting_id}", want: view},
		entry{route: "PUT /api/v1/coalitions/{id}/meetings/{meeting_id}", want: facilitate, etag: func(*fixture) int { return 1 }, body: meeting},
		entry{route: "POST /api/v1/coalitions/{id}/meetings/{meeting_id}/decisions", want: facilitate, body: jsonBody(map[string]any{"text": "We go."})},
		entry{route: "POST /api/v1/coalitions/{id}/meetings/{meeting_id}/action-items", want: facilitate, body: jsonBody(map[string]any{"text": "Print flyers"})},
		entry{route: "POST /api/v1/coalitions/{id}/meetings/{meeting_id}/action-items/{action_item_id}/task", want: contribute,
			body: func(f *fixture, _ string) any {
				return map[string]any{"workstream_id": f.ids["workstream_id"], "owner_organization_id": f.m1.OrganizationID}
			}},
		entry{route: "POST /api/v1/coalitions/{id}/meetings/{meeting_id}/attendance", want: attendOne, body: orgOne()},
		entry{route: "DELETE /api/v1/coalitions/{id}/meetings/{meeting_id}/attendance/{attendance_id}", want: attendTwo},
		entry{route: "POST /api/v1/coalitions/{id}/meetings/{meeting_id}/turnout", want: attendOne, body: func(f *fixture, _ string) any {
			return map[string]any{"organization_id": f.m1.OrganizationID, "people": 12}
		}},
	)
}

// workFixture gives coalition A a workstream with Org One as lead, a task, a meeting
// (an event, so that turnout applies) with an action item, and Org Two's attendance.
func workFixture(t testing.TB, f *fixture) {
	t.Helper()
	ctx := context.Background()
	coord := f.users["coord"]
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	ws, err := f.app.CreateWorkstream(ctx, coord, f.a.ID, app.WorkstreamText{Name: "Organizing"})
	must(err)
	seat, err := f.app.AddSeat(ctx, coord, f.a.ID, ws.ID, app.Seat{OrganizationID: f.m1.OrganizationID, Role: domain.RoleLead})
	must(err)
	task, err := f.app.CreateTask(ctx, coord, f.a.ID, app.TaskInput{WorkstreamID: ws.ID, Title: "Door knocking", OwnerOrgID: f.m1.OrganizationID})
	must(err)
	start := time.Date(2025, 4, 1, 18, 0, 0, 0, time.UTC)
	m, err := f.app.CreateMeeting(ctx, coord, f.a.ID, app.MeetingInput{Title: "Rally", Kind: domain.MeetingKindEvent, StartsAt: start, EndsAt: start.Add(2 * time.Hour)})
	must(err)
	item, err := f.app.AddActionItem(ctx, coord, f.a.ID, m.ID, app.ActionItemInput{Text: "Thank the speakers"})
	must(err)
	members, err := f.app.Members(ctx, coord, f.a.ID, "", 0)
	must(err)
	var two string
	for _, mm := range members.Items {
		if mm.ID != f.m1.ID {
			two = mm.OrganizationID
		}
	}
	at, err := f.app.RecordAttendance(ctx, coord, f.a.ID, m.ID, app.AttendanceInput{OrganizationID: two})
	must(err)
	f.ids["workstream_id"], f.ids["seat_id"], f.ids["task_id"] = ws.ID, seat.ID, task.ID
	f.ids["meeting_id"], f.ids["action_item_id"], f.ids["attendance_id"] = m.ID, item.ID, at.ID
	commitment, err := f.app.CreateCommitment(ctx, coord, f.a.ID, app.CommitmentInput{MembershipID: f.m1.ID, Text: "Turn out 20 people"})
	must(err)
	f.ids["commitment_id"] = commitment.ID
	token, err := f.app.NewCalendarFeed(ctx, f.users["observer"], f.a.ID)
	must(err)
	f.ids["file"] = token + ".ics"
	f.ids["org_two_id"] = two // not a path parameter: the seat request's body names it
}
