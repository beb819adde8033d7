package api_test

import (
	"context"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
)

func init() {
	for op, who := range map[string]string{
		"GET /api/v1/coalitions/{id}/voice-settings":                 "member",
		"PUT /api/v1/coalitions/{id}/voice-settings":                 "member",
		"GET /api/v1/coalitions/{id}/proposals":                      "member",
		"POST /api/v1/coalitions/{id}/proposals":                     "member",
		"GET /api/v1/coalitions/{id}/proposals/{proposal_id}":        "member",
		"PUT /api/v1/coalitions/{id}/proposals/{proposal_id}":        "member",
		"POST /api/v1/coalitions/{id}/proposals/{proposal_id}/open":  "member",
		"POST /api/v1/coalitions/{id}/proposals/{proposal_id}/close": "member",
		"PUT /api/v1/coalitions/{id}/proposals/{proposal_id}/stance": "member",
	} {
		authExpectations[op] = who
	}
}

func TestProposals(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	closes := time.Now().Add(48 * time.Hour).UTC().Format(time.RFC3339)
	base := "/api/v1/coalitions/" + f.a.ID + "/proposals"
	open, err := f.app.CreateProposal(ctx, f.users["coord"], f.a.ID, app.ProposalInput{Title: "Rent freeze", Body: "Support it.",
		Method: "consent", Quorum: 0.5, ClosesAt: time.Now().Add(time.Hour), PrincipleIDs: []string{f.principle.ID}, Open: true})
	if err != nil {
		t.Fatal(err)
	}
	draft, err := f.app.CreateProposal(ctx, f.users["rep"], f.a.ID, app.ProposalInput{Title: "Draft", Body: "Later.",
		Method: "poll_ranked", Quorum: 0.5, ClosesAt: time.Now().Add(time.Hour), Options: []string{"One", "Two"}})
	if err != nil {
		t.Fatal(err)
	}
	p, d := base+"/"+open.ID, base+"/"+draft.ID
	valid := `{"title":"Join the march","body":"On May 1.","method":"majority","quorum":0.5,"closes_at":"` + closes + `"}`
	f.run(t, []scenario{
		{name: "create", method: "POST", path: base, actor: "rep", body: valid, status: 201, want: `"status":"draft"`, header: map[string]string{"Location": base + "/"}},
		{name: "create poll without options", method: "POST", path: base, actor: "rep", status: 422, want: `"location":"body.options"`,
			body: `{"title":"Pick","body":"One","method":"poll_single","quorum":0.5,"closes_at":"` + closes + `"}`},
		{name: "create closing in the past", method: "POST", path: base, actor: "rep", status: 422, want: `"location":"body.closes_at"`,
			body: `{"title":"Late","body":"x","method":"consent","quorum":0.5,"closes_at":"2020-01-01T00:00:00Z"}`},
		{name: "create quorum out of range", method: "POST", path: base, actor: "rep", status: 422, want: `quorum`,
			body: `{"title":"Q","body":"x","method":"consent","quorum":1.5,"closes_at":"` + closes + `"}`},
		{name: "create unknown method", method: "POST", path: base, actor: "rep", status: 422, want: `method`,
			body: `{"title":"Q","body":"x","method":"lottery","quorum":0.5,"closes_at":"` + closes + `"}`},
		{name: "create malformed", method: "POST", path: base, actor: "rep", body: `{"title":`, status: 400},
		{name: "create as outsider", method: "POST", path: base, actor: "outsider", body: valid, status: 404},
		{name: "create in another coalition", method: "POST", path: "/api/v1/coalitions/" + f.b.ID + "/proposals", actor: "rep", body: valid, status: 404},
		{name: "list", method: "GET", path: base, actor: "rep", status: 200, want: `"title":"Rent freeze"`},
		{name: "get", method: "GET", path: p, actor: "rep", status: 200, want: `"stances":[]`},
		{name: "get wrong id", method: "GET", path: base + "/nope", actor: "rep", status: 404},
		{name: "get from another coalition", method: "GET", path: "/api/v1/coalitions/" + f.b.ID + "/proposals/" + open.ID, actor: "coordB", status: 404},
		{name: "block without reason", method: "PUT", path: p + "/stance", actor: "rep", status: 422, want: `"location":"body.reason"`,
			body: `{"position":"block","principle_id":"` + f.principle.ID + `"}`},
		{name: "block without principle", method: "PUT", path: p + "/stance", actor: "rep", status: 422, want: `"location":"body.principle_id"`,
			body: `{"position":"block","reason":"Harms tenants"}`},
		{name: "stance", method: "PUT", path: p + "/stance", actor: "rep", body: `{"position":"disagree","comment":"Too slow."}`, status: 200, want: `"position":"disagree"`},
		{name: "stance changed", method: "PUT", path: p + "/stance", actor: "rep", body: `{"position":"agree"}`, status: 200, want: `"position":"agree"`},
		{name: "stance twice is one stance", method: "GET", path: p, actor: "rep", status: 200, want: `"comment":""`},
		{name: "stance by a coordinator without an organization", method: "PUT", path: p + "/stance", actor: "coord", body: `{"position":"agree"}`, status: 403},
		{name: "stance on a draft", method: "PUT", path: d + "/stance", actor: "rep", body: `{"ranking":["x"]}`, status: 409},
		{name: "edit draft without If-Match", method: "PUT", path: d, actor: "rep", body: valid, status: 428},
		{name: "edit draft", method: "PUT", path: d, actor: "rep", body: valid, headers: ifMatch(`"1"`), status: 200, want: `"title":"Join the march"`},
		{name: "edit draft stale", method: "PUT", path: d, actor: "rep", body: valid, headers: ifMatch(`"1"`), status: 412},
		{name: "edit open proposal", method: "PUT", path: p, actor: "coord", body: valid, headers: ifMatch(`"2"`), status: 409},
		{name: "open draft", method: "POST", path: d + "/open", actor: "rep", status: 200, want: `"status":"open"`},
		{name: "open again", method: "POST", path: d + "/open", actor: "rep", status: 409},
		{name: "close as member", method: "POST", path: p + "/close", actor: "rep", status: 403},
		{name: "close", method: "POST", path: p + "/close", actor: "coord", status: 200, want: `"result":"passed"`},
		{name: "outcome shows its arithmetic", method: "GET", path: p, actor: "rep", status: 200, want: `"arithmetic":"⌈0.5 × 1⌉ = 1; 1 = 1"`},
		{name: "stance after closing", method: "PUT", path: p + "/stance", actor: "rep", body: `{"position":"disagree"}`, status: 409, want: "closed"},
		{name: "close again", method: "POST", path: p + "/close", actor: "coord", status: 409},
		{name: "voice settings", method: "GET", path: "/api/v1/coalitions/" + f.a.ID + "/voice-settings", actor: "rep", status: 200, want: `"stances_by":"organization"`},
		{name: "voice settings as member", method: "PUT", path: "/api/v1/coalitions/" + f.a.ID + "/voice-settings", actor: "rep", status: 403,
			body: `{"stances_by":"person","queue_order":"first_come"}`},
		{name: "voice settings bad value", method: "PUT", path: "/api/v1/coalitions/" + f.a.ID + "/voice-settings", actor: "coord", status: 422,
			body: `{"stances_by":"everyone","queue_order":"first_come"}`},
		{name: "voice settings set", method: "PUT", path: "/api/v1/coalitions/" + f.a.ID + "/voice-settings", actor: "coord", status: 200,
			body: `{"stances_by":"person","queue_order":"first_come"}`, want: `"stances_by":"person"`},
	})
}

