package api_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

func init() {
	authExpectations["GET /api/v1/coalitions/{id}/wins"] = "member"
	authExpectations["POST /api/v1/coalitions/{id}/wins"] = "member"
	authExpectations["GET /api/v1/coalitions/{id}/wins/{win_id}"] = "member"
	authExpectations["PUT /api/v1/coalitions/{id}/wins/{win_id}"] = "member"
	authExpectations["GET /api/v1/coalitions/{id}/phase-changes"] = "member"
	authExpectations["POST /api/v1/coalitions/{id}/phase-changes"] = "member"
	authExpectations["GET /api/v1/coalitions/{id}/timeline"] = "member"
	authExpectations["GET /api/v1/coalitions/{id}/momentum"] = "member"
	authExpectations["DELETE /api/v1/coalitions/{id}/wins/{win_id}"] = "member"
	authExpectations["POST /api/v1/coalitions/{id}/wins/{win_id}/thanks"] = "member"
	authExpectations["GET /api/v1/coalitions/{id}/thanks"] = "member"
	authExpectations["GET /api/v1/organizations/{id}/thanks"] = "user"
}

func TestWins(t *testing.T) {
	f := newFixture(t)
	second := f.join(f.users["coord"], f.user("rep2"), f.a, "Eastside Youth Power", domain.RoleMember, false)
	one, two := f.memberA.OrganizationID, second.OrganizationID
	wins := "/api/v1/coalitions/" + f.a.ID + "/wins"
	twoCredits := `{"date":"2025-02-10","title":"Ordinance passed","kind":"policy","size":"major","public":true,` +
		`"credits":[{"organization_id":"` + one + `","contribution":"Drafted it","weight":3},{"organization_id":"` + two + `","contribution":"Turned out 40 people"}]}`
	withCredits := func(credits string) string {
		return `{"date":"2025-03-01","title":"Another","kind":"narrative","size":"short_term","credits":` + credits + `}`
	}
	f.run(t, []scenario{
		{name: "create with two credits", method: "POST", path: wins, actor: "rep", body: twoCredits, status: 201,
			want: `"weight":1,"organization_name":"Eastside Youth Power"`, header: map[string]string{"ETag": `"1"`, "Location": wins + "/"}},
		{name: "create again is a duplicate", method: "POST", path: wins, actor: "coord", body: twoCredits, status: 409, want: "already recorded"},
		{name: "negative weight", method: "POST", path: wins, actor: "coord", body: withCredits(`[{"organization_id":"` + one + `","weight":-1}]`),
			status: 422, want: `"location":"body.credits[0].weight"`},
		{name: "all weights zero", method: "POST", path: wins, actor: "coord",
			body:   withCredits(`[{"organization_id":"` + one + `","weight":0},{"organization_id":"` + two + `","weight":0}]`),
			status: 422, want: "weight above zero"},
		{name: "credit to another coalition's organization", method: "POST", path: wins, actor: "coord",
			body: withCredits(`[{"organization_id":"` + f.memberB.OrganizationID + `"}]`), status: 422,
			want: `"location":"body.credits[0].organization_id"`},
		{name: "same organization twice", method: "POST", path: wins, actor: "coord",
			body: withCredits(`[{"organization_id":"` + one + `"},{"organization_id":"` + one + `"}]`), status: 422, want: "credited twice"},
		{name: "bad date", method: "POST", path: wins, actor: "coord", body: strings.Replace(twoCredits, "2025-02-10", "10/02/2025", 1), status: 422,
			want: `"location":"body.date"`},
		{name: "unknown kind", method: "POST", path: wins, actor: "coord", body: strings.Replace(twoCredits, `"policy"`, `"vibes"`, 1), status: 422,
			want: `"location":"body.kind"`},
		{name: "malformed JSON", method: "POST", path: wins, actor: "coord", body: `{"title":`, status: 400},
		{name: "another coalition", method: "POST", path: "/api/v1/coalitions/" + f.b.ID + "/wins", actor: "coord", body: twoCredits, status: 404},
		{name: "outsider", method: "POST", path: wins, actor: "outsider", body: twoCredits, status: 404},
		{name: "anonymous", method: "POST", path: wins, body: twoCredits, status: 401},
		{name: "refused input wrote nothing", method: "GET", path: wins, actor: "rep", status: 200, want: `"title":"Ordinance passed"`, absent: `"Another"`},
		{name: "list of another coalition", method: "GET", path: "/api/v1/coalitions/" + f.b.ID + "/wins", actor: "rep", status: 404},
		{name: "public page shows the win", method: "GET", path: "/api/v1/public/coalitions/" + f.a.Slug, status: 200,
			want: `"contribution":"Turned out 40 people"`},
	})

	var list struct{ Wins []domain.Win }
	f.get(wins, "rep").json(t, &list)
	id := list.Wins[0].ID
	win := wins + "/" + id
	change := `{"date":"2025-02-11","title":"Ordinance adopted","kind":"policy","size":"major","description":"7–2","public":false,` +
		`"credits":[{"organization_id":"` + two + `","contribution":"Everything","weight":1}]}`
	f.run(t, []scenario{
		{name: "get", method: "GET", path: win, actor: "rep", status: 200, want: `"weight":3`, header: map[string]string{"ETag": `"1"`}},
		{name: "get wrong id", method: "GET", path: wins + "/nope", actor: "rep", status: 404},
		{name: "get through another coalition", method: "GET", path: "/api/v1/coalitions/" + f.b.ID + "/wins/" + id, actor: "coordB", status: 404},
		{name: "update without If-Match", method: "PUT", path: win, actor: "rep", body: change, status: 428},
		{name: "update partial body", method: "PUT", path: win, actor: "rep", body: `{"title":"x"}`, headers: ifMatch(`"1"`), status: 422},
		{name: "update all zero", method: "PUT", path: win, actor: "rep", body: strings.Replace(change, `"weight":1`, `"weight":0`, 1),
			headers: ifMatch(`"1"`), status: 422, want: "weight above zero"},
		{name: "update", method: "PUT", path: win, actor: "rep", body: change, headers: ifMatch(`"1"`), status: 200,
			want: `"title":"Ordinance adopted"`, header: map[string]string{"ETag": `"2"`}},
		{name: "update stale", method: "PUT", path: win, actor: "rep", body: change, headers: ifMatch(`"1"`), status: 412},
		{name: "update through another coalition", method: "PUT", path: "/api/v1/coalitions/" + f.b.ID + "/wins/" + id, actor: "coordB", body: change,
			headers: ifMatch(`"2"`), status: 404},
		{name: "no longer public", method: "GET", path: "/api/v1/public/coalitions/" + f.a.Slug, status: 200, want: `"wins":[]`},
		// After the update the one win credits Eastside Youth Power alone: its credit is 1.
		{name: "credit dimension", method: "GET", path: "/api/v1/coalitions/" + f.a.ID + "/equity?dimension=credit", actor: "rep", status: 200,
			want: `"total":1`},
		{name: "credit dimension, period without wins", method: "GET", path: "/api/v1/coalitions/" + f.a.ID + "/equity?dimension=credit&from=2025-03-01",
			actor: "rep", status: 200, want: `"total":0`},
		// Deleting: If-Match required and checked, others' wins hidden, credits go too.
		{name: "delete without If-Match", method: "DELETE", path: win, actor: "rep", status: 428},
		{name: "delete stale", method: "DELETE", path: win, actor: "rep", headers: ifMatch(`"1"`), status: 412},
		{name: "delete through another coalition", method: "DELETE", path: "/api/v1/coalitions/" + f.b.ID + "/wins/" + id, actor: "coordB",
			headers: ifMatch(`"2"`), status: 404},
		{name: "delete as outsider", method: "DELETE", path: win, actor: "outsider", headers: ifMatch(`"2"`), status: 404},
		{name: "delete wrong id", method: "DELETE", path: wins + "/nope", actor: "rep", headers: ifMatch(`"2"`), status: 404},
		{name: "still there", method: "GET", path: win, actor: "rep", status: 200},
		{name: "delete", method: "DELETE", path: win, actor: "rep", headers: ifMatch(`"2"`), status: 204},
		{name: "gone", method: "GET", path: win, actor: "rep", status: 404},
		{name: "delete twice", method: "DELETE", path: win, actor: "rep", headers: ifMatch(`"2"`), status: 404},
		{name: "credit dimension after delete", method: "GET", path: "/api/v1/coalitions/" + f.a.ID + "/equity?dimension=credit", actor: "rep", status: 200,
			want: `"total":0`},
		{name: "audit keeps it", method: "GET", path: "/api/v1/coalitions/" + f.a.ID + "/audit-log", actor: "coord", status: 200,
			want: `"action":"win.delete"`},
	})
}

