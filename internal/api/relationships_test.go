package api_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
)

func init() {
	for op, who := range map[string]string{
		"GET /api/v1/coalitions/{id}/relationships":                            "member",
		"POST /api/v1/coalitions/{id}/relationships":                           "member",
		"PUT /api/v1/coalitions/{id}/relationships/{relationship_id}":          "member",
		"DELETE /api/v1/coalitions/{id}/relationships/{relationship_id}":       "member",
		"POST /api/v1/coalitions/{id}/relationships/{relationship_id}/confirm": "member",
		"GET /api/v1/network":                                                      "user",
		"GET /api/v1/coalitions/{id}/impact":                                       "member",
		"GET /api/v1/coalitions/{id}/power-map":                                    "member",
		"POST /api/v1/coalitions/{id}/targets":                                     "member",
		"POST /api/v1/coalitions/{id}/targets/{target_id}/assessments":             "member",
		"PUT /api/v1/coalitions/{id}/targets/{target_id}/access/{organization_id}": "member",
	} {
		authExpectations[op] = who
	}
}

func TestRelationships(t *testing.T) {
	f := newFixture(t)
	rep2 := f.user("rep2")
	m2 := f.join(f.users["coord"], rep2, f.a, "Eastside Youth", domain.RoleMember, false)
	base := "/api/v1/coalitions/" + f.a.ID + "/relationships"
	body := func(from, to string, depth int) string {
		return `{"organization_id":"` + from + `","other_organization_id":"` + to + `","kind":"mentoring","depth":` + strconv.Itoa(depth) + `,"since":"2022-03-01"}`
	}
	one, two := f.memberA.OrganizationID, m2.OrganizationID
	f.run(t, []scenario{
		{name: "malformed JSON", method: "POST", path: base, actor: "rep", body: `{"organization_id":`, status: 400},
		{name: "depth 0", method: "POST", path: base, actor: "rep", body: body(one, two, 0), status: 422, want: `body.depth`},
		{name: "depth 6", method: "POST", path: base, actor: "rep", body: body(one, two, 6), status: 422, want: `body.depth`},
		{name: "self-tie", method: "POST", path: base, actor: "rep", body: body(one, one, 3), status: 422, want: `body.other_organization_id`},
		{name: "unknown kind", method: "POST", path: base, actor: "rep", body: strings.Replace(body(one, two, 3), "mentoring", "pals", 1), status: 422},
		{name: "bad date", method: "POST", path: base, actor: "rep", body: strings.Replace(body(one, two, 3), "2022-03-01", "2022-13-01", 1), status: 422, want: `body.since`},
		{name: "unknown organization", method: "POST", path: base, actor: "rep", body: body(one, "nope", 3), status: 404},
		{name: "another coalition's organization", method: "POST", path: base, actor: "rep", body: body(one, f.memberB.OrganizationID, 3), status: 404},
		{name: "not its representative", method: "POST", path: base, actor: "rep2", body: body(one, two, 3), status: 403},
		{name: "outsider", method: "POST", path: base, actor: "outsider", body: body(one, two, 3), status: 404},
		{name: "record", method: "POST", path: base, actor: "rep", body: body(one, two, 2), status: 201, want: `"other_organization_name":"Eastside Youth"`,
			header: map[string]string{"ETag": `"1"`, "Location": base + "/"}},
		{name: "duplicate", method: "POST", path: base, actor: "rep", body: body(one, two, 4), status: 409, want: "change that one instead"},
		{name: "list", method: "GET", path: base, actor: "coord", status: 200, want: `"confirmed":false`},
		{name: "list as outsider", method: "GET", path: base, actor: "outsider", status: 404},
		{name: "list wrong coalition", method: "GET", path: "/api/v1/coalitions/nope/relationships", actor: "coord", status: 404},
	})
	var list struct {
		Relationships []domain.Relationship `json:"relationships"`
	}
	if err := json.Unmarshal([]byte(f.get(base, "coord").body), &list); err != nil || len(list.Relationships) != 1 {
		t.Fatalf("list: %v %+v", err, list)
	}
	id := list.Relationships[0].ID
	f.run(t, []scenario{
		{name: "confirm own", method: "POST", path: base + "/" + id + "/confirm", actor: "rep", body: `{}`, status: 403},
		{name: "confirm depth 6", method: "POST", path: base + "/" + id + "/confirm", actor: "rep2", body: `{"depth":6}`, status: 422},
		{name: "confirm wrong id", method: "POST", path: base + "/nope/confirm", actor: "rep2", body: `{}`, status: 404},
		{name: "confirm", method: "POST", path: base + "/" + id + "/confirm", actor: "rep2", body: `{"depth":5}`, status: 201, want: `"depth":5`},
		{name: "confirm twice", method: "POST", path: base + "/" + id + "/confirm", actor: "rep2", body: `{}`, status: 409},
		// Mean of 2 and 5.
		{name: "merged", method: "GET", path: base, actor: "rep", status: 200, want: `"depth":3.5,"depth_a"`},
		{name: "update without If-Match", method: "PUT", path: base + "/" + id, actor: "rep", body: `{"kind":"funding","depth":4}`, status: 428},
		{name: "update stale", method: "PUT", path: base + "/" + id, actor: "rep", body: `{"kind":"funding","depth":4}`, headers: ifMatch(`"7"`), status: 412},
		{name: "update by other side", method: "PUT", path: base + "/" + id, actor: "rep2", body: `{"kind":"funding","depth":4}`, headers: ifMatch(`"1"`), status: 403},
		{name: "update", method: "PUT", path: base + "/" + id, actor: "rep", body: `{"kind":"funding","depth":4}`, headers: ifMatch(`"1"`), status: 200,
			want: `"kind":"funding"`, header: map[string]string{"ETag": `"2"`}},
		{name: "update from another coalition", method: "PUT", path: "/api/v1/coalitions/" + f.b.ID + "/relationships/" + id, actor: "repB",
			body: `{"kind":"funding","depth":4}`, headers: ifMatch(`"2"`), status: 404},
		{name: "delete by other side", method: "DELETE", path: base + "/" + id, actor: "rep2", status: 403},
		{name: "delete", method: "DELETE", path: base + "/" + id, actor: "rep", status: 204},
		{name: "delete again", method: "DELETE", path: base + "/" + id, actor: "rep", status: 404},
	})
}