func init() {
	authExpectations["GET /api/v1/coalitions/{id}/stepping-backs"] = "member"
	authExpectations["POST /api/v1/coalitions/{id}/stepping-backs"] = "member"
	authExpectations["POST /api/v1/coalitions/{id}/stepping-backs/{stepping_back_id}/return"] = "member"
}

func TestSteppingBacks(t *testing.T) {
	f := newFixture(t)
	base := "/api/v1/coalitions/" + f.a.ID + "/stepping-backs"
	f.run(t, []scenario{
		{name: "step back without reason", method: "POST", path: base, actor: "rep", body: `{"scope":"coalition"}`, status: 422, want: "reason"},
		{name: "step back unknown reason", method: "POST", path: base, actor: "rep", body: `{"scope":"coalition","reason":"tired"}`, status: 422},
		{name: "step back for nobody", method: "POST", path: base, actor: "coord", body: `{"scope":"coalition","reason":"capacity"}`, status: 403},
		{name: "step back as outsider", method: "POST", path: base, actor: "outsider", body: `{"scope":"coalition","reason":"capacity"}`, status: 404},
		{name: "step back", method: "POST", path: base, actor: "rep", body: `{"scope":"coalition","reason":"capacity","note":"Staff on leave"}`, status: 201, want: `"reason":"capacity"`},
		{name: "step back twice", method: "POST", path: base, actor: "rep", body: `{"scope":"coalition","reason":"capacity"}`, status: 409},
		{name: "list", method: "GET", path: base, actor: "coord", status: 200, want: `"note":"Staff on leave"`},
		{name: "return unknown", method: "POST", path: base + "/nope/return", actor: "rep", status: 404},
	})
}