func TestPhaseChanges(t *testing.T) {
	f := newFixture(t)
	moves := "/api/v1/coalitions/" + f.a.ID + "/phase-changes"
	move := `{"to_phase":"campaign","on":"2025-01-15","learned":"Trust takes time","carry_forward":"Monthly meals"}`
	f.run(t, []scenario{
		{name: "without retrospective", method: "POST", path: moves, actor: "coord", body: `{"to_phase":"campaign"}`, status: 422, want: "learned"},
		{name: "blank retrospective", method: "POST", path: moves, actor: "coord", body: `{"to_phase":"campaign","learned":" ","carry_forward":" "}`,
			status: 422, want: `"location":"body.learned"`},
		{name: "unknown phase", method: "POST", path: moves, actor: "coord", body: strings.Replace(move, "campaign", "victory", 1), status: 422,
			want: `"location":"body.to_phase"`},
		{name: "to the current phase", method: "POST", path: moves, actor: "coord", body: strings.Replace(move, "campaign", "forming", 1), status: 409},
		{name: "in the future", method: "POST", path: moves, actor: "coord", body: strings.Replace(move, "2025-01-15", "2999-01-01", 1), status: 422,
			want: `"location":"body.on"`},
		{name: "as a member", method: "POST", path: moves, actor: "rep", body: move, status: 403},
		{name: "another coalition", method: "POST", path: "/api/v1/coalitions/" + f.b.ID + "/phase-changes", actor: "coord", body: move, status: 404},
		{name: "nothing moved", method: "GET", path: "/api/v1/coalitions/" + f.a.ID, actor: "coord", status: 200, want: `"phase":"forming"`},
		{name: "move", method: "POST", path: moves, actor: "coord", body: move, status: 201, want: `"from_phase":"forming"`},
		{name: "move again", method: "POST", path: moves, actor: "coord", body: move, status: 409},
		{name: "list", method: "GET", path: moves, actor: "rep", status: 200, want: `"carry_forward":"Monthly meals"`},
		{name: "moved", method: "GET", path: "/api/v1/coalitions/" + f.a.ID, actor: "rep", status: 200, want: `"phase":"campaign"`,
			header: map[string]string{"ETag": `"2"`}},
		{name: "edit cannot move", method: "PUT", path: "/api/v1/coalitions/" + f.a.ID, actor: "coord", headers: ifMatch(`"2"`),
			body:   `{"name":"Housing Justice","goal":"Win","theory_of_change":"","issue_areas":[],"geography":"","phase":"movement","public":true}`,
			status: 422, want: "phase-changes"},
		{name: "edit without phase keeps it", method: "PUT", path: "/api/v1/coalitions/" + f.a.ID, actor: "coord", headers: ifMatch(`"2"`),
			body:   `{"name":"Housing Justice","goal":"Win","theory_of_change":"","issue_areas":[],"geography":"","public":true}`,
			status: 200, want: `"phase":"campaign"`},
		{name: "timeline", method: "GET", path: "/api/v1/coalitions/" + f.a.ID + "/timeline", actor: "rep", status: 200,
			want: `"phase":"campaign","from":"2025-01-15","to":"","wins":[]`},
		{name: "timeline of another coalition", method: "GET", path: "/api/v1/coalitions/" + f.b.ID + "/timeline", actor: "rep", status: 404},
		// Momentum: one month of an empty coalition, bad ranges refused, others' hidden.
		{name: "momentum", method: "GET", path: "/api/v1/coalitions/" + f.a.ID + "/momentum?months=1", actor: "rep", status: 200,
			want: `"meetings_held":0,"attending_organizations":0,"tasks_done":0,"wins":0}],"last_meetings":0,"reach_out":[]`},
		{name: "momentum of 37 months", method: "GET", path: "/api/v1/coalitions/" + f.a.ID + "/momentum?months=37", actor: "rep", status: 422,
			want: `"location":"query.months"`},
		{name: "momentum of no months", method: "GET", path: "/api/v1/coalitions/" + f.a.ID + "/momentum?months=x", actor: "rep", status: 422},
		{name: "momentum of another coalition", method: "GET", path: "/api/v1/coalitions/" + f.b.ID + "/momentum", actor: "rep", status: 404},
		{name: "momentum anonymously", method: "GET", path: "/api/v1/coalitions/" + f.a.ID + "/momentum", status: 401},
	})
}