// A path of three organizations: Riverside – Eastside (Riverside says 2, Eastside 4:
// mean 3) and Eastside – Northside (4). By hand: density 2·2/(3·2) = 0.6667; mean depth
// (3 + 4)/2 = 3.5; Eastside lies on the one shortest path between the other two, so its
// normalised betweenness is 1/1 = 1 and it is the only bridge.
func TestNetwork(t *testing.T) {
	f := newFixture(t)
	coord := f.users["coord"]
	east := f.join(coord, f.user("east"), f.a, "Eastside Youth", domain.RoleMember, false)
	north := f.join(coord, f.user("north"), f.a, "Northside Faith", domain.RoleMember, false)
	f.admin("root")
	base := "/api/v1/coalitions/" + f.a.ID + "/relationships"
	rec := func(actor, from, to string, depth int) {
		r := f.send("POST", base, actor, `{"organization_id":"`+from+`","other_organization_id":"`+to+`","kind":"worked_together","depth":`+strconv.Itoa(depth)+`}`, nil)
		if r.status != 201 {
			t.Fatalf("record: %d %s", r.status, r.body)
		}
	}
	rec("rep", f.memberA.OrganizationID, east.OrganizationID, 2)
	rec("east", east.OrganizationID, f.memberA.OrganizationID, 4)
	rec("north", north.OrganizationID, east.OrganizationID, 4)
	q := "/api/v1/network?coalition=" + f.a.ID
	f.run(t, []scenario{
		{name: "json", method: "GET", path: q, actor: "rep", status: 200, want: `"density":0.6666666666666666`},
		{name: "mean depth", method: "GET", path: q, actor: "rep", status: 200, want: `"mean_depth":3.5`},
		{name: "bridge", method: "GET", path: q, actor: "rep", status: 200, want: `"bridges":[{"id":"` + east.OrganizationID + `","betweenness":1}]`},
		{name: "exact", method: "GET", path: q, actor: "rep", status: 200, want: `"betweenness":{"exact":true,"pivots":3`},
		{name: "graphml", method: "GET", path: q + "&format=graphml", actor: "rep", status: 200, want: `<data key="weight">3</data>`,
			header: map[string]string{"Content-Type": "application/graphml+xml"}},
		{name: "outsider", method: "GET", path: q, actor: "outsider", status: 404},
		{name: "one of two not mine", method: "GET", path: q + "&coalition=" + f.b.ID, actor: "rep", status: 404},
		{name: "several", method: "GET", path: q + "&coalition=" + f.b.ID, actor: "root", status: 200, want: `"organizations":4`},
		{name: "no coalition", method: "GET", path: "/api/v1/network", actor: "rep", status: 422, want: `query.coalition`},
		{name: "bad format", method: "GET", path: q + "&format=png", actor: "rep", status: 422},
		{name: "deployment not admin", method: "GET", path: "/api/v1/network?scope=deployment", actor: "coord", status: 403},
		{name: "deployment", method: "GET", path: "/api/v1/network?scope=deployment", actor: "root", status: 200, want: `"coalitions":[]`},
		{name: "anonymous", method: "GET", path: q, status: 401},
	})
}

