package api_test

import (
	"context"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

func init() {
	for op, who := range map[string]string{
		"GET /api/v1/coalitions/{id}/meetings/{meeting_id}/speaking-queue":                          "member",
		"POST /api/v1/coalitions/{id}/meetings/{meeting_id}/speaking-queue":                         "member",
		"POST /api/v1/coalitions/{id}/meetings/{meeting_id}/speaking-queue/close":                   "member",
		"PUT /api/v1/coalitions/{id}/meetings/{meeting_id}/speaking-queue/hand":                     "member",
		"DELETE /api/v1/coalitions/{id}/meetings/{meeting_id}/speaking-queue/hand":                  "member",
		"POST /api/v1/coalitions/{id}/meetings/{meeting_id}/speaking-queue/next":                    "member",
		"PUT /api/v1/coalitions/{id}/meetings/{meeting_id}/speaking-queue/hands/{user_id}/position": "member",
		"DELETE /api/v1/coalitions/{id}/meetings/{meeting_id}/speaking-queue/hands/{user_id}":       "member",
		"GET /api/v1/coalitions/{id}/meetings/{meeting_id}/speaking-queue/events":                   "member",
		"GET /api/v1/coalitions/{id}/meetings/{meeting_id}/speaking-time":                           "member",
	} {
		authExpectations[op] = who
	}
}

// queueFixture is the API fixture with a meeting in each coalition.
type queueFixture struct {
	*fixture
	meeting, otherMeeting string
	base                  string
}

func newQueueFixture(t *testing.T) *queueFixture {
	t.Helper()
	f := newFixture(t)
	ctx := context.Background()
	start := time.Now().UTC().Truncate(time.Minute)
	in := app.MeetingInput{Title: "Monthly meeting", Kind: domain.MeetingKindMeeting, StartsAt: start, EndsAt: start.Add(time.Hour)}
	m, err := f.app.CreateMeeting(ctx, f.users["coord"], f.a.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	other, err := f.app.CreateMeeting(ctx, f.users["coordB"], f.b.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	return &queueFixture{fixture: f, meeting: m.ID, otherMeeting: other.ID,
		base: "/api/v1/coalitions/" + f.a.ID + "/meetings/" + m.ID + "/speaking-queue"}
}

func TestSpeakingQueueAPI(t *testing.T) {
	f := newQueueFixture(t)
	q := f.base
	other := "/api/v1/coalitions/" + f.b.ID + "/meetings/" + f.otherMeeting + "/speaking-queue"
	crossed := "/api/v1/coalitions/" + f.a.ID + "/meetings/" + f.otherMeeting + "/speaking-queue"
	org := f.memberA.OrganizationID
	f.run(t, []scenario{
		{name: "no queue yet", method: "GET", path: q, actor: "rep", status: 404},
		{name: "raise before opening", method: "PUT", path: q + "/hand", actor: "rep", body: `{}`, status: 404},
		{name: "open as member", method: "POST", path: q, actor: "rep", status: 403},
		{name: "open", method: "POST", path: q, actor: "coord", status: 200, want: `"status":"open"`},
		{name: "open twice", method: "POST", path: q, actor: "coord", status: 409},
		{name: "open another coalition's meeting", method: "POST", path: other, actor: "coord", status: 404},
		{name: "another coalition's meeting under ours", method: "POST", path: crossed, actor: "coord", status: 404},
		{name: "raise malformed", method: "PUT", path: q + "/hand", actor: "rep", body: `{"organization_id":`, status: 400},
		{name: "raise for someone else's organization", method: "PUT", path: q + "/hand", actor: "coord", body: `{"organization_id":"` + org + `"}`,
			status: 422, want: `"location":"body.organization_id"`},
		{name: "raise", method: "PUT", path: q + "/hand", actor: "rep", body: `{"organization_id":"` + org + `"}`, status: 200,
			want: `"organization_name":"Riverside Tenants"`},
		{name: "raise again is idempotent", method: "PUT", path: q + "/hand", actor: "rep", body: `{}`, status: 200, want: `"organization_id":"` + org + `"`},
		{name: "coordinator raises", method: "PUT", path: q + "/hand", actor: "coord", body: `{}`, status: 200, want: `"position":2`},
		{name: "outsider raises", method: "PUT", path: q + "/hand", actor: "outsider", body: `{}`, status: 404},
		{name: "call next as member", method: "POST", path: q + "/next", actor: "rep", status: 403},
		{name: "move as member", method: "PUT", path: q + "/hands/x/position", actor: "rep", body: `{"position":1}`, status: 403},
		{name: "move unknown hand", method: "PUT", path: q + "/hands/x/position", actor: "coord", body: `{"position":1}`, status: 404},
		{name: "move to 0", method: "PUT", path: q + "/hands/x/position", actor: "coord", body: `{"position":0}`, status: 422},
		{name: "move malformed", method: "PUT", path: q + "/hands/x/position", actor: "coord", body: `{"position":"first"}`, status: 422},
		{name: "remove as member", method: "DELETE", path: q + "/hands/x", actor: "rep", status: 403},
		{name: "call next", method: "POST", path: q + "/next", actor: "coord", status: 200, want: `"speaking":{`},
		{name: "lower", method: "DELETE", path: q + "/hand", actor: "coord", status: 200, want: `"hands":[]`},
		{name: "lower again", method: "DELETE", path: q + "/hand", actor: "coord", status: 200, want: `"hands":[]`},
		{name: "speaking time", method: "GET", path: "/api/v1/coalitions/" + f.a.ID + "/meetings/" + f.meeting + "/speaking-time", actor: "rep", status: 200, want: `[`},
		{name: "close as member", method: "POST", path: q + "/close", actor: "rep", status: 403},
		{name: "close", method: "POST", path: q + "/close", actor: "coord", status: 200, want: `"status":"closed"`},
		{name: "raise on a closed queue", method: "PUT", path: q + "/hand", actor: "rep", body: `{}`, status: 404},
		{name: "call next on a closed queue", method: "POST", path: q + "/next", actor: "coord", status: 404},
		{name: "get closed", method: "GET", path: q, actor: "rep", status: 200, want: `"seconds":`},
	})
	// Moving a real hand, and removing it.
	f.send("POST", q, "coord", "", nil)
	var body struct {
		Hands []struct {
			ID string `json:"user_id"`
		} `json:"hands"`
	}
	f.send("PUT", q+"/hand", "rep", `{}`, nil).json(t, &body)
	f.send("PUT", q+"/hand", "coord", `{}`, nil).json(t, &body)
	f.run(t, []scenario{
		{name: "move", method: "PUT", path: q + "/hands/" + body.Hands[1].ID + "/position", actor: "coord", body: `{"position":1}`, status: 200,
			want: `"pinned_position":1`},
		{name: "remove", method: "DELETE", path: q + "/hands/" + body.Hands[1].ID, actor: "coord", status: 200, absent: `"position":2`},
	})
}