// The responses of the wins and phases operations match the schemas the document declares.
func TestWinResponsesMatchSchema(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if _, err := f.app.CreateWin(ctx, f.users["coord"], f.a.ID, domain.Win{Date: "2025-02-10", Title: "Won", Kind: "policy", Size: "major", Public: true,
		Credits: []domain.Credit{{OrganizationID: f.memberA.OrganizationID, Weight: 1}}}); err != nil {
		t.Fatal(err)
	}
	doc := f.get("/api/v1/openapi.json", "")
	c := jsonschema.NewCompiler()
	parsed, err := jsonschema.UnmarshalJSON(strings.NewReader(doc.body))
	if err != nil {
		t.Fatal(err)
	}
	const base = "https://braid.example/openapi.json"
	if err := c.AddResource(base, parsed); err != nil {
		t.Fatal(err)
	}
	var schemas struct {
		Components struct{ Schemas map[string]json.RawMessage } `json:"components"`
	}
	if err := json.Unmarshal([]byte(doc.body), &schemas); err != nil {
		t.Fatal(err)
	}
	for path, schema := range map[string]string{
		"/api/v1/coalitions/" + f.a.ID + "/wins":          "WinList",
		"/api/v1/coalitions/" + f.a.ID + "/phase-changes": "PhaseChangeList",
		"/api/v1/coalitions/" + f.a.ID + "/timeline":      "Timeline",
		"/api/v1/coalitions/" + f.a.ID + "/momentum":      "Momentum",
		"/api/v1/public/coalitions/" + f.a.Slug:           "PublicCoalition",
	} {
		sch, err := c.Compile(base + "#/components/schemas/" + schema)
		if err != nil {
			t.Fatalf("%s: %v", schema, err)
		}
		r := f.get(path, "coord")
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(r.body))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("GET %s does not match %s: %v\n%.500s", path, schema, err, r.body)
		}
	}
}