func TestPowerMap(t *testing.T) {
	f := newFixture(t)
	base := "/api/v1/coalitions/" + f.a.ID
	target := func(influence, stance int, date string) string {
		return `{"name":"Council President Reyes","kind":"person","campaign":"Bus lanes","assessment":{"influence":` +
			strconv.Itoa(influence) + `,"stance":` + strconv.Itoa(stance) + `,"assessed_on":"` + date + `"}}`
	}
	f.run(t, []scenario{
		{name: "stance 3", method: "POST", path: base + "/targets", actor: "rep", body: target(4, 3, "2026-01-01"), status: 422, want: "stance"},
		{name: "stance -3", method: "POST", path: base + "/targets", actor: "rep", body: target(4, -3, "2026-01-01"), status: 422},
		{name: "influence 0", method: "POST", path: base + "/targets", actor: "rep", body: target(0, 1, "2026-01-01"), status: 422},
		{name: "no date", method: "POST", path: base + "/targets", actor: "rep", body: target(4, 1, ""), status: 422},
		{name: "kind", method: "POST", path: base + "/targets", actor: "rep", body: strings.Replace(target(4, 1, "2026-01-01"), "person", "robot", 1), status: 422},
		{name: "malformed", method: "POST", path: base + "/targets", actor: "rep", body: `{"name":`, status: 400},
		{name: "outsider", method: "POST", path: base + "/targets", actor: "outsider", body: target(4, -1, "2026-01-01"), status: 404},
		{name: "create", method: "POST", path: base + "/targets", actor: "rep", body: target(4, -1, "2026-01-01"), status: 201, want: `"stance":-1`},
	})
	ts, err := f.app.PowerMap(t.Context(), f.users["coord"], f.a.ID)
	if err != nil || len(ts) != 1 {
		t.Fatalf("power map %v %v", ts, err)
	}
	tp := base + "/targets/" + ts[0].ID
	org := f.memberA.OrganizationID
	f.run(t, []scenario{
		{name: "assess", method: "POST", path: tp + "/assessments", actor: "coord", body: `{"influence":5,"stance":1,"assessed_on":"2026-03-01"}`, status: 201},
		{name: "assess wrong target", method: "POST", path: base + "/targets/nope/assessments", actor: "coord", body: `{"influence":5,"stance":1,"assessed_on":"2026-03-01"}`, status: 404},
		{name: "assess another coalition's", method: "POST", path: "/api/v1/coalitions/" + f.b.ID + "/targets/" + ts[0].ID + "/assessments", actor: "coordB",
			body: `{"influence":5,"stance":1,"assessed_on":"2026-03-01"}`, status: 404},
		{name: "access", method: "PUT", path: tp + "/access/" + org, actor: "rep", body: `{"strength":4}`, status: 200, want: `"strength":4`},
		{name: "access again updates", method: "PUT", path: tp + "/access/" + org, actor: "rep", body: `{"strength":5}`, status: 200, want: `"strength":5`},
		{name: "access strength 6", method: "PUT", path: tp + "/access/" + org, actor: "rep", body: `{"strength":6}`, status: 422},
		{name: "access not a member", method: "PUT", path: tp + "/access/" + f.memberB.OrganizationID, actor: "coord", body: `{"strength":2}`, status: 404},
		{name: "access not its rep", method: "PUT", path: tp + "/access/" + org, actor: "coord", body: `{"strength":2}`, status: 403},
		{name: "list", method: "GET", path: base + "/power-map", actor: "coord", status: 200, want: `"organization_name":"Riverside Tenants","strength":5`},
		{name: "list movement", method: "GET", path: base + "/power-map", actor: "coord", status: 200, want: `"stance":-1,"assessed_on":"2026-01-01"`},
	})
}

// The impact route answers members of the coalition only, with every section present.
func TestImpactRoute(t *testing.T) {
	f := newFixture(t)
	impact := "/api/v1/coalitions/" + f.a.ID + "/impact"
	f.run(t, []scenario{
		{name: "impact", method: "GET", path: impact, actor: "rep", status: 200,
			want: `"alignment":{"pairs":0,"co_signed":0,"co_voted":0,"aligned":0,"share":0,"proposals":0,"letters":0,"aligned_with_most_impacted":0}`},
		{name: "power", method: "GET", path: impact, actor: "rep", status: 200, want: `"power":{"members":1,"most_impacted":1`},
		{name: "another coalition", method: "GET", path: "/api/v1/coalitions/" + f.b.ID + "/impact", actor: "rep", status: 404},
		{name: "anonymous", method: "GET", path: impact, status: 401},
	})
}