// Thanks for a win: sent by those who record wins, to a member organization, shown to
// whoever shares a coalition with it, never to others.
func TestThanks(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	w, err := f.app.CreateWin(ctx, f.users["coord"], f.a.ID, domain.Win{Date: "2025-02-10", Title: "Hearing won", Kind: "policy", Size: "major",
		Credits: []domain.Credit{{OrganizationID: f.memberA.OrganizationID, Weight: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	thanks := "/api/v1/coalitions/" + f.a.ID + "/wins/" + w.ID + "/thanks"
	org := f.memberA.OrganizationID
	f.run(t, []scenario{
		{name: "send", method: "POST", path: thanks, actor: "coord", body: `{"organization_id":"` + org + `","message":"You packed the room."}`, status: 201,
			want: `"message":"You packed the room."`},
		{name: "empty message", method: "POST", path: thanks, actor: "coord", body: `{"organization_id":"` + org + `","message":""}`, status: 422},
		{name: "not a member", method: "POST", path: thanks, actor: "coord", body: `{"organization_id":"` + f.memberB.OrganizationID + `","message":"x"}`,
			status: 422, want: "body.organization_id"},
		{name: "another coalition's win", method: "POST", path: "/api/v1/coalitions/" + f.b.ID + "/wins/" + w.ID + "/thanks", actor: "coordB",
			body: `{"organization_id":"` + f.memberB.OrganizationID + `","message":"x"}`, status: 404},
		{name: "list", method: "GET", path: "/api/v1/coalitions/" + f.a.ID + "/thanks", actor: "rep", status: 200, want: `"message":"You packed the room."`},
		{name: "on the profile", method: "GET", path: "/api/v1/organizations/" + org + "/thanks", actor: "rep", status: 200,
			want: `"coalition_name":"Housing Justice","win_id":"` + w.ID + `","win_title":"Hearing won"`},
		{name: "not for strangers", method: "GET", path: "/api/v1/organizations/" + org + "/thanks", actor: "outsider", status: 200, want: `"thanks":[]`},
	})
}
